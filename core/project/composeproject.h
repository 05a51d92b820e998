#pragma once

#include "model/analyzer.h"
#include "model/format.h"
#include "project/projectsource.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace deadbolt {

// A Compose project as docker compose reads it: the -f files in order (or the default
// compose.yaml and its override), each after the files its top-level `include:` pulls in, and
// the files that `extends: {file: ...}` names, which add no services of their own.
struct ProjectFile
{
    enum class Role { TopLevel, Included, ExtendsOnly };
    QString path;  // absolute: the file's identity
    QString shown; // as reports name it: relative to the current folder when the project was
                   // given relative paths, else absolute
    ParsedFile parsed;
    FormatInfo info;
    Role role = Role::TopLevel;
};

struct ComposeProject
{
    QString directory;
    std::vector<ProjectFile> files; // in merge order; Location::file indexes it
    Diagnostics errors;             // with file, line and column: the project cannot be read
    bool relative = false;          // given relative paths: reports name files relative too
    std::shared_ptr<const ProjectSource> source = diskSource(); // where its files are read from
    int indexOf(const QString &absolutePath) const;
    QStringList paths() const; // as shown
    void showPaths();          // errors name files as shown
};

// The files docker compose reads in dir when given no -f: the first of compose.yaml,
// compose.yml, docker-compose.yaml and docker-compose.yml, plus its .override file (the
// override of the same stem, either extension). Empty when dir has none.
QStringList defaultProjectFiles(const QString &dir, const ProjectSource &source = *diskSource());
// The same over any set of files: `exists` is asked about dir/NAME as that path is given.
QStringList defaultProjectFiles(const QString &dir, const std::function<bool(const QString &)> &exists);

// COMPOSE_FILE's value split as docker compose splits it: at COMPOSE_PATH_SEPARATOR, ':' when
// unset (';' on Windows).
QStringList composeFileList(const QString &composeFile, const QString &separator);

// A DB013 error: the project does not hold together, at `at` in `file`.
Diagnostic projectError(const QString &file, const Location &at, const QString &message);

// Reads every file of the project and what it includes. `directory` is the project directory
// (docker compose's --project-directory; by default the first file's folder): relative -f
// paths are read from the current directory, as docker compose reads them. The files come
// from `source` (default: the disk), which also names them in reports when it has a label.
ComposeProject loadProject(const QStringList &files, const QString &directory = {},
                           std::shared_ptr<const ProjectSource> source = nullptr);

// The project of one file already parsed (a file read alone that uses `extends:`): what it
// includes and extends is read too, the file itself not again.
ComposeProject projectOf(ParsedFile file);

// Loads the file `extends: {file: ...}` names (relative to the folder of the file that says
// so), once; its index, or -1 with an error in project.errors.
int loadExtendsFile(ComposeProject &project, const QString &path, const Location &at, int from);

// The effective workloads of the project: every service merged over its files and `extends`
// as docker compose merges them, with where each value comes from; the policy rules applied.
// A project with errors gives them and no workloads.
Analysis analyzeProject(ComposeProject &project);

} // namespace deadbolt

#pragma once

#include "project/projectsource.h"
#include "review/review.h"

#include <QMap>
#include <QSet>
#include <QStringList>
#include <functional>
#include <memory>

namespace deadbolt {

// One side of a compared Compose project: the -f files, read from `source` (the disk, or a
// revision), relative ones from `base`.
struct ProjectSideSpec
{
    QString base;      // the folder the files and the project directory are relative to
    QStringList files; // as given with -f
    QString directory; // --project-directory, relative to base; empty: the first file's folder
    std::shared_ptr<const ProjectSource> source;
};

// A Compose project compared as docker compose merges it (`deadbolt-cli diff -f A -f B`):
// the effective workloads of each side. A -f file missing on one side is left out of that
// side's merge (a pull request that adds an override file); a side with none of them is
// absent, its workloads all added or removed; a file missing on both sides is an error.
FileReview reviewProject(const ProjectSideSpec &before, const ProjectSideSpec &after);

// The folders among `names` ("deploy/compose.yaml") whose default project files (compose.yaml
// and the like) include an override file on either side: docker compose reads those files
// together, so `diff` compares them as one project. Each group is keyed by its first file.
// `before` and `after` say whether a side has a file (a working tree has its untracked
// override file too: docker compose reads it).
using HasFile = std::function<bool(const QString &)>;
QMap<QString, QStringList> defaultProjects(const QStringList &names, const HasFile &before,
                                           const HasFile &after);

// The same -f files under two directories (`diff OLD NEW -f compose.yaml -f ...`).
Review reviewProjectDirectories(const QString &oldDir, const QString &newDir, const QStringList &files,
                                const QString &projectDirectory);

// The -f files (relative to workDir) in a revision and in the working tree or a second one.
Review reviewGitProject(const QString &workDir, const QString &range, const QStringList &files,
                        const QString &projectDirectory);

} // namespace deadbolt

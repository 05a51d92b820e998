#include "review/projectreview.h"

#include "project/composeproject.h"
#include "review/comparer.h"
#include "review/gitsource.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace deadbolt {

namespace {

// base/path as given (relative ones stay relative, so reports name them so).
QString joined(const QString &base, const QString &path)
{
    if (QDir::isAbsolutePath(path) || base.isEmpty() || base == QLatin1String("."))
        return path;
    return QDir::cleanPath(base + QLatin1Char('/') + path);
}

bool isFileIn(const ProjectSideSpec &spec, const QString &path)
{
    return spec.source->isFile(QDir::cleanPath(QFileInfo(joined(spec.base, path)).absoluteFilePath()));
}

// Reads one side, left absent when none of its files is there.
void readSide(const ProjectSideSpec &spec, ReviewSide &side, Diagnostics &errors)
{
    QStringList present;
    for (const QString &f : spec.files)
        if (isFileIn(spec, f))
            present.append(joined(spec.base, f));
    if (present.isEmpty())
        return;
    const QString directory = spec.directory.isEmpty() ? QString() : joined(spec.base, spec.directory);
    ComposeProject project = loadProject(present, directory, spec.source);
    side.present = true;
    side.analysis = analyzeProject(project);
    for (const ProjectFile &f : project.files)
        side.projectFiles.push_back({f.shown, f.path, f.parsed.text.bytes()});
    side.label = project.paths().join(QLatin1String(" + "));
    side.analysis.path = side.label;
    errors += side.analysis.errors;
}

} // namespace

QMap<QString, QStringList> defaultProjects(const QStringList &names, const HasFile &before,
                                           const HasFile &after)
{
    QSet<QString> folders;
    for (const QString &n : names)
        folders.insert(QFileInfo(n).path());
    QMap<QString, QStringList> groups;
    for (const QString &folder : std::as_const(folders)) {
        QStringList members;
        for (const HasFile *side : {&after, &before})
            for (const QString &f :
                 defaultProjectFiles(folder, [&](const QString &p) { return (*side)(QDir::cleanPath(p)); }))
                if (const QString name = QDir::cleanPath(f); !members.contains(name))
                    members.append(name);
        // The base file first, then the override, whichever side named them.
        std::stable_partition(members.begin(), members.end(),
                              [](const QString &m) { return !m.contains(QLatin1String(".override.")); });
        if (members.size() >= 2 && std::any_of(members.begin(), members.end(), [](const QString &m) {
                return m.contains(QLatin1String(".override."));
            }))
            groups.insert(members.first(), members);
    }
    return groups;
}

FileReview reviewProject(const ProjectSideSpec &before, const ProjectSideSpec &after)
{
    FileReview file;
    file.path = after.files.join(QLatin1String(" + "));
    for (const QString &f : after.files)
        if (!isFileIn(before, f) && !isFileIn(after, f))
            file.errors.append(reviewError(QStringLiteral("%1: no such file on either side").arg(f), f));
    if (!file.errors.isEmpty())
        return file;
    readSide(before, file.before, file.errors);
    readSide(after, file.after, file.errors);
    // Labels for an absent side, so reports can still say what was compared.
    if (!file.before.present)
        file.before.label = file.path;
    if (!file.after.present)
        file.after.label = file.path;
    // With one side broken, every workload of the other would look added or removed.
    if (file.errors.isEmpty())
        file.changes = compareAnalyses(file.before.analysis, file.after.analysis);
    return file;
}

Review reviewProjectDirectories(const QString &oldDir, const QString &newDir, const QStringList &files,
                                const QString &projectDirectory)
{
    Review review;
    review.beforeLabel = oldDir;
    review.afterLabel = newDir;
    for (const QString &dir : {oldDir, newDir})
        if (!QFileInfo(dir).isDir())
            review.errors.append(reviewError(
                QStringLiteral("with -f, OLD and NEW must be directories: %1 is not one").arg(dir)));
    // Each -f file is read under OLD and under NEW: an absolute one would be the same file twice.
    for (const QString &f : files + QStringList{projectDirectory})
        if (QDir::isAbsolutePath(f))
            review.errors.append(reviewError(
                QStringLiteral(
                    "with OLD and NEW, -f and --project-directory are relative to each: %1 is absolute")
                    .arg(f)));
    if (!review.errors.isEmpty())
        return review;
    const ProjectSideSpec before{oldDir, files, projectDirectory, diskSource()};
    const ProjectSideSpec after{newDir, files, projectDirectory, diskSource()};
    review.files.append(reviewProject(before, after));
    return review;
}

Review reviewGitProject(const QString &workDir, const QString &range, const QStringList &files,
                        const QString &projectDirectory)
{
    Review review;
    GitRepository repo;
    GitRange r;
    if (!openRange(workDir, range, review, &repo, &r))
        return review;
    QString error;
    const QStringList beforeNames = repo.allFilesAt(r.beforeCommit, &error);
    const QStringList afterNames =
        r.afterRev.isEmpty() ? QStringList() : repo.allFilesAt(r.afterCommit, &error);
    if (!error.isEmpty()) {
        review.errors.append(reviewError(error));
        return review;
    }
    // Relative to the current folder, as loadProject reads relative paths.
    const QString base = QDir::current().relativeFilePath(repo.workDir());
    const ProjectSideSpec before{
        base, files, projectDirectory,
        std::make_shared<GitProjectSource>(repo, r.beforeCommit, r.beforeRev, beforeNames)};
    const ProjectSideSpec after{base, files, projectDirectory,
                                r.afterRev.isEmpty()
                                    ? diskSource()
                                    : std::shared_ptr<const ProjectSource>(std::make_shared<GitProjectSource>(
                                          repo, r.afterCommit, r.afterRev, afterNames))};
    review.files.append(reviewProject(before, after));
    return review;
}

} // namespace deadbolt

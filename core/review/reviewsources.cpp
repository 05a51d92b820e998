#include "review/reviewsources.h"

#include "io/fileloader.h"
#include "review/projectreview.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QSet>

namespace deadbolt {

namespace {

void addSide(FileReview &file, ReviewSide &side, const QString &path)
{
    QString error;
    side = readSideFromDisk(path, path, &error);
    if (!error.isEmpty())
        file.errors.append(reviewError(error, path));
}

} // namespace

ReviewSide readSideFromDisk(const QString &path, const QString &label, QString *error)
{
    ReviewSide side;
    side.label = label;
    if (!QFileInfo::exists(path))
        return side;
    if (!readFileBytes(path, &side.text, error))
        return side;
    side.present = true;
    side.diskPath = path;
    return side;
}

Review reviewFiles(const QString &oldFile, const QString &newFile)
{
    Review review;
    review.beforeLabel = oldFile;
    review.afterLabel = newFile;
    FileReview file;
    file.path = newFile;
    addSide(file, file.before, oldFile);
    addSide(file, file.after, newFile);
    // Two named files must both exist: a missing one is a typo, not an added file.
    for (const QString &path : {oldFile, newFile})
        if (!QFileInfo::exists(path))
            file.errors.append(reviewError(QStringLiteral("%1: no such file").arg(path), path));
    if (file.errors.isEmpty())
        analyzeFileReview(file);
    review.files.append(std::move(file));
    return review;
}

Review reviewDirectories(const QString &oldDir, const QString &newDir, ReviewControl *control)
{
    Review review;
    review.beforeLabel = oldDir;
    review.afterLabel = newDir;
    // Sorted by relative path: the reports list files in a stable order.
    QMap<QString, std::pair<QString, QString>> pairs;
    const QDir oldBase(oldDir);
    const QDir newBase(newDir);
    // Relative paths from absolute ones: QDir("a").relativeFilePath("a/x.yml") is not "x.yml".
    const QDir oldAbsolute(oldBase.absolutePath());
    const QDir newAbsolute(newBase.absolutePath());
    for (const QString &f : findYamlFiles(oldDir))
        pairs[oldAbsolute.relativeFilePath(QFileInfo(f).absoluteFilePath())].first = f;
    for (const QString &f : findYamlFiles(newDir))
        pairs[newAbsolute.relativeFilePath(QFileInfo(f).absoluteFilePath())].second = f;
    // A folder's compose.yaml and its override: one project review (review/projectreview.h).
    QSet<QString> beforeSet, afterSet;
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
        if (!it->first.isEmpty())
            beforeSet.insert(it.key());
        if (!it->second.isEmpty())
            afterSet.insert(it.key());
    }
    const QMap<QString, QStringList> projects = defaultProjects(
        pairs.keys(), [&](const QString &n) { return beforeSet.contains(n); },
        [&](const QString &n) { return afterSet.contains(n); });
    QSet<QString> inProject;
    for (const QStringList &members : projects)
        for (const QString &m : members)
            inProject.insert(m);
    if (control)
        control->total = int(pairs.size());
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
        if (reviewCancelled(control, review))
            return review;
        if (control)
            ++control->done;
        if (projects.contains(it.key())) {
            const QStringList &files = projects[it.key()];
            review.files.append(
                reviewProject({oldDir, files, {}, diskSource()}, {newDir, files, {}, diskSource()}));
            continue;
        }
        if (inProject.contains(it.key()))
            continue;
        FileReview file;
        file.path = it.key();
        file.before.label = oldBase.filePath(it.key());
        file.after.label = newBase.filePath(it.key());
        if (!it->first.isEmpty())
            addSide(file, file.before, it->first);
        if (!it->second.isEmpty())
            addSide(file, file.after, it->second);
        if (file.errors.isEmpty())
            analyzeFileReview(file);
        review.files.append(std::move(file));
    }
    return review;
}

Review reviewPaths(const QString &oldPath, const QString &newPath, ReviewControl *control)
{
    const QFileInfo a(oldPath);
    const QFileInfo b(newPath);
    if (a.isDir() && b.isDir())
        return reviewDirectories(oldPath, newPath, control);
    if (a.isDir() != b.isDir() && a.exists() && b.exists()) {
        Review review;
        review.beforeLabel = oldPath;
        review.afterLabel = newPath;
        review.errors.append(reviewError(
            QStringLiteral("cannot compare a directory with a file: %1 and %2").arg(oldPath, newPath)));
        return review;
    }
    return reviewFiles(oldPath, newPath);
}

} // namespace deadbolt

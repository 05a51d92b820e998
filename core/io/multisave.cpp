// saveFiles: several files replaced as one (filesaver.h).
#include "io/filesaver.h"
#include "io/saveguards.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace deadbolt {

namespace {

struct Staged
{
    const FileToSave *file = nullptr;
    QString target;
    std::unique_ptr<QTemporaryFile> temporary; // the new text, beside the target
    QString backup;                            // a hard link to the old content, while renaming
    bool replaced = false;
};

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Writes the new text beside the target, with the target's permissions, flushed to disk.
bool stage(Staged &s, SaveResult *result)
{
    const QFileInfo info(s.target);
    if (!QFileInfo(info.absolutePath()).isDir()) {
        result->error = QStringLiteral("%1: cannot save: the folder %2 does not exist")
                            .arg(s.file->path, QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    s.temporary = std::make_unique<QTemporaryFile>(info.absolutePath() + QStringLiteral("/.") +
                                                   info.fileName() + QStringLiteral(".XXXXXX"));
    QTemporaryFile &t = *s.temporary;
    const std::string &bytes = s.file->bytes;
    if (!t.open() || t.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) || !t.flush() ||
        ::fsync(t.handle()) != 0) {
        result->error = QStringLiteral("%1: cannot save: %2").arg(s.file->path, t.errorString());
        return false;
    }
    if (info.exists())
        t.setPermissions(info.permissions());
    else
        t.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                         QFileDevice::ReadOther); // 0644, as a new file would be
    t.close();
    return true;
}

// Puts back what the renames before the failure replaced, the last first; says which files
// could not be put back (and where their old text is).
QString rollBack(std::vector<Staged> &staged)
{
    QStringList failed;
    for (auto it = staged.rbegin(); it != staged.rend(); ++it) {
        Staged &s = *it;
        if (!s.replaced)
            continue;
        const bool ok = s.backup.isEmpty()
                            ? ::unlink(native(s.target).constData()) == 0 // created by this save
                            : ::rename(native(s.backup).constData(), native(s.target).constData()) == 0;
        if (!ok)
            failed << (s.backup.isEmpty()
                           ? s.file->path
                           : QStringLiteral("%1 (its old text is in %2)").arg(s.file->path, s.backup));
        else
            s.backup.clear();
    }
    return failed.isEmpty()
               ? QString()
               : QStringLiteral("; could not put back %1").arg(failed.join(QStringLiteral(", ")));
}

} // namespace

SaveResult saveFiles(const std::vector<FileToSave> &files)
{
    SaveResult result;
    std::vector<Staged> staged(files.size());
    QStringList targets;
    for (std::size_t i = 0; i < files.size(); ++i) {
        Staged &s = staged[i];
        s.file = &files[i];
        s.target = detail::resolveTarget(files[i].path);
        // One file given twice (a symlink, ../x/file): the second text would drop the first's.
        const QString canonical = QFileInfo(s.target).exists() ? QFileInfo(s.target).canonicalFilePath()
                                                               : QFileInfo(s.target).absoluteFilePath();
        if (targets.contains(canonical)) {
            result.error =
                QStringLiteral("%1 is the same file as another one being saved; nothing was written")
                    .arg(files[i].path);
            return result;
        }
        targets << canonical;
        if (files[i].create && !files[i].options.force && QFileInfo::exists(s.target)) {
            result.changedOnDisk = true;
            result.error = QStringLiteral("%1 exists now; it was not there when the edit was planned. "
                                          "Nothing was written")
                               .arg(files[i].path);
            return result;
        }
        if ((!files[i].create && !detail::stillAsRead(files[i].path, s.target, files[i].options, &result)) ||
            !stage(s, &result))
            return result; // the temporary files go with `staged`
    }
    // Every text is on disk beside its target: now the instant of truth, as short as it gets.
    for (Staged &s : staged)
        if (!s.file->create && !detail::stillAsRead(s.file->path, s.target, s.file->options, &result))
            return result;
    for (Staged &s : staged) {
        if (QFileInfo::exists(s.target)) {
            s.backup = s.temporary->fileName() + QStringLiteral(".old");
            if (::link(native(s.target).constData(), native(s.backup).constData()) != 0) {
                result.error = QStringLiteral("%1: cannot save: %2").arg(s.file->path, systemError());
                for (Staged &b : staged)
                    if (!b.backup.isEmpty() && !b.replaced)
                        ::unlink(native(b.backup).constData());
                result.error += rollBack(staged);
                return result;
            }
        }
        // A new file is linked in place, which fails if one appeared meanwhile; then the
        // temporary name goes.
        const QByteArray temporary = native(s.temporary->fileName());
        const bool placed = s.file->create && !s.file->options.force
                                ? ::link(temporary.constData(), native(s.target).constData()) == 0 &&
                                      ::unlink(temporary.constData()) == 0
                                : ::rename(temporary.constData(), native(s.target).constData()) == 0;
        if (!placed) {
            result.error = QStringLiteral("%1: cannot save: %2").arg(s.file->path, systemError());
            if (!s.backup.isEmpty())
                ::unlink(native(s.backup).constData());
            s.backup.clear();
            for (Staged &b : staged)
                if (!b.replaced && !b.backup.isEmpty()) {
                    ::unlink(native(b.backup).constData());
                    b.backup.clear();
                }
            const QString left = rollBack(staged);
            result.error += left.isEmpty() ? QStringLiteral("; no file was changed") : left;
            return result;
        }
        s.temporary->setAutoRemove(false); // its name is the target's now
        s.replaced = true;
    }
    for (Staged &s : staged)
        if (!s.backup.isEmpty())
            ::unlink(native(s.backup).constData());
    result.ok = true;
    return result;
}

} // namespace deadbolt

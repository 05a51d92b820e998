// saveFiles: several files replaced as one (filesaver.h).
#include "io/filesaver.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace deadbolt {

namespace detail {
QString resolveTarget(const QString &path);
bool stillAsRead(const QString &path, const QString &target, const SaveOptions &options, SaveResult *result);
} // namespace detail

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

// Puts back what the renames before the failure replaced.
void rollBack(std::vector<Staged> &staged)
{
    for (Staged &s : staged) {
        if (!s.replaced)
            continue;
        if (s.backup.isEmpty())
            ::unlink(native(s.target).constData()); // it was created by this save
        else
            ::rename(native(s.backup).constData(), native(s.target).constData());
        s.backup.clear();
    }
}

} // namespace

SaveResult saveFiles(const std::vector<FileToSave> &files)
{
    SaveResult result;
    std::vector<Staged> staged(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        Staged &s = staged[i];
        s.file = &files[i];
        s.target = detail::resolveTarget(files[i].path);
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
                rollBack(staged);
                return result;
            }
        }
        if (::rename(native(s.temporary->fileName()).constData(), native(s.target).constData()) != 0) {
            result.error =
                QStringLiteral("%1: cannot save: %2; no file was changed").arg(s.file->path, systemError());
            if (!s.backup.isEmpty())
                ::unlink(native(s.backup).constData());
            s.backup.clear();
            for (Staged &b : staged)
                if (!b.replaced && !b.backup.isEmpty()) {
                    ::unlink(native(b.backup).constData());
                    b.backup.clear();
                }
            rollBack(staged);
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

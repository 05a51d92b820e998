#include "io/filesaver.h"
#include "io/saveguards.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace deadbolt {

namespace {

constexpr QCryptographicHash::Algorithm FingerprintAlgorithm = QCryptographicHash::Blake2b_256;

// The file a save must write: a symlink's final target (so the link itself survives),
// else the path itself.
} // namespace

QString detail::resolveTarget(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isSymLink())
        return path;
    const QString canonical = info.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    // A dangling link: write where it points, creating that file.
    return info.symLinkTarget();
}

namespace {

QByteArray fingerprintOnDisk(const QString &path, bool *exists, QString *error)
{
    QFile f(path);
    *exists = f.exists();
    if (!*exists)
        return {};
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    QCryptographicHash hash(FingerprintAlgorithm);
    if (!hash.addData(&f)) {
        *error = f.errorString();
        return {};
    }
    return hash.result();
}

// False, with the reason in *result, when the file at target is no longer what was read
// (changed, removed or replaced). Checked before writing and again just before the rename,
// so a writer that races the save is caught unless it lands in the final instant. A folder
// at target is refused whatever the options: renaming over it would fail anyway.
} // namespace

bool detail::stillAsRead(const QString &path, const QString &target, const SaveOptions &options,
                         SaveResult *result)
{
    if (QFileInfo(target).isDir()) {
        result->changedOnDisk = true;
        result->error = QStringLiteral("%1 is a folder now, not a file; nothing was written").arg(path);
        return false;
    }
    if (options.expectedFingerprint.isEmpty() || options.force)
        return true;
    bool exists = false;
    QString readError;
    const QByteArray now = fingerprintOnDisk(target, &exists, &readError);
    if (!readError.isEmpty()) {
        result->error = QStringLiteral("%1: cannot read it to check for changes: %2").arg(path, readError);
        return false;
    }
    if (exists && now == options.expectedFingerprint)
        return true;
    result->changedOnDisk = true;
    result->error = exists
                        ? QStringLiteral("%1 changed on disk since it was read; reload it, or force the save "
                                         "to overwrite those changes")
                              .arg(path)
                        : QStringLiteral("%1 was removed or renamed since it was read; force the save to "
                                         "write it again")
                              .arg(path);
    return false;
}

using detail::resolveTarget;
using detail::stillAsRead;

QByteArray contentFingerprint(const std::string &bytes)
{
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                    FingerprintAlgorithm);
}

SaveResult saveFile(const QString &path, const std::string &bytes, const SaveOptions &options)
{
    SaveResult result;
    const QString target = resolveTarget(path);
    result.writtenPath = target;
    if (!stillAsRead(path, target, options, &result))
        return result;
    const QFileInfo before(target);
    const QFileDevice::Permissions permissions =
        before.exists() ? before.permissions() : QFileDevice::Permissions();

    QSaveFile file(target);
    // Never fall back to writing the file in place: that is what makes a failed save safe.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("%1: cannot save: %2").arg(path, file.errorString());
        return result;
    }
    const qint64 written = file.write(bytes.data(), qint64(bytes.size()));
    if (written != qint64(bytes.size())) {
        result.error = QStringLiteral("%1: cannot save: %2").arg(path, file.errorString());
        file.cancelWriting();
        return result;
    }
    if (!stillAsRead(path, target, options, &result)) {
        file.cancelWriting();
        return result;
    }
    if (!file.commit()) {
        result.error = QStringLiteral("%1: cannot save: %2").arg(path, file.errorString());
        return result;
    }
    // QSaveFile creates the new file with default permissions on some platforms; restore
    // the original ones so an executable bit or a private 0600 file stays as it was.
    if (before.exists() && QFileInfo(target).permissions() != permissions)
        QFile::setPermissions(target, permissions);
    result.ok = true;
    result.fingerprint = contentFingerprint(bytes);
    return result;
}

} // namespace deadbolt

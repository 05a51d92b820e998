#include "io/fileloader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace deadbolt {

bool readFileBytes(const QString &path, std::string *bytes, QString *error, qint64 limit)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    if (info.isDir()) {
        *error = QStringLiteral("%1: is a directory").arg(path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.error() == QFileDevice::OpenError && !info.isReadable()
                     ? QStringLiteral("%1: permission denied").arg(path)
                     : QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return false;
    }
    // Sequential files (a FIFO, /dev/stdin) report size 0: read them in chunks up to the limit.
    const qint64 size = file.isSequential() ? 0 : file.size();
    if (size > limit) {
        *error = QStringLiteral("%1: file is %2 bytes, larger than the limit of %3 MiB")
                     .arg(path)
                     .arg(size)
                     .arg(limit / (1024 * 1024));
        return false;
    }
    bytes->clear();
    if (size > 0) {
        bytes->resize(std::size_t(size));
        const qint64 got = file.read(bytes->data(), size);
        if (got != size) {
            *error = QStringLiteral("%1: read error: %2").arg(path, file.errorString());
            return false;
        }
        return true;
    }
    char buffer[65536];
    for (;;) {
        const qint64 got = file.read(buffer, sizeof buffer);
        if (got < 0) {
            *error = QStringLiteral("%1: read error: %2").arg(path, file.errorString());
            return false;
        }
        if (got == 0)
            break;
        bytes->append(buffer, std::size_t(got));
        if (qint64(bytes->size()) > limit) {
            *error = QStringLiteral("%1: file is larger than the limit of %2 MiB")
                         .arg(path)
                         .arg(limit / (1024 * 1024));
            return false;
        }
    }
    return true;
}

static void collectYaml(const QString &dir, QStringList *out)
{
    const QDir d(dir);
    // Entries come sorted by name; files of a directory are listed before its subdirectories
    // are descended into, which keeps the order stable and readable.
    const QFileInfoList files =
        d.entryInfoList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QFileInfo &f : files)
        out->append(d.filePath(f.fileName()));
    const QFileInfoList dirs = d.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &sub : dirs) {
        if (sub.isSymLink()) // a link loop would never end; links to files are still followed
            continue;
        collectYaml(d.filePath(sub.fileName()), out);
    }
}

QStringList findYamlFiles(const QString &dir)
{
    QStringList out;
    collectYaml(dir, &out);
    return out;
}

QStringList expandPaths(const QStringList &arguments)
{
    QStringList out;
    for (const QString &arg : arguments) {
        if (QFileInfo(arg).isDir())
            out += findYamlFiles(arg);
        else
            out.append(arg);
    }
    return out;
}

} // namespace deadbolt

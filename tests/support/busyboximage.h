#pragma once

// The probe tests' image, made offline: busybox-static and a root filesystem with /bin, /etc
// (passwd, motd), /tmp (1777), /run, /var (/var/run a link to /run, as on Debian) and /data,
// imported with `docker import` (no registry). Shared by tst_cli_probe and tst_probedialog.
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace deadbolt::testing {

// Why the probe tests cannot run here (no docker CLI, no busybox, no engine), or empty.
inline QString dockerMissing()
{
    if (QStandardPaths::findExecutable(QStringLiteral("docker")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("busybox"), {QStringLiteral("/bin")}).isEmpty())
        return QStringLiteral("no docker CLI or no /bin/busybox (busybox-static)");
    if (runProgram(QStringLiteral("docker"), {QStringLiteral("version")}).exitCode != 0)
        return QStringLiteral("no Docker engine at DOCKER_HOST (scripts/test starts one as root)");
    return {};
}

// Builds the image under folder and imports it as tag; empty, or what went wrong.
inline QString importBusyboxImage(const QString &folder, const QString &tag)
{
    const QString root = folder + QStringLiteral("/rootfs");
    for (const char *d : {"bin", "etc", "tmp", "run", "var", "data"})
        if (!QDir().mkpath(root + QLatin1Char('/') + QLatin1String(d)))
            return QStringLiteral("cannot make the root filesystem");
    QFile::setPermissions(root + QStringLiteral("/tmp"), QFileDevice::Permissions(0x7777));
    const QString busybox =
        QStandardPaths::findExecutable(QStringLiteral("busybox"), {QStringLiteral("/bin")});
    bool ok = QFile::link(QStringLiteral("../run"), root + QStringLiteral("/var/run")) &&
              QFile::copy(busybox, root + QStringLiteral("/bin/busybox"));
    QFile::setPermissions(root + QStringLiteral("/bin/busybox"), QFileDevice::Permissions(0x7755));
    for (const char *applet : {"sh", "mkdir", "touch", "sleep", "echo", "cat"})
        ok = ok &&
             QFile::link(QStringLiteral("busybox"), root + QStringLiteral("/bin/") + QLatin1String(applet));
    for (const auto &[name, text] :
         {std::pair{"/etc/passwd", "root:x:0:0:root:/:/bin/sh\napp:x:1000:1000:app:/:/bin/sh\n"},
          std::pair{"/etc/motd", "hello\n"}}) {
        QFile f(root + QLatin1String(name));
        ok = ok && f.open(QIODevice::WriteOnly) && f.write(text) > 0;
    }
    if (!ok)
        return QStringLiteral("cannot fill the root filesystem");
    const Run tar = runProgram(
        QStringLiteral("sh"),
        {QStringLiteral("-c"), QStringLiteral("tar -C '%1' -c . | docker import - %2").arg(root, tag)});
    return tar.exitCode == 0 ? QString() : tar.err;
}

} // namespace deadbolt::testing

#pragma once

// A Compose project's effective configuration in the shape of ../shared/oracles/compose-effective
// (read_only, tmpfs targets and writable mounts per service), ours and the real docker-compose's,
// for the project tests.
#include "probe/runspec.h"
#include "project/composeproject.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>

namespace deadbolt::testing {

inline QStringList filesOf(const QString &dir)
{
    QFile list(dir + QStringLiteral("/files"));
    if (!list.open(QIODevice::ReadOnly))
        return defaultProjectFiles(dir);
    QStringList out;
    for (const QByteArray &line : list.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out.append(dir + QLatin1Char('/') + QString::fromUtf8(line.trimmed()));
    return out;
}

inline QString mountType(PathKind kind)
{
    switch (kind) {
    case PathKind::TmpfsLong:
        return QStringLiteral("tmpfs");
    case PathKind::Bind:
        return QStringLiteral("bind");
    default:
        return QStringLiteral("volume");
    }
}

// A target written with a variable, filled as docker-compose fills it (probe/runspec.h), so
// that it compares with the oracle's; Deadbolt itself reports such values as written.
inline QString interpolated(const QString &v)
{
    return interpolate(v, QProcessEnvironment::systemEnvironment());
}

// Our effective configuration in the oracle's shape.
inline QJsonObject effective(const Analysis &a)
{
    QJsonObject services;
    for (const Workload &w : a.workloads) {
        QJsonArray tmpfs, mounts;
        QStringList targets;
        QList<QPair<QString, QString>> ms;
        for (const QVector<WritablePath> *list : {&w.inMemory, &w.persistent})
            for (const WritablePath &p : *list) {
                if (p.kind == PathKind::TmpfsShort)
                    targets.append(interpolated(p.target));
                else
                    ms.append({interpolated(p.target), mountType(p.kind)});
            }
        targets.sort();
        std::sort(ms.begin(), ms.end());
        for (const QString &t : targets)
            tmpfs.append(t);
        for (const auto &[target, type] : ms)
            mounts.append(QJsonObject{{QStringLiteral("target"), target}, {QStringLiteral("type"), type}});
        QJsonValue ro = QJsonValue::Null;
        if (w.rootFs == RootFs::ReadOnly)
            ro = true;
        else if (w.rootFs == RootFs::WritableExplicit)
            ro = false;
        services.insert(w.name, QJsonObject{{QStringLiteral("read_only"), ro},
                                            {QStringLiteral("tmpfs"), tmpfs},
                                            {QStringLiteral("mounts"), mounts}});
    }
    return QJsonObject{{QStringLiteral("services"), services}};
}

inline QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The oracle's output reduced to expected.json's shape; empty when it fails.
inline QJsonObject oracle(const QString &dir, const QStringList &files, QString *error, bool always = false)
{
    QStringList args;
    if (always || QFile::exists(dir + QStringLiteral("/files")))
        for (const QString &f : files)
            args << QStringLiteral("-f") << f;
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(DEADBOLT_SHARED "/oracles/compose-effective"), args);
    p.waitForFinished(120000);
    if (p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    const QJsonObject all = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QJsonObject services;
    const QJsonObject in = all.value(QStringLiteral("services")).toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        QJsonArray mounts;
        for (const QJsonValue &m : s.value(QStringLiteral("mounts")).toArray())
            if (!m.toObject().value(QStringLiteral("read_only")).toBool())
                mounts.append(QJsonObject{{QStringLiteral("target"), m[QStringLiteral("target")]},
                                          {QStringLiteral("type"), m[QStringLiteral("type")]}});
        services.insert(it.key(),
                        QJsonObject{{QStringLiteral("read_only"), s.value(QStringLiteral("read_only"))},
                                    {QStringLiteral("tmpfs"), s.value(QStringLiteral("tmpfs"))},
                                    {QStringLiteral("mounts"), mounts}});
    }
    return QJsonObject{{QStringLiteral("services"), services}};
}

inline bool haveOracle()
{
    return QFile::exists(QStringLiteral(DEADBOLT_SHARED "/oracles/compose-effective")) &&
           !QStandardPaths::findExecutable(QStringLiteral("docker-compose")).isEmpty();
}

} // namespace deadbolt::testing

#pragma once

// The real validators in ../shared/oracles, for the corpus tests.
#include "model/workload.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

#include <string>

namespace deadbolt::testing {

// Runs an oracle on one file; 0 valid, 1 invalid, -1 could not run.
inline int oracle(const QString &tool, const QString &file)
{
    QProcess p;
    p.start(tool, {file});
    if (!p.waitForFinished(180000) || p.exitStatus() != QProcess::NormalExit)
        return -1;
    return p.exitCode() == 0 ? 0 : (p.exitCode() == 1 ? 1 : -1);
}

// docker-compose config -q for Compose, the Kubernetes schema for manifests; off with
// DEADBOLT_NO_ORACLES=1 (the sanitizer run) or where the tools are not installed.
class Validators
{
public:
    Validators()
        : m_enabled(!qEnvironmentVariableIsSet("DEADBOLT_NO_ORACLES")),
          m_compose(!QStandardPaths::findExecutable(QStringLiteral("docker-compose")).isEmpty()),
          m_node(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
    {
        if (m_enabled && (!m_compose || !m_node))
            qInfo("oracle part limited: docker-compose %s, node %s", m_compose ? "found" : "absent",
                  m_node ? "found" : "absent");
    }

    // Whether the edit keeps a file valid: 0 yes, 1 no (valid before, invalid after), -1 not
    // checked (validators off or absent, or the original was not valid either).
    int keepsValid(FileFormat format, const QString &name, const std::string &before,
                   const std::string &after)
    {
        const bool compose = isCompose(format);
        if (!m_enabled || (compose && !m_compose) || (!compose && !m_node))
            return -1;
        const QString tool =
            QStringLiteral(DEADBOLT_SHARED "/oracles") +
            (compose ? QStringLiteral("/compose-validate") : QStringLiteral("/k8s-validate"));
        // Both copies in one folder: the validators resolve env files and the like next to the file.
        const QString orig = m_tmp.filePath(QStringLiteral("orig_") + name);
        const QString out = m_tmp.filePath(name);
        if (!write(orig, before) || !write(out, after) || oracle(tool, orig) != 0)
            return -1;
        return oracle(tool, out) == 0 ? 0 : 1;
    }

private:
    static bool write(const QString &path, const std::string &bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) &&
               f.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
    }

    QTemporaryDir m_tmp;
    bool m_enabled, m_compose, m_node;
};

} // namespace deadbolt::testing

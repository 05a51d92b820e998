#pragma once

// The real validators in ../shared/oracles, for the corpus tests.
#include <QProcess>
#include <QString>

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

} // namespace deadbolt::testing

#pragma once

#include <QStringList>

// One function per subcommand. args holds the subcommand's own arguments, args[0] being
// "deadbolt-cli <name>" so QCommandLineParser prints a fitting usage line.
// Each returns the process exit status.
int runCheck(const QStringList &args);
int runFix(const QStringList &args);
int runDiff(const QStringList &args);

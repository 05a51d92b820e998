#pragma once

#include <QStringList>

class QCommandLineParser;

// One function per subcommand. args holds the subcommand's own arguments, args[0] being
// "deadbolt-cli <name>", the program name its usage line shows.
// Each returns the process exit status.
int runCheck(const QStringList &args);
int runFix(const QStringList &args);
int runDiff(const QStringList &args);
int runProbe(const QStringList &args);

// parser.helpText() with the usage line naming the program as `program` ("deadbolt-cli
// check"): QCommandLineParser itself prints the path the binary was started by.
QString commandHelp(const QCommandLineParser &parser, const QString &program);

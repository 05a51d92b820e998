// deadbolt-cli: the command-line face of the core. It dispatches to one function per
// subcommand (commands.h); the work itself lives in core/.
#include "commands.h"
#include "deadboltversion.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

struct Command
{
    const char *name;
    int (*run)(const QStringList &args);
    const char *summary;
};

// ---- Subcommands: add one line per command here (declared in commands.h). ----
const Command Commands[] = {
    {"check", runCheck, "Report the immutability of every workload in FILE|DIR..."},
    {"fix", runFix, "Make workloads in FILE read-only, or add in-memory paths, keeping its text"},
    {"diff", runDiff, "Show what a change (OLD NEW, or --git REV) does to each workload's immutability"},
    {"probe", runProbe, "Learn with Docker which paths a workload writes, and try it read-only with them"},
};
// ---- end of subcommands ----

void printUsage(FILE *stream)
{
    QTextStream out(stream);
    out << "Usage: deadbolt-cli COMMAND [OPTIONS] ARGS...\n\n"
        << "Checks and edits immutable container deployments (read-only root filesystems)\n"
        << "in Docker Compose and Kubernetes YAML.\n\nCommands:\n";
    for (const Command &c : Commands)
        out << "  " << QString::fromLatin1(c.name).leftJustified(8) << c.summary << '\n';
    out << "\nOptions:\n  -h, --help     Show this help; COMMAND --help shows a command's options.\n"
        << "  -v, --version  Show the version.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("deadbolt-cli"));
    // The bare version: SARIF's semanticVersion is read from it. --version adds the commit.
    QCoreApplication::setApplicationVersion(QStringLiteral(DEADBOLT_VERSION));

    const QStringList args = QCoreApplication::arguments();
    const QString first = args.value(1);
    if (first.isEmpty()) {
        printUsage(stderr);
        return 2;
    }
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        QTextStream(stdout) << "deadbolt-cli " << DEADBOLT_VERSION_LONG << '\n';
        return 0;
    }
    for (const Command &c : Commands) {
        if (first == QLatin1String(c.name)) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("deadbolt-cli ") + first);
            return c.run(rest);
        }
    }
    QTextStream(stderr) << "deadbolt-cli: unknown command '" << first << "'\n\n";
    printUsage(stderr);
    return 2;
}

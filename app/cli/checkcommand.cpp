// deadbolt-cli check [--format text|json|sarif] [--fail-on error|warning] [-f FILE]... [--project-directory
// DIR]
//                    [--all-documents] [FILE|DIR...]
#include "commands.h"

#include "check/checkrun.h"
#include "io/fileloader.h"
#include "project/checktargets.h"
#include "project/composeproject.h"
#include "report/jsonreport.h"
#include "report/sarifreport.h"
#include "report/tablereport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

#include <cstdio>

using namespace deadbolt;

int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reports, for every workload (Compose service or Kubernetes container), whether its root "
        "filesystem is read-only and which paths stay writable.\n\n"
        "Exit status: 0 every workload immutable or exempted; 1 findings at or above --fail-on; "
        "2 a file could not be read or parsed, or wrong usage."));
    parser.addHelpOption();
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("Output format: text, json or sarif (default: text)."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption failOn(QStringLiteral("fail-on"),
                                    QStringLiteral("Exit 1 on findings of this severity or worse: error or "
                                                   "warning (default: error)."),
                                    QStringLiteral("severity"), QStringLiteral("error"));
    const QCommandLineOption allDocuments(
        QStringLiteral("all-documents"),
        QStringLiteral("Accepted for scripts that pass it, and does nothing: every document is parsed "
                       "and every YAML error reported."));
    const QCommandLineOption file(
        QStringList{QStringLiteral("f"), QStringLiteral("file")},
        QStringLiteral("A Compose file of one project, as for docker compose -f; repeat it for override "
                       "files, merged in order. Without -f and without paths, COMPOSE_FILE (split at "
                       "COMPOSE_PATH_SEPARATOR) or the current folder's compose.yaml and its override "
                       "are read."),
        QStringLiteral("file"));
    const QCommandLineOption projectDirectory(
        QStringLiteral("project-directory"),
        QStringLiteral("The project directory of the -f files (default: the first file's folder)."),
        QStringLiteral("dir"));
    parser.addOption(format);
    parser.addOption(file);
    parser.addOption(projectDirectory);
    parser.addOption(failOn);
    parser.addOption(allDocuments);
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QStringLiteral("Files read alone, or directories searched for *.yml and "
                                                "*.yaml: in each folder, compose.yaml (or compose.yml, "
                                                "docker-compose.yaml, docker-compose.yml) and its .override "
                                                "file are read as one project."),
                                 QStringLiteral("[FILE|DIR...]"));

    QTextStream err(stderr);
    if (!parser.parse(args)) {
        err << "deadbolt-cli check: " << parser.errorText() << "\n";
        return ExitFileErrors;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << commandHelp(parser, args.first());
        return ExitClean;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json") && fmt != QLatin1String("sarif")) {
        err << "deadbolt-cli check: unknown format '" << fmt << "' (text, json or sarif)\n";
        return ExitFileErrors;
    }
    const QString fail = parser.value(failOn);
    if (fail != QLatin1String("error") && fail != QLatin1String("warning")) {
        err << "deadbolt-cli check: --fail-on takes error or warning, not '" << fail << "'\n";
        return ExitFileErrors;
    }
    QStringList projectFiles = parser.values(file);
    if (projectFiles.isEmpty() && parser.positionalArguments().isEmpty()) {
        // As docker compose: COMPOSE_FILE, else the current folder's default files.
        projectFiles = composeFileList(qEnvironmentVariable("COMPOSE_FILE"),
                                       qEnvironmentVariable("COMPOSE_PATH_SEPARATOR"));
        if (projectFiles.isEmpty())
            projectFiles = defaultProjectFiles(parser.value(projectDirectory).isEmpty()
                                                   ? QDir::currentPath()
                                                   : parser.value(projectDirectory));
        if (projectFiles.isEmpty()) {
            err << "deadbolt-cli check: no FILE or DIR given, no -f, no COMPOSE_FILE, and no compose.yaml "
                   "here\n"
                << commandHelp(parser, args.first());
            return ExitFileErrors;
        }
    }

    QVector<Analysis> analyses;
    if (!projectFiles.isEmpty())
        analyses.append(checkProject(projectFiles, parser.value(projectDirectory)));
    for (const CheckTarget &t : findCheckTargets(parser.positionalArguments()))
        analyses += t.project ? QVector<Analysis>{checkProject(t.files)} : checkFiles(t.files);

    // Errors go to stderr in every format, so a CI log shows them next to the exit status.
    for (const Analysis &a : analyses) {
        for (const Diagnostic &d : a.errors) {
            const QString where = d.file.isEmpty() ? a.path : d.file;
            if (d.line > 0)
                err << where << ':' << d.line << ':' << d.column << ": error: " << d.message << '\n';
            else if (d.message.startsWith(where))
                err << d.message << '\n';
            else
                err << where << ": error: " << d.message << '\n';
        }
    }
    err.flush();

    auto write = [](const QByteArray &part) {
        std::fwrite(part.constData(), 1, std::size_t(part.size()), stdout);
    };
    if (fmt == QLatin1String("json"))
        writeJsonReport(analyses, write); // streamed: a big report never sits in memory whole
    else if (fmt == QLatin1String("sarif"))
        write(sarifReportText(analyses, QDir::current()));
    else
        writeTableReport(analyses, write);
    std::fflush(stdout);

    return checkExitCode(analyses, fail == QLatin1String("warning") ? Severity::Warning : Severity::Error);
}

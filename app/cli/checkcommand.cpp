// deadbolt-cli check [--format text|json|sarif] [--fail-on error|warning] [--all-documents] FILE|DIR...
#include "commands.h"

#include "io/fileloader.h"
#include "report/checkrun.h"
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
    const QCommandLineOption format(QStringList{QStringLiteral("f"), QStringLiteral("format")},
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
    parser.addOption(format);
    parser.addOption(failOn);
    parser.addOption(allDocuments);
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QStringLiteral("Files, or directories searched for *.yml and *.yaml."),
                                 QStringLiteral("FILE|DIR..."));

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
    if (parser.positionalArguments().isEmpty()) {
        err << "deadbolt-cli check: no FILE or DIR given\n" << commandHelp(parser, args.first());
        return ExitFileErrors;
    }

    const QVector<Analysis> analyses = checkFiles(expandPaths(parser.positionalArguments()));

    // Errors go to stderr in every format, so a CI log shows them next to the exit status.
    for (const Analysis &a : analyses) {
        for (const Diagnostic &d : a.errors) {
            if (d.line > 0)
                err << a.path << ':' << d.line << ':' << d.column << ": error: " << d.message << '\n';
            else if (d.message.startsWith(a.path))
                err << d.message << '\n';
            else
                err << a.path << ": error: " << d.message << '\n';
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

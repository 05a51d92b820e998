// deadbolt-cli diff [--format text|json|markdown|sarif] OLD NEW
// deadbolt-cli diff [--format ...] --git REV[..REV2] [PATH]...
// deadbolt-cli diff [--format ...] -f FILE [-f FILE]... [--project-directory DIR] (OLD NEW | --git REV)
#include "commands.h"

#include "report/diffreport.h"
#include "review/gitsource.h"
#include "review/projectreview.h"
#include "review/reviewsources.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

#include <cstdio>

using namespace deadbolt;

namespace {

void printErrors(const Review &review)
{
    QTextStream err(stderr);
    auto print = [&](const Diagnostic &d) {
        if (d.line > 0)
            err << d.file << ':' << d.line << ':' << d.column << ": error: " << d.message << '\n';
        else if (d.file.isEmpty() || d.message.startsWith(d.file))
            err << "deadbolt-cli diff: " << d.message << '\n';
        else
            err << d.file << ": error: " << d.message << '\n';
    };
    for (const Diagnostic &d : review.errors)
        print(d);
    for (const FileReview &f : review.files)
        for (const Diagnostic &d : f.errors)
            print(d);
}

} // namespace

int runDiff(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows what a change does to the immutability of each workload: root filesystems that became "
        "writable or read-only, writable paths added, removed or changed, workloads added or removed, "
        "exemptions.\n\n"
        "OLD and NEW are two files or two directories (files paired by relative path). With --git, the "
        "old version comes from a revision and the new one from the working tree (REV), or both from "
        "revisions (REV1..REV2, or REV1...REV2 from their merge base); PATHs default to the YAML files "
        "under the current directory.\n\n"
        "With -f, the files form one Compose project on each side, merged as docker compose merges them, "
        "and the effective workloads are compared: OLD and NEW are then the directories the files are "
        "in, or with --git the files are in the working directory. A -f file missing on one side is left "
        "out of that side (an override file a change adds).\n\n"
        "Exit status: 0 nothing regressed; 1 a regression (a root filesystem became writable, a writable "
        "path was added to a read-only workload, a mutable workload was added); 2 an input could not be "
        "read or parsed, or wrong usage."));
    parser.addHelpOption();
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("Output format: text, json, markdown or sarif (default: text)."),
        QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption git(
        QStringLiteral("git"),
        QStringLiteral("Compare with a git revision: REV (against the working tree), "
                       "REV1..REV2 or REV1...REV2."),
        QStringLiteral("rev"));
    const QCommandLineOption file(
        QStringList{QStringLiteral("f"), QStringLiteral("file")},
        QStringLiteral("A Compose file of one project, as for docker compose -f; repeat it for override "
                       "files, merged in order."),
        QStringLiteral("file"));
    const QCommandLineOption projectDirectory(
        QStringLiteral("project-directory"),
        QStringLiteral("The project directory of the -f files (default: the first file's folder)."),
        QStringLiteral("dir"));
    parser.addOption(format);
    parser.addOption(git);
    parser.addOption(file);
    parser.addOption(projectDirectory);
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QStringLiteral("OLD NEW: two files or two directories (with -f: two directories); with "
                       "--git: PATHs (none with -f)."),
        QStringLiteral("OLD NEW | --git REV [PATH]..."));

    QTextStream err(stderr);
    if (!parser.parse(args)) {
        err << "deadbolt-cli diff: " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << commandHelp(parser, args.first());
        return 0;
    }
    const QString fmt = parser.value(format);
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("markdown"),
                              QStringLiteral("sarif")};
    if (!formats.contains(fmt)) {
        err << "deadbolt-cli diff: unknown format '" << fmt << "' (text, json, markdown or sarif)\n";
        return 2;
    }
    const QStringList paths = parser.positionalArguments();
    Review review;
    const QStringList projectFiles = parser.values(file);
    if (parser.isSet(projectDirectory) && projectFiles.isEmpty()) {
        err << "deadbolt-cli diff: --project-directory needs -f\n";
        return 2;
    }
    if (!projectFiles.isEmpty() && parser.isSet(git)) {
        if (!paths.isEmpty()) {
            err << "deadbolt-cli diff: with -f and --git, the -f files name the project; give no PATHs\n";
            return 2;
        }
        review = reviewGitProject(QDir::currentPath(), parser.value(git), projectFiles,
                                  parser.value(projectDirectory));
    } else if (!projectFiles.isEmpty()) {
        if (paths.size() != 2) {
            err << "deadbolt-cli diff: with -f, give the OLD and NEW directories, or --git REV\n";
            return 2;
        }
        review = reviewProjectDirectories(paths[0], paths[1], projectFiles, parser.value(projectDirectory));
    } else if (parser.isSet(git)) {
        review = reviewGit(QDir::currentPath(), parser.value(git), paths);
    } else if (paths.size() == 2) {
        review = reviewPaths(paths[0], paths[1]);
    } else {
        err << "deadbolt-cli diff: give OLD and NEW, or --git REV\n" << commandHelp(parser, args.first());
        return 2;
    }

    // Errors go to stderr in every format, so a CI log shows them next to the exit status.
    printErrors(review);
    err.flush();

    QByteArray output;
    if (fmt == QLatin1String("json"))
        output = diffJsonReportText(review);
    else if (fmt == QLatin1String("markdown"))
        output = diffMarkdownReport(review).toUtf8();
    else if (fmt == QLatin1String("sarif"))
        output = diffSarifReportText(review, QDir::current());
    else
        output = diffTextReport(review).toUtf8();
    std::fwrite(output.constData(), 1, std::size_t(output.size()), stdout);
    std::fflush(stdout);
    return reviewExitCode(review);
}

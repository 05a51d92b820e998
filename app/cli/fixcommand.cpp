// deadbolt-cli fix FILE [--service NAME]... [--writable NAME]... [--tmpfs SERVICE:PATH[:OPTIONS]]...
// [--no-tmpfs SERVICE:PATH]... [--shared] [--diff] [--in-place] [--force]
#include "commands.h"

#include "edit/editop.h"
#include "io/fileloader.h"
#include "io/filesaver.h"
#include "model/analyzer.h"
#include "report/checkrun.h"
#include "report/linediff.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

#include <cstdio>

using namespace deadbolt;

namespace {

// The file as edited so far: each edit is planned on the text the previous one left.
struct Current
{
    QString path;
    std::string bytes;
    ParsedFile parsed;
    Analysis analysis;

    void reload(std::string text)
    {
        bytes = std::move(text);
        parsed = parseText(bytes, path);
        analysis = analyze(parsed);
        analysis.path = path;
    }
};

bool apply(Current &c, const EditResult &r, QTextStream &err, bool tell = false)
{
    if (!r.ok) {
        err << "deadbolt-cli fix: " << c.path << ": " << r.error << '\n';
        return false;
    }
    std::string text = c.bytes;
    if (!applyReplacements(text, r.replacements)) {
        err << "deadbolt-cli fix: " << c.path << ": " << r.description << ": the replacements do not apply\n";
        return false;
    }
    // Edits that reach beyond the named workload say so: a shared block changed for every
    // workload using it, or workloads given their own copy to stay as they are.
    if (tell && r.affectedWorkloads.size() > 1)
        err << c.path << ": " << r.description << ": changes "
            << r.affectedWorkloads.join(QStringLiteral(", ")) << '\n';
    else if (r.description.contains(QLatin1String(" keep their own ")))
        err << c.path << ": " << r.description << '\n';
    c.reload(std::move(text));
    return true;
}

void writeOut(const std::string &bytes)
{
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    std::fflush(stdout);
}

// Git's a/ and b/ prefixes for a relative path (so `git apply` and `patch -p1` take it);
// an absolute path is named as it is on both sides.
std::string diffText(const std::string &before, const std::string &after, const QString &path)
{
    const bool relative = QDir::isRelativePath(path);
    return unifiedDiff(before, after, relative ? QStringLiteral("a/") + path : path,
                       relative ? QStringLiteral("b/") + path : path);
}

} // namespace

int runFix(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Makes workloads immutable by editing FILE in place of its text: comments, order and style stay.\n"
        "Without --service, --writable, --tmpfs or --no-tmpfs every workload becomes read-only. Prints the "
        "new text (or a diff)\n"
        "unless --in-place is given.\n\n"
        "Exit status: 0 every workload immutable or exempted afterwards; 1 findings at error level remain;\n"
        "2 the file could not be read or parsed, an edit was refused, or wrong usage."));
    parser.addHelpOption();
    const QCommandLineOption service(
        QStringLiteral("service"),
        QStringLiteral("Make this workload read-only (a Compose service, a container, or "
                       "a Kubernetes object name). Repeatable."),
        QStringLiteral("name"));
    const QCommandLineOption writable(
        QStringLiteral("writable"),
        QStringLiteral("Turn read-only off for this workload (writes read_only: false). Repeatable."),
        QStringLiteral("name"));
    const QCommandLineOption tmpfs(
        QStringLiteral("tmpfs"),
        QStringLiteral("Add an in-memory writable path, e.g. web:/var/run:uid=33,size=16m; on a path "
                       "the workload has, set these options (the others are kept). Repeatable."),
        QStringLiteral("service:path[:options]"));
    const QCommandLineOption noTmpfs(
        QStringLiteral("no-tmpfs"),
        QStringLiteral("Remove an in-memory writable path, e.g. web:/tmp. Repeatable."),
        QStringLiteral("service:path"));
    const QCommandLineOption shared(
        QStringLiteral("shared"),
        QStringLiteral("Where a value or list comes from a block other workloads share (<<: *defaults, an "
                       "anchored service), change the block and so every workload that uses it. Without "
                       "it only the named workload changes."));
    const QCommandLineOption diff(QStringLiteral("diff"),
                                  QStringLiteral("Print a unified diff instead of the text."));
    const QCommandLineOption inPlace(QStringLiteral("in-place"),
                                     QStringLiteral("Save the file (atomically)."));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("With --in-place: overwrite even if the file changed meanwhile."));
    parser.addOptions({service, writable, tmpfs, noTmpfs, shared, diff, inPlace, force});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The Compose or Kubernetes file."),
                                 QStringLiteral("FILE"));

    QTextStream err(stderr);
    if (!parser.parse(args)) {
        err << "deadbolt-cli fix: " << parser.errorText() << "\n";
        return ExitFileErrors;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << commandHelp(parser, args.first());
        return ExitClean;
    }
    if (parser.positionalArguments().size() != 1) {
        err << "deadbolt-cli fix: give exactly one FILE\n" << commandHelp(parser, args.first());
        return ExitFileErrors;
    }

    Current c;
    c.path = parser.positionalArguments().first();
    std::string original;
    QString readError;
    if (!readFileBytes(c.path, &original, &readError)) {
        err << "deadbolt-cli fix: " << readError << '\n';
        return ExitFileErrors;
    }
    c.reload(original);
    for (const Diagnostic &d : std::as_const(c.parsed.errors))
        err << c.path << ':' << d.line << ':' << d.column << ": error: " << d.message << '\n';
    if (!c.parsed.ok())
        return ExitFileErrors;
    if (c.analysis.format == FileFormat::Unknown) {
        err << "deadbolt-cli fix: " << c.path << ": neither Compose nor Kubernetes"
            << (c.analysis.skipReason.isEmpty() ? QString()
                                                : QStringLiteral(" (%1)").arg(c.analysis.skipReason))
            << "; nothing to fix\n";
    }

    // The requests in a fixed order: read-only first, then paths.
    QVector<EditRequest> requests;
    const std::pair<const QCommandLineOption *, EditRequest::Kind> kinds[] = {
        {&service, EditRequest::Kind::ReadOnly},
        {&writable, EditRequest::Kind::Writable},
        {&tmpfs, EditRequest::Kind::Tmpfs},
        {&noTmpfs, EditRequest::Kind::NoTmpfs}};
    for (const auto &[option, kind] : kinds) {
        for (const QString &value : parser.values(*option)) {
            EditRequest r;
            QString why;
            if (!parseEditRequest(kind, value, &r, &why)) {
                err << "deadbolt-cli fix: --" << option->names().first() << ' ' << value << ": " << why
                    << '\n';
                return ExitFileErrors;
            }
            requests.append(r);
        }
    }
    const Target target = parser.isSet(shared) ? Target::SharedBlock : Target::ThisWorkload;
    if (requests.isEmpty() && !c.analysis.workloads.isEmpty() &&
        !apply(c, planEdit(c.parsed, c.analysis, EditOp{EditOp::Kind::MakeAllImmutable}), err))
        return ExitFileErrors;
    for (const EditRequest &r : std::as_const(requests)) {
        // Each request is resolved on the text the previous one left: names and paths as they are now.
        QVector<EditOp> ops;
        QString why;
        if (!resolveRequest(c.analysis, r, target, &ops, &why)) {
            err << "deadbolt-cli fix: " << c.path << ": " << why << '\n';
            return ExitFileErrors;
        }
        for (const EditOp &op : std::as_const(ops))
            if (!apply(c, planEdit(c.parsed, c.analysis, op), err, true))
                return ExitFileErrors;
    }

    if (parser.isSet(inPlace)) {
        if (c.bytes != original) {
            SaveOptions options;
            options.expectedFingerprint = contentFingerprint(original);
            options.force = parser.isSet(force);
            const SaveResult saved = saveFile(c.path, c.bytes, options);
            if (!saved.ok) {
                err << "deadbolt-cli fix: " << saved.error << '\n';
                return ExitFileErrors;
            }
        }
        if (parser.isSet(diff))
            writeOut(diffText(original, c.bytes, c.path));
    } else if (parser.isSet(diff)) {
        writeOut(diffText(original, c.bytes, c.path));
    } else {
        writeOut(c.bytes);
    }
    return checkExitCode({c.analysis}, Severity::Error);
}

// deadbolt-cli fix FILE [--service NAME]... [--tmpfs SERVICE:PATH[:OPTIONS]]... [--diff] [--in-place]
// [--force]
#include "commands.h"

#include "edit/inmemoryedit.h"
#include "edit/readonlyedit.h"
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

bool matches(const Workload &w, const QString &name)
{
    return w.name == name || w.displayName() == name || w.objectName == name || w.object == name;
}

// Indices, not pointers: every applied edit rebuilds the analysis from the new text.
QVector<int> select(const Analysis &analysis, const QString &name)
{
    QVector<int> found;
    for (int i = 0; i < analysis.workloads.size(); ++i)
        if (matches(analysis.workloads[i], name))
            found.append(i);
    return found;
}

bool apply(Current &c, const EditResult &r, QTextStream &err)
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
        "Without --service or --tmpfs every workload becomes read-only. Prints the new text (or a diff)\n"
        "unless --in-place is given.\n\n"
        "Exit status: 0 every workload immutable or exempted afterwards; 1 findings at error level remain;\n"
        "2 the file could not be read or parsed, an edit was refused, or wrong usage."));
    parser.addHelpOption();
    const QCommandLineOption service(
        QStringLiteral("service"),
        QStringLiteral("Make this workload read-only (a Compose service, a container, or "
                       "a Kubernetes object name). Repeatable."),
        QStringLiteral("name"));
    const QCommandLineOption tmpfs(
        QStringLiteral("tmpfs"),
        QStringLiteral("Add an in-memory writable path, e.g. web:/var/run:uid=33,size=16m. "
                       "Repeatable."),
        QStringLiteral("service:path[:options]"));
    const QCommandLineOption diff(QStringLiteral("diff"),
                                  QStringLiteral("Print a unified diff instead of the text."));
    const QCommandLineOption inPlace(QStringLiteral("in-place"),
                                     QStringLiteral("Save the file (atomically)."));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("With --in-place: overwrite even if the file changed meanwhile."));
    parser.addOptions({service, tmpfs, diff, inPlace, force});
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

    const QStringList services = parser.values(service);
    const QStringList paths = parser.values(tmpfs);
    if (services.isEmpty() && paths.isEmpty()) {
        if (!c.analysis.workloads.isEmpty() && !apply(c, makeFileImmutable(c.parsed, c.analysis), err))
            return ExitFileErrors;
    }
    for (const QString &name : services) {
        if (select(c.analysis, name).isEmpty()) {
            err << "deadbolt-cli fix: " << c.path << ": no workload named '" << name << "'\n";
            return ExitFileErrors;
        }
        for (int i : select(c.analysis, name)) {
            if (!apply(c, setReadOnly(c.parsed, c.analysis, c.analysis.workloads[i], true), err))
                return ExitFileErrors;
        }
    }
    for (const QString &arg : paths) {
        const qsizetype colon = arg.indexOf(QLatin1Char(':'));
        const QString name = arg.left(colon);
        QString rest = colon < 0 ? QString() : arg.mid(colon + 1);
        const qsizetype optionsColon = rest.indexOf(QLatin1Char(':'));
        InMemoryPathSpec spec;
        spec.target = optionsColon < 0 ? rest : rest.left(optionsColon);
        QString optionError;
        if (colon < 0 || !spec.target.startsWith(QLatin1Char('/')) ||
            (optionsColon >= 0 && !parseTmpfsOptions(rest.mid(optionsColon + 1), &spec, &optionError))) {
            err << "deadbolt-cli fix: --tmpfs " << arg << ": "
                << (optionError.isEmpty() ? QStringLiteral("expected SERVICE:/PATH[:OPTIONS]") : optionError)
                << '\n';
            return ExitFileErrors;
        }
        const QVector<int> found = select(c.analysis, name);
        if (found.isEmpty()) {
            err << "deadbolt-cli fix: " << c.path << ": no workload named '" << name << "'\n";
            return ExitFileErrors;
        }
        for (int i : found) {
            if (!apply(c, addInMemoryPath(c.parsed, c.analysis, c.analysis.workloads[i], spec), err))
                return ExitFileErrors;
        }
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

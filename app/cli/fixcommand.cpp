// deadbolt-cli fix FILE [--service NAME]... [--writable NAME]... [--tmpfs SERVICE:PATH[:OPTIONS]]...
// [--no-tmpfs SERVICE:PATH]... [--shared] [--diff] [--in-place] [--force]
// deadbolt-cli fix -f FILE [-f FILE]... [--project-directory DIR] [--into FILE | --override FILE] ...
#include "check/analyze.h"
#include "commands.h"

#include "check/checkrun.h"
#include "edit/editop.h"
#include "edit/suggested.h"
#include "io/fileloader.h"
#include "io/filesaver.h"
#include "model/analyzer.h"
#include "model/workloadmatch.h"
#include "project/projectedit.h"
#include "source/linediff.h"

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
    // The planned replacements of each edit made, in order: one plan (the common case, every
    // workload made read-only) is diffed straight from them.
    std::vector<Replacements> plans;

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
    if (!r.replacements.empty())
        c.plans.push_back(r.replacements);
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
std::string diffText(const std::string &before, const std::string &after, const QString &path,
                     const std::vector<Replacements> &plans = {})
{
    const bool relative = QDir::isRelativePath(path);
    const QString a = relative ? QStringLiteral("a/") + path : path;
    const QString b = relative ? QStringLiteral("b/") + path : path;
    // One plan: its hunks come from where it changes the text. Several, each planned on the
    // text the one before left: the whole texts are compared (Myers, source/linediff.h).
    if (plans.size() == 1)
        return unifiedDiff(before, plans.front(), a, b);
    return unifiedDiff(before, after, a, b);
}

// fix on a Compose project (-f FILE...): every edit verified over the merged project, the
// changed files printed as one diff or saved together.
int runProjectFix(const QStringList &files, const QString &directory, const Placement &placement,
                  const QVector<EditRequest> &requests, bool inPlace, bool diff, bool force, Target target)
{
    QTextStream err(stderr);
    ComposeProject project = loadProject(files, directory);
    ProjectEditor editor(std::move(project));
    editor.setTarget(target);
    if (!editor.analysis().errors.isEmpty()) {
        for (const Diagnostic &d : editor.analysis().errors)
            err << d.file << ':' << d.line << ':' << d.column << ": error: " << d.message << '\n';
        return ExitFileErrors;
    }
    QStringList notes;
    QString why;
    const bool ok = requests.isEmpty()
                        ? editor.makeAllImmutable(placement, &notes, &why)
                        : std::all_of(requests.begin(), requests.end(), [&](const EditRequest &r) {
                              return editor.apply(r, placement, &notes, &why);
                          });
    if (!ok) {
        err << "deadbolt-cli fix: " << why << '\n';
        return ExitFileErrors;
    }
    const std::vector<ProjectEditor::Change> changes = editor.changes();
    if (inPlace && !changes.empty()) {
        std::vector<FileToSave> save;
        for (const ProjectEditor::Change &c : changes) {
            FileToSave f;
            f.path = c.path;
            f.bytes = c.after;
            f.create = c.created;
            f.options.expectedFingerprint = c.created ? QByteArray() : contentFingerprint(c.before);
            f.options.force = force;
            save.push_back(std::move(f));
        }
        const SaveResult saved = saveFiles(save);
        if (!saved.ok) {
            err << "deadbolt-cli fix: " << saved.error << '\n';
            return ExitFileErrors;
        }
    }
    if (diff || !inPlace) {
        std::string out;
        for (const ProjectEditor::Change &c : changes) {
            const bool relative = QDir::isRelativePath(c.shown);
            out += unifiedDiff(c.before, c.after,
                               c.created ? QStringLiteral("/dev/null")
                                         : (relative ? QStringLiteral("a/") + c.shown : c.shown),
                               relative ? QStringLiteral("b/") + c.shown : c.shown);
        }
        writeOut(out);
    }
    return checkExitCode({editor.analysis()}, Severity::Error);
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
    const QCommandLineOption file(
        {QStringLiteral("f"), QStringLiteral("file")},
        QStringLiteral(
            "A Compose file of the project, as docker compose -f takes it (repeatable, in order): the "
            "project is edited as docker compose merges it, every edit verified over the merged "
            "services, and the changed files are printed as one diff (or saved together with "
            "--in-place)."),
        QStringLiteral("file"));
    const QCommandLineOption projectDirectory(QStringLiteral("project-directory"),
                                              QStringLiteral("With -f: the project directory (default: the "
                                                             "folder of the first file)."),
                                              QStringLiteral("dir"));
    const QCommandLineOption into(
        QStringLiteral("into"),
        QStringLiteral("With -f: write the changes into this file of the project (default: the file the "
                       "value comes from, else the last file that defines the service)."),
        QStringLiteral("file"));
    const QCommandLineOption override(
        QStringLiteral("override"),
        QStringLiteral("With -f: write every change into this override file, created or extended; every "
                       "other file stays as it is. Use it as the last -f file."),
        QStringLiteral("file"));
    const QCommandLineOption suggested(
        QStringLiteral("suggested"),
        QStringLiteral(
            "Make workloads read-only with the paths their image needs (resources/images.yaml: nginx, "
            "postgres, WordPress...), in memory and owned by the image's user; with --service, those "
            "workloads only. Workloads of unknown images are left as they are."));
    parser.addOptions({service, writable, tmpfs, noTmpfs, shared, diff, inPlace, force, file,
                       projectDirectory, into, override, suggested});
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
    const bool project = parser.isSet(file);
    if (!project && (parser.isSet(into) || parser.isSet(override) || parser.isSet(projectDirectory))) {
        err << "deadbolt-cli fix: --into, --override and --project-directory go with -f FILE\n";
        return ExitFileErrors;
    }
    if (project &&
        (!parser.positionalArguments().isEmpty() || (parser.isSet(into) && parser.isSet(override)))) {
        err << "deadbolt-cli fix: with -f, give no FILE argument, and at most one of --into and --override\n";
        return ExitFileErrors;
    }
    if (!project && parser.positionalArguments().size() != 1) {
        err << "deadbolt-cli fix: give exactly one FILE\n" << commandHelp(parser, args.first());
        return ExitFileErrors;
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
    if (project) {
        Placement placement;
        if (parser.isSet(into))
            placement = {Placement::Kind::Into, parser.value(into)};
        else if (parser.isSet(override))
            placement = {Placement::Kind::Override, parser.value(override)};
        if (parser.isSet(shared) && placement.kind == Placement::Kind::Override) {
            err << "deadbolt-cli fix: --shared changes a shared block where it is written; --override "
                   "writes into another file\n";
            return ExitFileErrors;
        }
        return runProjectFix(parser.values(file), parser.value(projectDirectory), placement, requests,
                             parser.isSet(inPlace), parser.isSet(diff), parser.isSet(force),
                             parser.isSet(shared) ? Target::SharedBlock : Target::ThisWorkload);
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

    const Target target = parser.isSet(shared) ? Target::SharedBlock : Target::ThisWorkload;
    if (parser.isSet(suggested)) {
        // Read-only with the paths each known image needs; --service NAME picks the workloads.
        QVector<EditOp> ops;
        QVector<int> picked;
        for (const EditRequest &r : std::as_const(requests))
            if (r.kind == EditRequest::Kind::ReadOnly)
                picked += matchWorkloads(c.analysis, r.name);
        for (qsizetype i = 0; i < c.analysis.workloads.size(); ++i) {
            const Workload &w = c.analysis.workloads[i];
            if ((!picked.isEmpty() && !picked.contains(int(i))) || w.exemption.exempt || w.windows)
                continue;
            const QVector<EditOp> mine = suggestedOps(w);
            if (mine.isEmpty() && w.rootFs != RootFs::ReadOnly)
                err << c.path << ": " << w.displayName() << ": no knowledge of the image "
                    << (w.image.isEmpty() ? QStringLiteral("(none named)") : w.image)
                    << " (resources/images.yaml): left as it is\n";
            ops += mine;
        }
        for (const EditOp &op : std::as_const(ops))
            if (!apply(c, planEdit(c.parsed, c.analysis, op), err, true))
                return ExitFileErrors;
        // --service named the workloads; the other requests follow.
        requests.erase(
            std::remove_if(requests.begin(), requests.end(),
                           [](const EditRequest &r) { return r.kind == EditRequest::Kind::ReadOnly; }),
            requests.end());
    }
    if (requests.isEmpty() && !parser.isSet(suggested) && !c.analysis.workloads.isEmpty() &&
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
            writeOut(diffText(original, c.bytes, c.path, c.plans));
    } else if (parser.isSet(diff)) {
        writeOut(diffText(original, c.bytes, c.path, c.plans));
    } else {
        writeOut(c.bytes);
    }
    return checkExitCode({c.analysis}, Severity::Error);
}

// deadbolt-cli probe FILE --service NAME [--seconds N] [--network] [--apply] [--format text|json]
#include "check/analyze.h"
#include "commands.h"

#include "check/checkrun.h"
#include "edit/editop.h"
#include "edit/suggested.h"
#include "io/fileloader.h"
#include "io/filesaver.h"
#include "model/workloadmatch.h"
#include "probe/probe.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace deadbolt;

namespace {

bool applyProposal(const QString &path, const std::string &original, const QVector<EditOp> &ops,
                   QString *error)
{
    std::string text = original;
    for (const EditOp &op : ops) {
        const ParsedFile parsed = parseText(text, path);
        const Analysis analysis = analyze(parsed);
        const EditResult r = planEdit(parsed, analysis, op);
        if (!r.ok) {
            *error = r.error;
            return false;
        }
        if (!applyReplacements(text, r.replacements)) {
            *error = r.description + QStringLiteral(": the replacements do not apply");
            return false;
        }
    }
    SaveOptions options;
    options.expectedFingerprint = contentFingerprint(original);
    const SaveResult saved = saveFile(path, text, options);
    if (!saved.ok)
        *error = saved.error;
    return saved.ok;
}

QJsonObject runJson(const ProbeRun &run, bool oneShot)
{
    return {{QStringLiteral("started"), run.started},
            {QStringLiteral("state"), run.state},
            {QStringLiteral("exitCode"), run.exitCode},
            {QStringLiteral("stayedUp"), run.stayedUp(oneShot)}};
}

} // namespace

int runProbe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Learns which paths a workload writes, with your Docker (DOCKER_HOST is honoured): runs its "
        "container as "
        "FILE defines it\n"
        "(image, entrypoint, command, environment, user, working directory), with no network and every mount "
        "replaced by an\n"
        "empty in-memory one so that nothing on the host is written; reads docker diff; proposes the "
        "smallest "
        "set of writable\n"
        "directories; then runs it again read-only with them (the trial) and says whether it stays up.\n\n"
        "Exit status: 0 the trial stayed up (a Job: exited 0); 1 it did not, or image files were changed in "
        "place;\n"
        "2 the file, the service or Docker could not be used, or --apply was refused."));
    parser.addHelpOption();
    const QCommandLineOption service(QStringLiteral("service"),
                                     QStringLiteral("The workload to probe (as fix --service names it)."),
                                     QStringLiteral("name"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("How long each run lasts unless it is healthy or exits "
                                                    "before (default 10)."),
                                     QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption network(
        QStringLiteral("network"),
        QStringLiteral("Give the container Docker's default network (none by default)."));
    const QCommandLineOption pull(QStringLiteral("pull"),
                                  QStringLiteral("Pull the image when it is not present locally (by default "
                                                 "nothing is pulled)."));
    const QCommandLineOption apply(
        QStringLiteral("apply"),
        QStringLiteral("Write the proposal into FILE (read-only plus the paths in memory) "
                       "through the verified edits, when the trial stayed up."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Output format: text or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    parser.addOptions({service, seconds, network, pull, apply, format});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The Compose or Kubernetes file."),
                                 QStringLiteral("FILE"));
    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!parser.parse(args)) {
        err << "deadbolt-cli probe: " << parser.errorText() << '\n';
        return ExitFileErrors;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << commandHelp(parser, args.first());
        return ExitClean;
    }
    bool secondsOk = false;
    const int n = parser.value(seconds).toInt(&secondsOk);
    const QString fmt = parser.value(format);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(service) || !secondsOk || n < 1 ||
        (fmt != QLatin1String("text") && fmt != QLatin1String("json"))) {
        err << "deadbolt-cli probe: give one FILE, --service NAME, --seconds of 1 or more and --format text "
               "or json\n";
        return ExitFileErrors;
    }
    const QString path = parser.positionalArguments().first();
    std::string bytes;
    QString why;
    if (!readFileBytes(path, &bytes, &why)) {
        err << "deadbolt-cli probe: " << why << '\n';
        return ExitFileErrors;
    }
    const ParsedFile parsed = parseText(bytes, path);
    for (const Diagnostic &d : parsed.errors)
        err << path << ':' << d.line << ':' << d.column << ": error: " << d.message << '\n';
    if (!parsed.ok())
        return ExitFileErrors;
    const Analysis analysis = analyze(parsed);
    const QVector<int> found = matchWorkloads(analysis, parser.value(service));
    if (found.size() != 1) {
        err << "deadbolt-cli probe: " << path << ": "
            << (found.isEmpty() ? QStringLiteral("no workload named '%1'")
                                : QStringLiteral("'%1' names %2 workloads: name one"))
                   .arg(parser.value(service))
                   .arg(found.size())
            << '\n';
        return ExitFileErrors;
    }
    const Workload &w = analysis.workloads[found.front()];
    RunSpec spec;
    if (!runSpecOf(parsed, w, QProcessEnvironment::systemEnvironment(), &spec, &why)) {
        err << "deadbolt-cli probe: " << why << '\n';
        return ExitFileErrors;
    }
    ProbeOptions options;
    options.seconds = n;
    options.network = parser.isSet(network);
    options.pull = parser.isSet(pull);
    const bool text = fmt == QLatin1String("text");
    const ProbeResult r = probeWorkload(spec, options, [&](const QString &step) {
        if (text)
            err << "probe: " << step << '\n' << Qt::flush;
    });
    if (!r.ok()) {
        err << "deadbolt-cli probe: " << r.error << '\n';
        return ExitFileErrors;
    }
    const bool up = r.trialRan && r.trial.stayedUp(spec.oneShot) && r.trialErrors.isEmpty();
    bool applied = false;
    if (parser.isSet(apply) && up) {
        if (!applyProposal(path, bytes, proposalOps(w, r.needs.directories, r.owners), &why)) {
            err << "deadbolt-cli probe: --apply: " << why << '\n';
            return ExitFileErrors;
        }
        applied = true;
    }
    if (text) {
        out << spec.workload << " (" << spec.image << ")\n";
        out << "  first run: " << r.first.state
            << (r.first.state == QLatin1String("exited") ? QStringLiteral(" (%1)").arg(r.first.exitCode)
                                                         : QString())
            << '\n';
        if (r.needs.directories.isEmpty())
            out << "  writes nothing outside its mounts\n";
        for (const QString &d : r.needs.directories)
            out << "  writable: " << d << "  (owner " << r.owners.value(d, QStringLiteral("?")) << ", e.g. "
                << r.needs.sample.value(d) << ")\n";
        for (const QString &m : r.needs.modified)
            out << "  changes an image file in place: " << m
                << " (no tmpfs can serve it without hiding its folder)\n";
        out << "  trial, read-only: " << (up ? QStringLiteral("stayed up") : QStringLiteral("FAILED")) << " ("
            << r.trial.state
            << (r.trial.state == QLatin1String("exited") ? QStringLiteral(" %1").arg(r.trial.exitCode)
                                                         : QString())
            << ")\n";
        for (const QString &e : r.trialErrors)
            out << "    " << e << '\n';
        // A container that stopped: its last words say why.
        for (const auto &[name, run] : {std::pair{"first run", &r.first}, std::pair{"trial", &r.trial}}) {
            if (run->state != QLatin1String("exited") || (spec.oneShot && run->exitCode == 0))
                continue;
            const QStringList lines = run->log.trimmed().split(QLatin1Char('\n'));
            out << "  " << name << " log (last lines):\n";
            for (const QString &l : lines.mid(std::max<qsizetype>(0, lines.size() - 10)))
                out << "    | " << l << '\n';
        }
        if (applied)
            out << "  applied to " << path << '\n';
    } else {
        QJsonArray writable, modified, errors, paths;
        for (const QString &d : r.needs.directories)
            writable.append(QJsonObject{{QStringLiteral("path"), d},
                                        {QStringLiteral("owner"), r.owners.value(d)},
                                        {QStringLiteral("example"), r.needs.sample.value(d)}});
        for (const QString &m : r.needs.modified)
            modified.append(m);
        for (const QString &e : r.trialErrors)
            errors.append(e);
        for (const QString &p : r.trialPaths)
            paths.append(p);
        QJsonObject trial = runJson(r.trial, spec.oneShot);
        trial.insert(QStringLiteral("log"), r.trial.log);
        trial.insert(QStringLiteral("readOnlyErrors"), errors);
        trial.insert(QStringLiteral("paths"), paths);
        const QJsonObject report{{QStringLiteral("workload"), spec.workload},
                                 {QStringLiteral("image"), spec.image},
                                 {QStringLiteral("firstRun"),
                                  [&] {
                                      QJsonObject first = runJson(r.first, spec.oneShot);
                                      first.insert(QStringLiteral("log"), r.first.log);
                                      return first;
                                  }()},
                                 {QStringLiteral("writable"), writable},
                                 {QStringLiteral("modified"), modified},
                                 {QStringLiteral("trial"), trial},
                                 {QStringLiteral("stayedUp"), up},
                                 {QStringLiteral("applied"), applied}};
        out << QJsonDocument(report).toJson();
    }
    return up && r.needs.modified.isEmpty() ? ExitClean : ExitFindings;
}

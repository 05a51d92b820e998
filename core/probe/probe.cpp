#include "probe/probe.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>

namespace deadbolt {

namespace {

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Output docker(const ProbeOptions &o, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(o.environment);
    p.start(o.docker, args);
    Output r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("cannot run %1: %2").arg(o.docker, p.errorString());
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("docker %1 did not finish").arg(args.value(0));
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

bool under(const QString &path, const QString &folder)
{
    return path == folder || folder == QLatin1String("/") || path.startsWith(folder + QLatin1Char('/'));
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

// docker create's arguments for the spec: its mounts empty and in memory, plus `extra`.
QStringList createArgs(const RunSpec &spec, const ProbeOptions &o, bool readOnly, const QStringList &memory)
{
    QStringList args{QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("deadbolt.probe=1"),
                     QStringLiteral("--pull"), o.pull ? QStringLiteral("missing") : QStringLiteral("never")};
    if (!o.network)
        args << QStringLiteral("--network") << QStringLiteral("none");
    if (readOnly)
        args << QStringLiteral("--read-only");
    if (!spec.user.isEmpty())
        args << QStringLiteral("--user") << spec.user;
    if (!spec.workingDir.isEmpty())
        args << QStringLiteral("--workdir") << spec.workingDir;
    for (const QString &e : spec.environment)
        args << QStringLiteral("--env") << e;
    QStringList targets = spec.mounts;
    for (const QString &m : memory)
        if (!targets.contains(m))
            targets << m;
    for (const QString &t : targets)
        args << QStringLiteral("--mount") << QStringLiteral("type=tmpfs,destination=") + t;
    QStringList command = spec.command.value_or(QStringList());
    if (spec.entrypoint) {
        // docker takes one entrypoint word; the others go before the command, as in the image.
        args << QStringLiteral("--entrypoint") << spec.entrypoint->value(0);
        command = spec.entrypoint->mid(1) + command;
    }
    args << spec.image << command;
    return args;
}

// Starts a container, waits until it is healthy, exits, or `seconds` pass, and reads its state
// and log. The container id stays in *id for the caller to remove.
ProbeRun runOnce(const RunSpec &spec, const ProbeOptions &o, bool readOnly, const QStringList &memory,
                 QString *id, QString *error, const std::atomic_bool *cancel)
{
    ProbeRun run;
    const Output created = docker(o, createArgs(spec, o, readOnly, memory));
    if (created.exitCode != 0) {
        const bool missing = created.err.contains(QLatin1String("No such image"), Qt::CaseInsensitive);
        *error = missing && !o.pull
                     ? QStringLiteral("the image %1 is not present locally: pull it, or probe with --pull")
                           .arg(spec.image)
                     : QStringLiteral("docker create failed: ") + created.err;
        return run;
    }
    *id = QString::fromUtf8(created.out).trimmed();
    const Output started = docker(o, {QStringLiteral("start"), *id});
    run.started = started.exitCode == 0;
    QElapsedTimer clock;
    clock.start();
    while (run.started) {
        const Output state = docker(
            o,
            {QStringLiteral("inspect"), QStringLiteral("-f"),
             QStringLiteral(
                 "{{.State.Status}} {{.State.ExitCode}} {{if .State.Health}}{{.State.Health.Status}}{{end}}"),
             *id});
        const QStringList parts = QString::fromUtf8(state.out).trimmed().split(QLatin1Char(' '));
        run.state = parts.value(0);
        run.exitCode = parts.value(1).toInt();
        const QString health = parts.value(2);
        if (!health.isEmpty() && health != QLatin1String("starting") && run.state == QLatin1String("running"))
            run.state = health; // healthy or unhealthy: decided
        if (run.state != QLatin1String("running") || clock.elapsed() >= qint64(o.seconds) * 1000 ||
            (cancel && cancel->load()))
            break;
        QThread::msleep(300);
    }
    const Output log = docker(o, {QStringLiteral("logs"), *id});
    run.log = QString::fromUtf8(log.out) + QString::fromUtf8(log.err.toUtf8());
    if (!run.started)
        run.log += started.err;
    return run;
}

void remove(const ProbeOptions &o, const QString &id)
{
    if (!id.isEmpty())
        docker(o, {QStringLiteral("rm"), QStringLiteral("--force"), QStringLiteral("--volumes"), id});
}

// The owner of a path in a container, from the tar header `docker cp` streams (uid and gid
// in octal at 108 and 116).
QString ownerIn(const ProbeOptions &o, const QString &id, const QString &path)
{
    const Output tar = docker(o, {QStringLiteral("cp"), id + QLatin1Char(':') + path, QStringLiteral("-")});
    if (tar.exitCode != 0 || tar.out.size() < 512)
        return {};
    bool okU = false, okG = false;
    const qint64 uid = tar.out.mid(108, 8).trimmed().replace('\0', "").toLongLong(&okU, 8);
    const qint64 gid = tar.out.mid(116, 8).trimmed().replace('\0', "").toLongLong(&okG, 8);
    return okU && okG ? QStringLiteral("%1:%2").arg(uid).arg(gid) : QString();
}

} // namespace

bool ProbeRun::stayedUp(bool oneShot) const
{
    if (!started)
        return false;
    if (oneShot)
        return state == QLatin1String("exited") && exitCode == 0;
    return state == QLatin1String("running") || state == QLatin1String("healthy");
}

QVector<DiffEntry> parseDockerDiff(const QString &text)
{
    QVector<DiffEntry> out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.size() < 3 || line[1] != QLatin1Char(' ') || !QStringLiteral("ACD").contains(line[0]))
            continue;
        out.append({char(line[0].toLatin1()), line.mid(2).trimmed()});
    }
    return out;
}

WritableNeeds writableNeeds(const QVector<DiffEntry> &diff, const QStringList &writable)
{
    QMap<QString, char> kind;
    for (const DiffEntry &e : diff)
        kind.insert(e.path, e.kind);
    const auto covered = [&](const QString &p) {
        return std::any_of(writable.begin(), writable.end(), [&](const QString &w) { return under(p, w); });
    };
    WritableNeeds needs;
    for (auto it = kind.begin(); it != kind.end(); ++it) {
        const QString &path = it.key();
        // Only the leaves: a folder is listed because something in it changed.
        const auto next = std::next(it);
        if (next != kind.end() && next.key().startsWith(path + QLatin1Char('/')))
            continue;
        if (covered(path))
            continue;
        if (it.value() != 'A') {
            needs.modified << path; // an image file changed or deleted in place
            continue;
        }
        // Created: from its topmost new folder, or the image's folder it was created in.
        QString dir = path;
        while (kind.value(parentOf(dir)) == 'A')
            dir = parentOf(dir);
        if (dir == path)
            dir = parentOf(path);
        if (dir == path || dir == QLatin1String("/")) {
            needs.modified << path;
            continue;
        }
        if (!needs.directories.contains(dir)) {
            needs.directories << dir;
            needs.sample.insert(dir, path);
        }
    }
    // None inside another.
    std::sort(needs.directories.begin(), needs.directories.end());
    QStringList minimal;
    for (const QString &d : std::as_const(needs.directories))
        if (minimal.isEmpty() || !under(d, minimal.back()))
            minimal << d;
    needs.directories = minimal;
    return needs;
}

QStringList readOnlyErrors(const QString &log, QStringList *paths)
{
    static const QRegularExpression path(QStringLiteral(R"((/[\w.@+-]+(?:/[\w.@+-]+)*))"));
    QStringList lines;
    for (const QString &line : log.split(QLatin1Char('\n'))) {
        if (!line.contains(QLatin1String("Read-only file system"), Qt::CaseInsensitive))
            continue;
        lines << line.trimmed();
        const QRegularExpressionMatch m = path.match(line);
        if (m.hasMatch() && paths && !paths->contains(m.captured(1)))
            *paths << m.captured(1);
    }
    return lines;
}

ProbeResult probeWorkload(const RunSpec &spec, const ProbeOptions &o,
                          const std::function<void(const QString &)> &progress,
                          const std::atomic_bool *cancel)
{
    ProbeResult result;
    const auto say = [&](const QString &s) {
        if (progress)
            progress(s);
    };
    const Output version = docker(
        o, {QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.Version}}")},
        30000);
    if (version.exitCode != 0) {
        result.error =
            QStringLiteral("Docker is not available (%1): %2")
                .arg(o.environment.value(QStringLiteral("DOCKER_HOST"), QStringLiteral("default socket")),
                     version.err.isEmpty() ? QStringLiteral("no answer") : version.err);
        return result;
    }
    say(QStringLiteral("running %1 as the file defines it, its mounts empty and in memory, for up to %2 s")
            .arg(spec.image)
            .arg(o.seconds));
    QString id;
    result.first = runOnce(spec, o, false, {}, &id, &result.error, cancel);
    if (!result.error.isEmpty()) {
        remove(o, id);
        return result;
    }
    const Output diff = docker(o, {QStringLiteral("diff"), id});
    result.needs = writableNeeds(parseDockerDiff(QString::fromUtf8(diff.out)), spec.mounts);
    for (const QString &d : std::as_const(result.needs.directories)) {
        const QString owner = ownerIn(o, id, result.needs.sample.value(d));
        if (!owner.isEmpty())
            result.owners.insert(d, owner);
    }
    remove(o, id);
    if (cancel && cancel->load()) {
        result.error = QStringLiteral("cancelled");
        return result;
    }
    say(QStringLiteral("trial: read-only, with %1 in memory")
            .arg(result.needs.directories.isEmpty() ? QStringLiteral("no new path")
                                                    : result.needs.directories.join(QStringLiteral(", "))));
    QString trialId;
    QString trialError;
    result.trial = runOnce(spec, o, true, result.needs.directories, &trialId, &trialError, cancel);
    remove(o, trialId);
    result.trialRan = trialError.isEmpty();
    if (!result.trialRan)
        result.trial.log = trialError;
    result.trialErrors = readOnlyErrors(result.trial.log, &result.trialPaths);
    return result;
}

} // namespace deadbolt

#include "probe/probe.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <optional>

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
QStringList createArgs(const RunSpec &spec, const ProbeOptions &o, bool readOnly,
                       const QMap<QString, QString> &memory)
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
    for (const QString &t : spec.mounts)
        if (!memory.contains(t))
            args << QStringLiteral("--tmpfs") << t;
    // The trial's paths as --apply writes them: 64 MiB, owned by who wrote there.
    for (auto it = memory.begin(); it != memory.end(); ++it) {
        QString options = QStringLiteral("size=64m");
        const QStringList owner = it.value().split(QLatin1Char(':'));
        if (owner.size() == 2 && it.value() != QLatin1String("0:0"))
            options += QStringLiteral(",uid=%1,gid=%2").arg(owner[0], owner[1]);
        args << QStringLiteral("--tmpfs") << it.key() + QLatin1Char(':') + options;
    }
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
ProbeRun runOnce(const RunSpec &spec, const ProbeOptions &o, bool readOnly,
                 const QMap<QString, QString> &memory, QString *id, QString *error,
                 const std::atomic_bool *cancel)
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

} // namespace

// A numeric field of a tar header: octal up to the first NUL or space, or base-256 when its
// first byte has the high bit set (GNU and Go's writer, for big ids).
std::optional<qint64> tarNumber(const QByteArray &field)
{
    if (field.isEmpty())
        return std::nullopt;
    if (static_cast<unsigned char>(field[0]) & 0x80) {
        qint64 v = static_cast<unsigned char>(field[0]) & 0x7f;
        for (qsizetype i = 1; i < field.size(); ++i)
            v = (v << 8) | static_cast<unsigned char>(field[i]);
        return v;
    }
    qsizetype begin = 0;
    while (begin < field.size() && field[begin] == ' ')
        ++begin;
    qsizetype end = begin;
    while (end < field.size() && field[end] >= '0' && field[end] <= '7')
        ++end;
    if (end == begin)
        return std::nullopt;
    bool ok = false;
    const qint64 v = field.mid(begin, end - begin).toLongLong(&ok, 8);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

// The uid:gid of the first entry of a tar stream, past PAX (x, g) and GNU long-name (L, K)
// headers; a PAX record's uid or gid wins over the header's field.
QString tarOwner(const QByteArray &tar)
{
    std::optional<qint64> paxUid, paxGid;
    for (qsizetype at = 0; at + 512 <= tar.size();) {
        const QByteArray header = tar.mid(at, 512);
        const char type = header[156];
        const std::optional<qint64> size = tarNumber(header.mid(124, 12));
        if (!size || header.count('\0') == 512)
            return {};
        const qsizetype blocks = (*size + 511) / 512;
        if (type == 'x' || type == 'g') {
            // "len key=value\n" records.
            const QByteArray records = tar.mid(at + 512, *size);
            for (const QByteArray &record : records.split('\n')) {
                const qsizetype space = record.indexOf(' ');
                const qsizetype eq = record.indexOf('=');
                if (space < 0 || eq < space)
                    continue;
                const QByteArray key = record.mid(space + 1, eq - space - 1);
                bool ok = false;
                const qint64 v = record.mid(eq + 1).toLongLong(&ok);
                if (ok && key == "uid")
                    paxUid = v;
                else if (ok && key == "gid")
                    paxGid = v;
            }
        }
        if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
            at += 512 * (1 + blocks);
            continue;
        }
        const std::optional<qint64> uid = paxUid ? paxUid : tarNumber(header.mid(108, 8));
        const std::optional<qint64> gid = paxGid ? paxGid : tarNumber(header.mid(116, 8));
        return uid && gid ? QStringLiteral("%1:%2").arg(*uid).arg(*gid) : QString();
    }
    return {};
}

namespace {

// The owner of a path in a container, from the tar stream `docker cp` gives.
QString ownerIn(const ProbeOptions &o, const QString &id, const QString &path)
{
    const Output tar = docker(o, {QStringLiteral("cp"), id + QLatin1Char(':') + path, QStringLiteral("-")});
    return tar.exitCode == 0 ? tarOwner(tar.out) : QString();
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
        // Only the leaves: a folder is listed because something in it changed. ("/a.lock" sorts
        // between "/a" and "/a/x": look for a child where one would be.)
        const auto child = kind.lowerBound(path + QLatin1Char('/'));
        if (child != kind.end() && child.key().startsWith(path + QLatin1Char('/')))
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
    // None inside another (each against all kept: "/a-b" sorts between "/a" and "/a/c").
    std::sort(needs.directories.begin(), needs.directories.end());
    QStringList minimal;
    for (const QString &d : std::as_const(needs.directories))
        if (std::none_of(minimal.begin(), minimal.end(), [&](const QString &m) { return under(d, m); }))
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
    if (result.error.isEmpty() && !result.first.started)
        result.error = QStringLiteral("the container did not start: ") + result.first.log.trimmed();
    const Output diff = result.error.isEmpty() ? docker(o, {QStringLiteral("diff"), id}) : Output();
    if (result.error.isEmpty() && diff.exitCode != 0)
        result.error = QStringLiteral("docker diff failed: ") + diff.err;
    if (!result.error.isEmpty()) {
        remove(o, id);
        return result;
    }
    result.needs = writableNeeds(parseDockerDiff(QString::fromUtf8(diff.out)), spec.mounts);
    for (const QString &d : std::as_const(result.needs.directories)) {
        if (cancel && cancel->load())
            break;
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
    QMap<QString, QString> memory;
    for (const QString &d : std::as_const(result.needs.directories))
        memory.insert(d, result.owners.value(d));
    result.trial = runOnce(spec, o, true, memory, &trialId, &trialError, cancel);
    remove(o, trialId);
    result.trialRan = trialError.isEmpty();
    if (!result.trialRan)
        result.trial.log = trialError;
    result.trialErrors = readOnlyErrors(result.trial.log, &result.trialPaths);
    return result;
}

} // namespace deadbolt

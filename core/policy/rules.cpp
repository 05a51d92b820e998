#include "policy/rules.h"

#include "policy/exemptions.h"

#include <QHash>

#include "images/imageknowledge.h"
#include "model/scalars.h"
#include "yaml/merge.h"

#include <QSet>

namespace deadbolt::policy {

using namespace yaml;

Diagnostic finding(const char *rule, const QString &message, const Location &where, const QString &hint)
{
    Diagnostic d;
    const rules::RuleInfo *info = rules::find(QLatin1String(rule));
    d.severity = info ? info->severity : Severity::Warning;
    d.rule = QLatin1String(rule);
    d.message = message;
    d.line = where.line;
    d.column = where.column;
    d.fileIndex = where.file;
    d.hint = hint;
    return d;
}

QString normalizedTarget(const QString &target)
{
    QString t = target.trimmed();
    while (t.contains(QLatin1String("//")))
        t.replace(QLatin1String("//"), QLatin1String("/"));
    while (t.size() > 1 && t.endsWith(QLatin1Char('/')))
        t.chop(1);
    return t;
}

void MountTargets::add(Workload &w, const QString &target, const Location &where)
{
    if (target.isEmpty())
        return;
    const QString t = normalizedTarget(target);
    if (!targets.contains(t)) {
        targets.append(t);
        return;
    }
    w.findings.append(
        finding(rules::DuplicateMountTarget, QStringLiteral("%1 is mounted twice").arg(t), where,
                QStringLiteral("Keep one mount per target path: the engine refuses duplicates")));
}

namespace {

bool kubernetes(FileFormat format)
{
    return format == FileFormat::Kubernetes;
}

Location whereRootFs(const Workload &w)
{
    return w.rootFsLocation.line > 0 ? w.rootFsLocation : w.location;
}

QString pathList(const QVector<ImagePath> &paths)
{
    QStringList out;
    for (const ImagePath &p : paths)
        if (!p.lowConfidence)
            out << p.path;
    return out.join(QStringLiteral(", "));
}

// The hint for a writable workload whose image we know: the paths it needs, by name.
QString imageHint(const Workload &w, FileFormat format)
{
    const ImageInfo *info = ImageKnowledge::builtIn().find(w.image);
    if (!info)
        return {};
    const QString writes = pathList(info->writable);
    const QString data = pathList(info->data);
    const QString key = kubernetes(format) ? QStringLiteral("securityContext.readOnlyRootFilesystem: true")
                                           : QStringLiteral("read_only: true");
    QString hint =
        writes.isEmpty()
            ? QStringLiteral("Set %1: %2 writes nothing outside its data").arg(key, info->title)
            : QStringLiteral("Set %1 and mount %2 in memory (%3 writes there)").arg(key, writes, info->title);
    if (!data.isEmpty())
        hint += QStringLiteral("; keep %1 on a volume").arg(data);
    return hint;
}

// A read-only root undone from inside: say how, as an error.
void defeatRule(const Workload &w, Diagnostics &out)
{
    if (w.rootFs != RootFs::ReadOnly)
        return;
    for (const Defeat &d : w.defeats) {
        QString message;
        switch (d.kind) {
        case Defeat::Kind::Privileged:
            message = QStringLiteral("The read-only root is not effective: %1 lets the container remount / "
                                     "read-write (mount -o remount,rw /)")
                          .arg(d.what);
            break;
        case Defeat::Kind::Capability:
            message =
                QStringLiteral("The read-only root is not effective: %1 gives CAP_SYS_ADMIN, with which "
                               "the container remounts / read-write")
                    .arg(d.what);
            break;
        case Defeat::Kind::DockerSocket:
            message =
                QStringLiteral("The read-only root is not effective: the Docker socket %1 is mounted, and "
                               "through it the container controls the host's Docker (even read-only)")
                    .arg(d.what);
            break;
        case Defeat::Kind::HostFolder:
            message =
                QStringLiteral("The read-only root is not effective: the host's %1 is mounted writable, so "
                               "the container writes the host itself")
                    .arg(d.what);
            break;
        }
        out.append(finding(rules::ReadOnlyDefeated, message, d.where.line > 0 ? d.where : w.location,
                           QStringLiteral("Remove it, or the read-only root protects nothing")));
    }
}

// What the image knowledge says of a workload's mounts.
void imageRules(const Workload &w, FileFormat format, Diagnostics &out)
{
    const ImageInfo *info = ImageKnowledge::builtIn().find(w.image);
    if (!info)
        return;
    const bool k8s = kubernetes(format);
    if (w.rootFs == RootFs::ReadOnly) {
        for (const ImagePath &p : info->writable) {
            if (p.lowConfidence || isWritableIn(w, p.path))
                continue;
            const QString owner = p.owner.isEmpty() ? info->user : p.owner;
            out.append(finding(
                rules::ImagePathNotWritable,
                QStringLiteral("%1 writes %2; it is not writable, so it will fail at start")
                    .arg(w.image, p.path),
                whereRootFs(w),
                (k8s ? QStringLiteral(
                           "Mount an emptyDir {medium: Memory, sizeLimit: %1} at %2, written by %3: %4")
                     : QStringLiteral("Add a tmpfs at %2 (size %1), written by %3: %4"))
                    .arg(p.size.isEmpty() ? QStringLiteral("16Mi") : p.size, p.path, owner, p.why)));
        }
    }
    for (const WritablePath &m : w.inMemory) {
        const QString target = canonicalImagePath(m.target);
        for (const ImagePath &p : info->shipped)
            if (pathWithin(canonicalImagePath(p.path), target))
                out.append(finding(
                    rules::TmpfsHidesImageFiles,
                    QStringLiteral("The in-memory path %1 hides %2, which %3 ships: those files are "
                                   "gone when the container starts")
                        .arg(m.target, p.path, info->title),
                    m.location.line > 0 ? m.location : w.location,
                    QStringLiteral("Mount only the folders below it that are written. %1").arg(p.why)));
        for (const ImagePath &p : info->data)
            if (pathWithin(canonicalImagePath(p.path), target))
                out.append(
                    finding(rules::DataOnTmpfs,
                            QStringLiteral("%1 keeps its data in %2; in memory it is lost on every restart")
                                .arg(info->title, p.path),
                            m.location.line > 0 ? m.location : w.location,
                            QStringLiteral("Mount a volume there instead. %1").arg(p.why)));
    }
}

void rootFsRule(const Workload &w, FileFormat format, Diagnostics &out)
{
    if (w.partial) {
        out.append(
            finding(rules::ServiceFragment,
                    QStringLiteral("Adds to a service defined elsewhere: this file has no image, build "
                                   "or extends, so what runs depends on the files it is used with"),
                    w.location,
                    QStringLiteral("Check the project: deadbolt-cli check -f compose.yaml -f THIS_FILE")));
        return;
    }
    const QString key =
        kubernetes(format) ? QStringLiteral("readOnlyRootFilesystem") : QStringLiteral("read_only");
    if (w.rootFs == RootFs::Undetermined) {
        // A value the Kubernetes API refuses is not the environment's doing: DB017 says it.
        if (std::any_of(w.findings.begin(), w.findings.end(), [](const Diagnostic &d) {
                return d.rule == QLatin1String(rules::KubernetesNotBoolean);
            }))
            return;
        out.append(
            finding(rules::RootFsUndetermined,
                    QStringLiteral("%1 is %2: whether the root filesystem is read-only depends on the "
                                   "environment")
                        .arg(key, w.rootFsRaw),
                    whereRootFs(w),
                    QStringLiteral("Write a literal true to be sure the root filesystem is read-only")));
        return;
    }
    if (w.rootFs == RootFs::ReadOnly)
        return;
    const QString why = w.rootFs == RootFs::WritableExplicit
                            ? QStringLiteral("%1 is %2").arg(key, w.rootFsRaw)
                            : QStringLiteral("%1 is not set").arg(key);
    Diagnostic d = finding(rules::RootFsWritable,
                           QStringLiteral("The root filesystem is writable (%1)").arg(why), whereRootFs(w));
    if (w.exemption.exempt) {
        d.severity = Severity::Info;
        d.message = QStringLiteral("exempted by %1: %2").arg(w.exemption.tool, w.exemption.reason);
    } else if (w.windows) {
        d.severity = Severity::Info;
        d.message =
            QStringLiteral("The root filesystem is writable: readOnlyRootFilesystem cannot be set on a "
                           "Windows pod (spec.os.name: windows)");
    } else if (const QString known = imageHint(w, format); !known.isEmpty()) {
        d.hint = known;
    } else if (kubernetes(format)) {
        d.hint =
            QStringLiteral("Set securityContext.readOnlyRootFilesystem: true on the container and mount an "
                           "emptyDir {medium: Memory, sizeLimit: ...} where it must write");
    } else {
        d.hint = QStringLiteral(
            "Set read_only: true and mount the paths the service writes to (/tmp, /var/run...) "
            "as tmpfs");
    }
    out.append(d);
}

bool runsAsNonRoot(const Workload &w)
{
    if (w.runAsUser)
        return *w.runAsUser != 0;
    if (w.user.isEmpty() || w.user.startsWith(QLatin1Char('$')) || w.user.contains(QLatin1String("${")))
        return false;
    return !w.user.startsWith(QLatin1String("root"));
}

// Compose only: an emptyDir is created world-writable (0777) by the kubelet, a tmpfs is not.
void tmpfsOwnerRule(const Workload &w, Diagnostics &out)
{
    if (!runsAsNonRoot(w))
        return;
    for (const WritablePath &p : w.inMemory) {
        if (p.kind == PathKind::EmptyDirMemory || p.uid.value_or(0) != 0)
            continue;
        if (scalars::modeWorldWritable(p.mode.toStdString()))
            continue;
        QString hint;
        if (p.kind == PathKind::TmpfsShort)
            hint = QStringLiteral("Give the tmpfs an owner: %1:uid=<uid>,gid=<gid> (or mode=1777)")
                       .arg(p.target);
        else if (p.kind == PathKind::TmpfsVolume)
            hint = QStringLiteral("Add uid=<uid>,gid=<gid> to the volume's driver_opts.o");
        else
            hint =
                QStringLiteral("The long syntax has no uid: use the short tmpfs syntax with uid=, or a tmpfs "
                               "named volume");
        out.append(
            finding(rules::TmpfsRootOwned,
                    QStringLiteral("%1 is owned by root but the service runs as %2: it cannot write there")
                        .arg(p.target, w.user),
                    p.location, hint));
    }
}

void compose3Rules(const Workload &w, Diagnostics &out)
{
    bool serviceTmpfs = false;
    for (const WritablePath &p : w.inMemory) {
        if (p.kind == PathKind::TmpfsShort && !serviceTmpfs) {
            serviceTmpfs = true;
            out.append(finding(
                rules::Compose3ServiceTmpfs,
                QStringLiteral("tmpfs: in a Compose 3.x file is dropped by docker stack deploy"), p.location,
                QStringLiteral("Mount a tmpfs named volume (driver_opts: {type: tmpfs, device: "
                               "tmpfs, o: \"size=64m,uid=...\"}) instead")));
        }
        if (p.kind == PathKind::TmpfsLong && !p.mode.isEmpty())
            out.append(finding(rules::Compose3TmpfsMode,
                               QStringLiteral("tmpfs mode %1 on %2 is ignored by Swarm, which uses only size")
                                   .arg(p.mode, p.target),
                               p.location,
                               QStringLiteral("Use a tmpfs named volume with o: \"mode=...,uid=...\"")));
    }
}

void emptyDirRule(const Workload &w, Diagnostics &out)
{
    for (const WritablePath &p : w.inMemory) {
        if (p.kind != PathKind::EmptyDirMemory || !p.size.isEmpty())
            continue;
        out.append(
            finding(rules::EmptyDirNoSizeLimit,
                    QStringLiteral("emptyDir %1 on %2 is memory-backed with no sizeLimit: it can grow to "
                                   "the node's memory")
                        .arg(p.source, p.target),
                    p.definition.line > 0 ? p.definition : p.location,
                    QStringLiteral("Add sizeLimit: 64Mi (or what the path needs) to the emptyDir")));
    }
}

bool isAppDir(const QString &target)
{
    // The directories themselves, not what is below them: /var/www/html or /app/uploads are
    // where applications legitimately keep data.
    static const QSet<QString> dirs = {
        QStringLiteral("/"),        QStringLiteral("/usr"),   QStringLiteral("/bin"), QStringLiteral("/sbin"),
        QStringLiteral("/lib"),     QStringLiteral("/lib64"), QStringLiteral("/etc"), QStringLiteral("/app"),
        QStringLiteral("/var/www"), QStringLiteral("/opt"),   QStringLiteral("/srv"),
    };
    return dirs.contains(normalizedTarget(target));
}

void appDirRule(const Workload &w, Diagnostics &out)
{
    for (const QVector<WritablePath> *paths : {&w.inMemory, &w.persistent}) {
        for (const WritablePath &p : *paths) {
            if (!isAppDir(p.target))
                continue;
            out.append(
                finding(rules::WritableAppDir,
                        QStringLiteral("%1 is writable (%2): the application's own files can change")
                            .arg(normalizedTarget(p.target), pathKindName(p.kind)),
                        p.location,
                        QStringLiteral("Mount only the subdirectory that must change (uploads, cache), "
                                       "or mount this one read-only")));
        }
    }
}

// readOnlyRootFilesystem in a pod's securityContext: reported on the pod's containers that
// are not read-only themselves (whom it misleads), or on its first container.
void podLevelRule(const ParsedFile &file, QVector<Workload> &workloads)
{
    QSet<qint64> pods, reported;
    auto podKey = [](const Workload &w) { return (qint64(w.document) << 32) | quint32(w.podSpec); };
    auto podValue = [&](const Workload &w) -> NodeId {
        const Document &doc = file.stream.documents[std::size_t(w.document)];
        const auto sc = effectiveGet(doc, w.podSpec, "securityContext");
        const NodeId map = sc ? doc.resolve(sc->value) : NoNode;
        const auto ro = doc.isMapping(map) ? effectiveGet(doc, map, "readOnlyRootFilesystem") : std::nullopt;
        return ro ? ro->value : NoNode;
    };
    auto report = [&](Workload &w, NodeId value) {
        Location where;
        const LineCol lc =
            file.text.lineCol(file.stream.documents[std::size_t(w.document)].node(value).begin);
        where.line = lc.line;
        where.column = lc.column;
        w.findings.append(
            finding(rules::PodLevelReadOnly,
                    QStringLiteral("readOnlyRootFilesystem in the pod's securityContext has no effect"),
                    where, QStringLiteral("Move it to each container's securityContext")));
    };
    for (Workload &w : workloads) {
        if (w.podSpec == NoNode || w.document < 0)
            continue;
        const NodeId value = podValue(w);
        if (value == NoNode)
            continue;
        pods.insert(podKey(w));
        if (w.rootFs != RootFs::ReadOnly) {
            report(w, value);
            reported.insert(podKey(w));
        }
    }
    for (Workload &w : workloads) {
        if (w.podSpec == NoNode || w.document < 0 || !pods.contains(podKey(w)) ||
            reported.contains(podKey(w)))
            continue;
        report(w, podValue(w));
        reported.insert(podKey(w));
    }
}

} // namespace

// What the readers recorded, judged: the exemption the annotations grant (Kubernetes), a
// read-only flag that is not a boolean, a target mounted twice (within one layer of a Compose
// project: a later file's volume on the same target replaces the earlier one).
void judgeFacts(Workload &w, FileFormat format)
{
    Diagnostics &out = w.findings;
    if (kubernetes(format))
        w.exemption = findExemption(w.objectAnnotations, w.templateAnnotations);
    const QString key =
        isCompose(format) ? QStringLiteral("read_only") : QStringLiteral("readOnlyRootFilesystem");
    switch (w.rootFsWriting) {
    case FlagWriting::Boolean:
        break;
    case FlagWriting::NotBoolean:
        out.append(finding(rules::NotBoolean,
                           QStringLiteral("%1 is \"%2\", not a boolean").arg(key, w.rootFsRaw),
                           w.rootFsLocation, QStringLiteral("Write %1: true").arg(key)));
        break;
    case FlagWriting::KubernetesQuoted:
    case FlagWriting::KubernetesWord:
        out.append(finding(
            rules::KubernetesNotBoolean,
            QStringLiteral(
                "readOnlyRootFilesystem is the %1 \"%2\", not a boolean: the Kubernetes API rejects "
                "the manifest, so it does not deploy")
                .arg(w.rootFsWriting == FlagWriting::KubernetesQuoted ? QStringLiteral("quoted string")
                                                                      : QStringLiteral("word"),
                     w.rootFsRaw),
            w.rootFsLocation, QStringLiteral("Write readOnlyRootFilesystem: true, without quotes")));
        break;
    }
    QHash<int, MountTargets> byLayer;
    for (const MountFact &m : std::as_const(w.mounts))
        byLayer[m.layer].add(w, m.target, m.where);
}

void applyRules(const ParsedFile &file, FileFormat format, QVector<Workload> &workloads)
{
    for (Workload &w : workloads) {
        Diagnostics &out = w.findings;
        judgeFacts(w, format);
        rootFsRule(w, format, out);
        if (isCompose(format))
            tmpfsOwnerRule(w, out);
        if (format == FileFormat::Compose3)
            compose3Rules(w, out);
        if (kubernetes(format))
            emptyDirRule(w, out);
        appDirRule(w, out);
        imageRules(w, format, out);
        defeatRule(w, out);
    }
    if (kubernetes(format))
        podLevelRule(file, workloads);
    for (Workload &w : workloads) {
        const QString name = w.displayName();
        for (Diagnostic &d : w.findings) {
            d.file = file.path;
            d.workload = name;
        }
    }
}

} // namespace deadbolt::policy

#include "model/defeats.h"

#include "model/locate.h"
#include "model/scalars.h"
#include "yaml/merge.h"

namespace deadbolt {

using namespace yaml;

namespace {

QString trimmedPath(std::string_view v)
{
    QString p = scalars::toQString(scalars::trim(v));
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}

bool isDockerSocket(const QString &hostPath)
{
    return hostPath == QLatin1String("/var/run/docker.sock") || hostPath == QLatin1String("/run/docker.sock");
}

void add(Workload &w, Defeat::Kind kind, const QString &what, const Location &where)
{
    w.defeats.append({kind, what, where});
}

// SYS_ADMIN, CAP_SYS_ADMIN, ALL in any case.
void readCapabilities(const ParsedFile &file, int document, const Document &doc, NodeId list, const char *key,
                      Workload &w)
{
    list = doc.resolve(list);
    if (!doc.isSequence(list))
        return;
    for (NodeId raw : doc.children(list)) {
        const NodeId item = doc.resolve(raw);
        if (!doc.isScalar(item))
            continue;
        QString cap = scalars::toQString(scalars::trim(doc.value(item))).toUpper();
        if (cap.startsWith(QLatin1String("CAP_")))
            cap = cap.mid(4);
        if (cap == QLatin1String("SYS_ADMIN") || cap == QLatin1String("ALL"))
            add(w, Defeat::Kind::Capability, QStringLiteral("%1 %2").arg(QLatin1String(key), cap),
                locate(file, document, item));
    }
}

void readPrivileged(const ParsedFile &file, int document, const Document &doc, NodeId map, const char *key,
                    Workload &w)
{
    const auto entry = doc.isMapping(map) ? effectiveGet(doc, map, "privileged") : std::nullopt;
    if (entry && scalars::readBool(doc, entry->value).truth == scalars::Truth::True)
        add(w, Defeat::Kind::Privileged, QLatin1String(key), locate(file, document, entry->value));
}

// Writable host mounts the reader found (binds, hostPaths) of / or a system folder.
void readHostMounts(Workload &w)
{
    for (const WritablePath &p : std::as_const(w.persistent))
        if ((p.kind == PathKind::Bind || p.kind == PathKind::HostPath) &&
            isHostSystemFolder(trimmedPath(p.source.toStdString())))
            add(w, Defeat::Kind::HostFolder, trimmedPath(p.source.toStdString()), p.location);
}

} // namespace

bool isHostSystemFolder(const QString &hostPath)
{
    static const QStringList folders{QStringLiteral("/"),
                                     QStringLiteral("/etc"),
                                     QStringLiteral("/usr"),
                                     QStringLiteral("/bin"),
                                     QStringLiteral("/sbin"),
                                     QStringLiteral("/lib"),
                                     QStringLiteral("/lib64"),
                                     QStringLiteral("/boot"),
                                     QStringLiteral("/root"),
                                     QStringLiteral("/proc"),
                                     QStringLiteral("/sys"),
                                     QStringLiteral("/dev"),
                                     QStringLiteral("/var/lib/docker"),
                                     QStringLiteral("/var/lib/kubelet")};
    return folders.contains(hostPath);
}

void readComposeDefeats(const ParsedFile &file, int document, NodeId service, Workload &w)
{
    const Document &doc = file.stream.documents[std::size_t(document)];
    const NodeId svc = doc.resolve(service);
    if (!doc.isMapping(svc))
        return;
    readPrivileged(file, document, doc, svc, "privileged: true", w);
    readCapabilities(file, document, doc, effectiveValue(doc, svc, "cap_add"), "cap_add", w);
    // The socket in any mode: the read-only mounts are not among the writable paths.
    const NodeId volumes = effectiveValue(doc, svc, "volumes");
    if (doc.isSequence(volumes)) {
        for (NodeId raw : doc.children(volumes)) {
            const NodeId item = doc.resolve(raw);
            QString source;
            if (doc.isScalar(item)) {
                const std::string_view spec = scalars::trim(doc.value(item));
                source = trimmedPath(spec.substr(0, spec.find(':')));
            } else if (doc.isMapping(item)) {
                source = trimmedPath(scalars::isNull(doc, effectiveValue(doc, item, "source"))
                                         ? std::string_view()
                                         : doc.value(doc.resolve(effectiveValue(doc, item, "source"))));
            }
            if (isDockerSocket(source))
                add(w, Defeat::Kind::DockerSocket, source, locate(file, document, item));
        }
    }
    readHostMounts(w);
}

void readKubernetesDefeats(const ParsedFile &file, int document, NodeId container, NodeId podSpec,
                           Workload &w)
{
    const Document &doc = file.stream.documents[std::size_t(document)];
    const NodeId sc = doc.resolve(effectiveValue(doc, container, "securityContext"));
    readPrivileged(file, document, doc, sc, "securityContext.privileged: true", w);
    readCapabilities(file, document, doc, effectiveValue(doc, effectiveValue(doc, sc, "capabilities"), "add"),
                     "capabilities.add", w);
    // The socket through a hostPath volume, read-only or not.
    const NodeId volumes = effectiveValue(doc, podSpec, "volumes");
    const NodeId mounts = effectiveValue(doc, container, "volumeMounts");
    if (doc.isSequence(volumes) && doc.isSequence(mounts)) {
        for (NodeId rawMount : doc.children(mounts)) {
            const NodeId mount = doc.resolve(rawMount);
            const std::string_view name = doc.value(doc.resolve(effectiveValue(doc, mount, "name")));
            for (NodeId rawVolume : doc.children(volumes)) {
                const NodeId volume = doc.resolve(rawVolume);
                if (doc.value(doc.resolve(effectiveValue(doc, volume, "name"))) != name)
                    continue;
                const NodeId hostPath = effectiveValue(doc, volume, "hostPath");
                const QString path =
                    trimmedPath(doc.value(doc.resolve(effectiveValue(doc, hostPath, "path"))));
                if (isDockerSocket(path))
                    add(w, Defeat::Kind::DockerSocket, path, locate(file, document, mount));
            }
        }
    }
    readHostMounts(w);
}

} // namespace deadbolt

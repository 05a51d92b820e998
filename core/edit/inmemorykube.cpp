// Kubernetes: in-memory paths as `emptyDir: {medium: Memory}` pod volumes plus mounts.
#include "edit/inmemoryparts.h"
#include "model/analyzer.h"

namespace deadbolt::edit {

using yaml::Document;
using yaml::NodeId;

namespace {

bool isMemoryEmptyDir(const Document &d, NodeId volume)
{
    const NodeId medium = d.path(volume, {"emptyDir", "medium"});
    return d.isScalar(medium) && d.value(medium) == "Memory";
}

std::string scalarAt(const Document &d, NodeId map, const char *key)
{
    const NodeId v = d.get(map, key);
    return d.isScalar(v) ? std::string(d.value(v)) : std::string();
}

// The pod volume item with this name, or NoNode.
NodeId podVolume(const Document &d, NodeId podSpec, const std::string &name)
{
    const NodeId volumes = d.get(podSpec, "volumes");
    for (NodeId item : d.isSequence(volumes) ? d.children(volumes) : std::span<const NodeId>())
        if (scalarAt(d, item, "name") == name)
            return item;
    return yaml::NoNode;
}

std::string volumeName(const QString &target)
{
    std::string out;
    for (const QChar c : target.toLower()) {
        const char a = c.toLatin1();
        if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))
            out += a;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.empty())
        out = "tmpfs";
    return out.substr(0, 50);
}

bool refuseOwnership(PathEdit &e, const InMemoryPathSpec &spec)
{
    if (spec.uid || spec.gid || !spec.mode.isEmpty())
        return e.planner.planFailure(QStringLiteral("an emptyDir takes no uid, gid or mode: set the pod's "
                                                    "securityContext.fsGroup instead"));
    return true;
}

} // namespace

bool addEmptyDir(PathEdit &e, const InMemoryPathSpec &spec)
{
    const Document &d = e.doc;
    const NodeId pod = e.workload.podSpec;
    if (!d.isMapping(pod))
        return e.planner.planFailure(
            QStringLiteral("cannot find the pod spec of %1").arg(e.workload.displayName()));
    if (!refuseOwnership(e, spec))
        return false;

    // Reuse a memory emptyDir that another container of the pod mounts at the same path.
    std::string reuse;
    for (const Workload &w : e.analysis.workloads) {
        if (w.document != e.workload.document || w.podSpec != pod || &w == &e.workload || !reuse.empty())
            continue;
        if (const WritablePath *p = inMemoryAt(w, spec.target); p && p->kind == PathKind::EmptyDirMemory)
            reuse = scalarAt(d, p->definition.node, "name");
    }
    std::string name = reuse;
    if (name.empty()) {
        const std::string base = volumeName(spec.target);
        name = base;
        for (int n = 2; podVolume(d, pod, name) != yaml::NoNode; ++n)
            name = base + "-" + std::to_string(n);
    }
    const TreeValue mount = TreeValue::mapping(
        {{"name", Planner::text(name)}, {"mountPath", Planner::text(spec.target.toStdString())}});
    // The container first: when both land at the end of the pod spec, its lines come first.
    if (!editList(e, "volumeMounts", ListOp::Append, yaml::NoNode, mount))
        return false;
    if (!reuse.empty())
        return true;
    std::vector<std::pair<std::string, TreeValue>> emptyDir{{"medium", Planner::text("Memory")}};
    if (!spec.size.isEmpty())
        emptyDir.emplace_back("sizeLimit", Planner::text(kubernetesSize(spec.size)));
    const TreeValue volume =
        TreeValue::mapping({{"name", Planner::text(name)}, {"emptyDir", TreeValue::mapping(emptyDir)}});
    return appendUnder(e, pod, "volumes", volume, yaml::NoNode);
}

bool changeEmptyDir(PathEdit &e, const WritablePath &path, const InMemoryPathSpec &spec)
{
    const Document &d = e.doc;
    const int doc = e.workload.document;
    const NodeId volume = path.definition.node;
    if (!isMemoryEmptyDir(d, volume) || !refuseOwnership(e, spec))
        return false;
    const NodeId emptyDir = d.get(volume, "emptyDir");
    const NodeId size = d.get(emptyDir, "sizeLimit");
    const std::string wanted = spec.size.isEmpty() ? std::string() : kubernetesSize(spec.size);
    const bool resize = size == yaml::NoNode ? !wanted.empty() : !d.isScalar(size) || d.value(size) != wanted;
    // Every container mounting the volume sees the new size: a shared-block edit.
    if (resize &&
        !shareDefinition(
            e, volume,
            QStringLiteral("the emptyDir %1").arg(QString::fromStdString(scalarAt(d, volume, "name")))))
        return false;
    bool ok = true;
    if (size != yaml::NoNode && wanted.empty())
        ok = e.planner.removeEntry(doc, emptyDir, d.keyNode(emptyDir, "sizeLimit"));
    else if (size != yaml::NoNode && resize)
        ok = e.planner.replaceScalar(doc, size, Planner::text(wanted));
    else if (size == yaml::NoNode && !wanted.empty())
        ok = e.planner.addEntry(doc, emptyDir, "sizeLimit", Planner::text(wanted));
    if (ok && path.target != spec.target) {
        const NodeId mountPath = d.get(path.location.node, "mountPath");
        if (!d.isScalar(mountPath))
            return e.planner.planFailure(QStringLiteral("the mount of %1 has no mountPath").arg(path.target));
        ok = e.planner.replaceScalar(doc, mountPath, Planner::text(spec.target.toStdString()));
    }
    return ok;
}

bool removeEmptyDir(PathEdit &e, const WritablePath &path)
{
    const Document &d = e.doc;
    const NodeId pod = e.workload.podSpec;
    if (!editList(e, "volumeMounts", ListOp::Remove, path.location.node, {}))
        return false;
    const NodeId volume = path.definition.node;
    if (volume == yaml::NoNode || definitionStillUsed(e, volume, path.location.node) ||
        !isMemoryEmptyDir(d, volume))
        return true;
    const NodeId volumes = d.get(pod, "volumes");
    const auto items = d.isSequence(volumes) ? d.children(volumes) : std::span<const NodeId>();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i] != volume)
            continue;
        if (items.size() == 1)
            return e.planner.removeEntry(e.workload.document, pod, d.keyNode(pod, "volumes"));
        return e.planner.removeItem(e.workload.document, volumes, int(i));
    }
    return true;
}

} // namespace deadbolt::edit

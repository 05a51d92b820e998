// Kubernetes: in-memory paths as `emptyDir: {medium: Memory}` pod volumes plus mounts.
#include "edit/inmemoryparts.h"
#include "model/analyzer.h"

namespace deadbolt::edit {

using yaml::Document;
using yaml::NodeId;

namespace {

const char *const ContainerLists[] = {"containers", "initContainers", "ephemeralContainers"};

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

// The pod volume item with this name, or NoNode; *index gets its position.
NodeId podVolume(const Document &d, NodeId podSpec, const std::string &name, int *index = nullptr)
{
    const NodeId volumes = d.get(podSpec, "volumes");
    const auto items = d.isSequence(volumes) ? d.children(volumes) : std::span<const NodeId>();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (scalarAt(d, items[i], "name") == name) {
            if (index)
                *index = int(i);
            return items[i];
        }
    }
    return yaml::NoNode;
}

// Calls f(container, mountItem, mountIndex) for every volumeMounts item of the pod.
template <typename F> void forEachMount(const Document &d, NodeId podSpec, F f)
{
    for (const char *list : ContainerLists) {
        const NodeId containers = d.get(podSpec, list);
        for (NodeId c : d.isSequence(containers) ? d.children(containers) : std::span<const NodeId>()) {
            const NodeId mounts = d.get(c, "volumeMounts");
            const auto items = d.isSequence(mounts) ? d.children(mounts) : std::span<const NodeId>();
            for (std::size_t i = 0; i < items.size(); ++i)
                f(c, items[i], int(i));
        }
    }
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

// This container's mount at target: its index, and the volume's name.
int findMount(const PathEdit &e, const QString &target, std::string *name)
{
    const NodeId mounts = e.doc.get(e.workload.node, "volumeMounts");
    const auto items = e.doc.isSequence(mounts) ? e.doc.children(mounts) : std::span<const NodeId>();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (scalarAt(e.doc, items[i], "mountPath") == target.toStdString()) {
            *name = scalarAt(e.doc, items[i], "name");
            return int(i);
        }
    }
    return -1;
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
    std::string existing;
    if (findMount(e, spec.target, &existing) >= 0)
        return e.planner.planFailure(
            QStringLiteral("%1 already mounts %2").arg(e.workload.displayName(), spec.target));

    // Reuse a memory emptyDir that another container mounts at the same path.
    std::string reuse;
    forEachMount(d, pod, [&](NodeId, NodeId mount, int) {
        const std::string name = scalarAt(d, mount, "name");
        if (reuse.empty() && scalarAt(d, mount, "mountPath") == spec.target.toStdString() &&
            isMemoryEmptyDir(d, podVolume(d, pod, name)))
            reuse = name;
    });
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
    if (!appendUnder(e, e.workload.node, "volumeMounts", mount, yaml::NoNode))
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

bool changeEmptyDir(PathEdit &e, const QString &oldTarget, const InMemoryPathSpec &spec)
{
    const Document &d = e.doc;
    const int doc = e.workload.document;
    std::string name;
    const int at = findMount(e, oldTarget, &name);
    const NodeId volume = podVolume(d, e.workload.podSpec, name);
    if (at < 0 || !isMemoryEmptyDir(d, volume) || !refuseOwnership(e, spec))
        return false;
    const NodeId emptyDir = d.get(volume, "emptyDir");
    const NodeId size = d.get(emptyDir, "sizeLimit");
    const std::string wanted = spec.size.isEmpty() ? std::string() : kubernetesSize(spec.size);
    bool ok = true;
    if (size != yaml::NoNode && wanted.empty())
        ok = e.planner.removeEntry(doc, emptyDir, d.keyNode(emptyDir, "sizeLimit"));
    else if (size != yaml::NoNode && d.isScalar(size) && d.value(size) != wanted)
        ok = e.planner.replaceScalar(doc, size, Planner::text(wanted));
    else if (size == yaml::NoNode && !wanted.empty())
        ok = e.planner.addEntry(doc, emptyDir, "sizeLimit", Planner::text(wanted));
    if (ok && oldTarget != spec.target) {
        const NodeId item = d.children(d.get(e.workload.node, "volumeMounts"))[std::size_t(at)];
        ok = e.planner.replaceScalar(doc, d.get(item, "mountPath"), Planner::text(spec.target.toStdString()));
    }
    // Every container mounting the volume sees the new size.
    forEachMount(d, e.workload.podSpec, [&](NodeId c, NodeId mount, int) {
        if (scalarAt(d, mount, "name") == name)
            e.affected.append(e.workload.object + QLatin1Char('/') +
                              QString::fromStdString(scalarAt(d, c, "name")));
    });
    return ok;
}

bool removeEmptyDir(PathEdit &e, const QString &target)
{
    const Document &d = e.doc;
    std::string name;
    const int at = findMount(e, target, &name);
    if (at < 0)
        return false;
    const NodeId pod = e.workload.podSpec;
    if (!removeFrom(e, e.workload.node, "volumeMounts", at))
        return false;
    int mounts = 0;
    forEachMount(d, pod, [&](NodeId, NodeId mount, int) { mounts += scalarAt(d, mount, "name") == name; });
    int index = -1;
    const NodeId volume = podVolume(d, pod, name, &index);
    if (mounts > 1 || volume == yaml::NoNode || !isMemoryEmptyDir(d, volume))
        return true;
    return removeFrom(e, pod, "volumes", index);
}

} // namespace deadbolt::edit

// Compose 3.x: in-memory paths as tmpfs named volumes (see inmemoryedit.h for why).
#include "edit/inmemoryparts.h"
#include "model/analyzer.h"

namespace deadbolt::edit {

using yaml::Document;
using yaml::NodeId;

namespace {

bool isTmpfsVolume(const Document &d, NodeId def)
{
    const NodeId type = d.path(def, {"driver_opts", "type"});
    return d.isScalar(type) && d.value(type) == "tmpfs";
}

std::string sanitize(const QString &s)
{
    std::string out;
    for (const QChar c : s.toLower()) {
        const char a = c.toLatin1();
        const bool ok = (a >= 'a' && a <= 'z') || (a >= '0' && a <= '9') || a == '_' || a == '.';
        if (ok)
            out += a;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

// The volume a service volumes item mounts, and where: "name:/path[:ro]" or the long syntax.
bool mountOf(const Document &d, NodeId item, std::string *source, std::string *target)
{
    if (d.isScalar(item)) {
        const std::string_view v = d.value(item);
        const std::size_t colon = v.find(':');
        if (colon == std::string_view::npos)
            return false;
        *source = std::string(v.substr(0, colon));
        *target = beforeColon(v.substr(colon + 1));
        return true;
    }
    const NodeId s = d.get(item, "source");
    const NodeId t = d.get(item, "target");
    if (!d.isScalar(s) || !d.isScalar(t))
        return false;
    *source = std::string(d.value(s));
    *target = std::string(d.value(t));
    return true;
}

// Index of the service's volumes item mounting a tmpfs volume at target, with its name.
int findMount(const PathEdit &e, const QString &target, std::string *name)
{
    const NodeId volumes = e.doc.get(e.workload.node, "volumes");
    const NodeId defs = e.doc.get(e.doc.root, "volumes");
    const auto items = e.doc.isSequence(volumes) ? e.doc.children(volumes) : std::span<const NodeId>();
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string source, t;
        if (mountOf(e.doc, items[i], &source, &t) && t == target.toStdString() &&
            isTmpfsVolume(e.doc, e.doc.resolve(e.doc.get(defs, source)))) {
            *name = source;
            return int(i);
        }
    }
    return -1;
}

// How many volumes items of all services mount the named volume.
int uses(const Document &d, const std::string &name)
{
    int n = 0;
    const NodeId services = d.get(d.root, "services");
    const auto kids = d.isMapping(services) ? d.children(services) : std::span<const NodeId>();
    for (std::size_t i = 1; i < kids.size(); i += 2) {
        const NodeId volumes = d.get(d.resolve(kids[i]), "volumes");
        for (NodeId item : d.isSequence(volumes) ? d.children(volumes) : std::span<const NodeId>()) {
            std::string source, target;
            if (mountOf(d, item, &source, &target) && source == name)
                ++n;
        }
    }
    return n;
}

// A new definition in the form of the file's first tmpfs volume, when it has one.
TreeValue definition(const PathEdit &e, const std::string &options)
{
    TreeValue o = TreeValue::scalar(options, false);
    NodeId model = yaml::NoNode;
    const NodeId defs = e.doc.get(e.doc.root, "volumes");
    const auto kids = e.doc.isMapping(defs) ? e.doc.children(defs) : std::span<const NodeId>();
    for (std::size_t i = 1; i < kids.size() && model == yaml::NoNode; i += 2)
        if (isTmpfsVolume(e.doc, kids[i]))
            model = kids[i];
    if (model == yaml::NoNode) {
        std::vector<std::pair<std::string, TreeValue>> opts{{"type", Planner::text("tmpfs")},
                                                            {"device", Planner::text("tmpfs")}};
        if (!options.empty())
            opts.emplace_back("o", o);
        return TreeValue::mapping(
            {{"driver", Planner::text("local")}, {"driver_opts", TreeValue::mapping(opts)}});
    }
    TreeValue def = treeValue(e.doc, model);
    def.anchor.clear();
    if (TreeValue *opts = def.find("driver_opts")) {
        const NodeId oldO = e.doc.path(model, {"driver_opts", "o"});
        if (e.doc.isScalar(oldO)) {
            o.plain =
                e.doc.node(oldO).scalarStyle == yaml::ScalarStyle::Plain && Planner::text(options).plain;
            keepQuotes(e.doc, oldO, &o);
        }
        auto &entries = opts->entries;
        std::erase_if(entries, [](const auto &x) { return x.first == "o"; });
        if (!options.empty())
            entries.emplace_back("o", o);
    }
    return def;
}

} // namespace

bool addTmpfsVolume(PathEdit &e, const InMemoryPathSpec &spec)
{
    std::string existing;
    if (findMount(e, spec.target, &existing) >= 0)
        return e.planner.planFailure(
            QStringLiteral("%1 already mounts %2").arg(e.workload.name, spec.target));
    const NodeId root = e.doc.root;
    const NodeId defs = e.doc.get(root, "volumes");
    std::string base = sanitize(e.workload.name) + "-" + sanitize(spec.target.section(QLatin1Char('/'), -1));
    if (base.back() == '-')
        base += "tmpfs";
    std::string name = base;
    for (int n = 2; e.doc.isMapping(defs) && e.doc.get(defs, name) != yaml::NoNode; ++n)
        name = base + "-" + std::to_string(n);
    const TreeValue def = definition(e, composeOptions(spec));

    // The service first: when both edits land at the end of the file, the service's lines
    // must come before the new top-level key.
    if (!appendUnder(e, e.workload.node, "volumes", Planner::text(name + ":" + spec.target.toStdString()),
                     placementKey(e.doc, e.workload.node)))
        return false;
    const NodeId defsKey = e.doc.keyNode(root, "volumes");
    if (defsKey == yaml::NoNode)
        return e.planner.addEntry(e.workload.document, root, "volumes", TreeValue::mapping({{name, def}}));
    if (e.doc.isMapping(defs))
        return e.planner.addEntry(e.workload.document, defs, name, def);
    if (e.doc.kind(defs) == yaml::NodeKind::Null)
        return e.planner.setEntryValue(e.workload.document, root, defsKey, TreeValue::mapping({{name, def}}));
    return e.planner.planFailure(QStringLiteral("the top-level `volumes:` is not a mapping"));
}

bool changeTmpfsVolume(PathEdit &e, const QString &oldTarget, const InMemoryPathSpec &spec)
{
    std::string name;
    const int at = findMount(e, oldTarget, &name);
    if (at < 0)
        return false;
    const int doc = e.workload.document;
    const NodeId defs = e.doc.get(e.doc.root, "volumes");
    const NodeId opts = e.doc.path(defs, {name, "driver_opts"});
    if (!e.doc.isMapping(opts))
        return e.planner.planFailure(
            QStringLiteral("volume %1 has no driver_opts mapping").arg(QString::fromStdString(name)));
    if (uses(e.doc, name) > 1)
        return e.planner.planFailure(
            QStringLiteral("volume %1 is shared with other services; change it by hand")
                .arg(QString::fromStdString(name)));
    const std::string options = composeOptions(spec);
    const NodeId o = e.doc.get(opts, "o");
    bool ok = true;
    if (o != yaml::NoNode && options.empty())
        ok = e.planner.removeEntry(doc, opts, e.doc.keyNode(opts, "o"));
    else if (o != yaml::NoNode && e.doc.isScalar(o) && e.doc.value(o) != options) {
        TreeValue value = TreeValue::scalar(options, Planner::text(options).plain);
        keepQuotes(e.doc, o, &value);
        ok = e.planner.replaceScalar(doc, o, value);
    } else if (o == yaml::NoNode && !options.empty())
        ok = e.planner.addEntry(doc, opts, "o", TreeValue::scalar(options, false));
    if (ok && oldTarget != spec.target) {
        const NodeId item = e.doc.children(e.doc.get(e.workload.node, "volumes"))[std::size_t(at)];
        if (!e.doc.isScalar(item))
            return e.planner.planFailure(QStringLiteral("moving a long-syntax mount is not supported"));
        const std::string v(e.doc.value(item));
        const std::size_t second = v.find(':', name.size() + 1);
        const std::string mode = second == std::string::npos ? "" : v.substr(second);
        ok = e.planner.replaceScalar(doc, item, Planner::text(name + ":" + spec.target.toStdString() + mode));
    }
    return ok;
}

bool removeTmpfsVolume(PathEdit &e, const QString &target)
{
    std::string name;
    const int at = findMount(e, target, &name);
    if (at < 0)
        return false;
    if (!removeFrom(e, e.workload.node, "volumes", at))
        return false;
    if (uses(e.doc, name) > 1)
        return true;
    const NodeId root = e.doc.root;
    const NodeId defs = e.doc.get(root, "volumes");
    if (e.doc.children(defs).size() == 2)
        return e.planner.removeEntry(e.workload.document, root, e.doc.keyNode(root, "volumes"));
    return e.planner.removeEntry(e.workload.document, defs, e.doc.keyNode(defs, name));
}

} // namespace deadbolt::edit

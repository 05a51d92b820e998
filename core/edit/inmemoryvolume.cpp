// Compose 3.x: in-memory paths as tmpfs named volumes (see inmemoryedit.h for why).
#include "edit/inmemoryparts.h"
#include "model/analyzer.h"
#include "model/scalars.h"

#include <algorithm>

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
    if (!editList(e, "volumes", ListOp::Append, yaml::NoNode,
                  Planner::text(name + ":" + spec.target.toStdString())))
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

bool changeTmpfsVolume(PathEdit &e, const WritablePath &path, const InMemoryPathSpec &spec)
{
    const int doc = e.workload.document;
    const std::string name = path.source.toStdString();
    const NodeId opts = e.doc.get(path.definition.node, "driver_opts");
    if (!e.doc.isMapping(opts))
        return e.planner.planFailure(QStringLiteral("volume %1 has no driver_opts mapping").arg(path.source));
    if (!shareDefinition(e, path.definition.node, QStringLiteral("the tmpfs volume %1").arg(path.source)))
        return false;
    const std::string options = optionsWith(spec, scalars::otherMountOptions(path.options));
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
    if (ok && path.target != spec.target) {
        const NodeId item = path.location.node;
        if (!e.doc.isScalar(item))
            return e.planner.planFailure(QStringLiteral("moving a long-syntax mount is not supported"));
        const std::string v(e.doc.value(item));
        const std::size_t second = v.find(':', name.size() + 1);
        const std::string mode = second == std::string::npos ? "" : v.substr(second);
        ok = editList(e, "volumes", ListOp::Replace, item,
                      Planner::text(name + ":" + spec.target.toStdString() + mode));
    }
    return ok;
}

bool removeTmpfsVolume(PathEdit &e, const WritablePath &path)
{
    if (!editList(e, "volumes", ListOp::Remove, path.location.node, {}))
        return false;
    // An inherited mount that this workload alone drops stays written in the shared block.
    const NodeId ownList = e.doc.resolve(e.doc.get(e.workload.node, "volumes"));
    const bool itemRemoved =
        e.writtenInto.back() != e.workload.node || e.doc.node(path.location.node).parent == ownList;
    if (!itemRemoved || definitionStillUsed(e, path.definition.node, path.location.node))
        return true;
    const NodeId root = e.doc.root;
    const NodeId defs = e.doc.get(root, "volumes");
    const std::string name = path.source.toStdString();
    if (e.doc.children(defs).size() == 2)
        return e.planner.removeEntry(e.workload.document, root, e.doc.keyNode(root, "volumes"));
    return e.planner.removeEntry(e.workload.document, defs, e.doc.keyNode(defs, name));
}

} // namespace deadbolt::edit

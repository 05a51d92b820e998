// The list edit every in-memory path edit goes through, merge keys included.
#include "edit/inmemoryparts.h"
#include "model/analyzer.h"
#include "yaml/merge.h"

#include <algorithm>

namespace deadbolt::edit {

using yaml::Document;
using yaml::NodeId;

NodeId placementKey(const Document &d, NodeId map)
{
    if (const NodeId k = d.keyNode(map, "read_only"); k != yaml::NoNode)
        return k;
    return d.keyNode(map, "image");
}

void keepQuotes(const Document &d, NodeId written, TreeValue *value)
{
    const yaml::ScalarStyle style = d.node(written).scalarStyle;
    if (style == yaml::ScalarStyle::SingleQuoted || style == yaml::ScalarStyle::DoubleQuoted) {
        value->plain = false;
        value->quote = style == yaml::ScalarStyle::SingleQuoted ? '\'' : '"';
    }
}

bool appendUnder(PathEdit &e, NodeId map, const char *key, const TreeValue &item, NodeId after)
{
    const int doc = e.workload.document;
    const NodeId keyNode = e.doc.keyNode(map, key);
    if (keyNode == yaml::NoNode)
        return e.planner.addEntry(doc, map, key, TreeValue::sequence({item}), after);
    const NodeId seq = e.doc.get(map, key);
    if (e.doc.isSequence(seq))
        return e.planner.appendItem(doc, seq, item);
    if (e.doc.kind(seq) == yaml::NodeKind::Null)
        return e.planner.setEntryValue(doc, map, keyNode, TreeValue::sequence({item}));
    return e.planner.planFailure(QStringLiteral("`%1:` is neither a list nor empty").arg(QLatin1String(key)));
}

namespace {

void dropAnchors(TreeValue &v)
{
    v.anchor.clear();
    for (TreeValue &item : v.items)
        dropAnchors(item);
    for (auto &entry : v.entries)
        dropAnchors(entry.second);
}

// The list's items as written (a single string counts as one item).
std::vector<NodeId> itemsOf(const Document &d, NodeId value)
{
    const NodeId v = d.resolve(value);
    if (d.isSequence(v)) {
        const auto kids = d.children(v);
        return {kids.begin(), kids.end()};
    }
    if (d.isScalar(v))
        return {v};
    return {};
}

int indexOf(const Document &d, const std::vector<NodeId> &items, NodeId item)
{
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i] == item || d.resolve(items[i]) == item)
            return int(i);
    return -1;
}

} // namespace

bool copyOf(PathEdit &e, NodeId node, TreeValue *out)
{
    const yaml::Node &n = e.doc.node(node);
    if (n.kind == yaml::NodeKind::Alias) {
        out->kind = TreeValue::Kind::Alias;
        out->text = std::string(e.doc.anchorName(node));
        return true;
    }
    if (n.tagged)
        return e.planner.planFailure(
            QStringLiteral("an inherited list item has a tag; edit the list by hand"));
    *out = treeValue(e.doc, node);
    dropAnchors(*out);
    if (n.kind == yaml::NodeKind::Scalar) {
        // A one-line scalar is written again as it was, quotes and all.
        const std::string_view text = std::string_view(e.file.text.bytes()).substr(n.begin, n.end - n.begin);
        if (text.find_first_of("\r\n") == std::string_view::npos)
            out->raw = std::string(text);
    }
    return true;
}

namespace {
// A new list key goes after read_only or image; a container's volumeMounts goes last.
NodeId listPlacement(const Document &d, NodeId map, const char *key)
{
    return std::string_view(key) == "volumeMounts" ? yaml::NoNode : placementKey(d, map);
}
} // namespace

bool editList(PathEdit &e, const char *key, ListOp op, NodeId item, const TreeValue &value)
{
    const Document &d = e.doc;
    const int doc = e.workload.document;
    const NodeId service = e.workload.node;
    const auto site = yaml::effectiveGet(d, service, key);
    const bool inherited = site && site->via != yaml::NoNode;
    const bool aliased = site && d.kind(site->value) == yaml::NodeKind::Alias;
    const std::vector<NodeId> items = site ? itemsOf(d, site->value) : std::vector<NodeId>();
    const int at = op == ListOp::Append ? -1 : indexOf(d, items, item);
    if (op != ListOp::Append && at < 0)
        return e.planner.planFailure(QStringLiteral("the item is not in the `%1:` list of %2")
                                         .arg(QLatin1String(key), e.workload.displayName()));

    if (!(inherited || aliased) || e.target == Target::SharedBlock) {
        // In place: in the workload's own list, or in the shared block for every workload.
        const NodeId owner = site ? site->owner : service;
        e.writtenInto.push_back(owner);
        if (aliased)
            e.writtenInto.push_back(d.resolve(site->value));
        const NodeId seq = site ? d.resolve(site->value) : yaml::NoNode;
        if (op == ListOp::Append) {
            if (site && d.isScalar(seq)) {
                // A single string becomes a list of the string, as written, and the new item.
                TreeValue first;
                if (!copyOf(e, seq, &first))
                    return false;
                return e.planner.setEntryValue(doc, owner, site->key, TreeValue::sequence({first, value}));
            }
            if (aliased)
                return e.planner.appendItem(doc, seq, value);
            return appendUnder(e, owner, key, value, listPlacement(d, owner, key));
        }
        const NodeId written = d.isSequence(seq) ? d.children(seq)[std::size_t(at)] : seq;
        if (op == ListOp::Replace) {
            if (d.kind(written) == yaml::NodeKind::Alias)
                return e.planner.planFailure(
                    QStringLiteral("the item is an alias (*%1); change its anchor by hand")
                        .arg(QString::fromUtf8(d.anchorName(written).data())));
            return e.planner.replaceScalar(doc, written, value);
        }
        if (items.size() == 1 && !aliased)
            return e.planner.removeEntry(doc, owner, site->key);
        return e.planner.removeItem(doc, seq, at);
    }

    // This workload only: an own list with every inherited item, and the change.
    std::vector<TreeValue> copies;
    for (int i = 0; i < int(items.size()); ++i) {
        if (i == at && op == ListOp::Remove)
            continue;
        TreeValue copy;
        if (i == at)
            copy = value;
        else if (!copyOf(e, items[std::size_t(i)], &copy))
            return false;
        copies.push_back(std::move(copy));
    }
    if (op == ListOp::Append)
        copies.push_back(value);
    e.writtenInto.push_back(service);
    if (aliased && !inherited) // `tmpfs: *shared` in the workload itself
        return e.planner.setEntryValue(doc, service, site->key, TreeValue::sequence(std::move(copies)));
    return e.planner.addEntry(doc, service, key, TreeValue::sequence(std::move(copies)),
                              listPlacement(d, service, key));
}

bool pinList(PathEdit &e, const Workload &other, const char *key)
{
    const Document &d = e.doc;
    if (!d.isMapping(other.node))
        return e.planner.planFailure(
            QStringLiteral("%1 is not written as a mapping").arg(other.displayName()));
    const auto site = yaml::effectiveGet(d, other.node, key);
    if (site && site->via == yaml::NoNode)
        return e.planner.planFailure(QStringLiteral("%1 would change through its own `%2:`")
                                         .arg(other.displayName(), QLatin1String(key)));
    TreeValue value = TreeValue::sequence();
    if (site && d.isScalar(d.resolve(site->value))) {
        if (!copyOf(e, d.resolve(site->value), &value))
            return false;
    } else if (site) {
        for (NodeId item : itemsOf(d, site->value)) {
            TreeValue copy;
            if (!copyOf(e, item, &copy))
                return false;
            value.items.push_back(std::move(copy));
        }
    }
    return e.planner.addEntry(other.document, other.node, key, value, listPlacement(d, other.node, key));
}

namespace {

// Whether the workload mapping `map` sees `block`: the block is (inside) the mapping or one
// it merges, or one of their values is an alias of it.
bool reaches(const Document &d, NodeId map, NodeId block)
{
    std::vector<NodeId> seen = yaml::mergedMappings(d, map);
    seen.push_back(map);
    for (NodeId m : seen) {
        for (NodeId p = block; p != yaml::NoNode; p = d.node(p).parent)
            if (p == m)
                return true;
        const auto kids = d.children(m);
        for (std::size_t i = 1; i < kids.size(); i += 2)
            if (d.kind(kids[i]) == yaml::NodeKind::Alias && d.resolve(kids[i]) == block)
                return true;
    }
    return false;
}

} // namespace

QStringList mergersOf(const ParsedFile &file, const Analysis &analysis, int document, NodeId block,
                      const Workload *except)
{
    QStringList names;
    const Document &d = file.stream.documents[std::size_t(document)];
    for (const Workload &w : analysis.workloads)
        if (w.document == document && &w != except && d.isMapping(w.node) && reaches(d, w.node, block))
            names.append(w.displayName());
    return names;
}

namespace {

// Calls f(workload, path) for every mount of the document's workloads, in memory or not.
template <typename F> void forEachMount(const PathEdit &e, F f)
{
    for (const Workload &w : e.analysis.workloads)
        if (w.document == e.workload.document)
            for (const auto *list : {&w.inMemory, &w.persistent})
                for (const WritablePath &p : *list)
                    f(w, p);
}

} // namespace

bool shareDefinition(PathEdit &e, NodeId definition, const QString &what)
{
    QVector<QPair<QString, QString>> users;
    QStringList names;
    forEachMount(e, [&](const Workload &w, const WritablePath &p) {
        if (&w != &e.workload && p.definition.node == definition) {
            users.append({w.displayName(), p.target});
            if (!names.contains(w.displayName()))
                names.append(w.displayName());
        }
    });
    if (!users.isEmpty() && e.target != Target::SharedBlock)
        return e.planner.planFailure(
            QStringLiteral(
                "%1 is also mounted by %2; change it for all of them (the shared block) or by hand")
                .arg(what, names.join(QStringLiteral(", "))));
    e.definitionUsers += users;
    return true;
}

bool definitionStillUsed(const PathEdit &e, NodeId definition, NodeId except)
{
    bool used = false;
    forEachMount(e, [&](const Workload &, const WritablePath &p) {
        used = used || (p.definition.node == definition && p.location.node != except);
    });
    return used;
}

const WritablePath *inMemoryAt(const Workload &w, const QString &target)
{
    for (const WritablePath &p : w.inMemory)
        if (p.target == target)
            return &p;
    return nullptr;
}

bool mountsAt(const Workload &w, const QString &target)
{
    if (inMemoryAt(w, target))
        return true;
    return std::any_of(w.persistent.begin(), w.persistent.end(),
                       [&](const WritablePath &p) { return p.target == target; });
}

} // namespace deadbolt::edit

#include "yaml/yamltree.h"

namespace deadbolt::yaml {

std::string_view Document::value(NodeId id) const
{
    if (id == NoNode)
        return {};
    const Node &n = node(id);
    if (n.kind != NodeKind::Scalar)
        return {};
    return std::string_view(values).substr(n.firstChild, n.childCount);
}

std::span<const NodeId> Document::children(NodeId id) const
{
    if (id == NoNode)
        return {};
    const Node &n = node(id);
    if ((n.kind != NodeKind::Mapping && n.kind != NodeKind::Sequence) || n.childCount == 0)
        return {};
    return std::span<const NodeId>(childIds.data() + n.firstChild, n.childCount);
}

std::string_view Document::anchorName(NodeId id) const
{
    if (id == NoNode)
        return {};
    const Node &n = node(resolve(id));
    if (n.anchor < 0)
        return {};
    return anchorNames[std::size_t(n.anchor)];
}

NodeId Document::resolve(NodeId id) const
{
    // Aliases point at earlier anchored nodes only, so this terminates.
    while (id != NoNode && node(id).kind == NodeKind::Alias)
        id = NodeId(node(id).firstChild);
    return id;
}

NodeId Document::keyNode(NodeId map, std::string_view key) const
{
    map = resolve(map);
    if (!isMapping(map))
        return NoNode;
    const auto kids = children(map);
    // The last of duplicate keys wins, as in the loaders people use; duplicates are warned about.
    for (std::size_t i = kids.size(); i >= 2; i -= 2) {
        const NodeId k = kids[i - 2];
        if (node(k).kind == NodeKind::Scalar && value(k) == key)
            return k;
    }
    return NoNode;
}

NodeId Document::get(NodeId map, std::string_view key) const
{
    const NodeId k = keyNode(map, key);
    if (k == NoNode)
        return NoNode;
    const auto kids = children(resolve(map));
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
        if (kids[i] == k)
            return kids[i + 1];
    }
    return NoNode;
}

NodeId Document::path(NodeId from, std::initializer_list<std::string_view> keys) const
{
    NodeId cur = resolve(from);
    for (std::string_view k : keys) {
        cur = resolve(get(cur, k));
        if (cur == NoNode)
            return NoNode;
    }
    return cur;
}

} // namespace deadbolt::yaml

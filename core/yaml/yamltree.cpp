#include "yaml/yamltree.h"

#include <algorithm>

namespace deadbolt::yaml {

void Document::releaseTree()
{
    root = NoNode;
    // Swapped with empty ones: clear() would keep the memory.
    std::vector<Node>().swap(nodes);
    std::vector<NodeId>().swap(childIds);
    std::string().swap(values);
    std::vector<std::string>().swap(anchorNames);
    std::vector<NodeProperties>().swap(properties);
    std::unordered_map<NodeId, std::vector<std::uint32_t>>().swap(keyIndex);
}

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
    const std::int32_t anchor = anchorIndex(resolve(id));
    if (anchor < 0)
        return {};
    return anchorNames[std::size_t(anchor)];
}

static const NodeProperties *propertiesOf(const Document &doc, NodeId id)
{
    if (id == NoNode || !doc.node(id).withProperties)
        return nullptr;
    const auto it = std::lower_bound(doc.properties.begin(), doc.properties.end(), id,
                                     [](const NodeProperties &p, NodeId n) { return p.node < n; });
    return it != doc.properties.end() && it->node == id ? &*it : nullptr;
}

std::int32_t Document::anchorIndex(NodeId id) const
{
    const NodeProperties *p = propertiesOf(*this, id);
    return p ? p->anchor : -1;
}

std::uint32_t Document::headBegin(NodeId id) const
{
    const NodeProperties *p = propertiesOf(*this, id);
    return p ? p->headBegin : node(id).begin;
}

NodeId Document::resolve(NodeId id) const
{
    // Aliases point at earlier anchored nodes only, so this terminates.
    while (id != NoNode && node(id).kind == NodeKind::Alias)
        id = NodeId(node(id).firstChild);
    return id;
}

std::ptrdiff_t Document::keyPosition(NodeId map, std::string_view key) const
{
    if (!isMapping(map))
        return -1;
    const auto kids = children(map);
    // The last of duplicate keys wins, as in the loaders people use; duplicates are warned about.
    if (const auto index = keyIndex.find(map); index != keyIndex.end()) {
        const std::vector<std::uint32_t> &keys = index->second;
        auto it = std::upper_bound(keys.begin(), keys.end(), key,
                                   [&](std::string_view k, std::uint32_t at) { return k < value(kids[at]); });
        return it != keys.begin() && value(kids[*(it - 1)]) == key ? std::ptrdiff_t(*(it - 1)) : -1;
    }
    for (std::size_t i = kids.size(); i >= 2; i -= 2) {
        const NodeId k = kids[i - 2];
        if (node(k).kind == NodeKind::Scalar && value(k) == key)
            return std::ptrdiff_t(i - 2);
    }
    return -1;
}

NodeId Document::keyNode(NodeId map, std::string_view key) const
{
    map = resolve(map);
    const std::ptrdiff_t at = keyPosition(map, key);
    return at < 0 ? NoNode : children(map)[std::size_t(at)];
}

NodeId Document::get(NodeId map, std::string_view key) const
{
    map = resolve(map);
    const std::ptrdiff_t at = keyPosition(map, key);
    return at < 0 ? NoNode : children(map)[std::size_t(at) + 1];
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

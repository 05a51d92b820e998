#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace deadbolt::yaml {

using NodeId = std::int32_t;
constexpr NodeId NoNode = -1;

enum class NodeKind : std::uint8_t { Null, Scalar, Sequence, Mapping, Alias };
enum class ScalarStyle : std::uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };
enum class CollectionStyle : std::uint8_t { Block, Flow };

// One node of a parsed document. Offsets are byte offsets into the whole file.
// [begin, end) is the node's own text without its anchor or tag; Document::headBegin() is
// where its properties (&anchor, !tag) start, equal to begin when it has none.
// An implicit null (`key:` with nothing after it) has begin == end.
struct Node
{
    NodeKind kind = NodeKind::Null;
    ScalarStyle scalarStyle = ScalarStyle::Plain;
    CollectionStyle collectionStyle = CollectionStyle::Block;
    bool tagged : 1 = false;
    bool withProperties : 1 = false; // an anchor or a tag: Document::properties has it
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    NodeId parent = NoNode;
    // Two slots whose meaning depends on the kind, to keep a node at 24 bytes (a 15 MB
    // manifest has 1.6 million of them). Read them through Document::children(),
    // Document::value() and Document::resolve(), never directly for another kind:
    //   Mapping, Sequence: firstChild (into Document::childIds; key, value, key, value...), childCount
    //   Scalar: the decoded value's offset and length in Document::values
    //   Alias: firstChild is the anchored node it refers to
    std::uint32_t firstChild = 0;
    std::uint32_t childCount = 0;
};
static_assert(sizeof(Node) == 24);

// What few nodes have, kept beside the nodes instead of in each: where an anchored or
// tagged node's properties start, and its anchor.
struct NodeProperties
{
    NodeId node = NoNode;
    std::uint32_t headBegin = 0;
    std::int32_t anchor = -1; // into Document::anchorNames
};

// One YAML document of a file (between `---` markers) as a compact arena tree.
struct Document
{
    std::uint32_t begin = 0; // byte span of the document's text in the file
    std::uint32_t end = 0;
    int firstLine = 1; // 1-based line of begin
    NodeId root = NoNode;
    std::vector<Node> nodes;
    std::vector<NodeId> childIds;
    std::string values;
    std::vector<std::string> anchorNames;
    std::vector<NodeProperties> properties; // by node id
    // Mappings with more than IndexedMapping keys keep the positions of their scalar keys
    // among their children sorted by key (file order among equal keys), so that a lookup
    // costs O(log n) and a 200,000-service file is read in linear time.
    static constexpr std::size_t IndexedMapping = 16;
    std::unordered_map<NodeId, std::vector<std::uint32_t>> keyIndex;

    const Node &node(NodeId id) const { return nodes[std::size_t(id)]; }
    NodeKind kind(NodeId id) const { return node(id).kind; }
    bool isScalar(NodeId id) const { return id != NoNode && node(id).kind == NodeKind::Scalar; }
    bool isMapping(NodeId id) const { return id != NoNode && node(id).kind == NodeKind::Mapping; }
    bool isSequence(NodeId id) const { return id != NoNode && node(id).kind == NodeKind::Sequence; }
    std::string_view value(NodeId id) const; // decoded scalar value; empty for others
    std::span<const NodeId> children(NodeId id) const;
    std::string_view anchorName(NodeId id) const; // of an anchored node, or of an alias's target
    bool anchored(NodeId id) const { return anchorIndex(id) >= 0; } // the node itself, not an alias's target
    std::int32_t anchorIndex(NodeId id) const;                      // into anchorNames, or -1
    std::uint32_t headBegin(NodeId id) const; // where the node's properties start, or its begin
    // Frees the tree, keeping the span: the document then reads as empty (root NoNode).
    void releaseTree();

    NodeId resolve(NodeId id) const; // follows an alias to its target
    // Direct lookup in a mapping by scalar key, no merge keys; aliases resolved on the map
    // but the returned value is as written (may be an alias). NoNode if absent.
    NodeId get(NodeId map, std::string_view key) const;
    NodeId keyNode(NodeId map, std::string_view key) const;
    // Path lookup through mappings (each step resolved), e.g. {"spec", "template", "spec"}.
    NodeId path(NodeId from, std::initializer_list<std::string_view> keys) const;

private:
    // The position of key's (last) entry among the resolved mapping's children, or -1.
    std::ptrdiff_t keyPosition(NodeId map, std::string_view key) const;
};

} // namespace deadbolt::yaml

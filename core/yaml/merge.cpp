#include "yaml/merge.h"

#include <algorithm>
#include <unordered_map>

namespace deadbolt::yaml {

namespace {

// Aliases may point at an enclosing node (`&a {b: {<<: *a}}`); merging stops at this depth.
constexpr int MaxMergeDepth = 32;

// The entries of one collect() level, with their scalar keys hashed: lookups stay O(1), so a
// services mapping of 200,000 entries is read in linear time.
struct Entries
{
    const Document &doc;
    std::vector<Entry> list;
    std::unordered_map<std::string_view, std::size_t> byKey;

    bool has(NodeId key) const { return doc.isScalar(key) && byKey.count(doc.value(key)); }
    // Adds e, or (replace) puts it in the place of an entry with the same key.
    void put(const Entry &e, bool replace)
    {
        if (doc.isScalar(e.key)) {
            const auto [it, added] = byKey.emplace(doc.value(e.key), list.size());
            if (!added) {
                if (replace)
                    list[it->second] = e;
                return;
            }
        }
        list.push_back(e);
    }
};

// `visited` holds the mappings already collected: merging one again adds nothing (its keys
// are all present and earlier merges win), and skipping it keeps a merge-key "billion
// laughs" (each level merging the previous one many times) linear instead of exponential.
void collect(const Document &doc, NodeId map, int depth, Entries &out, std::vector<NodeId> &visited,
             std::size_t *visits)
{
    map = doc.resolve(map);
    if (!doc.isMapping(map) || depth > MaxMergeDepth)
        return;
    if (std::find(visited.begin(), visited.end(), map) != visited.end())
        return;
    visited.push_back(map);
    if (visits)
        ++*visits;
    const auto kids = doc.children(map);
    std::vector<NodeId> merges;
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
        const NodeId k = kids[i], v = kids[i + 1];
        if (doc.isScalar(k) && doc.value(k) == "<<" && doc.node(k).scalarStyle == ScalarStyle::Plain) {
            merges.push_back(v);
            continue;
        }
        // Own keys: the last of duplicates wins (duplicates are warned about by the parser).
        out.put(Entry{k, v, map, NoNode}, true);
    }
    for (NodeId m : merges) {
        std::vector<NodeId> sources;
        const NodeId resolved = doc.resolve(m);
        if (doc.isSequence(resolved)) {
            for (NodeId item : doc.children(resolved))
                sources.push_back(item);
        } else {
            sources.push_back(m);
        }
        // Earlier sources win over later ones; own keys win over all of them.
        for (NodeId source : sources) {
            Entries merged{doc, {}, {}};
            collect(doc, source, depth + 1, merged, visited, visits);
            for (Entry e : merged.list) {
                if (out.has(e.key))
                    continue;
                if (e.via == NoNode)
                    e.via = source;
                out.put(e, false);
            }
        }
    }
}

} // namespace

std::vector<Entry> effectiveEntries(const Document &doc, NodeId map, std::size_t *visits)
{
    Entries out{doc, {}, {}};
    std::vector<NodeId> visited;
    collect(doc, map, 0, out, visited, visits);
    return std::move(out.list);
}

std::optional<Entry> effectiveGet(const Document &doc, NodeId map, std::string_view key)
{
    map = doc.resolve(map);
    if (!doc.isMapping(map))
        return std::nullopt;
    // Fast path: no merge key in this mapping.
    const auto kids = doc.children(map);
    bool merges = false;
    for (std::size_t i = 0; i < kids.size(); i += 2)
        merges = merges || (doc.isScalar(kids[i]) && doc.value(kids[i]) == "<<");
    if (!merges) {
        const NodeId k = doc.keyNode(map, key);
        if (k == NoNode)
            return std::nullopt;
        return Entry{k, doc.get(map, key), map, NoNode};
    }
    for (const Entry &e : effectiveEntries(doc, map)) {
        if (doc.isScalar(e.key) && doc.value(e.key) == key)
            return e;
    }
    return std::nullopt;
}

NodeId effectiveValue(const Document &doc, NodeId map, std::string_view key)
{
    const auto entry = effectiveGet(doc, map, key);
    return entry ? doc.resolve(entry->value) : NoNode;
}

namespace {
void collectMerged(const Document &doc, NodeId map, std::vector<NodeId> &out, int depth)
{
    if (depth > MaxMergeDepth || !doc.isMapping(map))
        return;
    const auto kids = doc.children(map);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
        const NodeId key = kids[i];
        if (!doc.isScalar(key) || doc.node(key).scalarStyle != ScalarStyle::Plain || doc.value(key) != "<<")
            continue;
        const NodeId value = doc.resolve(kids[i + 1]);
        auto take = [&](NodeId m) {
            m = doc.resolve(m);
            if (doc.isMapping(m) && std::find(out.begin(), out.end(), m) == out.end()) {
                out.push_back(m);
                collectMerged(doc, m, out, depth + 1);
            }
        };
        if (doc.isSequence(value)) {
            for (NodeId item : doc.children(value))
                take(item);
        } else {
            take(value);
        }
    }
}
} // namespace

std::vector<NodeId> mergedMappings(const Document &doc, NodeId map)
{
    std::vector<NodeId> out;
    collectMerged(doc, doc.resolve(map), out, 0);
    return out;
}

} // namespace deadbolt::yaml

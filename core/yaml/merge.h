#pragma once

#include "yaml/yamltree.h"

#include <optional>
#include <vector>

namespace deadbolt::yaml {

// One effective entry of a mapping after merge keys (`<<: *a`, `<<: [*a, *b]`) are applied
// the way Compose and YAML 1.1 do: the mapping's own keys win, then earlier merges win
// over later ones; merged mappings may merge further.
struct Entry
{
    NodeId key = NoNode;
    NodeId value = NoNode; // as written (may be an alias)
    NodeId owner = NoNode; // the mapping the entry is written in
    NodeId via = NoNode;   // the `<<` value node (alias) it came through; NoNode if own
};

// *visits, when given, counts the mappings read (each at most once, however often merged).
std::vector<Entry> effectiveEntries(const Document &doc, NodeId map, std::size_t *visits = nullptr);
std::optional<Entry> effectiveGet(const Document &doc, NodeId map, std::string_view key);

// The effective value of key in map (an alias to a mapping counts as the mapping), with
// aliases resolved; NoNode when map is no mapping or lacks the key.
NodeId effectiveValue(const Document &doc, NodeId map, std::string_view key);

// Every mapping `map` merges with `<<`, directly or through the mappings it merges, each
// once, resolved; `map` itself is not in the list.
std::vector<NodeId> mergedMappings(const Document &doc, NodeId map);

} // namespace deadbolt::yaml

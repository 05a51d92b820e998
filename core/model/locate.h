#pragma once

#include "model/analyzer.h"

namespace deadbolt {

// A Location for a node of one of the file's documents: its first byte, as 1-based line
// and column. `at` overrides the offset (e.g. to point at a mapping's key, not its value).
Location locate(const ParsedFile &file, int document, yaml::NodeId node);
Location locateAt(const ParsedFile &file, int document, yaml::NodeId node, yaml::NodeId at);

} // namespace deadbolt

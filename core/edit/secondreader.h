#pragma once

#include "edit/treevalue.h"

#include <QString>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace deadbolt::edit {

// yaml-cpp as a second, independent reader (DESIGN.md principle 6): libyaml builds our trees,
// yaml-cpp reads the same text its own way, and the two must agree on what an edit wrote.

// The first difference between a value tree and what yaml-cpp read, or "" when they agree.
// Aliases are not expanded on our side (yaml-cpp expands them): an alias agrees with anything.
// Merge keys are an ordinary `<<` key to both.
QString differenceFrom(const TreeValue &ours, const YAML::Node &theirs, int depth = 0);

// Loads one edited document with YAML::Load and reads back the values `changes` wrote: each
// must be what yaml-cpp finds at its path. "" when they agree, else the first disagreement.
// yaml-cpp is only given text libyaml accepted, inside a try (it throws on what it refuses).
QString readBack(const std::string &document, const std::vector<TreeChange> &changes);

} // namespace deadbolt::edit

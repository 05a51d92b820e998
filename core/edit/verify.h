#pragma once

#include "edit/replacement.h"
#include "edit/treevalue.h"

#include <QString>
#include <map>
#include <string>
#include <vector>

namespace deadbolt {
struct ParsedFile;
}

namespace deadbolt::edit {

// What an operation means to do: the text replacements, and per touched document the
// changes they must make to its value tree, no more and no less.
struct Plan
{
    Replacements replacements;
    std::map<int, std::vector<TreeChange>> changes; // document index -> intended changes
};

// Checks a plan against the text it produces. Rebuilds and re-parses only the documents the
// plan touches (each from its own text plus its replacements: a one-line edit in a 14 MB
// file never copies the file), and compares each tree with the original tree plus the
// intended changes. Documents are verified in parallel when there are many. Returns an
// empty string when the plan holds, else a message naming the document and the first
// difference.
QString verifyPlan(const ParsedFile &file, const Plan &plan);

} // namespace deadbolt::edit

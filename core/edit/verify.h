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

// Checks a plan against the text it produces (`edited`: the file's bytes with the plan's
// replacements applied). Re-parses only the documents the plan touches, each from its new
// span, and compares its tree with the original tree plus the intended changes. Documents
// are verified in parallel when there are many. Returns an empty string when the plan
// holds, else a message naming the document and the first difference.
QString verifyPlan(const ParsedFile &file, const Plan &plan, const std::string &edited);

// Convenience: applies the plan to a copy of the file's bytes, then verifies it.
QString verifyPlan(const ParsedFile &file, const Plan &plan);

} // namespace deadbolt::edit

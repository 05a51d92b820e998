#pragma once

#include <QString>
#include <cstddef>
#include <string>
#include <vector>

namespace deadbolt {

// One text replacement at an exact byte offset of the text it was planned on.
// Edits are lists of these (DESIGN.md, "Edits are text edits"); undo applies the inverse.
struct Replacement
{
    std::size_t offset = 0;
    std::size_t length = 0; // bytes removed at offset
    std::string text;       // bytes inserted there
    bool operator==(const Replacement &) const = default;
};

using Replacements = std::vector<Replacement>;

// Applies non-overlapping replacements (any order) to text. Returns false, leaving text
// untouched, when they overlap or fall outside it.
bool applyReplacements(std::string &text, const Replacements &replacements);

// The smallest single replacement turning `from` into `to`: their common prefix and suffix
// stay, the middle is replaced. Empty (length 0, no text) when they are equal.
Replacement differingMiddle(const std::string &from, const std::string &to);

// The replacements that turn the result of applying `replacements` to `original` back into
// `original`, offsets given in the edited text.
Replacements invertReplacements(const std::string &original, const Replacements &replacements);

} // namespace deadbolt

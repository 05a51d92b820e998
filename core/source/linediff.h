#pragma once

#include "source/replacement.h"

#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace deadbolt {

// A line-based comparison of two texts, for the editor's change marks and "changes" view
// and for unified diffs. Lines are split at "\n"; a trailing "\r" belongs to the line, so a
// CRLF -> LF change shows as a changed line (it is one, byte-wise).
struct DiffLine
{
    enum Kind { Same, Removed, Added };
    Kind kind = Same;
    int oldLine = 0;       // 1-based line in the old text; 0 for Added
    int newLine = 0;       // 1-based line in the new text; 0 for Removed
    std::string_view text; // without its "\n"; views into the compared texts
};

// The full edit script old -> new: common leading and trailing lines first, then Myers'
// O(ND) differ in linear space, minimal like git's. On two unrelated huge texts it stops
// after a budget of work and reports the rest as removed-then-added (correct, not minimal):
// the editor never blocks on it.
std::vector<DiffLine> diffLines(std::string_view before, std::string_view after);

// The edit script of planned replacements (`after` is `before` with them applied), straight
// from where they are: the lines each touches, less the lines they leave as they were. Linear
// in the texts, however many replacements there are and however far apart.
std::vector<DiffLine> diffLines(std::string_view before, std::string_view after,
                                const Replacements &replacements);

// 1-based lines of `after` that are new or changed relative to `before`.
std::vector<int> changedLines(std::string_view before, std::string_view after);

// A unified diff with `context` lines around each hunk; empty when the texts are equal.
std::string unifiedDiff(std::string_view before, std::string_view after, const QString &oldName,
                        const QString &newName, int context = 3);
// The same for planned replacements of `before`: one small hunk per place they change
// (Make All Immutable's preview, fix --diff), never a differ's guess.
std::string unifiedDiff(std::string_view before, const Replacements &replacements, const QString &oldName,
                        const QString &newName, int context = 3);

} // namespace deadbolt

#pragma once

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

// The full edit script old -> new. Common leading and trailing lines are matched first;
// what is left is compared with an LCS table while it is small enough, else reported as
// removed-then-added (correct, just not minimal: the editor never blocks on a huge table).
std::vector<DiffLine> diffLines(std::string_view before, std::string_view after);

// 1-based lines of `after` that are new or changed relative to `before`.
std::vector<int> changedLines(std::string_view before, std::string_view after);

// A unified diff with `context` lines around each hunk; empty when the texts are equal.
std::string unifiedDiff(std::string_view before, std::string_view after, const QString &oldName,
                        const QString &newName, int context = 3);

} // namespace deadbolt

#pragma once

#include <cstddef>
#include <string_view>

// Where a node's text ends. yaml-cpp reports where a node starts but not where it ends,
// so the tree builder scans the source from the start mark; each function takes the whole
// text and an offset inside it and returns an offset one past the construct.
namespace deadbolt::yaml::spans {

// Space, tab, CR, LF. Inline: the tree builder asks it for most bytes of a file.
inline bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Skips `&anchor` and `!tag` properties and the white space, line breaks and comments after them.
std::size_t skipProperties(std::string_view text, std::size_t pos);

std::size_t doubleQuotedEnd(std::string_view text, std::size_t begin);
std::size_t singleQuotedEnd(std::string_view text, std::size_t begin);
// A plain scalar ends after as many non-blank bytes as its value has (plain scalars have no
// escapes and cannot contain comments, so the count identifies the span exactly).
std::size_t plainEnd(std::string_view text, std::size_t begin, std::string_view value);
// A literal or folded scalar: the header line and the more-indented lines after it.
std::size_t blockScalarEnd(std::string_view text, std::size_t begin);
std::size_t aliasEnd(std::string_view text, std::size_t begin);
// The offset after the bracket that closes a flow collection, scanning from `from`
// (inside the collection, after its last child).
std::size_t flowCollectionEnd(std::string_view text, std::size_t from);

// The offset of the first bracket nested deeper than maxDepth in [begin, end), or npos.
// yaml-cpp recurses per level, so hostile nesting is refused before it parses.
std::size_t flowNestingBeyond(std::string_view text, std::size_t begin, std::size_t end, int maxDepth);

} // namespace deadbolt::yaml::spans

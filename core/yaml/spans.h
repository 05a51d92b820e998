#pragma once

#include <cstddef>
#include <string_view>

// libyaml gives every node its exact span; only where a node's content starts after its
// properties (`&anchor !tag value`) is ours to find.
namespace deadbolt::yaml::spans {

// Space, tab, CR, LF.
inline bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Skips `&anchor` and `!tag` properties and the white space, line breaks and comments after them.
std::size_t skipProperties(std::string_view text, std::size_t pos);

} // namespace deadbolt::yaml::spans

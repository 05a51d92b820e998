#include "yaml/spans.h"

namespace deadbolt::yaml::spans {

namespace {

std::size_t skipToLineEnd(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && text[pos] != '\n')
        ++pos;
    return pos;
}

} // namespace

std::size_t skipProperties(std::string_view text, std::size_t pos)
{
    for (;;) {
        if (pos < text.size() && (text[pos] == '&' || text[pos] == '!')) {
            if (text[pos] == '!' && pos + 1 < text.size() && text[pos + 1] == '<') {
                while (pos < text.size() && text[pos] != '>')
                    ++pos;
                if (pos < text.size())
                    ++pos;
            } else {
                // Anchor and tag characters end at a blank or a flow indicator (`[&n, 2]`).
                while (pos < text.size() && !isBlank(text[pos]) &&
                       std::string_view(",[]{}").find(text[pos]) == std::string_view::npos)
                    ++pos;
            }
            continue;
        }
        if (pos < text.size() && isBlank(text[pos])) {
            ++pos;
            continue;
        }
        if (pos < text.size() && text[pos] == '#' && pos > 0 && isBlank(text[pos - 1])) {
            pos = skipToLineEnd(text, pos);
            continue;
        }
        return pos;
    }
}

} // namespace deadbolt::yaml::spans

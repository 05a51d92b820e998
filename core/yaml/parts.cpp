#include "yaml/parts.h"

#include <algorithm>

namespace deadbolt::yaml {

namespace {

bool utf16(std::string_view b)
{
    return b.size() >= 2 && ((b[0] == '\xFE' && b[1] == '\xFF') || (b[0] == '\xFF' && b[1] == '\xFE'));
}

// A '%' at the start of a line, after any of libyaml's line breaks (LF, CR, and the last
// byte of NEL, LS and PS in UTF-8): possibly a directive.
bool hasDirective(std::string_view b)
{
    for (std::size_t at = b.find('%'); at != std::string_view::npos; at = b.find('%', at + 1)) {
        if (at == 0)
            return true;
        const char before = b[at - 1];
        if (before == '\n' || before == '\r' || before == '\x85' || before == '\xA8' || before == '\xA9')
            return true;
    }
    return false;
}

// The first document-marker line starting at or after `from`, or npos.
std::size_t markerFrom(std::string_view b, std::size_t from)
{
    for (std::size_t at = b.find("\n---", from == 0 ? 0 : from - 1); at != std::string_view::npos;
         at = b.find("\n---", at + 1)) {
        const std::size_t after = at + 4;
        if (after == b.size() || b[after] == ' ' || b[after] == '\t' || b[after] == '\n' || b[after] == '\r')
            return at + 1;
    }
    return std::string_view::npos;
}

} // namespace

std::vector<std::size_t> cutPoints(std::string_view bytes, std::size_t wanted, std::size_t minPiece)
{
    std::vector<std::size_t> cuts;
    if (wanted < 2 || bytes.size() < 2 * minPiece || utf16(bytes) || hasDirective(bytes))
        return cuts;
    const std::size_t share = bytes.size() / wanted;
    std::size_t previous = 0;
    for (std::size_t i = 1; i < wanted; ++i) {
        const std::size_t at =
            markerFrom(bytes, std::max(i * share, previous + std::max<std::size_t>(minPiece, 1)));
        if (at == std::string_view::npos || bytes.size() - at < minPiece)
            break;
        cuts.push_back(at);
        previous = at;
    }
    return cuts;
}

} // namespace deadbolt::yaml

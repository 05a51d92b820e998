#include "source/replacement.h"

#include <algorithm>

namespace deadbolt {

namespace {

Replacements sorted(const Replacements &replacements)
{
    Replacements r = replacements;
    std::stable_sort(r.begin(), r.end(),
                     [](const Replacement &a, const Replacement &b) { return a.offset < b.offset; });
    return r;
}

bool valid(const Replacements &sortedReplacements, std::size_t size)
{
    std::size_t previousEnd = 0;
    for (const Replacement &r : sortedReplacements) {
        if (r.offset < previousEnd || r.offset > size || r.length > size - r.offset)
            return false;
        previousEnd = r.offset + r.length;
    }
    return true;
}

} // namespace

bool applyReplacements(std::string &text, const Replacements &replacements)
{
    if (replacements.size() == 1) {
        // One replacement (a keystroke): in place, no copy of the whole text.
        const Replacement &x = replacements.front();
        if (x.offset > text.size() || x.length > text.size() - x.offset)
            return false;
        text.replace(x.offset, x.length, x.text);
        return true;
    }
    const Replacements r = sorted(replacements);
    if (!valid(r, text.size()))
        return false;
    std::string out;
    std::size_t newSize = text.size();
    for (const Replacement &x : r)
        newSize = newSize - x.length + x.text.size();
    out.reserve(newSize);
    std::size_t pos = 0;
    for (const Replacement &x : r) {
        out.append(text, pos, x.offset - pos);
        out.append(x.text);
        pos = x.offset + x.length;
    }
    out.append(text, pos, std::string::npos);
    text.swap(out);
    return true;
}

Replacement differingMiddle(const std::string &from, const std::string &to)
{
    std::size_t prefix = 0;
    const std::size_t common = std::min(from.size(), to.size());
    while (prefix < common && from[prefix] == to[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < common - prefix && from[from.size() - 1 - suffix] == to[to.size() - 1 - suffix])
        ++suffix;
    return {prefix, from.size() - prefix - suffix, to.substr(prefix, to.size() - prefix - suffix)};
}

Replacements invertReplacements(const std::string &original, const Replacements &replacements)
{
    const Replacements r = sorted(replacements);
    Replacements inverse;
    inverse.reserve(r.size());
    std::ptrdiff_t shift = 0;
    for (const Replacement &x : r) {
        Replacement back;
        back.offset = std::size_t(std::ptrdiff_t(x.offset) + shift);
        back.length = x.text.size();
        back.text = original.substr(x.offset, x.length);
        inverse.push_back(std::move(back));
        shift += std::ptrdiff_t(x.text.size()) - std::ptrdiff_t(x.length);
    }
    return inverse;
}

} // namespace deadbolt

#include "yaml/spans.h"

#include <algorithm>

namespace deadbolt::yaml::spans {

namespace {

std::size_t skipToLineEnd(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && text[pos] != '\n')
        ++pos;
    return pos;
}

std::size_t lineStartOf(std::string_view text, std::size_t pos)
{
    while (pos > 0 && text[pos - 1] != '\n')
        --pos;
    return pos;
}

std::size_t indentAt(std::string_view text, std::size_t lineStart)
{
    std::size_t i = lineStart;
    while (i < text.size() && text[i] == ' ')
        ++i;
    return i - lineStart;
}

bool isDocumentMarker(std::string_view text, std::size_t lineStart)
{
    if (lineStart + 3 > text.size())
        return false;
    const std::string_view m = text.substr(lineStart, 3);
    if (m != "---" && m != "...")
        return false;
    return lineStart + 3 == text.size() || isBlank(text[lineStart + 3]);
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
                while (pos < text.size() && !isBlank(text[pos]))
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

std::size_t doubleQuotedEnd(std::string_view text, std::size_t begin)
{
    std::size_t i = begin + 1;
    while (i < text.size()) {
        if (text[i] == '\\')
            i += 2;
        else if (text[i] == '"')
            return i + 1;
        else
            ++i;
    }
    return text.size();
}

std::size_t singleQuotedEnd(std::string_view text, std::size_t begin)
{
    std::size_t i = begin + 1;
    while (i < text.size()) {
        if (text[i] == '\'') {
            if (i + 1 < text.size() && text[i + 1] == '\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return text.size();
}

std::size_t plainEnd(std::string_view text, std::size_t begin, std::string_view value)
{
    std::size_t want = 0;
    for (char c : value)
        want += !isBlank(c);
    std::size_t i = begin, seen = 0, end = begin;
    while (i < text.size() && seen < want) {
        if (!isBlank(text[i])) {
            ++seen;
            end = i + 1;
        }
        ++i;
    }
    return end;
}

std::size_t blockScalarEnd(std::string_view text, std::size_t begin)
{
    const std::size_t headerIndent = indentAt(text, lineStartOf(text, begin));
    std::size_t explicitIndent = 0;
    for (std::size_t i = begin + 1; i < text.size() && !isBlank(text[i]); ++i) {
        if (text[i] >= '1' && text[i] <= '9')
            explicitIndent = std::size_t(text[i] - '0');
    }
    std::size_t end = skipToLineEnd(text, begin);
    if (end > begin && text[end - 1] == '\r')
        --end;
    std::size_t contentIndent = explicitIndent ? headerIndent + explicitIndent : 0;
    std::size_t line = skipToLineEnd(text, begin);
    while (line < text.size()) {
        const std::size_t start = line + 1;
        if (start >= text.size() || isDocumentMarker(text, start))
            break;
        const std::size_t indent = indentAt(text, start);
        const std::size_t lineEnd = skipToLineEnd(text, start);
        std::size_t contentEnd = lineEnd;
        if (contentEnd > start && text[contentEnd - 1] == '\r')
            --contentEnd;
        const bool blank =
            start + indent >= contentEnd ||
            text.substr(start + indent, contentEnd - start - indent).find_first_not_of(" \t") ==
                std::string_view::npos;
        if (!blank) {
            if (indent <= headerIndent || (contentIndent && indent < contentIndent))
                break;
            if (!contentIndent)
                contentIndent = indent;
            end = contentEnd;
        }
        line = lineEnd;
    }
    return end;
}

std::size_t aliasEnd(std::string_view text, std::size_t begin)
{
    std::size_t i = begin + 1;
    while (i < text.size() && !isBlank(text[i]) && text[i] != ',' && text[i] != ']' && text[i] != '}')
        ++i;
    return i;
}

std::size_t flowCollectionEnd(std::string_view text, std::size_t from)
{
    int depth = 1;
    std::size_t i = from;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            i = doubleQuotedEnd(text, i);
            continue;
        }
        if (c == '\'') {
            i = singleQuotedEnd(text, i);
            continue;
        }
        if (c == '#' && (i == 0 || isBlank(text[i - 1]))) {
            i = skipToLineEnd(text, i);
            continue;
        }
        if (c == '[' || c == '{')
            ++depth;
        else if ((c == ']' || c == '}') && --depth == 0)
            return i + 1;
        ++i;
    }
    return text.size();
}

std::size_t flowNestingBeyond(std::string_view text, std::size_t begin, std::size_t end, int maxDepth)
{
    // Too few brackets to nest that deep (every real document): no need to follow them.
    const std::string_view slice = text.substr(0, end);
    const auto brackets = std::count_if(slice.begin() + std::ptrdiff_t(begin), slice.end(),
                                        [](char c) { return c == '[' || c == '{'; });
    if (brackets <= maxDepth)
        return std::string_view::npos;
    int depth = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const char c = slice[i];
        if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        } else if (c == '"' && depth > 0) {
            i = doubleQuotedEnd(slice, i) - 1;
        } else if (c == '#' && (i == 0 || isBlank(slice[i - 1]))) {
            i = skipToLineEnd(slice, i);
        }
    }
    return std::string_view::npos;
}

} // namespace deadbolt::yaml::spans

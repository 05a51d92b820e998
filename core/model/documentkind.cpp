#include "model/documentkind.h"

namespace deadbolt {

namespace {

bool isKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '/';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// The rest of a line after a value: blanks, then nothing or a comment.
bool onlyCommentLeft(std::string_view rest)
{
    std::size_t i = 0;
    while (i < rest.size() && isSpace(rest[i]))
        ++i;
    return i == rest.size() || (i > 0 && rest[i] == '#');
}

// A `---` or `...` marker line, alone or with a comment: nothing (a tag, a flow collection,
// a scalar) may start the document on it.
bool isBareMarker(std::string_view line)
{
    if (line.substr(0, 3) != "---" && line.substr(0, 3) != "...")
        return false;
    return onlyCommentLeft(line.substr(3)) && (line.size() == 3 || isSpace(line[3]));
}

// The plain key of a column-0 line `key:` (followed by a blank or the end), else empty.
std::string_view plainKey(std::string_view line)
{
    std::size_t i = 0;
    while (i < line.size() && isKeyChar(line[i]))
        ++i;
    if (i == 0 || i >= line.size() || line[i] != ':')
        return {};
    if (i + 1 < line.size() && !isSpace(line[i + 1]))
        return {};
    return line.substr(0, i);
}

} // namespace

const PodSpecPath *podSpecPath(std::string_view kind)
{
    for (const PodSpecPath &p : PodSpecPaths)
        if (p.kind == kind)
            return &p;
    return nullptr;
}

bool holdsNoWorkload(std::string_view document)
{
    bool sawContent = false, sawApiVersion = false;
    int kinds = 0;
    std::string_view kind;
    std::size_t at = 0;
    while (at < document.size()) {
        std::size_t next = document.find('\n', at);
        next = next == std::string_view::npos ? document.size() : next + 1;
        std::string_view line = document.substr(at, next - at);
        at = next;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.remove_suffix(1);
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos || line[first] == '#')
            continue; // blank or a comment
        if (line[first] == '\t')
            return false; // a tab in the indentation: leave it to the parser
        if (first > 0) {
            if (!sawContent)
                return false; // the top level is not a mapping in column 0
            continue;
        }
        if (isBareMarker(line))
            continue;
        if (!sawContent && line[0] == '%')
            return false; // a directive
        sawContent = true;
        const std::string_view key = plainKey(line);
        if (key.empty())
            return false; // a quoted or complex key, a merge, a sequence, a flow collection...
        if (key == "apiVersion") {
            sawApiVersion = true;
        } else if (key == "kind") {
            ++kinds;
            std::string_view value = line.substr(5);
            const std::size_t v = value.find_first_not_of(" \t");
            value = v == std::string_view::npos ? std::string_view() : value.substr(v);
            std::size_t n = 0;
            while (n < value.size() &&
                   ((value[n] >= 'a' && value[n] <= 'z') || (value[n] >= 'A' && value[n] <= 'Z') ||
                    (n > 0 && value[n] >= '0' && value[n] <= '9')))
                ++n;
            if (n == 0 || !onlyCommentLeft(value.substr(n)))
                return false; // not a plain word: an alias, a quoted or empty kind
            kind = value.substr(0, n);
            if (kind == "List" || podSpecPath(kind))
                return false; // parsed whatever follows: no need to read on
        }
    }
    return sawApiVersion && kinds == 1 && kind != "List" && !podSpecPath(kind);
}

} // namespace deadbolt

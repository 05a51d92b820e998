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

// How a line ends, as yaml-cpp reads it. `open`: a quoted scalar or a flow collection goes
// on past it, and yaml-cpp reads on over the next lines, even over lines in column 0, which
// are then text, not keys. `blockColumn`: the line starts a block scalar (`key: |`,
// `- >-`), whose lines indented deeper than this column are text; npos otherwise.
struct LineEnd
{
    bool open = false;
    std::size_t blockColumn = std::string_view::npos;
};

bool isIndicatorBefore(char c)
{
    return c == '[' || c == '{' || c == ',' || c == ':' || c == '-' || c == '?';
}

LineEnd lineEnd(std::string_view line)
{
    int depth = 0;
    std::size_t last = std::string_view::npos; // the last non-blank byte before a comment
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        // A quote opens a quoted scalar where a node may start; inside a word it is text.
        if ((c == '"' || c == '\'') && (i == 0 || isSpace(line[i - 1]) || isIndicatorBefore(line[i - 1]))) {
            std::size_t j = i + 1;
            for (; j < line.size(); ++j) {
                if (c == '"' && line[j] == '\\') {
                    ++j;
                } else if (line[j] == c) {
                    if (c == '\'' && j + 1 < line.size() && line[j + 1] == '\'')
                        ++j; // '' is a quote inside a single-quoted scalar
                    else
                        break;
                }
            }
            if (j >= line.size())
                return {true};
            i = last = j;
            continue;
        }
        if (c == '#' && (i == 0 || isSpace(line[i - 1])))
            break;
        if (c == '[' || c == '{')
            ++depth;
        else if (c == ']' || c == '}')
            --depth; // unbalanced either way means "not sure"
        if (!isSpace(c))
            last = i;
    }
    if (depth != 0)
        return {true};
    if (last == std::string_view::npos)
        return {};
    // A block scalar's header is the line's last token: | or > with digits, + or -.
    std::size_t k = last + 1;
    while (k > 0 && ((line[k - 1] >= '0' && line[k - 1] <= '9') || line[k - 1] == '+' || line[k - 1] == '-'))
        --k;
    if (k == 0 || (line[k - 1] != '|' && line[k - 1] != '>'))
        return {};
    const std::size_t indicator = k - 1;
    std::size_t p = indicator;
    while (p > 0 && isSpace(line[p - 1]))
        --p;
    if (p > 0 && (p == indicator || (line[p - 1] != ':' && line[p - 1] != '-' && line[p - 1] != '?')))
        return {}; // a plain scalar that ends in | or >
    // The node holding the scalar starts after the line's `- ` (sequence entry) prefixes.
    std::size_t holder = line.find_first_not_of(' ');
    while (holder + 1 < line.size() && line[holder] == '-' && isSpace(line[holder + 1]) &&
           holder + 1 < indicator) {
        const std::size_t after = line.find_first_not_of(" \t", holder + 1);
        if (after == std::string_view::npos || after >= indicator)
            break; // `- |`: the entry itself is the scalar, held at the dash
        holder = after;
    }
    return {false, holder};
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
    // Inside a block scalar: the column of the node that holds it, and its text's indentation
    // once the first line of text has set it.
    std::size_t blockColumn = std::string_view::npos, blockIndent = std::string_view::npos;
    std::size_t at = 0;
    while (at < document.size()) {
        std::size_t next = document.find('\n', at);
        next = next == std::string_view::npos ? document.size() : next + 1;
        std::string_view line = document.substr(at, next - at);
        at = next;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.remove_suffix(1);
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos)
            continue; // blank
        if (blockColumn != std::string_view::npos) {
            if (blockIndent == std::string_view::npos && first > blockColumn)
                blockIndent = first;
            if (blockIndent != std::string_view::npos && first >= blockIndent)
                continue; // the block scalar's text
            if (first > blockColumn)
                return false; // less indented than the text, deeper than its holder: unsure
            blockColumn = blockIndent = std::string_view::npos;
        }
        if (line[first] == '#')
            continue; // a comment
        if (line[first] == '\t')
            return false; // a tab in the indentation: leave it to the parser
        const LineEnd end = lineEnd(line);
        if (end.open)
            return false; // text carried on to the next lines, which might look like keys
        blockColumn = end.blockColumn;
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

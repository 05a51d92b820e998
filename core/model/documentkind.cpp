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

// What is open where a line ends: a quoted scalar or flow collections. yaml-cpp reads those
// on over the next lines, even over lines in column 0, which then are text, not keys.
struct Open
{
    char quote = 0; // '"' or '\'' inside a quoted scalar
    int depth = 0;  // flow collections ([ or {) not closed yet
    bool any() const { return quote != 0 || depth != 0; }
};

bool isIndicatorBefore(char c)
{
    return c == '[' || c == '{' || c == ',' || c == ':' || c == '-' || c == '?';
}

// The end of the quoted scalar that from on is in (the closing quote), or npos.
std::size_t quoteEnd(std::string_view line, std::size_t from, char quote)
{
    for (std::size_t j = from; j < line.size(); ++j) {
        if (quote == '"' && line[j] == '\\') {
            ++j;
        } else if (line[j] == quote) {
            if (quote == '\'' && j + 1 < line.size() && line[j + 1] == '\'')
                ++j; // '' is a quote inside a single-quoted scalar
            else
                return j;
        }
    }
    return std::string_view::npos;
}

// The column of the node holding the block scalar whose header ends the line (`key: |`,
// `- >-`): its text is the lines indented deeper. npos when the line ends otherwise.
std::size_t blockScalarHolder(std::string_view line, std::size_t last)
{
    std::size_t k = last + 1;
    while (k > 0 && ((line[k - 1] >= '0' && line[k - 1] <= '9') || line[k - 1] == '+' || line[k - 1] == '-'))
        --k;
    if (k == 0 || (line[k - 1] != '|' && line[k - 1] != '>'))
        return std::string_view::npos;
    const std::size_t indicator = k - 1;
    std::size_t p = indicator;
    while (p > 0 && isSpace(line[p - 1]))
        --p;
    if (p > 0 && (p == indicator || (line[p - 1] != ':' && line[p - 1] != '-' && line[p - 1] != '?')))
        return std::string_view::npos; // a plain scalar that ends in | or >
    // The node holding the scalar starts after the line's `- ` (sequence entry) prefixes.
    std::size_t holder = line.find_first_not_of(' ');
    while (holder + 1 < indicator && line[holder] == '-' && isSpace(line[holder + 1])) {
        const std::size_t after = line.find_first_not_of(" \t", holder + 1);
        if (after == std::string_view::npos || after >= indicator)
            break; // `- |`: the entry itself is the scalar, held at the dash
        holder = after;
    }
    return holder;
}

// Reads a line on from what the lines before left open. Returns the column holding a block
// scalar the line starts (npos if none); sets *unsure on brackets that close more than
// opened, which only a parser can judge.
std::size_t scanLine(std::string_view line, Open &open, bool *unsure)
{
    const bool startedOpen = open.any();
    std::size_t i = 0;
    if (open.quote) {
        i = quoteEnd(line, 0, open.quote);
        if (i == std::string_view::npos)
            return std::string_view::npos; // the quoted scalar goes on
        open.quote = 0;
        ++i;
    }
    std::size_t last = std::string_view::npos; // the last non-blank byte before a comment
    for (; i < line.size(); ++i) {
        const char c = line[i];
        // A quote opens a quoted scalar where a node may start; inside a word it is text.
        if ((c == '"' || c == '\'') && (i == 0 || isSpace(line[i - 1]) || isIndicatorBefore(line[i - 1]))) {
            const std::size_t end = quoteEnd(line, i + 1, c);
            if (end == std::string_view::npos) {
                open.quote = c;
                return std::string_view::npos;
            }
            i = last = end;
            continue;
        }
        if (c == '#' && (i == 0 || isSpace(line[i - 1])))
            break;
        if (c == '[' || c == '{')
            ++open.depth;
        else if ((c == ']' || c == '}') && --open.depth < 0)
            *unsure = true;
        if (!isSpace(c))
            last = i;
    }
    if (startedOpen || open.any() || last == std::string_view::npos)
        return std::string_view::npos;
    return blockScalarHolder(line, last);
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
    Open open;
    bool unsure = false;
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
        if (line[first] == '\t')
            return false; // a tab in the indentation: leave it to the parser
        if (open.any()) {
            if (first == 0)
                return false; // a line in column 0 inside a quoted scalar or flow collection
            scanLine(line, open, &unsure);
            if (unsure)
                return false;
            continue;
        }
        if (line[first] == '#' || (first == 0 && isBareMarker(line)))
            continue; // a comment, or a `---` / `...` line
        blockColumn = scanLine(line, open, &unsure);
        if (unsure)
            return false;
        if (first > 0 || line[0] == '-') {
            // Nested content; a sequence in column 0 (`- `) is a key's value, as kubectl
            // writes `rules:` entries, unless nothing came before it.
            if (!sawContent || (first == 0 && line.size() > 1 && !isSpace(line[1])))
                return false;
            continue;
        }
        if (!sawContent && line[0] == '%')
            return false; // a directive
        sawContent = true;
        const std::string_view key = plainKey(line);
        if (key.empty())
            return false; // a quoted or complex key, a merge, a sequence, a flow collection...
        if (key == "services")
            return false; // what makes a Compose file: let the parser judge it
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
    return sawApiVersion && kinds == 1 && kind != "List" && !podSpecPath(kind) && !open.any();
}

} // namespace deadbolt

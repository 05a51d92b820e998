#pragma once

#include "diagnostic.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deadbolt {

struct LineCol
{
    int line = 0;   // 1-based
    int column = 0; // 1-based, in Unicode code points
};

// The bytes of a file exactly as they are on disk, and what we know about their layout.
// Offsets everywhere in the core are byte offsets into bytes() (a BOM included).
// Immutable, and its copies share one buffer: a piece of a big stream read on a worker
// thread holds the whole file's text for the price of a reference count.
class SourceText
{
public:
    SourceText() = default;
    explicit SourceText(std::string bytes);

    const std::string &bytes() const { return d().bytes; }
    std::string_view view() const { return d().bytes; }
    std::size_t size() const { return d().bytes.size(); }

    bool hasBom() const { return d().bom; }
    std::size_t contentStart() const { return d().bom ? 3 : 0; }
    bool usesCrlf() const { return d().crlf; }
    const char *newline() const { return d().crlf ? "\r\n" : "\n"; }
    bool endsWithNewline() const;
    bool hasLoneCr() const { return d().loneCr; } // a line ended by CR alone (classic Mac)

    int lineCount() const { return int(d().lineStarts.size()); }
    std::size_t lineStart(int line) const; // 1-based line
    std::size_t lineEnd(int line) const;   // offset of its line break (or end of text)
    int lineOf(std::size_t offset) const;  // 1-based
    LineCol lineCol(std::size_t offset) const;
    std::size_t indentOfLineAt(std::size_t offset) const; // spaces before the first non-space of that line

private:
    struct Data
    {
        std::string bytes;
        std::vector<std::uint32_t> lineStarts; // files are at most 64 MiB (fileloader.h), nodes 4 GiB
        bool bom = false;
        bool crlf = false;
        bool loneCr = false;
    };
    const Data &d() const;
    std::shared_ptr<const Data> m_d; // null for the empty text
};

// Rejects what is not text: NUL bytes, invalid UTF-8. Returns a diagnostic with line and column.
std::optional<Diagnostic> checkEncoding(const SourceText &text, const QString &fileName);

} // namespace deadbolt

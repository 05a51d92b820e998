#pragma once

#include "diagnostic.h"

#include <cstddef>
#include <cstdint>
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
class SourceText
{
public:
    SourceText() = default;
    explicit SourceText(std::string bytes);

    const std::string &bytes() const { return m_bytes; }
    std::string_view view() const { return m_bytes; }
    std::size_t size() const { return m_bytes.size(); }

    bool hasBom() const { return m_bom; }
    std::size_t contentStart() const { return m_bom ? 3 : 0; }
    bool usesCrlf() const { return m_crlf; }
    const char *newline() const { return m_crlf ? "\r\n" : "\n"; }
    bool endsWithNewline() const;
    bool hasLoneCr() const { return m_loneCr; } // a line ended by CR alone (classic Mac)

    int lineCount() const { return int(m_lineStarts.size()); }
    std::size_t lineStart(int line) const; // 1-based line
    std::size_t lineEnd(int line) const;   // offset of its line break (or end of text)
    int lineOf(std::size_t offset) const;  // 1-based
    LineCol lineCol(std::size_t offset) const;
    std::size_t indentOfLineAt(std::size_t offset) const; // spaces before the first non-space of that line

private:
    std::string m_bytes;
    std::vector<std::uint32_t> m_lineStarts; // files are at most 64 MiB (fileloader.h), nodes 4 GiB
    bool m_bom = false;
    bool m_crlf = false;
    bool m_loneCr = false;
};

// Rejects what is not text: NUL bytes, invalid UTF-8. Returns a diagnostic with line and column.
std::optional<Diagnostic> checkEncoding(const SourceText &text, const QString &fileName);

} // namespace deadbolt

#pragma once

#include "source/replacement.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace deadbolt {

// Where each line of a file starts, as a text editor shows the file (source/shown.h: no BOM,
// "\r\n", "\r" and "\n" each one line break), so that a change the editor reports in its own
// units (a line, a column and a count in UTF-16 code units, a line break counting one) becomes
// a replacement of the file's bytes without looking at the rest of the file. Kept current by
// apply(), whose cost is the changed lines plus one shift of the later line starts.
class ShownIndex
{
public:
    // False when the bytes are not valid UTF-8: an editor shows those bytes as U+FFFD, and
    // its units no longer map back to bytes one way.
    bool build(std::string_view bytes);
    bool valid() const { return m_valid; }
    int lineCount() const { return int(m_starts.size()); }
    std::size_t lineStart(int line) const { return m_starts[std::size_t(line)]; } // 0-based

    // The byte offset of (line, column): 0-based line, column in UTF-16 units into it.
    std::size_t offsetOf(std::string_view bytes, int line, int column) const;
    // The offset `units` shown units after `from` (a line break is one unit, a character
    // outside the BMP two).
    std::size_t advance(std::string_view bytes, std::size_t from, std::size_t units) const;

    // Takes a replacement already applied: `bytes` is the new text.
    void apply(const Replacement &r, std::size_t removedLength, std::string_view bytes);

private:
    void scan(std::string_view bytes, std::size_t from, std::size_t to,
              std::vector<std::uint32_t> &out) const;

    std::vector<std::uint32_t> m_starts; // files are at most 64 MiB (io/fileloader.h)
    std::size_t m_bom = 0;
    bool m_valid = false;
};

} // namespace deadbolt

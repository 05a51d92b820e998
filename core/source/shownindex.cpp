#include "source/shownindex.h"

#include "source/sourcetext.h"

#include <QUtf8StringView>
#include <algorithm>

namespace deadbolt {

namespace {

// The UTF-16 units of the UTF-8 sequence that starts with byte b.
std::size_t sequenceLength(unsigned char b)
{
    return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

} // namespace

bool ShownIndex::build(std::string_view bytes)
{
    m_bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    m_valid = QUtf8StringView(bytes.data(), qsizetype(bytes.size())).isValidUtf8();
    m_starts.clear();
    m_starts.push_back(std::uint32_t(m_bom));
    scan(bytes, m_bom, bytes.size(), m_starts);
    return m_valid;
}

// The starts of the lines that begin after a break found in [from, to).
void ShownIndex::scan(std::string_view bytes, std::size_t from, std::size_t to,
                      std::vector<std::uint32_t> &out) const
{
    for (std::size_t i = from; i < to; ++i) {
        if (bytes[i] == '\n') {
            out.push_back(std::uint32_t(i + 1));
        } else if (bytes[i] == '\r') {
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n')
                ++i;
            out.push_back(std::uint32_t(i + 1));
        }
    }
}

std::size_t ShownIndex::offsetOf(std::string_view bytes, int line, int column) const
{
    const std::size_t start = m_starts[std::size_t(std::clamp(line, 0, lineCount() - 1))];
    return advance(bytes, start, std::size_t(std::max(column, 0)));
}

std::size_t ShownIndex::advance(std::string_view bytes, std::size_t from, std::size_t units) const
{
    std::size_t i = from;
    while (units > 0 && i < bytes.size()) {
        const unsigned char b = static_cast<unsigned char>(bytes[i]);
        if (b == '\r') {
            i += i + 1 < bytes.size() && bytes[i + 1] == '\n' ? 2 : 1;
            --units;
            continue;
        }
        const std::size_t n = sequenceLength(b);
        i += n;
        units -= std::min<std::size_t>(units, n == 4 ? 2 : 1);
    }
    return std::min(i, bytes.size());
}

void ShownIndex::apply(const Replacement &r, std::size_t removedLength, std::string_view bytes)
{
    // Lines from the one before the change (a "\r" there may now meet a "\n") up to the
    // first line that starts well after it are scanned again; the later ones shift.
    const auto begin = m_starts.begin();
    const std::ptrdiff_t after = std::upper_bound(begin, m_starts.end(), std::uint32_t(r.offset)) - begin;
    auto first = begin + std::max<std::ptrdiff_t>(0, after - 2); // the line before the change's
    auto last = std::upper_bound(first, m_starts.end(), std::uint32_t(r.offset + removedLength + 1));
    const std::ptrdiff_t delta = std::ptrdiff_t(r.text.size()) - std::ptrdiff_t(removedLength);
    const std::size_t scanFrom = *first;
    const std::size_t scanTo =
        last == m_starts.end() ? bytes.size() : std::size_t(std::ptrdiff_t(*last) + delta);
    std::vector<std::uint32_t> middle{std::uint32_t(scanFrom)};
    // A break ending right at scanTo starts the line *last, which is kept below.
    scan(bytes, scanFrom, scanTo, middle);
    if (last != m_starts.end() && !middle.empty() && middle.back() == scanTo)
        middle.pop_back();
    for (auto it = last; it != m_starts.end(); ++it)
        *it = std::uint32_t(std::ptrdiff_t(*it) + delta);
    const std::size_t firstIndex = std::size_t(first - begin);
    m_starts.erase(first, last);
    m_starts.insert(m_starts.begin() + std::ptrdiff_t(firstIndex), middle.begin(), middle.end());
    if (m_valid)
        m_valid = QUtf8StringView(r.text.data(), qsizetype(r.text.size())).isValidUtf8();
}

} // namespace deadbolt

#include "report/linediff.h"

#include <algorithm>

namespace deadbolt {

namespace {

// One line without its "\n". `open` marks a last line with no newline after it, so that
// adding or removing the final newline shows as a change.
struct Line
{
    std::string_view text;
    bool open = false;
    bool operator==(const Line &) const = default;
};

std::vector<Line> splitLines(std::string_view text)
{
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.push_back({text.substr(start), true});
            break;
        }
        lines.push_back({text.substr(start, nl - start), false});
        start = nl + 1;
    }
    return lines;
}

// The LCS table is (n+1)*(m+1) 32-bit cells; beyond this the middle is reported as replaced.
constexpr std::size_t MaxTableCells = 4'000'000;

void diffMiddle(const std::vector<Line> &a, const std::vector<Line> &b, std::size_t aBegin, std::size_t aEnd,
                std::size_t bBegin, std::size_t bEnd, std::vector<DiffLine> &out)
{
    const std::size_t n = aEnd - aBegin;
    const std::size_t m = bEnd - bBegin;
    auto removed = [&](std::size_t i) { out.push_back({DiffLine::Removed, int(i) + 1, 0, a[i].text}); };
    auto added = [&](std::size_t j) { out.push_back({DiffLine::Added, 0, int(j) + 1, b[j].text}); };
    if (n == 0 || m == 0 || (n + 1) * (m + 1) > MaxTableCells) {
        for (std::size_t i = aBegin; i < aEnd; ++i)
            removed(i);
        for (std::size_t j = bBegin; j < bEnd; ++j)
            added(j);
        return;
    }
    // lcs[i][j] = LCS length of a[aBegin+i..aEnd) and b[bBegin+j..bEnd)
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t & { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            at(i, j) =
                a[aBegin + i] == b[bBegin + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[aBegin + i] == b[bBegin + j]) {
            out.push_back({DiffLine::Same, int(aBegin + i) + 1, int(bBegin + j) + 1, a[aBegin + i].text});
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            removed(aBegin + i++);
        } else {
            added(bBegin + j++);
        }
    }
    for (; i < n; ++i)
        removed(aBegin + i);
    for (; j < m; ++j)
        added(bBegin + j);
}

bool endsWithoutNewline(std::string_view text)
{
    return !text.empty() && text.back() != '\n';
}

} // namespace

std::vector<DiffLine> diffLines(std::string_view before, std::string_view after)
{
    const std::vector<Line> a = splitLines(before);
    const std::vector<Line> b = splitLines(after);
    const std::size_t common = std::min(a.size(), b.size());
    std::size_t prefix = 0;
    while (prefix < common && a[prefix] == b[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < common - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;

    std::vector<DiffLine> out;
    out.reserve(a.size() + b.size() - prefix - suffix);
    for (std::size_t i = 0; i < prefix; ++i)
        out.push_back({DiffLine::Same, int(i) + 1, int(i) + 1, a[i].text});
    const std::size_t aEnd = a.size() - suffix;
    const std::size_t bEnd = b.size() - suffix;
    diffMiddle(a, b, prefix, aEnd, prefix, bEnd, out);
    for (std::size_t k = 0; k < suffix; ++k)
        out.push_back({DiffLine::Same, int(aEnd + k) + 1, int(bEnd + k) + 1, a[aEnd + k].text});
    return out;
}

std::vector<int> changedLines(std::string_view before, std::string_view after)
{
    // Typing in a big file changes a few lines: compare bytes to skip the common head and
    // tail (whole lines only), and diff just the lines between.
    std::size_t head =
        std::mismatch(before.begin(), before.begin() + std::min(before.size(), after.size()), after.begin())
            .first -
        before.begin();
    if (head == before.size() && head == after.size())
        return {};
    head = before.substr(0, head).rfind('\n') + 1; // npos + 1 == 0: no whole line in common
    std::size_t tail = 0;
    const std::size_t room = std::min(before.size(), after.size()) - head;
    while (tail < room && before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;
    // The tail must start a line in both texts: at the text's start or after a '\n'.
    auto startsLine = [tail](std::string_view text) {
        return text.size() == tail || text[text.size() - tail - 1] == '\n';
    };
    while (tail > 0 && !(startsLine(before) && startsLine(after)))
        --tail;
    const int headLines = int(std::count(before.begin(), before.begin() + head, '\n'));
    std::vector<int> lines;
    for (const DiffLine &d : diffLines(before.substr(head, before.size() - head - tail),
                                       after.substr(head, after.size() - head - tail)))
        if (d.kind == DiffLine::Added)
            lines.push_back(d.newLine + headLines);
    return lines;
}

std::string unifiedDiff(std::string_view before, std::string_view after, const QString &oldName,
                        const QString &newName, int context)
{
    if (before == after)
        return {};
    const std::vector<DiffLine> lines = diffLines(before, after);
    std::string out;
    const int total = int(lines.size());
    int i = 0;
    bool headerWritten = false;
    const int oldCount = int(splitLines(before).size());
    const int newCount = int(splitLines(after).size());
    while (i < total) {
        while (i < total && lines[std::size_t(i)].kind == DiffLine::Same)
            ++i;
        if (i >= total)
            break;
        // A hunk runs from `context` lines before this change to `context` lines after the
        // last change that is no more than 2*context lines from the previous one.
        const int start = std::max(0, i - context);
        int end = i;
        int lastChange = i;
        while (end < total) {
            if (lines[std::size_t(end)].kind != DiffLine::Same)
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(total, lastChange + context + 1);
        if (!headerWritten) {
            out += "--- " + oldName.toStdString() + "\n+++ " + newName.toStdString() + "\n";
            headerWritten = true;
        }
        int oldStart = 0, newStart = 0, oldLen = 0, newLen = 0;
        // Line numbers where the hunk starts: the first line of each side inside it, or the
        // line before when that side has none (unified diff convention).
        int oldBefore = 0, newBefore = 0;
        for (int k = 0; k < start; ++k) {
            if (lines[std::size_t(k)].kind != DiffLine::Added)
                ++oldBefore;
            if (lines[std::size_t(k)].kind != DiffLine::Removed)
                ++newBefore;
        }
        for (int k = start; k < end; ++k) {
            if (lines[std::size_t(k)].kind != DiffLine::Added)
                ++oldLen;
            if (lines[std::size_t(k)].kind != DiffLine::Removed)
                ++newLen;
        }
        oldStart = oldLen ? oldBefore + 1 : oldBefore;
        newStart = newLen ? newBefore + 1 : newBefore;
        out += "@@ -" + std::to_string(oldStart) + (oldLen == 1 ? "" : "," + std::to_string(oldLen)) + " +" +
               std::to_string(newStart) + (newLen == 1 ? "" : "," + std::to_string(newLen)) + " @@\n";
        for (int k = start; k < end; ++k) {
            const DiffLine &d = lines[std::size_t(k)];
            out += d.kind == DiffLine::Same ? ' ' : d.kind == DiffLine::Removed ? '-' : '+';
            out.append(d.text);
            out += '\n';
            const bool lastOld =
                d.kind != DiffLine::Added && d.oldLine == oldCount && endsWithoutNewline(before);
            const bool lastNew =
                d.kind != DiffLine::Removed && d.newLine == newCount && endsWithoutNewline(after);
            if ((d.kind == DiffLine::Removed && lastOld) || (d.kind == DiffLine::Added && lastNew) ||
                (d.kind == DiffLine::Same && (lastOld || lastNew)))
                out += "\\ No newline at end of file\n";
        }
        i = end;
    }
    return out;
}

} // namespace deadbolt

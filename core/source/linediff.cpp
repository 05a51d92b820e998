#include "source/linediff.h"

#include <algorithm>
#include <unordered_map>

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

// Myers' O(ND) difference algorithm in linear space (E. Myers, "An O(ND) Difference Algorithm
// and Its Variations", 1986): the middle snake splits the problem in two until what is left
// is an insertion or a deletion. Lines are compared as numbers (equal lines get one id).
// A budget of about 2e8 steps keeps it from blocking on two unrelated huge texts: past it
// the rest of a middle is reported as removed then added (correct, just not minimal).
class Myers
{
public:
    Myers(const std::vector<int> &a, const std::vector<int> &b, std::size_t budget)
        : m_a(a), m_b(b), m_budget(budget), m_max(int(a.size() + b.size() + 1) / 2 + 1),
          m_fw(std::size_t(2 * m_max + 1)), m_bw(std::size_t(2 * m_max + 1))
    {}

    // Appends the script for a[aLo, aHi) against b[bLo, bHi): 'S'ame, 'R'emoved, 'A'dded.
    void run(int aLo, int aHi, int bLo, int bHi, std::vector<char> &out)
    {
        while (aLo < aHi && bLo < bHi && m_a[std::size_t(aLo)] == m_b[std::size_t(bLo)]) {
            out.push_back('S');
            ++aLo, ++bLo;
        }
        int suffix = 0;
        while (aHi > aLo && bHi > bLo && m_a[std::size_t(aHi - 1)] == m_b[std::size_t(bHi - 1)]) {
            --aHi, --bHi;
            ++suffix;
        }
        if (aLo == aHi || bLo == bHi || m_spent > m_budget) {
            out.insert(out.end(), std::size_t(aHi - aLo), 'R');
            out.insert(out.end(), std::size_t(bHi - bLo), 'A');
        } else if (int x, y, u, v; !middleSnake(aLo, aHi, bLo, bHi, x, y, u, v)) {
            out.insert(out.end(), std::size_t(aHi - aLo), 'R'); // over budget
            out.insert(out.end(), std::size_t(bHi - bLo), 'A');
        } else {
            run(aLo, x, bLo, y, out);
            out.insert(out.end(), std::size_t(u - x), 'S');
            run(u, aHi, v, bHi, out);
        }
        out.insert(out.end(), std::size_t(suffix), 'S');
    }

private:
    // The middle snake of a[aLo, aHi) against b[bLo, bHi) (both non-empty, ends differing):
    // (x, y) to (u, v) in absolute indices, with u - x == v - y equal lines. False once the
    // budget is spent.
    bool middleSnake(int aLo, int aHi, int bLo, int bHi, int &x, int &y, int &u, int &v)
    {
        const int n = aHi - aLo, m = bHi - bLo, delta = n - m;
        const bool odd = (delta & 1) != 0;
        const int max = (n + m + 1) / 2 + 1;
        // One pair of arrays for every call (sized for the whole problem): each d reads only
        // what d - 1 wrote, so only the start needs setting.
        auto F = [&](int k) -> int & { return m_fw[std::size_t(k + m_max)]; };
        auto B = [&](int k) -> int & { return m_bw[std::size_t(k + m_max)]; };
        F(1) = 0;
        B(1) = 0;
        for (int d = 0; d < max; ++d) {
            if (m_spent > m_budget)
                return false;
            for (int k = -d; k <= d; k += 2) {
                int px = (k == -d || (k != d && F(k - 1) < F(k + 1))) ? F(k + 1) : F(k - 1) + 1;
                int py = px - k;
                const int sx = px, sy = py;
                while (px < n && py < m && m_a[std::size_t(aLo + px)] == m_b[std::size_t(bLo + py)])
                    ++px, ++py;
                F(k) = px;
                m_spent += std::size_t(px - sx) + 1;
                if (odd && k - delta >= -(d - 1) && k - delta <= d - 1 && F(k) + B(delta - k) >= n) {
                    x = aLo + sx, y = bLo + sy, u = aLo + px, v = bLo + py;
                    return true;
                }
            }
            for (int k = -d; k <= d; k += 2) {
                int px = (k == -d || (k != d && B(k - 1) < B(k + 1))) ? B(k + 1) : B(k - 1) + 1;
                int py = px - k;
                const int sx = px, sy = py;
                while (px < n && py < m && m_a[std::size_t(aHi - 1 - px)] == m_b[std::size_t(bHi - 1 - py)])
                    ++px, ++py;
                B(k) = px;
                m_spent += std::size_t(px - sx) + 1;
                if (!odd && delta - k >= -d && delta - k <= d && F(delta - k) + B(k) >= n) {
                    x = aHi - px, y = bHi - py, u = aHi - sx, v = bHi - sy;
                    return true;
                }
            }
        }
        return false; // not reached for non-empty inputs
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::size_t m_budget;
    std::size_t m_spent = 0;
    int m_max;
    std::vector<int> m_fw, m_bw;
};

void diffMiddle(const std::vector<Line> &a, const std::vector<Line> &b, std::size_t aBegin, std::size_t aEnd,
                std::size_t bBegin, std::size_t bEnd, std::vector<DiffLine> &out)
{
    // Equal lines, equal ids.
    std::unordered_map<std::string_view, int> ids;
    auto id = [&](const Line &l) {
        const auto [it, added] = ids.try_emplace(l.text, int(ids.size()) * 2);
        return it->second + (l.open ? 1 : 0);
    };
    std::vector<int> x, y;
    x.reserve(aEnd - aBegin);
    y.reserve(bEnd - bBegin);
    for (std::size_t i = aBegin; i < aEnd; ++i)
        x.push_back(id(a[i]));
    for (std::size_t j = bBegin; j < bEnd; ++j)
        y.push_back(id(b[j]));
    std::vector<char> script;
    script.reserve(x.size() + y.size());
    // Lines that occur once on each side, in the same order on both (the longest such chain,
    // as patience diff takes it), are kept as they are; Myers diffs the stretches between them.
    // A file whose edits are far apart (one line per service) then costs little however many
    // there are.
    std::unordered_map<int, std::pair<int, int>> count; // id -> (times in x, times in y)
    std::unordered_map<int, int> whereInY;
    for (int v : x)
        ++count[v].first;
    for (std::size_t j = 0; j < y.size(); ++j) {
        ++count[y[j]].second;
        whereInY[y[j]] = int(j);
    }
    std::vector<std::pair<int, int>> unique; // (i, j), by i; none for a small middle: Myers alone is minimal
    for (std::size_t i = 0; x.size() + y.size() > 2000 && i < x.size(); ++i)
        if (const auto &c = count[x[i]]; c.first == 1 && c.second == 1)
            unique.push_back({int(i), whereInY[x[i]]});
    // Longest chain increasing in j (patience sorting, O(k log k)).
    std::vector<int> tails, prev(unique.size(), -1);
    for (std::size_t k = 0; k < unique.size(); ++k) {
        const auto at = std::lower_bound(tails.begin(), tails.end(), unique[k].second,
                                         [&](int t, int j) { return unique[std::size_t(t)].second < j; });
        if (at != tails.begin())
            prev[k] = *(at - 1);
        if (at == tails.end())
            tails.push_back(int(k));
        else
            *at = int(k);
    }
    std::vector<std::pair<int, int>> anchors;
    for (int k = tails.empty() ? -1 : tails.back(); k >= 0; k = prev[std::size_t(k)])
        anchors.push_back(unique[std::size_t(k)]);
    std::reverse(anchors.begin(), anchors.end());
    Myers myers(x, y, 50'000'000);
    int i0 = 0, j0 = 0;
    for (const auto &[ai, bj] : anchors) {
        myers.run(i0, ai, j0, bj, script);
        script.push_back('S');
        i0 = ai + 1;
        j0 = bj + 1;
    }
    myers.run(i0, int(x.size()), j0, int(y.size()), script);
    std::size_t i = aBegin, j = bBegin;
    for (char c : script) {
        if (c == 'S') {
            out.push_back({DiffLine::Same, int(i) + 1, int(j) + 1, a[i].text});
            ++i, ++j;
        } else if (c == 'R') {
            out.push_back({DiffLine::Removed, int(i) + 1, 0, a[i].text});
            ++i;
        } else {
            out.push_back({DiffLine::Added, 0, int(j) + 1, b[j].text});
            ++j;
        }
    }
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

namespace {

std::string formatUnified(const std::vector<DiffLine> &lines, std::string_view before, std::string_view after,
                          const QString &oldName, const QString &newName, int context)
{
    std::string out;
    const int total = int(lines.size());
    int i = 0;
    bool headerWritten = false;
    int counted = 0, oldBefore = 0, newBefore = 0; // lines of each side before script line `counted`
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
        // (Counted on from the previous hunk: recounting from the top made many hunks quadratic.)
        for (; counted < start; ++counted) {
            if (lines[std::size_t(counted)].kind != DiffLine::Added)
                ++oldBefore;
            if (lines[std::size_t(counted)].kind != DiffLine::Removed)
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

// The line-aligned byte range of `text` around [from, to): from the start of the line
// holding `from` to just after the first line break at or after `to` (or the end).
std::pair<std::size_t, std::size_t> wholeLines(std::string_view text, std::size_t from, std::size_t to)
{
    const std::size_t start = from == 0 ? 0 : text.rfind('\n', from - 1) + 1; // npos + 1 == 0
    // From `to` on, not `to - 1`: a removed line break joins its line with the next one.
    const std::size_t nl = text.find('\n', to);
    return {start, nl == std::string_view::npos ? text.size() : nl + 1};
}

} // namespace

std::vector<DiffLine> diffLines(std::string_view before, std::string_view after,
                                const Replacements &replacements)
{
    const std::vector<Line> a = splitLines(before);
    const std::vector<Line> b = splitLines(after);
    // The index of the line starting at byte `at` (a line boundary) of a split text.
    auto lineAt = [](const std::vector<Line> &lines, std::string_view text, std::size_t at) {
        return std::size_t(std::lower_bound(lines.begin(), lines.end(), at,
                                            [&](const Line &l, std::size_t x) {
                                                return std::size_t(l.text.data() - text.data()) < x;
                                            }) -
                           lines.begin());
    };
    Replacements r = replacements;
    std::stable_sort(r.begin(), r.end(),
                     [](const Replacement &x, const Replacement &y) { return x.offset < y.offset; });
    std::vector<DiffLine> out;
    out.reserve(std::max(a.size(), b.size()));
    std::size_t ai = 0, bi = 0; // the next line of each text not yet in the script
    std::ptrdiff_t shift = 0;   // after - before, for bytes after the replacements so far
    for (std::size_t k = 0; k < r.size();) {
        // A region: the whole lines the replacement touches, and the next ones touching them.
        auto [start, end] = wholeLines(before, r[k].offset, r[k].offset + r[k].length);
        std::ptrdiff_t delta = std::ptrdiff_t(r[k].text.size()) - std::ptrdiff_t(r[k].length);
        std::size_t next = k + 1;
        while (next < r.size()) {
            const auto [nextStart, nextEnd] =
                wholeLines(before, r[next].offset, r[next].offset + r[next].length);
            if (nextStart >= end)
                break; // it starts a line of its own: a region of its own
            end = std::max(end, nextEnd);
            delta += std::ptrdiff_t(r[next].text.size()) - std::ptrdiff_t(r[next].length);
            ++next;
        }
        std::size_t oa = lineAt(a, before, start), ob = lineAt(a, before, end);
        std::size_t na = lineAt(b, after, std::size_t(std::ptrdiff_t(start) + shift));
        std::size_t nb = lineAt(b, after, std::size_t(std::ptrdiff_t(end) + shift + delta));
        for (; ai < oa; ++ai, ++bi)
            out.push_back({DiffLine::Same, int(ai) + 1, int(bi) + 1, a[ai].text});
        // The lines the region leaves as they were, at its two ends.
        while (oa < ob && na < nb && a[oa] == b[na]) {
            out.push_back({DiffLine::Same, int(oa) + 1, int(na) + 1, a[oa].text});
            ++oa, ++na;
        }
        std::size_t keep = 0;
        while (ob - keep > oa && nb - keep > na && a[ob - keep - 1] == b[nb - keep - 1])
            ++keep;
        for (std::size_t i = oa; i < ob - keep; ++i)
            out.push_back({DiffLine::Removed, int(i) + 1, 0, a[i].text});
        for (std::size_t j = na; j < nb - keep; ++j)
            out.push_back({DiffLine::Added, 0, int(j) + 1, b[j].text});
        for (std::size_t i = 0; i < keep; ++i)
            out.push_back(
                {DiffLine::Same, int(ob - keep + i) + 1, int(nb - keep + i) + 1, a[ob - keep + i].text});
        ai = ob;
        bi = nb;
        shift += delta;
        k = next;
    }
    for (; ai < a.size() && bi < b.size(); ++ai, ++bi)
        out.push_back({DiffLine::Same, int(ai) + 1, int(bi) + 1, a[ai].text});
    return out;
}

std::string unifiedDiff(std::string_view before, std::string_view after, const QString &oldName,
                        const QString &newName, int context)
{
    if (before == after)
        return {};
    return formatUnified(diffLines(before, after), before, after, oldName, newName, context);
}

std::string unifiedDiff(std::string_view before, const Replacements &replacements, const QString &oldName,
                        const QString &newName, int context)
{
    std::string after(before);
    if (!applyReplacements(after, replacements) || after == before)
        return {};
    return formatUnified(diffLines(before, after, replacements), before, after, oldName, newName, context);
}

} // namespace deadbolt

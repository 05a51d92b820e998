#include "source/shown.h"

namespace deadbolt {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The length of the line break at file[i] when the shown text has "\n" there, else 0.
std::size_t breakAt(std::string_view file, std::size_t i)
{
    if (file[i] == '\n')
        return 1;
    if (file[i] == '\r')
        return i + 1 < file.size() && file[i + 1] == '\n' ? 2 : 1;
    return 0;
}

// The same, for the line break that ends just before file[end].
std::size_t breakBefore(std::string_view file, std::size_t end)
{
    if (file[end - 1] == '\n')
        return end >= 2 && file[end - 2] == '\r' ? 2 : 1;
    return file[end - 1] == '\r' ? 1 : 0;
}

} // namespace

std::string fileBytesAfterEdit(std::string_view file, std::string_view shown)
{
    const std::size_t bom = file.substr(0, 3) == kBom ? 3 : 0;
    // The common head: equal bytes, or a line break the editor shows as "\n".
    std::size_t i = bom, j = 0;
    while (i < file.size() && j < shown.size()) {
        if (file[i] == shown[j]) {
            ++i, ++j;
        } else if (shown[j] == '\n' && breakAt(file, i) > 0) {
            i += breakAt(file, i), ++j;
        } else {
            break;
        }
    }
    if (i == file.size() && j == shown.size())
        return std::string(file);
    // The common tail, not reaching into the head.
    std::size_t fe = file.size(), se = shown.size();
    while (fe > i && se > j) {
        if (shown[se - 1] == '\n') {
            const std::size_t lb = breakBefore(file, fe);
            if (lb == 0 || fe - lb < i)
                break;
            fe -= lb, --se;
        } else if (file[fe - 1] == shown[se - 1]) {
            --fe, --se;
        } else {
            break;
        }
    }
    // Changed lines take the file's first line ending.
    const std::size_t firstBreak = file.find_first_of("\r\n", bom);
    const std::string_view ending = firstBreak == std::string_view::npos   ? "\n"
                                    : file.substr(firstBreak, 2) == "\r\n" ? "\r\n"
                                    : file[firstBreak] == '\r'             ? "\r"
                                                                           : "\n";
    std::string out(file.substr(0, i));
    for (char c : shown.substr(j, se - j)) {
        if (c == '\n')
            out += ending;
        else
            out += c;
    }
    out += file.substr(fe);
    // Text that now starts with U+FEFF (what was before it deleted) in a file without a BOM
    // would lose that character to the next reading, which takes it for one: write a BOM
    // before it, as an editor saving that text in UTF-8 with a BOM does.
    const bool bomBeforeShown = bom == 0 && shown.substr(0, 3) == kBom;
    if (bomBeforeShown)
        out.insert(0, kBom);
    // A lone "\r" ending next to a "\n" would read as one "\r\n" break: in such a file
    // (rare: old Mac line endings mixed with others) write every line break the first way.
    if (shownText(out) != shown) {
        out.assign(bomBeforeShown ? kBom : file.substr(0, bom));
        for (char c : shown)
            out += c == '\n' ? std::string(ending) : std::string(1, c);
    }
    return out;
}

std::string shownText(std::string_view file)
{
    if (file.substr(0, 3) == kBom)
        file.remove_prefix(3);
    std::string s;
    s.reserve(file.size());
    for (std::size_t i = 0; i < file.size(); ++i) {
        if (file[i] == '\r') {
            s += '\n';
            if (i + 1 < file.size() && file[i + 1] == '\n')
                ++i;
        } else {
            s += file[i];
        }
    }
    return s;
}

} // namespace deadbolt

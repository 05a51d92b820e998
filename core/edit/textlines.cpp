#include "edit/textlines.h"

namespace deadbolt::edit {

namespace {
bool hasBom(const std::string &t)
{
    return t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0;
}
} // namespace

std::size_t lineStartAt(const std::string &text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    const std::size_t nl = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
    const std::size_t start = nl == std::string::npos ? 0 : nl + 1;
    if (start == 0 && hasBom(text) && offset >= 3)
        return 3;
    return start;
}

std::size_t lineEndAt(const std::string &text, std::size_t offset)
{
    const std::size_t nl = text.find('\n', std::min(offset, text.size()));
    if (nl == std::string::npos)
        return text.size();
    return nl > 0 && text[nl - 1] == '\r' ? nl - 1 : nl;
}

std::size_t nextLineStart(const std::string &text, std::size_t offset)
{
    const std::size_t nl = text.find('\n', std::min(offset, text.size()));
    return nl == std::string::npos ? text.size() : nl + 1;
}

std::size_t columnOf(const std::string &text, std::size_t offset)
{
    return offset - lineStartAt(text, offset);
}

bool startsLine(const std::string &text, std::size_t offset)
{
    for (std::size_t i = lineStartAt(text, offset); i < offset; ++i)
        if (text[i] != ' ')
            return false;
    return true;
}

std::size_t dashBefore(const std::string &text, std::size_t offset)
{
    std::size_t i = std::min(offset, text.size());
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
        --i;
    if (i > 0 && text[i - 1] == '-')
        return i - 1;
    return std::string::npos;
}

bool blankOrComment(const std::string &text, std::size_t lineStart)
{
    for (std::size_t i = lineStart; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\t')
            continue;
        return c == '#' || c == '\n' || c == '\r';
    }
    return true;
}

} // namespace deadbolt::edit

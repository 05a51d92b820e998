#include "edit/renderer.h"

#include <QString>

namespace deadbolt::edit {

namespace {

bool plainSyntaxSafe(const std::string &s, bool flow)
{
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':')
        return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
        return false;
    if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos ||
        s.find_first_of("\n\r\t") != std::string::npos)
        return false;
    return !flow || s.find_first_of(",[]{}") == std::string::npos;
}

// Plain text that YAML would read as something other than a string.
bool looksTyped(const std::string &s)
{
    static const char *const words[] = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"};
    QString lower = QString::fromStdString(s).toLower();
    for (const char *w : words)
        if (lower == QLatin1String(w))
            return true;
    bool number = false;
    lower.toDouble(&number);
    return number || lower.startsWith(QLatin1String("0x")) || lower.startsWith(QLatin1String("0o"));
}

std::string spaces(std::size_t n)
{
    return std::string(n, ' ');
}

} // namespace

TreeValue Renderer::text(const std::string &s)
{
    return TreeValue::scalar(s, plainSyntaxSafe(s, false) && !looksTyped(s));
}

void Renderer::normalize(TreeValue &v, bool flow) const
{
    if (v.kind == TreeValue::Kind::Scalar && v.plain && v.raw.empty() && !plainSyntaxSafe(v.text, flow))
        v.plain = false;
    for (TreeValue &item : v.items)
        normalize(item, flow || item.kind == TreeValue::Kind::Sequence);
    for (auto &e : v.entries)
        normalize(e.second, flow);
}

std::string Renderer::scalar(const TreeValue &v) const
{
    if (!v.raw.empty())
        return v.raw;
    if (v.kind == TreeValue::Kind::Alias)
        return "*" + v.text;
    if (v.kind == TreeValue::Kind::Null)
        return "null";
    if (v.plain)
        return v.text;
    const char quote = v.quote ? v.quote : m_style.quote;
    std::string out(1, quote);
    for (char c : v.text) {
        if (quote == '\'') {
            out += c == '\'' ? std::string("''") : std::string(1, c);
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    out += quote;
    return out;
}

std::string Renderer::flow(const TreeValue &v) const
{
    std::string out;
    if (v.kind == TreeValue::Kind::Mapping) {
        out = "{";
        for (std::size_t i = 0; i < v.entries.size(); ++i)
            out += (i ? ", " : "") + v.entries[i].first + ": " + flow(v.entries[i].second);
        return out + "}";
    }
    if (v.kind == TreeValue::Kind::Sequence) {
        out = "[";
        for (std::size_t i = 0; i < v.items.size(); ++i)
            out += (i ? ", " : "") + flow(v.items[i]);
        return out + "]";
    }
    return scalar(v);
}

std::string Renderer::blockValue(const TreeValue &v, std::size_t keyColumn) const
{
    const std::string &nl = m_style.newline;
    if (v.kind == TreeValue::Kind::Mapping && !v.entries.empty()) {
        std::string out;
        const std::size_t column = keyColumn + std::size_t(m_style.indent);
        for (const auto &[key, value] : v.entries)
            out += nl + spaces(column) + key + ":" + blockValue(value, column);
        return out;
    }
    if (v.kind == TreeValue::Kind::Sequence && !v.items.empty()) {
        std::string out;
        const std::size_t dash = keyColumn + (m_style.indentedSequences ? std::size_t(m_style.indent) : 0);
        for (const TreeValue &item : v.items)
            out += nl + spaces(dash) + "- " + blockItem(item, dash + 2);
        return out;
    }
    return " " + flow(v);
}

std::string Renderer::blockItem(const TreeValue &v, std::size_t contentColumn) const
{
    if (v.kind == TreeValue::Kind::Mapping && !v.entries.empty()) {
        std::string out;
        for (std::size_t i = 0; i < v.entries.size(); ++i) {
            if (i)
                out += m_style.newline + spaces(contentColumn);
            out += v.entries[i].first + ":" + blockValue(v.entries[i].second, contentColumn);
        }
        return out;
    }
    return flow(v);
}

} // namespace deadbolt::edit

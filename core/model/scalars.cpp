#include "model/scalars.h"

#include <charconv>

namespace deadbolt::scalars {

using namespace yaml;

std::string_view trim(std::string_view text)
{
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = char(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

bool isInterpolated(std::string_view value)
{
    return (!value.empty() && value.front() == '$') || value.find("${") != std::string_view::npos;
}

bool isNull(const Document &doc, NodeId node)
{
    if (node == NoNode)
        return true;
    node = doc.resolve(node);
    if (node == NoNode)
        return true;
    const Node &n = doc.node(node);
    if (n.kind == NodeKind::Null)
        return true;
    if (n.kind != NodeKind::Scalar || n.scalarStyle != ScalarStyle::Plain || n.tagged)
        return false;
    const std::string_view v = doc.value(node);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// A plain scalar YAML 1.1 reads as a number: [-+]digits[.digits][e[-+]digits], underscores allowed.
static bool isPlainNumber(std::string_view v, bool *nonZero)
{
    std::size_t i = 0;
    if (i < v.size() && (v[i] == '-' || v[i] == '+'))
        ++i;
    bool digits = false, dot = false;
    *nonZero = false;
    for (; i < v.size(); ++i) {
        const char c = v[i];
        if (c >= '0' && c <= '9') {
            digits = true;
            *nonZero = *nonZero || c != '0';
        } else if (c == '_' && digits) {
        } else if (c == '.' && !dot) {
            dot = true;
        } else if ((c == 'e' || c == 'E') && digits && dot) {
            // the exponent cannot make a zero mantissa non-zero
            std::size_t j = i + 1;
            if (j < v.size() && (v[j] == '-' || v[j] == '+'))
                ++j;
            if (j == v.size())
                return false;
            for (; j < v.size(); ++j)
                if (v[j] < '0' || v[j] > '9')
                    return false;
            return true;
        } else {
            return false;
        }
    }
    return digits;
}

BoolReading readBool(const Document &doc, NodeId node)
{
    BoolReading r;
    if (isNull(doc, node))
        return r;
    node = doc.resolve(node);
    const Node &n = doc.node(node);
    if (n.kind != NodeKind::Scalar) {
        // PyYAML's bool() of a non-empty list or mapping is true; no tool accepts it.
        r.notBoolean = true;
        r.truth = n.childCount > 0 ? Truth::True : Truth::False;
        return r;
    }
    const std::string_view raw = doc.value(node);
    if (isInterpolated(raw)) {
        r.truth = Truth::Interpolated;
        return r;
    }
    const std::string_view v = trim(raw);
    for (std::string_view yes : {"true", "yes", "on", "y"}) {
        if (equalsIgnoreCase(v, yes)) {
            r.truth = Truth::True;
            return r;
        }
    }
    for (std::string_view no : {"false", "no", "off", "n"}) {
        if (equalsIgnoreCase(v, no))
            return r;
    }
    r.notBoolean = true;
    bool nonZero = false;
    if (n.scalarStyle == ScalarStyle::Plain && isPlainNumber(v, &nonZero) && nonZero)
        r.truth = Truth::True;
    return r;
}

std::optional<qint64> parseInt(std::string_view text)
{
    text = trim(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    qint64 value = 0;
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

MountOptions parseMountOptions(std::string_view options)
{
    MountOptions result;
    while (!options.empty()) {
        const std::size_t comma = options.find(',');
        const std::string_view item = trim(options.substr(0, comma));
        options = comma == std::string_view::npos ? std::string_view() : options.substr(comma + 1);
        const std::size_t eq = item.find('=');
        const std::string_view key = trim(item.substr(0, eq));
        const std::string_view value =
            eq == std::string_view::npos ? std::string_view() : trim(item.substr(eq + 1));
        if (key == "uid")
            result.uid = parseInt(value);
        else if (key == "gid")
            result.gid = parseInt(value);
        else if (key == "mode")
            result.mode = toQString(value);
        else if (key == "size")
            result.size = toQString(value);
        else if (key == "ro")
            result.readOnly = true;
    }
    return result;
}

QStringList otherMountOptions(const QString &options)
{
    QStringList kept;
    for (const QString &part : options.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0).trimmed();
        if (key != QLatin1String("size") && key != QLatin1String("mode") && key != QLatin1String("uid") &&
            key != QLatin1String("gid"))
            kept.append(part.trimmed());
    }
    return kept;
}

bool modeWorldWritable(std::string_view mode)
{
    mode = trim(mode);
    if (mode.empty())
        return false;
    // The last octal digit is "others"; write is bit 2.
    const char last = mode.back();
    return last >= '0' && last <= '7' && ((last - '0') & 2) != 0;
}

std::optional<qint64> composeUid(std::string_view user)
{
    user = trim(user);
    const std::string_view name = user.substr(0, user.find(':'));
    if (name == "root")
        return 0;
    return parseInt(name);
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace deadbolt::scalars

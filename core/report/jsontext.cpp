#include "report/jsontext.h"

#include <QLocale>

namespace deadbolt {

void appendJsonString(QByteArray *out, const QString &s)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out->append('"');
    const char16_t *p = reinterpret_cast<const char16_t *>(s.utf16());
    const char16_t *end = p + s.size();
    while (p != end) {
        const char16_t u = *p++;
        if (u >= 0x20 && u < 0x80 && u != '"' && u != '\\') {
            out->append(char(u));
            continue;
        }
        if (u < 0x80) {
            out->append('\\');
            switch (u) {
            case '"':
                out->append('"');
                break;
            case '\\':
                out->append('\\');
                break;
            case '\b':
                out->append('b');
                break;
            case '\f':
                out->append('f');
                break;
            case '\n':
                out->append('n');
                break;
            case '\r':
                out->append('r');
                break;
            case '\t':
                out->append('t');
                break;
            default:
                out->append("u00");
                out->append(Hex[u >> 4]);
                out->append(Hex[u & 0xf]);
            }
            continue;
        }
        char32_t c = u;
        if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            c = QChar::surrogateToUcs4(u, *p++);
        } else if (QChar::isSurrogate(u)) {
            // No UTF-8 for a lone surrogate: Qt writes the JSON escape.
            out->append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4)
                out->append(Hex[(u >> shift) & 0xf]);
            continue;
        }
        if (c < 0x800) {
            out->append(char(0xc0 | (c >> 6)));
        } else if (c < 0x10000) {
            out->append(char(0xe0 | (c >> 12)));
            out->append(char(0x80 | ((c >> 6) & 0x3f)));
        } else {
            out->append(char(0xf0 | (c >> 18)));
            out->append(char(0x80 | ((c >> 12) & 0x3f)));
            out->append(char(0x80 | ((c >> 6) & 0x3f)));
        }
        out->append(char(0x80 | (c & 0x3f)));
    }
    out->append('"');
}

void JsonText::element()
{
    if (m_inKey) {
        m_inKey = false;
        return;
    }
    if (m_depth > 0) {
        m_out->append(m_first ? "\n" : ",\n");
        m_out->append(4 * m_depth, ' ');
    }
    m_first = false;
}

void JsonText::open(char brace)
{
    element();
    m_out->append(brace);
    ++m_depth;
    m_first = true;
}

void JsonText::close(char brace)
{
    --m_depth;
    m_out->append('\n');
    m_out->append(4 * m_depth, ' ');
    m_out->append(brace);
    m_first = false;
}

JsonText &JsonText::key(const char *name)
{
    element();
    m_out->append('"');
    m_out->append(name);
    m_out->append("\": ");
    m_inKey = true;
    return *this;
}

void JsonText::value(const QString &text)
{
    element();
    appendJsonString(m_out, text);
}

void JsonText::value(const char *latin1)
{
    value(QString::fromLatin1(latin1));
}

void JsonText::value(int number)
{
    element();
    m_out->append(QByteArray::number(number));
}

void JsonText::value(bool flag)
{
    element();
    m_out->append(flag ? "true" : "false");
}

void JsonText::value(std::optional<qint64> number)
{
    if (!number) {
        null();
        return;
    }
    element();
    m_out->append(QByteArray::number(double(*number), 'g', QLocale::FloatingPointShortest));
}

void JsonText::null()
{
    element();
    m_out->append("null");
}

} // namespace deadbolt

#include "views/yamlhighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace deadbolt {

namespace {

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QTextCharFormat makeFormat(const QColor &light, const QColor &dark, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(darkPalette() ? dark : light);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_comment = makeFormat(QColor(0x6a, 0x73, 0x7d), QColor(0x8b, 0x94, 0x9e), false, true);
    m_key = makeFormat(QColor(0x1f, 0x4e, 0x9a), QColor(0x79, 0xb8, 0xff), true);
    m_string = makeFormat(QColor(0x0a, 0x7a, 0x3e), QColor(0x85, 0xe8, 0x9d));
    m_keyword = makeFormat(QColor(0xa3, 0x3a, 0x00), QColor(0xff, 0xab, 0x70), true);
    m_number = makeFormat(QColor(0x8a, 0x2b, 0xb9), QColor(0xd2, 0xa8, 0xff));
    m_anchor = makeFormat(QColor(0xb3, 0x5c, 0x00), QColor(0xf0, 0xb7, 0x2f), false, true);
    m_marker = makeFormat(QColor(0x6a, 0x73, 0x7d), QColor(0x8b, 0x94, 0x9e), true);
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("^(---|\\.\\.\\.)(\\s|$)"));
    static const QRegularExpression key(QStringLiteral(
        "^(\\s*(?:-\\s+)*)([^\\s#'\"{}\\[\\],&*!|>%@`][^#]*?|\"[^\"]*\"|'[^']*')\\s*:(\\s|$)"));
    static const QRegularExpression anchor(QStringLiteral("[&*][A-Za-z0-9_.-]+|!\\S+"));
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^']|'')*'?"));
    static const QRegularExpression keyword(
        QStringLiteral("(?<![\\w.-])(true|false|yes|no|on|off|null|True|False|TRUE|FALSE|~)(?![\\w.-])"));
    static const QRegularExpression number(QStringLiteral(
        "(?<![\\w.-])[-+]?(0o?[0-7]+|0x[0-9a-fA-F]+|\\d+(\\.\\d+)?([eE][-+]?\\d+)?)(?![\\w.:-])"));

    if (marker.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_marker);
        return;
    }
    // The comment starts at a '#' that is first or follows a space and is not inside quotes.
    qsizetype commentAt = -1;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'"' || c == u'\'') {
            if (i == 0 || text.at(i - 1).isSpace() || QStringLiteral(":[{,-").contains(text.at(i - 1)))
                quote = c;
        } else if (c == u'#' && (i == 0 || text.at(i - 1).isSpace())) {
            commentAt = i;
            break;
        }
    }
    const QString code = commentAt >= 0 ? text.left(commentAt) : text;

    auto apply = [&](const QRegularExpression &re, const QTextCharFormat &f, int group = 0) {
        for (auto it = re.globalMatch(code); it.hasNext();) {
            const auto m = it.next();
            setFormat(int(m.capturedStart(group)), int(m.capturedLength(group)), f);
        }
    };
    apply(number, m_number);
    apply(keyword, m_keyword);
    apply(quoted, m_string);
    apply(anchor, m_anchor);
    const auto k = key.match(code);
    if (k.hasMatch())
        setFormat(int(k.capturedStart(2)), int(k.capturedLength(2)), m_key);
    if (commentAt >= 0)
        setFormat(int(commentAt), int(text.size() - commentAt), m_comment);
}

} // namespace deadbolt

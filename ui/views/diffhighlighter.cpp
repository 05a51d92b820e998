#include "views/diffhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace deadbolt {

void DiffHighlighter::highlightBlock(const QString &text)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat f;
    if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))) {
        f.setFontWeight(QFont::Bold);
    } else if (text.startsWith(QLatin1Char('+'))) {
        f.setForeground(dark ? QColor(0x85, 0xe8, 0x9d) : QColor(0x11, 0x63, 0x29));
        f.setBackground(dark ? QColor(0x1b, 0x4d, 0x2b) : QColor(0xe6, 0xff, 0xec));
    } else if (text.startsWith(QLatin1Char('-'))) {
        f.setForeground(dark ? QColor(0xff, 0xa1, 0x98) : QColor(0x82, 0x07, 0x1e));
        f.setBackground(dark ? QColor(0x5d, 0x1f, 0x1a) : QColor(0xff, 0xeb, 0xe9));
    } else if (text.startsWith(QLatin1String("@@"))) {
        f.setForeground(dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x1f, 0x4e, 0x9a));
    } else {
        return;
    }
    setFormat(0, int(text.size()), f);
}

} // namespace deadbolt

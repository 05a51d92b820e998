#include "views/codeeditor.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

namespace deadbolt {

namespace {

class Margin : public QWidget
{
public:
    explicit Margin(CodeEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->marginWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintMargin(event); }

private:
    CodeEditor *m_editor;
};

constexpr int ChangeBarWidth = 4;

} // namespace

CodeEditor::CodeEditor(QWidget *parent) : QPlainTextEdit(parent), m_margin(new Margin(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    // The document's history is the only one: the widget's own would undo behind its back.
    setUndoRedoEnabled(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateMarginWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateMargin);
    updateMarginWidth();
}

int CodeEditor::marginWidth() const
{
    const int digits = std::max(3, int(QString::number(std::max(1, blockCount())).size()));
    return 8 + ChangeBarWidth + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void CodeEditor::updateMarginWidth()
{
    setViewportMargins(marginWidth(), 0, 0, 0);
}

void CodeEditor::updateMargin(const QRect &rect, int dy)
{
    if (dy)
        m_margin->scroll(0, dy);
    else
        m_margin->update(0, rect.y(), m_margin->width(), rect.height());
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_margin->setGeometry(QRect(cr.left(), cr.top(), marginWidth(), cr.height()));
}

bool CodeEditor::event(QEvent *event)
{
    // Hovering an error line shows its message.
    if (event->type() == QEvent::ToolTip && !m_errors.isEmpty()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor c = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        const auto it = m_errors.constFind(c.blockNumber() + 1);
        if (it != m_errors.constEnd()) {
            QToolTip::showText(help->globalPos(), *it, this);
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void CodeEditor::paintMargin(QPaintEvent *event)
{
    QPainter p(m_margin);
    const QPalette pal = palette();
    p.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int lineHeight = fontMetrics().height();
    const QColor changed(0x2a, 0x7f, 0x9e);
    const QColor error(0xc0, 0x39, 0x2b);
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            const bool isError = m_errors.contains(line);
            if (m_changed.contains(line))
                p.fillRect(QRect(0, top, ChangeBarWidth, height), changed);
            if (line >= m_markFirst && line <= m_markLast && m_markFirst > 0)
                p.fillRect(QRect(ChangeBarWidth, top, 2, height), pal.color(QPalette::Highlight));
            p.setPen(isError ? error : pal.color(QPalette::PlaceholderText));
            QFont f = font();
            f.setBold(isError);
            p.setFont(f);
            p.drawText(0, top, m_margin->width() - 4, lineHeight, Qt::AlignRight, QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

void CodeEditor::setMarkedLines(int first, int last)
{
    if (first == m_markFirst && last == m_markLast)
        return;
    m_markFirst = first;
    m_markLast = last;
    updateExtraSelections();
    m_margin->update();
}

void CodeEditor::setChangedLines(const QSet<int> &lines)
{
    if (lines == m_changed)
        return;
    m_changed = lines;
    m_margin->update();
}

void CodeEditor::setErrorLines(const QHash<int, QString> &messages)
{
    m_errors = messages;
    updateExtraSelections();
    m_margin->update();
}

void CodeEditor::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor c(block);
    setTextCursor(c);
    // Put the line a few lines below the top rather than wherever ensureCursorVisible leaves it.
    verticalScrollBar()->setValue(std::max(0, block.blockNumber() - 2));
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_markFirst > 0) {
        QColor tint = palette().color(QPalette::Highlight);
        tint.setAlpha(28);
        const QTextBlock first = document()->findBlockByNumber(m_markFirst - 1);
        const QTextBlock last = document()->findBlockByNumber(m_markLast - 1);
        if (first.isValid() && last.isValid()) {
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(first);
            s.cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
            s.format.setBackground(tint);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(s);
        }
    }
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(block);
        s.format.setBackground(QColor(0xc0, 0x39, 0x2b, 40));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.format.setToolTip(it.value());
        selections.append(s);
    }
    setExtraSelections(selections);
}

} // namespace deadbolt

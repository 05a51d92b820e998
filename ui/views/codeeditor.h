#pragma once

#include <QPlainTextEdit>
#include <QSet>

namespace deadbolt {

// A plain-text editor with a margin: line numbers, a bar beside lines changed since the
// last save, a marker on lines with an error. The selected workload's lines get a tinted
// background. It knows nothing about documents; YamlPanel feeds it.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);

    // 1-based, inclusive; (0, 0) clears.
    void setMarkedLines(int first, int last);
    void setChangedLines(const QSet<int> &lines);
    void setErrorLines(const QHash<int, QString> &messages);
    const QSet<int> &changedLines() const { return m_changed; }
    int markedFirst() const { return m_markFirst; }
    int markedLast() const { return m_markLast; }
    // Scrolls so the line is near the top and puts the cursor there.
    void goToLine(int line);

    int marginWidth() const;
    void paintMargin(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateMarginWidth();
    void updateMargin(const QRect &rect, int dy);
    void updateExtraSelections();

    QWidget *m_margin;
    int m_markFirst = 0;
    int m_markLast = 0;
    QSet<int> m_changed;
    QHash<int, QString> m_errors;
};

} // namespace deadbolt

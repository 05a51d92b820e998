#pragma once

#include "source/shownindex.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace deadbolt {

class CodeEditor;
class Document;
class YamlHighlighter;

// The YAML view of one document: keeps the editor's text and the document's text equal
// in both directions (typing becomes "Edit text" commands; commands change the editor
// with a minimal cursor edit so scroll and cursor stay put), and shows the selected
// workload, the lines changed since the last save and parse errors at their line.
class YamlPanel : public QWidget
{
    Q_OBJECT
public:
    explicit YamlPanel(Document *document, QWidget *parent = nullptr);

    CodeEditor *editor() const { return m_editor; }
    // Marks and scrolls to the workload (by key); an empty key clears the mark.
    void showWorkload(const QString &key, bool scroll);

    // The editor's text as the file's bytes (BOM and CRLF as the document has them).
    std::string editorBytes() const;

signals:
    // The user moved the cursor into a workload's text.
    void workloadAtCursor(const QString &key);

private:
    void documentTextChanged();
    void loadInBackground(const std::string &bytes);
    void insertNextSlice();
    void updateHighlighter();
    void editorTextChanged(int position, int charsRemoved, int charsAdded);
    // One change of the editor as the bytes it stands for, or false when only the whole
    // text can say it (fileBytesAfterEdit).
    bool typedReplacement(int position, int charsRemoved, int charsAdded, Replacement *out) const;
    void rebuildIndex();
    void cursorMoved();
    void updateChangedLines();
    void updateErrors();
    void updateMark();

    QPointer<Document> m_document;
    CodeEditor *m_editor;
    YamlHighlighter *m_highlighter;
    QLabel *m_errorLabel;
    QTimer m_changedLinesTimer;
    QString m_markedKey;
    bool m_applyingDocument = false;
    bool m_movingCursor = false;
    bool m_loadingText = false;
    // A big text being moved into the editor slice by slice (loadInBackground).
    QString m_pendingText;
    qsizetype m_pendingAt = 0;
    quint64 m_loadedGeneration = 0;
    // The document's line starts as the editor counts lines, kept current keystroke by
    // keystroke, so that typing costs what was typed and not the size of the file.
    ShownIndex m_index;
    std::string m_newline = "\n"; // what a typed line break becomes: the file's first ending
    bool m_typing = false;
    quint64 m_indexGeneration = 0; // the document generation m_index describes
};

} // namespace deadbolt

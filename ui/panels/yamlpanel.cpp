#include "panels/yamlpanel.h"

#include "backgroundworkers.h"
#include "document.h"
#include "model/workloadlines.h"
#include "source/linediff.h"
#include "source/shown.h"
#include "views/codeeditor.h"
#include "views/yamlhighlighter.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QPlainTextDocumentLayout>
#include <QTextBlock>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace deadbolt {

namespace {

// Above this the highlighter is switched off: it would colour every line of a
// 14 MB manifest on the GUI thread before the first paint.
constexpr std::size_t HighlightLimit = 2 * 1024 * 1024;
// Above this the first text is laid out in a worker thread: inserting 14 MB into a
// QTextDocument takes seconds, which would freeze the window while the file opens.
constexpr std::size_t BackgroundLoadLimit = 1024 * 1024;

bool hasBom(const std::string &bytes)
{
    return bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
}

// The text as the editor shows it: no BOM, "\n" line breaks. QTextDocument turns every
// "\r\n", "\r" and "\n" into a block break, so the file's line numbers are the editor's.
QString editorText(const std::string &bytes)
{
    const std::size_t start = hasBom(bytes) ? 3 : 0;
    QString s = QString::fromUtf8(bytes.data() + start, qsizetype(bytes.size() - start));
    if (s.contains(u'\r')) {
        s.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        s.replace(u'\r', u'\n');
    }
    return s;
}

QString rawEditorText(const QTextDocument *document)
{
    QString s = document->toRawText();
    s.replace(QChar::ParagraphSeparator, u'\n');
    return s;
}

} // namespace

YamlPanel::YamlPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_editor(new CodeEditor(this)), m_highlighter(nullptr),
      m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("yamlPanel"));
    m_editor->setObjectName(QStringLiteral("yamlEditor"));
    m_editor->setToolTip(
        tr("The file's text. Edit it by hand: the list and the inspector follow as you type."));
    m_errorLabel->setObjectName(QStringLiteral("yamlErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { background: rgba(192,57,43,0.15); border: 1px solid "
                                               "#c0392b; border-radius: 3px; padding: 4px; }"));
    m_errorLabel->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_editor);

    m_changedLinesTimer.setSingleShot(true);
    m_changedLinesTimer.setInterval(150);
    connect(&m_changedLinesTimer, &QTimer::timeout, this, &YamlPanel::updateChangedLines);

    connect(document, &Document::textChanged, this, &YamlPanel::documentTextChanged);
    connect(document, &Document::savedTextChanged, &m_changedLinesTimer, qOverload<>(&QTimer::start));
    connect(document, &Document::analysisChanged, this, &YamlPanel::updateMark);
    connect(document, &Document::parseErrorsChanged, this, &YamlPanel::updateErrors);
    connect(m_editor->document(), &QTextDocument::contentsChange, this, &YamlPanel::editorTextChanged);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &YamlPanel::cursorMoved);
    documentTextChanged();
    updateErrors();
}

std::string YamlPanel::editorBytes() const
{
    // The file's own bytes wherever the editor's text did not change: typing into a file
    // with mixed line endings (or a BOM) changes what was typed and nothing else.
    return fileBytesAfterEdit(m_document->text(), rawEditorText(m_editor->document()).toStdString());
}

void YamlPanel::loadInBackground(const std::string &bytes)
{
    // A big text goes into the editor in slices, one per turn of the event loop: handing it
    // a whole QTextDocument built elsewhere makes QPlainTextEdit lay out every block again
    // on the GUI thread (0.3 s for 750,000 lines), and the window would stall that long.
    m_loadingText = true;
    m_loadedGeneration = m_document->generation();
    m_editor->setReadOnly(true);
    m_editor->setPlaceholderText(tr("Loading the text..."));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_pendingText = watcher->result();
        m_pendingAt = 0;
        insertNextSlice();
    });
    watcher->setFuture(QtConcurrent::run(backgroundWorkers(), editorText, bytes));
}

void YamlPanel::insertNextSlice()
{
    constexpr qsizetype SliceSize = 64 * 1024;
    if (m_pendingAt < m_pendingText.size()) {
        qsizetype end = std::min(m_pendingText.size(), m_pendingAt + SliceSize);
        QTextCursor c(m_editor->document());
        c.movePosition(QTextCursor::End);
        c.insertText(m_pendingText.mid(m_pendingAt, end - m_pendingAt));
        m_pendingAt = end;
        QTimer::singleShot(0, this, &YamlPanel::insertNextSlice);
        return;
    }
    m_pendingText.clear();
    // The editor's cursor rode along with the inserted slices; put it back at the top, or at
    // the workload selected meanwhile, without that move selecting another workload.
    m_movingCursor = true;
    m_editor->moveCursor(QTextCursor::Start);
    m_movingCursor = false;
    m_editor->setReadOnly(false);
    m_editor->setPlaceholderText(QString());
    m_loadingText = false;
    rebuildIndex();
    if (m_document->generation() != m_loadedGeneration) {
        documentTextChanged(); // the text changed while it was being loaded
    } else {
        updateHighlighter();
        m_changedLinesTimer.start();
    }
    if (m_markedKey.isEmpty())
        updateMark();
    else
        showWorkload(m_markedKey, true);
    updateErrors();
}

void YamlPanel::documentTextChanged()
{
    if (m_loadingText)
        return;
    if (m_typing) {
        // The editor holds the typed text already; only the marks of changed lines follow.
        m_changedLinesTimer.start();
        return;
    }
    const std::string &bytes = m_document->text();
    if (m_editor->document()->isEmpty() && bytes.size() > BackgroundLoadLimit) {
        loadInBackground(bytes);
        return;
    }
    updateHighlighter();
    const QString want = editorText(bytes);
    const QString have = rawEditorText(m_editor->document());
    if (want != have) {
        // Replace only the differing middle: the user's cursor and the scroll position
        // survive an undo or a form edit elsewhere in the file.
        qsizetype prefix = 0;
        const qsizetype common = std::min(want.size(), have.size());
        while (prefix < common && want.at(prefix) == have.at(prefix))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < common - prefix &&
               want.at(want.size() - 1 - suffix) == have.at(have.size() - 1 - suffix))
            ++suffix;
        m_applyingDocument = true;
        QTextCursor c(m_editor->document());
        c.setPosition(int(prefix));
        c.setPosition(int(have.size() - suffix), QTextCursor::KeepAnchor);
        c.insertText(want.mid(prefix, want.size() - prefix - suffix));
        m_applyingDocument = false;
    }
    rebuildIndex();
    m_changedLinesTimer.start();
}

void YamlPanel::rebuildIndex()
{
    const std::string &bytes = m_document->text();
    m_index.build(bytes);
    m_indexGeneration = m_document->generation();
    const std::size_t brk = bytes.find_first_of("\r\n");
    m_newline = brk == std::string::npos             ? "\n"
                : bytes.compare(brk, 2, "\r\n") == 0 ? "\r\n"
                : bytes[brk] == '\r'                 ? "\r"
                                                     : "\n";
}

bool YamlPanel::typedReplacement(int position, int charsRemoved, int charsAdded, Replacement *out) const
{
    if (!m_index.valid() || m_indexGeneration != m_document->generation())
        return false;
    const QTextBlock block = m_editor->document()->findBlock(position);
    if (!block.isValid() || m_editor->document()->characterAt(position).isLowSurrogate())
        return false; // between the halves of a character: only the whole text can say it
    const std::string &bytes = m_document->text();
    const std::size_t start = m_index.offsetOf(bytes, block.blockNumber(), position - block.position());
    const std::size_t end = m_index.advance(bytes, start, std::size_t(charsRemoved));
    QTextCursor c(m_editor->document());
    c.setPosition(position);
    c.setPosition(std::min(position + charsAdded, m_editor->document()->characterCount() - 1),
                  QTextCursor::KeepAnchor);
    QString added = c.selectedText();
    if (added.size() != charsAdded || added.contains(QChar(0xFEFF)) ||
        (!added.isEmpty() && (added.front().isLowSurrogate() || added.back().isHighSurrogate())))
        return false; // the document's last block separator, or a BOM-like character: say it whole
    // The file's line ending at every break typed.
    std::string text;
    const QStringList parts = added.split(QChar::ParagraphSeparator);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            text += m_newline;
        text += parts[i].toStdString();
    }
    // A "\r" meeting a "\n" across the edit would read as one break: the whole text says it.
    if ((start > 0 && bytes[start - 1] == '\r' && !text.empty() && text.front() == '\n') ||
        (end < bytes.size() && bytes[end] == '\n' &&
         ((!text.empty() && text.back() == '\r') || (text.empty() && start > 0 && bytes[start - 1] == '\r'))))
        return false;
    // Return at the end of a line makes a new line after it: the line keeps its own ending and
    // the new one takes the file's first (as fileBytesAfterEdit reads the change).
    if (start == end && text.compare(0, m_newline.size(), m_newline) == 0 && start < bytes.size() &&
        (bytes[start] == '\n' || bytes[start] == '\r')) {
        const std::size_t own = bytes.compare(start, 2, "\r\n") == 0 ? 2 : 1;
        std::string moved = text.substr(m_newline.size()) + m_newline;
        if (own == 1 && bytes[start] == '\r' && moved.front() == '\n')
            return false; // after a lone "\r" it would read as one "\r\n"
        *out = Replacement{start + own, 0, std::move(moved)};
        return true;
    }
    *out = Replacement{start, end - start, std::move(text)};
    return true;
}

// Highlighting a text of megabytes would cost more than it helps.
void YamlPanel::updateHighlighter()
{
    const std::size_t size = m_document->text().size();
    if (!m_highlighter && size <= HighlightLimit) {
        m_highlighter = new YamlHighlighter(m_editor->document());
    } else if (m_highlighter && size > HighlightLimit) {
        delete m_highlighter;
        m_highlighter = nullptr;
    }
}

void YamlPanel::editorTextChanged(int position, int charsRemoved, int charsAdded)
{
    if (m_applyingDocument || m_loadingText || !m_document)
        return;
    Replacement r;
    if (typedReplacement(position, charsRemoved, charsAdded, &r)) {
        const std::size_t removed = r.length;
        const Replacement applied = r;
        m_typing = true;
        const bool ok = m_document->typeText(std::move(r));
        m_typing = false;
        if (ok) {
            m_index.apply(applied, removed, m_document->text());
            m_indexGeneration = m_document->generation();
            return;
        }
    }
    m_document->editText(editorBytes());
    rebuildIndex();
}

void YamlPanel::cursorMoved()
{
    if (m_applyingDocument || m_movingCursor || m_loadingText || !m_document || !m_document->parsed())
        return;
    const int line = m_editor->textCursor().blockNumber() + 1;
    const int i = workloadAtLine(*m_document->parsed(), m_document->analysis(), line);
    if (i < 0)
        return;
    const QString key = m_document->analysis().workloads.at(i).displayName();
    if (key != m_markedKey)
        emit workloadAtCursor(key);
}

void YamlPanel::showWorkload(const QString &key, bool scroll)
{
    m_markedKey = key;
    updateMark();
    if (scroll && m_editor->markedFirst() > 0) {
        m_movingCursor = true;
        m_editor->goToLine(m_editor->markedFirst());
        m_movingCursor = false;
    }
}

void YamlPanel::updateMark()
{
    if (!m_document->parsed() || m_markedKey.isEmpty()) {
        m_editor->setMarkedLines(0, 0);
        return;
    }
    for (const Workload &w : m_document->analysis().workloads) {
        if (w.displayName() == m_markedKey) {
            const LineRange r = workloadLines(*m_document->parsed(), w);
            m_editor->setMarkedLines(r.first, r.last);
            return;
        }
    }
    m_editor->setMarkedLines(0, 0);
}

void YamlPanel::updateChangedLines()
{
    QSet<int> lines;
    for (int line : changedLines(m_document->savedText(), m_document->text()))
        lines.insert(line);
    m_editor->setChangedLines(lines);
}

void YamlPanel::updateErrors()
{
    QHash<int, QString> byLine;
    QStringList messages;
    for (const Diagnostic &d : m_document->parseErrors()) {
        byLine[std::max(1, d.line)] +=
            (byLine.contains(d.line) ? QStringLiteral("\n") : QString()) + d.message;
        messages << tr("Line %1, column %2: %3").arg(d.line).arg(d.column).arg(d.message);
    }
    m_editor->setErrorLines(byLine);
    if (messages.isEmpty()) {
        m_errorLabel->hide();
        return;
    }
    m_errorLabel->setText(
        messages.join(QLatin1Char('\n')) + QLatin1Char('\n') +
        tr("The list and the inspector show the last state that parsed until this is fixed."));
    m_errorLabel->show();
}

} // namespace deadbolt

#include "document.h"
#include "panels/yamlpanel.h"
#include "views/codeeditor.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

#include "source/shown.h"

#include <random>

using namespace deadbolt;

// The document's text and history: typing merges into one entry and undoes byte for byte,
// a keystroke undone by hand leaves no entry, and the YAML view keeps CRLF, BOM and mixed
// line endings byte for byte.
class tst_Document : public QObject
{
    Q_OBJECT
private slots:
    void typingMergesAndUndoesExactly_data();
    void typingMergesAndUndoesExactly();
    void typingAndDeletingLeavesNoEntry();
    void randomTypingShowsExactly();
    void parseErrorKeepsLastGoodAnalysis();
};

void tst_Document::typingMergesAndUndoesExactly_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("lf") << QByteArray("services:\n  web:\n    image: a\n");
    QTest::addRow("crlf") << QByteArray("services:\r\n  web:\r\n    image: a\r\n");
    QTest::addRow("bom") << QByteArray("\xEF\xBB\xBFservices:\n  web:\n    image: a\n");
    QTest::addRow("no final newline") << QByteArray("services:\n  web:\n    image: a");
    // Mixed endings: every line keeps its own, a new line takes the file's first.
    QTest::addRow("mixed, crlf first") << QByteArray("services:\r\n  web:\n    image: a\r\n  # end\n");
    QTest::addRow("mixed, lf first") << QByteArray("services:\n  web:\r\n    image: a\r\n  # end\r\n");
}

void tst_Document::typingMergesAndUndoesExactly()
{
    QFETCH(QByteArray, text);
    Document doc;
    doc.setInitialText(text.toStdString(), QStringLiteral("t.yml"));
    YamlPanel panel(&doc);
    panel.show();
    CodeEditor *editor = panel.editor();
    QCOMPARE(panel.editorBytes(), text.toStdString());
    QTextCursor c(editor->document()->findBlockByNumber(2));
    c.movePosition(QTextCursor::EndOfBlock);
    editor->setTextCursor(c);
    QTest::keyClicks(editor, QStringLiteral("bc"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, QStringLiteral("    read_only: true"));
    const qsizetype firstBreak = text.indexOf('\n');
    const bool crlf = firstBreak > 0 && text.at(firstBreak - 1) == '\r';
    // "bc" joins line 3; Return makes a new line after it, which takes the file's first line
    // ending while line 3 keeps its own (they differ only in a file of mixed endings).
    const std::string ending = crlf ? "\r\n" : "\n";
    std::string expected = text.toStdString();
    const std::size_t lineEnd = expected.find("image: a") + 8;
    expected.insert(lineEnd, "bc");
    const std::size_t next = expected.find('\n', lineEnd);
    if (next == std::string::npos)
        expected += ending + "    read_only: true";
    else
        expected.insert(next + 1, "    read_only: true" + ending);
    QCOMPARE(doc.text(), expected);
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.text(), text.toStdString());
    QCOMPARE(panel.editorBytes(), text.toStdString());
    doc.undoStack()->redo();
    QCOMPARE(doc.text(), expected);
}

void tst_Document::typingAndDeletingLeavesNoEntry()
{
    Document doc;
    doc.setInitialText("services:\n  web:\n    image: a\n", QStringLiteral("t.yml"));
    YamlPanel panel(&doc);
    QTextCursor c(panel.editor()->document()->findBlockByNumber(0));
    c.movePosition(QTextCursor::EndOfBlock);
    panel.editor()->setTextCursor(c);
    QTest::keyClicks(panel.editor(), QStringLiteral("x"));
    QCOMPARE(doc.undoStack()->count(), 1);
    QTest::keyClick(panel.editor(), Qt::Key_Backspace);
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isModified());
}

void tst_Document::parseErrorKeepsLastGoodAnalysis()
{
    Document doc;
    doc.setAnalysisDelay(0);
    doc.setInitialText("services:\n  web:\n    image: a\n", QStringLiteral("t.yml"));
    QTRY_VERIFY(!doc.isLoading());
    QCOMPARE(doc.analysis().workloads.size(), 1);
    doc.editText("services:\n  web:\n    image: a: b\n");
    QTRY_VERIFY(!doc.parseErrors().isEmpty());
    QCOMPARE(doc.analysis().workloads.size(), 1);
    QVERIFY(!doc.isAnalysisCurrent()); // its offsets must not be used for edits
    QCOMPARE(doc.parseErrors().first().line, 3);
    doc.undoStack()->undo();
    QTRY_VERIFY(doc.parseErrors().isEmpty());
    QVERIFY(doc.isAnalysisCurrent());
}

// Random keys (characters of 1 to 4 bytes, Return, Backspace, Delete, moves, a pasted
// stretch with line breaks) into files with mixed line endings, a BOM, no final newline:
// after every key the document's bytes show exactly as the editor's text, and undoing it
// all gives the file back byte for byte. Typing takes the keystroke path (ShownIndex), so
// this holds its mapping of the editor's units to bytes.
void tst_Document::randomTypingShowsExactly()
{
    const std::vector<QByteArray> files{
        QByteArray("services:\n  web:\r\n    image: a\r\n  # end\n"),
        QByteArray("\xEF\xBB\xBFk: v\r\nm: \xC3\xA9t\xC3\xA9\r\nn: \xF0\x9F\x98\x80\r\n"),
        QByteArray("a: 1\rb: 2\rc: 3"),
        QByteArray("x: \xE2\x82\xAC\n\ny: 2\n"),
    };
    const QStringList typed{QStringLiteral("a"),
                            QStringLiteral(" "),
                            QStringLiteral("é"),
                            QStringLiteral("€"),
                            QString::fromUtf8("\xF0\x9F\x98\x80"),
                            QStringLiteral("#")};
    std::mt19937 rng(5);
    for (const QByteArray &file : files) {
        Document doc;
        doc.setInitialText(file.toStdString(), QStringLiteral("t.yml"));
        YamlPanel panel(&doc);
        panel.show();
        CodeEditor *editor = panel.editor();
        for (int step = 0; step < 150; ++step) {
            const int what = int(rng() % 10);
            QTextCursor c = editor->textCursor();
            if (what == 0) {
                int at = int(rng() % std::uint32_t(editor->document()->characterCount()));
                if (editor->document()->characterAt(at).isLowSurrogate())
                    ++at; // a cursor never stops inside a character
                c.setPosition(at);
                editor->setTextCursor(c);
            } else if (what == 1) {
                QTest::keyClick(editor, Qt::Key_Return);
            } else if (what == 2) {
                QTest::keyClick(editor, Qt::Key_Backspace);
            } else if (what == 3) {
                QTest::keyClick(editor, Qt::Key_Delete);
            } else if (what == 4) {
                c.insertText(QStringLiteral("p: 1\nq: 2")); // a paste
            } else {
                // A key press with its text, as an input method gives a character outside ASCII.
                QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_unknown,
                                    typed[int(rng() % std::uint32_t(typed.size()))], Qt::NoModifier);
            }
            QString shown = editor->document()->toRawText();
            shown.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
            QCOMPARE(QString::fromStdString(shownText(doc.text())), shown);
        }
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(QByteArray::fromStdString(doc.text()), file);
        QCOMPARE(panel.editorBytes(), file.toStdString());
    }
}

QTEST_MAIN(tst_Document)
#include "tst_document.moc"

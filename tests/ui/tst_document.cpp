#include "document.h"
#include "panels/yamlpanel.h"
#include "views/codeeditor.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

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

QTEST_MAIN(tst_Document)
#include "tst_document.moc"

#include "source/sourcetext.h"

#include <QtTest>

using namespace deadbolt;

class TestSourceText : public QObject
{
    Q_OBJECT
private slots:
    void layout();
    void lineCol();
    void encoding_data();
    void encoding();
};

void TestSourceText::layout()
{
    const SourceText crlf(std::string("a: 1\r\nb: 2\r\n"));
    QVERIFY(crlf.usesCrlf());
    QVERIFY(crlf.endsWithNewline());
    QCOMPARE(crlf.lineCount(), 2);
    QCOMPARE(crlf.lineEnd(1), std::size_t(4));
    const SourceText lf(std::string("\xEF\xBB\xBF"
                                    "a: 1\nb: 2"));
    QVERIFY(lf.hasBom());
    QVERIFY(!lf.usesCrlf());
    QVERIFY(!lf.endsWithNewline());
    QCOMPARE(lf.contentStart(), std::size_t(3));
    QCOMPARE(lf.lineStart(2), std::size_t(8));
}

void TestSourceText::lineCol()
{
    const SourceText text(std::string("\xEF\xBB\xBF"
                                      "a: 1\n  b: \xC3\xA9x\n"));
    QCOMPARE(text.lineCol(3).line, 1);
    QCOMPARE(text.lineCol(3).column, 1); // the BOM is not a column
    const std::size_t x = text.bytes().find('x');
    QCOMPARE(text.lineCol(x).line, 2);
    QCOMPARE(text.lineCol(x).column, 7); // é is one column
    QCOMPARE(text.indentOfLineAt(x), std::size_t(2));
}

void TestSourceText::encoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line"); // 0: valid
    QTest::addColumn<int>("column");
    QTest::addRow("ascii") << QByteArray("a: 1\n") << 0 << 0;
    QTest::addRow("utf8") << QByteArray("a: \xE2\x82\xAC\n") << 0 << 0;
    QTest::addRow("bom") << QByteArray("\xEF\xBB\xBF"
                                       "a: 1\n")
                         << 0 << 0;
    QTest::addRow("nul") << QByteArray("a: 1\nb: x\0y\n", 12) << 2 << 5;
    QTest::addRow("latin1") << QByteArray("a: caf\xE9\n") << 1 << 7;
    QTest::addRow("overlong") << QByteArray("a: \xC0\xAF\n") << 1 << 4;
    QTest::addRow("surrogate") << QByteArray("a: \xED\xA0\x80\n") << 1 << 4;
    QTest::addRow("truncated") << QByteArray("a: \xE2\x82") << 1 << 4;
    QTest::addRow("utf16") << QByteArray("\xFF\xFE"
                                         "a\0",
                                         4)
                           << 1 << 1;
}

void TestSourceText::encoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto d = checkEncoding(SourceText(bytes.toStdString()), QStringLiteral("f.yml"));
    if (!line) {
        QVERIFY(!d);
        return;
    }
    QVERIFY(d);
    QCOMPARE(d->line, line);
    QCOMPARE(d->column, column);
    QCOMPARE(d->file, QStringLiteral("f.yml"));
    QVERIFY(!d->message.isEmpty());
}

QTEST_GUILESS_MAIN(TestSourceText)
#include "tst_sourcetext.moc"

#include "report/linediff.h"

#include <QTest>

#include <random>

using namespace deadbolt;

class tst_LineDiff : public QObject
{
    Q_OBJECT
private slots:
    void changedLines_data();
    void changedLines();
    void unified_data();
    void unified();
    void bigMiddleFallsBackButStaysCorrect();
    void changedLinesAgreesWithTheFullDiff();
};

void tst_LineDiff::changedLines_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QList<int>>("expected");
    QTest::addRow("equal") << QByteArray("a\nb\n") << QByteArray("a\nb\n") << QList<int>{};
    QTest::addRow("insert") << QByteArray("a\nb\n") << QByteArray("a\nx\nb\n") << QList<int>{2};
    QTest::addRow("change") << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n") << QList<int>{2};
    QTest::addRow("delete only") << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n") << QList<int>{};
    QTest::addRow("final newline added") << QByteArray("a\nb") << QByteArray("a\nb\n") << QList<int>{2};
    QTest::addRow("crlf differs") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\n") << QList<int>{2};
    QTest::addRow("repeated lines") << QByteArray("x\ny\nx\ny\n") << QByteArray("x\ny\nz\nx\ny\n")
                                    << QList<int>{3};
}

void tst_LineDiff::changedLines()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QList<int>, expected);
    const std::vector<int> got = deadbolt::changedLines(before.toStdString(), after.toStdString());
    QCOMPARE(QList<int>(got.begin(), got.end()), expected);
}

// changedLines skips the common head and tail by comparing bytes; on any pair of texts it
// must say what the line diff of the whole texts says.
void tst_LineDiff::changedLinesAgreesWithTheFullDiff()
{
    std::mt19937 random(20261127);
    const std::vector<std::string> pieces = {"a", "b", "a b", "x\r", "", "#"};
    auto text = [&] {
        std::string t;
        const int lines = int(random() % 8);
        for (int i = 0; i < lines; ++i)
            t += pieces[random() % pieces.size()] + "\n";
        if (random() % 3 == 0)
            t += pieces[random() % pieces.size()]; // a last line without a newline
        return t;
    };
    for (int round = 0; round < 20000; ++round) {
        const std::string before = text();
        std::string after = before;
        // One to three edits: insert, delete or replace a few bytes anywhere.
        for (int e = int(random() % 3); e >= 0; --e) {
            const std::size_t at = after.empty() ? 0 : random() % (after.size() + 1);
            const std::size_t len = std::min<std::size_t>(random() % 4, after.size() - at);
            after.replace(at, random() % 2 ? len : 0,
                          pieces[random() % pieces.size()] + (random() % 2 ? "\n" : ""));
        }
        std::vector<int> expected;
        for (const DiffLine &d : diffLines(before, after))
            if (d.kind == DiffLine::Added)
                expected.push_back(d.newLine);
        const std::vector<int> got = deadbolt::changedLines(before, after);
        if (got != expected)
            QFAIL(qPrintable(QStringLiteral("round %1: before %2 after %3")
                                 .arg(round)
                                 .arg(QString::fromStdString(before).toHtmlEscaped(),
                                      QString::fromStdString(after).toHtmlEscaped())));
    }
}

void tst_LineDiff::unified_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("equal") << QByteArray("a\n") << QByteArray("a\n") << QByteArray();
    QTest::addRow("one change") << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n")
                                << QByteArray("1\n2\n3\n4\nfive\n6\n7\n8\n")
                                << QByteArray("--- a\n+++ b\n@@ -4,3 +4,3 @@\n 4\n-5\n+five\n 6\n");
    QTest::addRow("insert at start") << QByteArray("a\nb\n") << QByteArray("x\na\nb\n")
                                     << QByteArray("--- a\n+++ b\n@@ -1 +1,2 @@\n+x\n a\n");
    QTest::addRow("into empty") << QByteArray("") << QByteArray("a\n")
                                << QByteArray("--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n");
    QTest::addRow("no final newline")
        << QByteArray("a") << QByteArray("a\n")
        << QByteArray("--- a\n+++ b\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n");
    QTest::addRow("two hunks")
        << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n") << QByteArray("one\n2\n3\n4\n5\n6\n7\n8\n9\nten\n")
        << QByteArray("--- a\n+++ b\n@@ -1,2 +1,2 @@\n-1\n+one\n 2\n@@ -9,2 +9,2 @@\n 9\n-10\n+ten\n");
}

void tst_LineDiff::unified()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QByteArray, expected);
    const std::string got =
        unifiedDiff(before.toStdString(), after.toStdString(), QStringLiteral("a"), QStringLiteral("b"), 1);
    QCOMPARE(QByteArray::fromStdString(got), expected);
}

void tst_LineDiff::bigMiddleFallsBackButStaysCorrect()
{
    // 3,000 distinct changed lines exceed the LCS table: every old line must still be
    // reported removed and every new one added, in order.
    std::string before, after;
    for (int i = 0; i < 3000; ++i) {
        before += "old " + std::to_string(i) + "\n";
        after += "new " + std::to_string(i) + "\n";
    }
    const auto lines = diffLines(before, after);
    QCOMPARE(int(lines.size()), 6000);
    QCOMPARE(lines.front().kind, DiffLine::Removed);
    QCOMPARE(lines.back().kind, DiffLine::Added);
    QCOMPARE(int(deadbolt::changedLines(before, after).size()), 3000);
}

QTEST_GUILESS_MAIN(tst_LineDiff)
#include "tst_linediff.moc"

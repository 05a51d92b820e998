#include "source/linediff.h"

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
    void fromReplacements_data();
    void fromReplacements();
    void fromReplacementsIsAValidScript();
    void fromReplacementsGivesOneHunkPerPlace();
    void myersIsMinimal();
    void farApartInsertionsAreSmallHunks();
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

void tst_LineDiff::fromReplacements_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    // A line inserted at a line start is one added line, not the line it precedes changed.
    QTest::addRow("line inserted") << QByteArray("a:\n  b: 1\n  c: 2\n") << 10 << 0 << QByteArray("  x: y\n")
                                   << QByteArray(
                                          "--- a\n+++ b\n@@ -2,2 +2,3 @@\n   b: 1\n+  x: y\n   c: 2\n");
    QTest::addRow("value changed") << QByteArray("a: 1\nb: 2\nc: 3\n") << 8 << 1 << QByteArray("9")
                                   << QByteArray(
                                          "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a: 1\n-b: 2\n+b: 9\n c: 3\n");
    QTest::addRow("appended without final newline")
        << QByteArray("a: 1") << 4 << 0 << QByteArray("\nb: 2")
        << QByteArray("--- a\n+++ b\n@@ -1 +1,2 @@\n-a: 1\n\\ No newline at end of file\n+a: 1\n+b: 2\n\\ No "
                      "newline at "
                      "end of file\n");
    QTest::addRow("lines removed") << QByteArray("a\nb\nc\nd\n") << 2 << 4 << QByteArray()
                                   << QByteArray("--- a\n+++ b\n@@ -1,4 +1,2 @@\n a\n-b\n-c\n d\n");
}

void tst_LineDiff::fromReplacements()
{
    QFETCH(QByteArray, before);
    QFETCH(int, offset);
    QFETCH(int, length);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    const Replacements r{{std::size_t(offset), std::size_t(length), text.toStdString()}};
    QCOMPARE(QByteArray::fromStdString(
                 unifiedDiff(before.toStdString(), r, QStringLiteral("a"), QStringLiteral("b"), 1)),
             expected);
}

// Random texts and replacements: the script holds every line of both texts in order (the
// old ones as same or removed, the new ones as same or added), whatever the edits.
void tst_LineDiff::fromReplacementsIsAValidScript()
{
    std::mt19937 rng(3);
    const std::vector<std::string> pieces{"a", "b: 1", "\n", "\n", "  - x", ""};
    auto random = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i)
            s += pieces[rng() % pieces.size()];
        return s;
    };
    for (int round = 0; round < 2000; ++round) {
        const std::string before = random(int(rng() % 30));
        Replacements r;
        std::size_t at = 0;
        for (int k = 0; k < 3 && at <= before.size(); ++k) {
            const std::size_t offset = at + rng() % (before.size() - at + 1);
            const std::size_t length = rng() % (before.size() - offset + 1) / 2;
            r.push_back({offset, length, random(int(rng() % 3))});
            at = offset + length + 1;
        }
        std::string after = before;
        QVERIFY(applyReplacements(after, r));
        std::string oldSide, newSide;
        for (const DiffLine &d : diffLines(before, after, r)) {
            if (d.kind != DiffLine::Added)
                oldSide += std::string(d.text) + "\n";
            if (d.kind != DiffLine::Removed)
                newSide += std::string(d.text) + "\n";
        }
        auto lines = [](std::string t) { return t.empty() || t.back() == '\n' ? t : t + "\n"; };
        if (oldSide != lines(before) || newSide != lines(after)) {
            QString what;
            for (const Replacement &x : r)
                what += QStringLiteral("(%1,%2,\"%3\") ")
                            .arg(x.offset)
                            .arg(x.length)
                            .arg(QString::fromStdString(x.text));
            qWarning("before \"%s\" replacements %s", before.c_str(), qPrintable(what));
        }
        QCOMPARE(oldSide, lines(before));
        QCOMPARE(newSide, lines(after));
    }
}

// 1,000 insertions far apart in a 20,000-line file (Make All Immutable on a big project):
// 1,000 small hunks, where the line differ gives up and shows the middle replaced.
void tst_LineDiff::fromReplacementsGivesOneHunkPerPlace()
{
    std::string before;
    Replacements r;
    for (int i = 0; i < 1000; ++i) {
        before += "  svc" + std::to_string(i) + ":\n    image: app\n";
        r.push_back({before.size(), 0, "    read_only: true\n"});
        for (int k = 0; k < 18; ++k)
            before += "    # line " + std::to_string(k) + "\n";
    }
    const std::string diff = unifiedDiff(before, r, QStringLiteral("a"), QStringLiteral("b"));
    QCOMPARE(int(std::count(diff.begin(), diff.end(), '@')) / 4, 1000);
    int added = 0, removed = 0;
    for (std::size_t at = 0; (at = diff.find('\n', at)) != std::string::npos; ++at) {
        added += diff.compare(at + 1, 2, "+ ") == 0;
        removed += diff.compare(at + 1, 2, "- ") == 0;
    }
    QCOMPARE(added, 1000);
    QCOMPARE(removed, 0);
}

// On small random texts the script keeps as many lines as the longest common subsequence
// (a dynamic-programming table says how many): the differ is minimal.
void tst_LineDiff::myersIsMinimal()
{
    std::mt19937 rng(9);
    for (int round = 0; round < 3000; ++round) {
        std::vector<std::string> a, b;
        for (int i = int(rng() % 12); i > 0; --i)
            a.push_back(std::string(1, char('a' + rng() % 4)));
        for (int i = int(rng() % 12); i > 0; --i)
            b.push_back(std::string(1, char('a' + rng() % 4)));
        std::string before, after;
        for (const std::string &l : a)
            before += l + "\n";
        for (const std::string &l : b)
            after += l + "\n";
        std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
        for (std::size_t i = a.size(); i-- > 0;)
            for (std::size_t j = b.size(); j-- > 0;)
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        int same = 0;
        std::string oldSide, newSide;
        for (const DiffLine &d : diffLines(before, after)) {
            same += d.kind == DiffLine::Same;
            if (d.kind != DiffLine::Added)
                oldSide += std::string(d.text) + "\n";
            if (d.kind != DiffLine::Removed)
                newSide += std::string(d.text) + "\n";
        }
        QCOMPARE(oldSide, before);
        QCOMPARE(newSide, after);
        QCOMPARE(same, lcs[0][0]);
    }
}

// Issue 15's case for the whole-text differ (the Changes view, fix --diff): 1,000 lines
// inserted far apart in a 20,000-line file give 1,000 one-line hunks, not the middle replaced.
void tst_LineDiff::farApartInsertionsAreSmallHunks()
{
    std::string before, after;
    for (int i = 0; i < 1000; ++i) {
        const std::string head = "  svc" + std::to_string(i) + ":\n    image: app\n";
        std::string rest;
        for (int k = 0; k < 18; ++k)
            rest += "    # line " + std::to_string(k) + "\n";
        before += head + rest;
        after += head + "    read_only: true\n" + rest;
    }
    const std::string diff = unifiedDiff(before, after, QStringLiteral("a"), QStringLiteral("b"));
    QCOMPARE(int(std::count(diff.begin(), diff.end(), '@')) / 4, 1000);
    QCOMPARE(int(deadbolt::changedLines(before, after).size()), 1000);
}

QTEST_GUILESS_MAIN(tst_LineDiff)
#include "tst_linediff.moc"

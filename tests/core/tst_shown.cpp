// fileBytesAfterEdit: the bytes of a file after an edit in an editor that shows it with "\n"
// line breaks and no BOM. Untouched lines keep their own endings, byte for byte.
#include "fuzzchecks.h"
#include "source/shown.h"

#include <QTest>

#include <random>

using namespace deadbolt;

namespace {

QString visible(const std::string &s)
{
    QString v = QString::fromStdString(s);
    v.replace(QLatin1String("\r"), QLatin1String("\\r")).replace(QLatin1String("\n"), QLatin1String("\\n"));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

} // namespace

class tst_Shown : public QObject
{
    Q_OBJECT
private slots:
    void edits_data();
    void edits();
    void randomEditsRoundTrip();
};

void tst_Shown::edits_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("shown");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("unchanged mixed") << QByteArray("a\r\nb\nc\r\n") << QByteArray("a\nb\nc\n")
                                     << QByteArray("a\r\nb\nc\r\n");
    QTest::addRow("typing keeps other endings")
        << QByteArray("a: 1\r\nb: 2\nc: 3\r\n") << QByteArray("a: 1\nb: 22\nc: 3\n")
        << QByteArray("a: 1\r\nb: 22\nc: 3\r\n");
    QTest::addRow("new line takes the first ending")
        << QByteArray("a\r\nb\nc\n") << QByteArray("a\nb\nx\nc\n") << QByteArray("a\r\nb\nx\r\nc\n");
    QTest::addRow("line removed") << QByteArray("a\nb\r\nc\n") << QByteArray("a\nc\n")
                                  << QByteArray("a\nc\n");
    QTest::addRow("bom kept") << QByteArray("\xEF\xBB\xBFk: v\r\n") << QByteArray("k: w\n")
                              << QByteArray("\xEF\xBB\xBFk: w\r\n");
    // What was before a U+FEFF inside the file is deleted: the text now starts with it, and a
    // reader would take it for a BOM, so a BOM goes before it (fuzz_shown found this).
    QTest::addRow("text starting with U+FEFF")
        << QByteArray("ab\xEF\xBB\xBFk: v\n") << QByteArray("\xEF\xBB\xBFk: v\n")
        << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBFk: v\n");
    QTest::addRow("lone cr") << QByteArray("a\rb\n") << QByteArray("a\nbb\n") << QByteArray("a\rbb\n");
    QTest::addRow("no final newline") << QByteArray("a\r\nb") << QByteArray("a\nbc") << QByteArray("a\r\nbc");
    QTest::addRow("final newline added")
        << QByteArray("a\r\nb") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n");
    QTest::addRow("everything removed") << QByteArray("a\r\n") << QByteArray("") << QByteArray("");
    QTest::addRow("typed into an empty file") << QByteArray("") << QByteArray("x\ny") << QByteArray("x\ny");
}

void tst_Shown::edits()
{
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, shown);
    QFETCH(QByteArray, expected);
    QCOMPARE(QByteArray::fromStdString(fileBytesAfterEdit(file.toStdString(), shown.toStdString())),
             expected);
}

// Any edit: the result shows exactly as the edited text, and bytes outside the edited
// stretch (its lines' endings included) are the file's own (fuzz::checkShownEdit, which the
// fuzz_shown target holds on any bytes).
void tst_Shown::randomEditsRoundTrip()
{
    std::mt19937 random(7);
    const std::vector<std::string> pieces = {"a", "key: v", "\n", "\r\n", "\r", " ", "#", "é"};
    for (int round = 0; round < 20000; ++round) {
        std::string file = random() % 4 == 0 ? "\xEF\xBB\xBF" : "";
        for (int n = int(random() % 12); n > 0; --n)
            file += pieces[random() % pieces.size()];
        const std::size_t at = random() % (shownText(file).size() + 1);
        const std::size_t len = random() % 3;
        std::string insert = pieces[random() % pieces.size()];
        if (insert.find('\r') != std::string::npos)
            insert = "\n"; // the editor never holds a "\r"
        const QString problem = fuzz::checkShownEdit(file, at, len, insert);
        if (!problem.isEmpty())
            QFAIL(qPrintable(QStringLiteral("round %1: file %2, %3 characters at %4 replaced by %5: %6")
                                 .arg(round)
                                 .arg(visible(file))
                                 .arg(len)
                                 .arg(at)
                                 .arg(visible(insert), problem)));
    }
}

QTEST_GUILESS_MAIN(tst_Shown)
#include "tst_shown.moc"

// parseStream cuts a big stream into pieces that libyaml parses in parallel (yaml/parts.h):
// where the cuts go, and that the pieces give exactly what one pass gives, errors and
// warnings included, on streams built to sit on the edge of a cut.
#include "yaml/parser.h"
#include "yaml/parts.h"

#include "streamdiff.h"

#include <QTest>

using namespace deadbolt;
using namespace deadbolt::yaml;

namespace {

// A Deployment with a few of everything, n times, then `tail`.
std::string manifest(int n, const std::string &each = {}, const std::string &tail = {})
{
    std::string out = "# leading comment\n";
    for (int i = 0; i < n; ++i) {
        out += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" + std::to_string(i) +
               "\n  labels: {app: \"a\", tier: 'b'}\nspec:\n  template:\n    spec:\n      containers:\n"
               "        - name: c\n          image: &img nginx:1.25\n          args: [*img, !!str 1]\n"
               "          command: |\n            run\n            it\n" +
               each;
    }
    return out + tail;
}

} // namespace

class TestPieces : public QObject
{
    Q_OBJECT

private slots:
    void cuts_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("cuts");
        QTest::addRow("markers") << QByteArray("a: 1\n---\nb: 2\n--- \nc: 3\n---\td: 4\n---\n") << 4;
        QTest::addRow("not markers") << QByteArray("a: 1\n----\nb: ---\n ---\nc: '\n---x'\n") << 0;
        QTest::addRow("CRLF") << QByteArray("a: 1\r\n---\r\nb: 2\r\n") << 1;
        QTest::addRow("a directive anywhere") << QByteArray("a: 1\n---\nb: 2\n%YAML 1.1\n---\nc: 3\n") << 0;
        QTest::addRow("a directive after CR") << QByteArray("a: 1\n---\nb: 2\r%TAG ! x\n---\nc: 3\n") << 0;
        QTest::addRow("a percent inside a line") << QByteArray("a: 50%\n---\nb: '%2F'\n") << 1;
        QTest::addRow("UTF-16 BOM") << QByteArray("\xFF\xFE"
                                                  "a\0:\0\n\0---\n",
                                                  12)
                                    << 0;
    }
    void cuts()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, cuts);
        const std::string_view bytes(text.constData(), std::size_t(text.size()));
        const std::vector<std::size_t> at = cutPoints(bytes, 16, 1);
        QCOMPARE(int(at.size()), cuts);
        for (std::size_t c : at) {
            QVERIFY(bytes.substr(c, 3) == "---");
            QVERIFY(bytes[c - 1] == '\n');
        }
    }

    // Cuts come near equal shares, never closer than the minimum piece, and never in a
    // stream too small for two pieces.
    void cutSizes()
    {
        const std::string text = manifest(4000);
        const std::vector<std::size_t> at = cutPoints(text, 4, 100 * 1024);
        QCOMPARE(at.size(), std::size_t(3));
        for (std::size_t i = 0; i < at.size(); ++i) {
            const double share = double(at[i]) / double(text.size());
            QVERIFY2(share > 0.25 * double(i + 1) - 0.01 && share < 0.25 * double(i + 1) + 0.01,
                     qPrintable(QString::number(share)));
        }
        QVERIFY(cutPoints(text, 4, text.size() / 2 + 1).empty());
        QVERIFY(cutPoints(text, 1, 0).empty());
    }

    void piecesEqualOnePass_data()
    {
        QTest::addColumn<QByteArray>("text");
        auto row = [](const char *name, const std::string &text) {
            QTest::addRow("%s", name) << QByteArray::fromStdString(text);
        };
        row("plain", manifest(300));
        row("explicit ends and comments before the next marker", manifest(300, "...\n# between\n\n"));
        row("a duplicate key in every document", manifest(300, "          image: again\n"));
        row("CRLF", [] {
            std::string t = manifest(300), out;
            for (char c : t)
                out += c == '\n' ? std::string("\r\n") : std::string(1, c);
            return out;
        }());
        row("BOM", "\xEF\xBB\xBF" + manifest(300));
        row("a quoted scalar open across a marker", manifest(150, {}, "x: \"open\n") + manifest(150));
        row("a flow sequence open across a marker", manifest(150, {}, "x: [1,\n") + manifest(150));
        row("a key without its colon before a marker", manifest(150, {}, "just a key\n") + manifest(150));
        row("an alias to an anchor of the document before",
            manifest(150, {}, "z: &far 1\n") + "---\ny: *far\n" + manifest(150));
        row("a block scalar ended by a marker", manifest(150, {}, "s: |\n  text\n") + manifest(150));
        row("a bad indent late", manifest(280, {}, "a:\n  b: 1\n c: 2\n") + manifest(20));
        row("the last document empty", manifest(300, {}, "---\n"));
        row("nothing but markers", [] {
            std::string t;
            for (int i = 0; i < 20000; ++i)
                t += "---\n";
            return t;
        }());
    }
    void piecesEqualOnePass()
    {
        QFETCH(QByteArray, text);
        const SourceText source(text.toStdString());
        QVERIFY(!cutPoints(source.view(), 2, 1).empty()); // the rows are cut, or they test nothing
        const Stream one = parseStream(source, nullptr, OnePass);
        for (const Pieces pieces : {Pieces{2, 1}, Pieces{7, 1}, Pieces{64, 1}, Pieces{}}) {
            const Stream cut = parseStream(source, nullptr, pieces);
            const QString d = testing::streamDifference(cut, one);
            QVERIFY2(d.isEmpty(), qPrintable(QStringLiteral("%1 pieces: %2").arg(pieces.count).arg(d)));
        }
    }
};

QTEST_GUILESS_MAIN(TestPieces)
#include "tst_pieces.moc"

// ShownIndex: an editor's (line, UTF-16 column) to the file's bytes, and kept current edit
// by edit: after every random replacement it equals an index built from scratch.
#include "source/shown.h"
#include "source/shownindex.h"

#include <QTest>

#include <random>

using namespace deadbolt;

namespace {

// Every line start of a fresh index, to compare with one kept current.
std::vector<std::size_t> starts(const ShownIndex &index)
{
    std::vector<std::size_t> out;
    for (int i = 0; i < index.lineCount(); ++i)
        out.push_back(index.lineStart(i));
    return out;
}

// Pieces a file is made of: every kind of line break, and characters of 1 to 4 bytes.
const std::vector<std::string> Pieces{"a", "key: value", "\n", "\r\n", "\r", "é", "€", "😀", " ", "#"};

std::string randomText(std::mt19937 &rng, int pieces)
{
    std::string s;
    std::uniform_int_distribution<std::size_t> pick(0, Pieces.size() - 1);
    for (int i = 0; i < pieces; ++i)
        s += Pieces[pick(rng)];
    return s;
}

// Offsets where a character starts (a replacement never splits one).
std::vector<std::size_t> boundaries(const std::string &s)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            out.push_back(i);
    return out;
}

} // namespace

class tst_ShownIndex : public QObject
{
    Q_OBJECT
private slots:
    void columnsMapToBytes();
    void randomEditsKeepItCurrent();
    void invalidUtf8IsSaid();
};

void tst_ShownIndex::columnsMapToBytes()
{
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        std::string file =
            (round % 3 == 0 ? std::string("\xEF\xBB\xBF") : std::string()) + randomText(rng, 40);
        ShownIndex index;
        QVERIFY(index.build(file));
        const QStringList lines = QString::fromStdString(shownText(file)).split(QLatin1Char('\n'));
        QCOMPARE(index.lineCount(), lines.size());
        for (int l = 0; l < lines.size(); ++l) {
            for (int c = 0; c <= lines[l].size(); ++c) {
                if (c > 0 && c < lines[l].size() && lines[l].at(c).isLowSurrogate())
                    continue; // inside a character
                const std::size_t expected =
                    index.lineStart(l) + std::size_t(lines[l].left(c).toUtf8().size());
                QCOMPARE(index.offsetOf(file, l, c), expected);
            }
        }
        // A line break is one unit, whichever bytes it is.
        if (lines.size() > 1)
            QCOMPARE(index.advance(file, index.offsetOf(file, 0, int(lines[0].size())), 1),
                     index.lineStart(1));
    }
}

void tst_ShownIndex::randomEditsKeepItCurrent()
{
    std::mt19937 rng(11);
    for (int round = 0; round < 300; ++round) {
        std::string file = randomText(rng, 60);
        ShownIndex kept;
        kept.build(file);
        for (int step = 0; step < 30; ++step) {
            const std::vector<std::size_t> cuts = boundaries(file);
            std::uniform_int_distribution<std::size_t> at(0, cuts.size() - 1);
            std::size_t a = cuts[at(rng)], b = cuts[at(rng)];
            if (a > b)
                std::swap(a, b);
            if (b - a > 12)
                b = a;
            const Replacement r{a, b - a, randomText(rng, int(rng() % 4))};
            file.replace(r.offset, r.length, r.text);
            kept.apply(r, r.length, file);
            ShownIndex fresh;
            fresh.build(file);
            if (starts(kept) != starts(fresh)) {
                QFAIL(qPrintable(
                    QStringLiteral("round %1 step %2: the index kept current differs from a fresh one")
                        .arg(round)
                        .arg(step)));
            }
        }
    }
}

void tst_ShownIndex::invalidUtf8IsSaid()
{
    ShownIndex index;
    QVERIFY(!index.build(std::string("a: \xFF\n")));
    QVERIFY(!index.valid());
    QVERIFY(index.build("a: b\n"));
    const std::string after = "a: \xFE\n";
    index.apply({3, 1, "\xFE"}, 1, after);
    QVERIFY(!index.valid());
}

QTEST_GUILESS_MAIN(tst_ShownIndex)
#include "tst_shownindex.moc"

#include "model/analyzer.h"
#include "modeldump.h"
#include "policy/rules.h"

#include <QtTest>

using namespace deadbolt;

// readCompose over hand-written cases (tests/data/model/compose/*.yml, each with a golden
// .expected file), plus explicit checks of the facts the editor relies on most.

class TestComposeReader : public QObject
{
    Q_OBJECT

private:
    static QVector<Workload> read(const QString &name, ParsedFile *keep = nullptr)
    {
        ParsedFile file = modeldump::parseFile(QStringLiteral(DEADBOLT_TESTDATA "/model/compose/") + name);
        // The reader records facts; these tests read them as the policy judges them.
        const QVector<Workload> out =
            modeldump::judged(readCompose(file, detectFormat(file)), detectFormat(file));
        if (keep)
            *keep = std::move(file);
        return out;
    }
    static const Workload *find(const QVector<Workload> &list, const QString &name)
    {
        for (const Workload &w : list)
            if (w.name == name)
                return &w;
        return nullptr;
    }

private Q_SLOTS:
    void golden_data() { modeldump::addCaseRows(QStringLiteral("compose")); }
    void golden()
    {
        QFETCH(QString, input);
        const ParsedFile file = modeldump::parseFile(input);
        QVERIFY2(file.ok(), qPrintable(file.errors.value(0).message));
        const FileFormat format = detectFormat(file);
        QVERIFY(isCompose(format));
        modeldump::compareGolden(
            input, modeldump::workloads(modeldump::judged(readCompose(file, format), format), false));
    }

    void provenance()
    {
        const QVector<Workload> ws = read(QStringLiteral("anchors.yml"));
        const QStringList mergingHardened{QStringLiteral("api"), QStringLiteral("worker"),
                                          QStringLiteral("override"), QStringLiteral("first-wins")};
        for (const QString &name : {QStringLiteral("api"), QStringLiteral("worker")}) {
            const Workload *w = find(ws, name);
            QVERIFY(w);
            QCOMPARE(w->rootFs, RootFs::ReadOnly);
            QVERIFY(w->rootFsProvenance.shared);
            QCOMPARE(w->rootFsProvenance.anchor, QStringLiteral("hardened"));
            QCOMPARE(w->rootFsProvenance.location.line, 10);
            QCOMPARE(w->rootFsProvenance.sharedBy, mergingHardened);
            QVERIFY(w->rootFsProvenance.block != yaml::NoNode);
        }
        // The service's own key wins and is its own.
        const Workload *override = find(ws, QStringLiteral("override"));
        QCOMPARE(override->rootFs, RootFs::WritableExplicit);
        QVERIFY(!override->rootFsProvenance.shared);
        QCOMPARE(override->rootFsLocation.line, 27);
        // With `<<: [*writable, *hardened]` the first source wins.
        const Workload *first = find(ws, QStringLiteral("first-wins"));
        QCOMPARE(first->rootFs, RootFs::WritableExplicit);
        QCOMPARE(first->rootFsProvenance.anchor, QStringLiteral("writable"));
        QCOMPARE(first->rootFsProvenance.sharedBy, QStringList{QStringLiteral("first-wins")});
        // A nested merge still brings tmpfs from x-base to every service that merges x-hardened.
        QCOMPARE(find(ws, QStringLiteral("api"))->inMemory.size(), 1);
        QCOMPARE(find(ws, QStringLiteral("base-only"))->rootFs, RootFs::WritableDefault);
        // An aliased scalar is the service's own key: not a shared block.
        const Workload *aliased = find(ws, QStringLiteral("aliased-value"));
        QCOMPARE(aliased->rootFs, RootFs::ReadOnly);
        QVERIFY(!aliased->rootFsProvenance.shared);
    }

    void readOnlyValues_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<RootFs>("expected");
        const auto ro = RootFs::ReadOnly, rw = RootFs::WritableExplicit, def = RootFs::WritableDefault,
                   und = RootFs::Undetermined;
        const std::pair<const char *, RootFs> rows[] = {
            {"true-plain", ro},    {"true-title", ro}, {"true-upper", ro},  {"yes-plain", ro},
            {"on-plain", ro},      {"y-plain", ro},    {"true-double", ro}, {"yes-single", ro},
            {"false-plain", rw},   {"no-plain", rw},   {"off-quoted", rw},  {"null-plain", def},
            {"empty", def},        {"absent", def},    {"one", ro},         {"zero", rw},
            {"interpolated", und}, {"dollar", und},    {"word", rw},
        };
        for (const auto &[name, expected] : rows)
            QTest::addRow("%s", name) << QString::fromLatin1(name) << expected;
    }
    void readOnlyValues()
    {
        QFETCH(QString, service);
        QFETCH(RootFs, expected);
        const QVector<Workload> workloads = read(QStringLiteral("read-only-values.yml"));
        const Workload *w = find(workloads, service); // points into workloads: keep it alive
        QVERIFY(w);
        QCOMPARE(w->rootFs, expected);
    }

    void crlfLocations()
    {
        ParsedFile file;
        const QVector<Workload> ws = read(QStringLiteral("crlf.yml"), &file);
        QVERIFY(file.text.usesCrlf());
        QCOMPARE(detectFormat(file), FileFormat::Compose2);
        QCOMPARE(ws.size(), 1);
        QCOMPARE(ws[0].rootFsLocation.line, 6);
        QCOMPARE(ws[0].rootFsLocation.column, 16);
        QCOMPARE(ws[0].inMemory.value(0).target, QStringLiteral("/run")); // no stray \r
        QCOMPARE(ws[0].inMemory.value(0).uid, std::optional<qint64>(101));
        QCOMPARE(ws[0].persistent.value(0).target, QStringLiteral("/data"));
    }

    void bomLocations()
    {
        ParsedFile file;
        const QVector<Workload> ws = read(QStringLiteral("bom.yml"), &file);
        QVERIFY(file.text.hasBom());
        QCOMPARE(ws.size(), 1);
        QCOMPARE(ws[0].location.line, 3);
        QCOMPARE(ws[0].location.column, 3);
        QCOMPARE(ws[0].rootFsLocation.line, 5);
        QCOMPARE(ws[0].rootFsLocation.column, 16);
    }

    void notComposeReadsNothing()
    {
        const ParsedFile file = parseText("apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a}]}\n",
                                          QStringLiteral("pod.yaml"));
        QVERIFY(readCompose(file, FileFormat::ComposeSpec).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestComposeReader)
#include "tst_composereader.moc"

// Hostile and odd input (issue 6): never a crash, always a clear message with a place.
// The limits are documented next to the code that enforces them; these tests hold them.
#include "check/analyze.h"
#include "io/fileloader.h"
#include "model/analyzer.h"
#include "yaml/merge.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace deadbolt;

namespace {

Analysis analyzeBytes(const std::string &bytes)
{
    return analyze(parseText(bytes, QStringLiteral("hostile.yaml")));
}

std::string repeat(const std::string &s, int n)
{
    std::string out;
    out.reserve(s.size() * std::size_t(n));
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT
private slots:
    void errorsWithPlace_data();
    void errorsWithPlace();
    void harmless_data();
    void harmless();
    void mergeKeyBombIsLinear();
    void aliasBombIsNotExpanded();
    void hugeScalar();
    void manyTinyDocuments();
    void duplicateKeysAreReported();
    void oversizedFileIsRefused();
};

void TestHostileInput::errorsWithPlace_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("words"); // a piece of the message

    QTest::addRow("deep-flow") << QByteArray(repeat("[", 10000).c_str()) << 1 << 513
                               << QStringLiteral("nested");
    QTest::addRow("deep-block") << QByteArray((std::string("services:\n  a:\n") +
                                               [] {
                                                   std::string s;
                                                   for (int i = 0; i < 10000; ++i)
                                                       s += std::string(std::size_t(4 + i), ' ') + "- \n";
                                                   return s;
                                               }())
                                                  .c_str())
                                << 513 << 515 << QStringLiteral("nested more than 512 levels");
    QTest::addRow("nul") << QByteArray("services:\n  a: {image: x\0}\n", 27) << 2 << 15
                         << QStringLiteral("NUL");
    QTest::addRow("invalid-utf8") << QByteArray("services:\n  web:\n    image: caf\xE9\n") << 3 << 15
                                  << QStringLiteral("UTF-8");
    QTest::addRow("tab-indent") << QByteArray("services:\n\tweb:\n\t\timage: x\n") << 2 << 1
                                << QStringLiteral("found character that cannot start any token");
    QTest::addRow("unclosed-flow") << QByteArray("services: {web: {image: x}\n") << 1 << 28
                                   << QStringLiteral("did not find expected ',' or '}'");
    QTest::addRow("bad-indent") << QByteArray("services:\n  web:\n    image: x\n   read_only: true\n") << 4
                                << 4
                                << QStringLiteral("while parsing a block mapping: did not find expected key");
}

// Every row is an error, with its exact place: none may pass as valid YAML.
void TestHostileInput::errorsWithPlace()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, words);
    const Analysis a = analyzeBytes(bytes.toStdString());
    QVERIFY2(!a.errors.isEmpty(), "expected an error");
    const Diagnostic &e = a.errors.first();
    QCOMPARE(e.file, QStringLiteral("hostile.yaml"));
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QVERIFY2(e.message.contains(words), qPrintable(e.message));
    QVERIFY(a.workloads.isEmpty());
}

void TestHostileInput::harmless_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("workloads");
    QTest::addRow("empty") << QByteArray() << 0;
    QTest::addRow("comments-only") << QByteArray("# just a comment\n# another\n") << 0;
    QTest::addRow("services-null") << QByteArray("services:\n") << 0;
    QTest::addRow("services-scalar") << QByteArray("services: 3\n") << 0;
    QTest::addRow("scalar-document") << QByteArray("hello\n") << 0;
    QTest::addRow("sequence-document") << QByteArray("- a\n- b\n") << 0;
    QTest::addRow("null-service") << QByteArray("services:\n  web:\n") << 1;
    QTest::addRow("k8s-containers-null")
        << QByteArray("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n") << 0;
    QTest::addRow("k8s-container-scalar")
        << QByteArray("apiVersion: v1\nkind: Pod\nspec: {containers: [x, {name: a}]}\n") << 1;
    QTest::addRow("k8s-spec-list") << QByteArray("apiVersion: apps/v1\nkind: Deployment\nspec: [1]\n") << 0;
    QTest::addRow("alias-to-parent") << QByteArray("services: &s\n  web:\n    <<: *s\n") << 1;
    QTest::addRow("bom-crlf") << QByteArray("\xEF\xBB\xBF"
                                            "services:\r\n  web:\r\n    read_only: true\r\n")
                              << 1;
}

void TestHostileInput::harmless()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, workloads);
    const Analysis a = analyzeBytes(bytes.toStdString());
    QVERIFY2(a.errors.isEmpty(), a.errors.isEmpty() ? "" : qPrintable(a.errors.first().message));
    QCOMPARE(a.workloads.size(), workloads);
}

void TestHostileInput::mergeKeyBombIsLinear()
{
    // Each level merges the previous one nine times: 9^9 visits if merged naively.
    std::string s = "x-l0: &l0 {read_only: true, a: 1}\n";
    for (int i = 1; i < 10; ++i) {
        s += "x-l" + std::to_string(i) + ": &l" + std::to_string(i) + "\n  <<: [";
        for (int j = 0; j < 9; ++j)
            s += (j ? ", *l" : "*l") + std::to_string(i - 1);
        s += "]\n";
    }
    s += "services:\n  web:\n    <<: *l9\n    image: x\n";
    const ParsedFile file = parseText(s, QStringLiteral("hostile.yaml"));
    const Analysis a = analyze(file);
    QVERIFY(a.errors.isEmpty());
    QCOMPARE(a.workloads.size(), 1);
    QCOMPARE(a.workloads[0].rootFs, RootFs::ReadOnly);
    QVERIFY(a.workloads[0].rootFsProvenance.shared);
    // The work, not the time: web and the ten blocks are each read once (9^9 when naive).
    std::size_t visits = 0;
    const yaml::Document &d = file.stream.documents[0];
    const auto entries = yaml::effectiveEntries(d, a.workloads[0].node, &visits);
    QCOMPARE(visits, std::size_t(11));
    QCOMPARE(entries.size(), std::size_t(3)); // read_only, a, image
    QCOMPARE(yaml::mergedMappings(d, a.workloads[0].node).size(), std::size_t(10));
}

void TestHostileInput::aliasBombIsNotExpanded()
{
    // The classic billion laughs: aliases are kept as references, never copied.
    std::string s = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        s += std::string(1, c) + ": &" + c + " [";
        for (int j = 0; j < 9; ++j)
            s += std::string(j ? ",*" : "*") + char(c - 1);
        s += "]\n";
    }
    s += "services:\n  web:\n    image: x\n    environment: *j\n";
    const ParsedFile f = parseText(s, QStringLiteral("bomb.yaml"));
    QVERIFY(f.ok());
    QVERIFY(f.stream.documents[0].nodes.size() < 200);
    QCOMPARE(analyze(f).workloads.size(), 1);
}

void TestHostileInput::hugeScalar()
{
    std::string s = "services:\n  web:\n    image: x\n    command: \"" + std::string(10 * 1024 * 1024, 'a') +
                    "\"\n    read_only: true\n";
    const Analysis a = analyzeBytes(s);
    QVERIFY(a.errors.isEmpty());
    QCOMPARE(a.workloads.size(), 1);
    QCOMPARE(a.workloads[0].rootFs, RootFs::ReadOnly);
    QCOMPARE(a.workloads[0].rootFsLocation.line, 5);
}

void TestHostileInput::manyTinyDocuments()
{
    const std::string s =
        repeat("---\na: 1\n", 100000) +
        "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}\n";
    const ParsedFile f = parseText(s, QStringLiteral("many.yaml"));
    QVERIFY(f.ok());
    QCOMPARE(f.stream.documents.size(), std::size_t(100001));
    const Analysis a = analyze(f);
    QCOMPARE(a.workloads.size(), 1);
    QCOMPARE(a.workloads[0].location.line, 200005);
}

void TestHostileInput::duplicateKeysAreReported()
{
    const Analysis a =
        analyzeBytes("services:\n  web:\n    read_only: true\n    image: x\n    read_only: false\n");
    QVERIFY(a.errors.isEmpty());
    bool reported = false;
    for (const Diagnostic &d : a.notes)
        reported =
            reported || (d.line == 5 && d.message.contains(QStringLiteral("duplicate key 'read_only'")));
    QVERIFY(reported);
}

void TestHostileInput::oversizedFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(MaxFileSize + 1)); // sparse: costs no disk
    f.close();
    std::string bytes;
    QString error;
    QVERIFY(!readFileBytes(path, &bytes, &error));
    QVERIFY2(error.contains(QStringLiteral("big.yaml")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("MiB")) || error.contains(QStringLiteral("MB")),
             qPrintable(error));
    QVERIFY(bytes.empty());
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"

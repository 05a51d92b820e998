#include "check/analyze.h"
#include "model/analyzer.h"
#include "yaml/merge.h"
#include "yaml/parser.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace deadbolt;
using namespace deadbolt::yaml;

namespace {

std::string spanText(const SourceText &text, const Node &n)
{
    return text.bytes().substr(n.begin, n.end - n.begin);
}

// Every node lies inside its parent and after its previous sibling; a plain scalar's
// span is its value when on one line; quoted spans start and end with their quote.
QString checkSpans(const SourceText &text, const Document &doc)
{
    for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
        const Node &n = doc.nodes[i];
        if (n.begin > n.end || n.end > doc.end || doc.headBegin(NodeId(i)) < doc.begin)
            return QStringLiteral("node %1 span %2..%3 outside document").arg(i).arg(n.begin).arg(n.end);
        if (n.parent != NoNode) {
            const Node &p = doc.node(n.parent);
            if (doc.headBegin(NodeId(i)) < doc.headBegin(n.parent) || n.end > p.end)
                return QStringLiteral("node %1 (%2) outside its parent")
                    .arg(i)
                    .arg(QString::fromStdString(spanText(text, n)));
        }
        uint previousEnd = 0;
        for (NodeId c : doc.children(NodeId(i))) {
            if (doc.headBegin(c) < previousEnd)
                return QStringLiteral("children of node %1 overlap").arg(i);
            previousEnd = doc.node(c).end;
        }
        if (n.kind != NodeKind::Scalar)
            continue;
        const std::string s = spanText(text, n);
        const std::string v(doc.value(NodeId(i)));
        switch (n.scalarStyle) {
        case ScalarStyle::Plain:
            if (s.find('\n') == std::string::npos && s != v)
                return QStringLiteral("plain scalar span '%1' != value '%2'")
                    .arg(QString::fromStdString(s), QString::fromStdString(v));
            break;
        case ScalarStyle::DoubleQuoted:
            if (s.size() < 2 || s.front() != '"' || s.back() != '"')
                return QStringLiteral("double-quoted span '%1'").arg(QString::fromStdString(s));
            break;
        case ScalarStyle::SingleQuoted:
            if (s.size() < 2 || s.front() != '\'' || s.back() != '\'')
                return QStringLiteral("single-quoted span '%1'").arg(QString::fromStdString(s));
            break;
        default:
            if (s.empty() || (s.front() != '|' && s.front() != '>'))
                return QStringLiteral("block scalar span '%1'").arg(QString::fromStdString(s));
        }
    }
    return QString();
}

} // namespace

class TestParser : public QObject
{
    Q_OBJECT
private slots:
    void spans_data();
    void spans();
    void splitting_data();
    void splitting();
    void errorsHaveLineAndColumn();
    void errorsYamlCppMissed_data();
    void errorsYamlCppMissed();
    void emptyNodeAfterProperties();
    void nestingTooDeep();
    void duplicateKeysWarn();
    void cancelStopsTheParse();
    void mergeKeys();
    void corpusSpans();
};

void TestParser::spans_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("expected"); // the text of the node at path

    QTest::addRow("plain") << QByteArray("a: hello world  # c\n") << QStringList{QStringLiteral("a")}
                           << QStringLiteral("hello world");
    QTest::addRow("double") << QByteArray("a: \"x\\\"y\"\nb: 1\n") << QStringList{QStringLiteral("a")}
                            << QStringLiteral("\"x\\\"y\"");
    QTest::addRow("single") << QByteArray("a: 'it''s'\n") << QStringList{QStringLiteral("a")}
                            << QStringLiteral("'it''s'");
    QTest::addRow("anchored") << QByteArray("a: &x val\n") << QStringList{QStringLiteral("a")}
                              << QStringLiteral("val");
    QTest::addRow("tagged") << QByteArray("a: !!str 12\n") << QStringList{QStringLiteral("a")}
                            << QStringLiteral("12");
    QTest::addRow("literal") << QByteArray("a: |\n  one\n  two\n\nb: 2\n") << QStringList{QStringLiteral("a")}
                             << QStringLiteral("|\n  one\n  two");
    QTest::addRow("folded-keep") << QByteArray("a: >-\n    x\n    y\n") << QStringList{QStringLiteral("a")}
                                 << QStringLiteral(">-\n    x\n    y");
    QTest::addRow("multiline-plain") << QByteArray("a: one\n  two\nb: 1\n")
                                     << QStringList{QStringLiteral("a")} << QStringLiteral("one\n  two");
    QTest::addRow("block-map") << QByteArray("a:\n  b: 1\n  c: [1, 2]\nd: 3\n")
                               << QStringList{QStringLiteral("a")} << QStringLiteral("b: 1\n  c: [1, 2]");
    QTest::addRow("flow-map") << QByteArray("a: {b: 1, c: {d: 2} }  # x\n")
                              << QStringList{QStringLiteral("a")} << QStringLiteral("{b: 1, c: {d: 2} }");
    QTest::addRow("flow-seq-comments")
        << QByteArray("a: [\n  1, # one\n  2,\n]\n") << QStringList{QStringLiteral("a")}
        << QStringLiteral("[\n  1, # one\n  2,\n]");
    QTest::addRow("block-seq") << QByteArray("a:\n- x\n- y: 1\nb: 2\n") << QStringList{QStringLiteral("a")}
                               << QStringLiteral("- x\n- y: 1");
    QTest::addRow("anchored-map") << QByteArray("a: &d\n  k: v\n") << QStringList{QStringLiteral("a")}
                                  << QStringLiteral("k: v");
    QTest::addRow("implicit-null") << QByteArray("a:\nb: 1\n") << QStringList{QStringLiteral("a")}
                                   << QString();
    QTest::addRow("tilde") << QByteArray("a: ~\n") << QStringList{QStringLiteral("a")} << QStringLiteral("~");
    QTest::addRow("crlf") << QByteArray("a:\r\n  b: x y\r\n")
                          << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QStringLiteral("x y");
    QTest::addRow("bom") << QByteArray("\xEF\xBB\xBF"
                                       "a: 1\n")
                         << QStringList{QStringLiteral("a")} << QStringLiteral("1");
    QTest::addRow("utf8") << QByteArray("a: \xC3\xA9t\xC3\xA9\n") << QStringList{QStringLiteral("a")}
                          << QString::fromUtf8("\xC3\xA9t\xC3\xA9");
    // The spans yaml-cpp's start marks and our scanners got wrong (issue 12), and every style.
    QTest::addRow("indent-indicator-on-item")
        << QByteArray("steps:\n  - run: |2\n       echo one\n    name: build\n")
        << QStringList{QStringLiteral("steps"), QStringLiteral("#0"), QStringLiteral("run")}
        << QStringLiteral("|2\n       echo one");
    QTest::addRow("indent-indicator-sibling")
        << QByteArray("steps:\n  - run: |2\n       echo one\n    name: build\n")
        << QStringList{QStringLiteral("steps"), QStringLiteral("#0"), QStringLiteral("name")}
        << QStringLiteral("build");
    QTest::addRow("implicit-pair-in-flow-seq")
        << QByteArray("ports: [http: 80, 443]\n")
        << QStringList{QStringLiteral("ports"), QStringLiteral("#0")} << QStringLiteral("http: 80");
    QTest::addRow("flow-seq-with-pair")
        << QByteArray("ports: [http: 80, 443]\n") << QStringList{QStringLiteral("ports")}
        << QStringLiteral("[http: 80, 443]");
    QTest::addRow("tagged-empty-in-flow")
        << QByteArray("m: {x: !!str, y: 1}\n") << QStringList{QStringLiteral("m"), QStringLiteral("x")}
        << QString();
    QTest::addRow("after-tagged-empty")
        << QByteArray("m: {x: !!str, y: 1}\n") << QStringList{QStringLiteral("m"), QStringLiteral("y")}
        << QStringLiteral("1");
    QTest::addRow("anchored-empty-in-flow")
        << QByteArray("s: [&n, 2]\n") << QStringList{QStringLiteral("s"), QStringLiteral("#1")}
        << QStringLiteral("2");
    QTest::addRow("keep-chomping-last")
        << QByteArray("a: 1\nb: |+\n  keep\n\n") << QStringList{QStringLiteral("b")}
        << QStringLiteral("|+\n  keep\n\n");
    QTest::addRow("strip-chomping") << QByteArray("b: |-\n  x\n\n\nc: 1\n")
                                    << QStringList{QStringLiteral("b")} << QStringLiteral("|-\n  x");
    QTest::addRow("block-scalar-comment")
        << QByteArray("a: | # note\n  x\nb: 2\n") << QStringList{QStringLiteral("a")}
        << QStringLiteral("| # note\n  x");
    QTest::addRow("folded-crlf") << QByteArray("a: >\r\n  x\r\n  y\r\nb: 2\r\n")
                                 << QStringList{QStringLiteral("a")} << QStringLiteral(">\r\n  x\r\n  y");
    QTest::addRow("explicit-key") << QByteArray("? a\n: 1\n") << QStringList{QStringLiteral("a")}
                                  << QStringLiteral("1");
    QTest::addRow("document-markers")
        << QByteArray("---\na: 1\n...\n") << QStringList{QStringLiteral("a")} << QStringLiteral("1");
    QTest::addRow("alias") << QByteArray("a: &x 1\nb: *x\n") << QStringList{QStringLiteral("b")}
                           << QStringLiteral("*x");
    QTest::addRow("tagged-map") << QByteArray("a: !t\n  k: v\n") << QStringList{QStringLiteral("a")}
                                << QStringLiteral("k: v");
    QTest::addRow("double-quoted-lines")
        << QByteArray("a: \"one\n  two\"\nb: 1\n") << QStringList{QStringLiteral("a")}
        << QStringLiteral("\"one\n  two\"");
    QTest::addRow("nested-flow") << QByteArray("a: [[1, {b: [2]}], 3]\n")
                                 << QStringList{QStringLiteral("a"), QStringLiteral("#0"),
                                                QStringLiteral("#1")}
                                 << QStringLiteral("{b: [2]}");
    QTest::addRow("cr-only") << QByteArray("a: 1\rb: two\r") << QStringList{QStringLiteral("b")}
                             << QStringLiteral("two");
}

void TestParser::spans()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, path);
    QFETCH(QString, expected);
    const SourceText text(yaml.toStdString());
    const Stream stream = parseStream(text);
    QVERIFY(stream.errors.empty());
    QCOMPARE(stream.documents.size(), std::size_t(1));
    const Document &doc = stream.documents[0];
    NodeId n = doc.root;
    for (const QString &key : path) {
        const NodeId at = doc.resolve(n);
        if (key.startsWith(QLatin1Char('#')))
            n = doc.children(at).size() > std::size_t(key.mid(1).toInt())
                    ? doc.children(at)[key.mid(1).toUInt()]
                    : NoNode;
        else
            n = doc.get(at, key.toStdString());
    }
    QVERIFY(n != NoNode);
    QCOMPARE(QString::fromStdString(spanText(text, doc.node(n))), expected);
    QCOMPARE(checkSpans(text, doc), QString());
}

void TestParser::splitting_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("documents");
    QTest::addRow("one") << QByteArray("a: 1\n") << 1;
    QTest::addRow("leading-comment") << QByteArray("# c\n---\na: 1\n") << 1;
    QTest::addRow("three") << QByteArray("a: 1\n---\nb: 2\n---\nc: 3\n") << 3;
    QTest::addRow("end-markers") << QByteArray("a: 1\n...\n---\nb: 2\n...\n") << 2;
    QTest::addRow("empty") << QByteArray("") << 0;
    QTest::addRow("comments-only") << QByteArray("# nothing\n\n") << 0;
    QTest::addRow("marker-in-text") << QByteArray("a: \"---\"\nb: x---\n") << 1;
    QTest::addRow("directive") << QByteArray("%YAML 1.2\n---\na: 1\n") << 1;
}

void TestParser::splitting()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, documents);
    const SourceText text(yaml.toStdString());
    const Stream stream = parseStream(text);
    QVERIFY(stream.errors.empty());
    QCOMPARE(int(stream.documents.size()), documents);
}

void TestParser::errorsHaveLineAndColumn()
{
    const SourceText text(std::string("a: 1\n---\nb: [1, 2\nc: 3\n"));
    const Stream stream = parseStream(text);
    QCOMPARE(stream.errors.size(), std::size_t(1));
    QCOMPARE(stream.errors[0].document, 1);
    QVERIFY(stream.errors[0].line >= 3);
    QVERIFY(stream.errors[0].column >= 1);
    QVERIFY(!stream.errors[0].message.isEmpty());
    QVERIFY(stream.documents[0].root != NoNode); // the good document still parses
}

// Broken YAML that yaml-cpp read without a word (issue 12): each is an error, at its place.
void TestParser::errorsYamlCppMissed_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addRow("unclosed quote") << QByteArray("services:\n  web:\n    image: nginx\n    command: \"nginx "
                                                  "-g daemon off;\n    read_only: true\n")
                                    << 5 << 21
                                    << QStringLiteral(
                                           "while scanning a quoted scalar: found unexpected end of stream");
    QTest::addRow("bad indent in a ConfigMap beside a Pod")
        << QByteArray(
               "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: 1\n   b: 2\n---\n"
               "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x}]\n")
        << 7 << 5 << QStringLiteral("mapping values are not allowed in this context");
    QTest::addRow("quoted scalar across a document marker")
        << QByteArray("a: \"x\n---\nb: 1\"\n") << 2 << 1
        << QStringLiteral("while scanning a quoted scalar: found unexpected document indicator");
    QTest::addRow("undefined alias") << QByteArray("services:\n  web:\n    <<: *defaults\n") << 3 << 9
                                     << QStringLiteral(
                                            "the alias *defaults refers to no anchor defined before it");
}

void TestParser::errorsYamlCppMissed()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const ParsedFile file = parseText(yaml.toStdString(), QStringLiteral("x.yaml"));
    QCOMPARE(file.errors.size(), 1);
    QCOMPARE(file.errors[0].line, line);
    QCOMPARE(file.errors[0].column, column);
    QCOMPARE(file.errors[0].message, message);
    QVERIFY(analyze(file).workloads.isEmpty());
}

// An empty value after properties sits at their end, not inside the next node.
void TestParser::emptyNodeAfterProperties()
{
    for (const auto &[yaml, head] : {std::pair{"m: {x: !!str, y: 1}\n", "!!str"},
                                     std::pair{"s: [&n, 2]\n", "&n"}, std::pair{"a: &e\nb: 1\n", "&e"}}) {
        const SourceText text{std::string(yaml)};
        const Stream stream = parseStream(text);
        QVERIFY(stream.errors.empty());
        const Document &d = stream.documents[0];
        const NodeId top = d.children(d.root)[1];
        const NodeId empty =
            d.isMapping(top) || d.isSequence(top) ? d.children(top)[d.isMapping(top) ? 1 : 0] : top;
        const Node &n = d.node(empty);
        // `!!str` with nothing after it is the empty string; an anchor alone, a null.
        QCOMPARE(n.kind, n.tagged ? NodeKind::Scalar : NodeKind::Null);
        QVERIFY(d.value(empty).empty());
        QCOMPARE(n.begin, n.end);
        QCOMPARE(QString::fromStdString(text.bytes().substr(d.headBegin(empty), n.end - d.headBegin(empty))),
                 QLatin1String(head));
        QCOMPARE(checkSpans(text, d), QString());
    }
}

void TestParser::nestingTooDeep()
{
    std::string deep(20000, '[');
    deep += std::string(20000, ']');
    const Stream stream = parseStream(SourceText(deep));
    QCOMPARE(stream.errors.size(), std::size_t(1));
    QVERIFY(stream.errors[0].message.contains(QStringLiteral("nested")));
}

void TestParser::duplicateKeysWarn()
{
    const SourceText text(std::string("a: 1\nb: 2\na: 3\n"));
    const Stream stream = parseStream(text);
    QVERIFY(stream.errors.empty());
    QCOMPARE(stream.warnings.size(), std::size_t(1));
    QCOMPARE(stream.warnings[0].line, 3);
    QCOMPARE(stream.documents[0].value(stream.documents[0].get(stream.documents[0].root, "a")),
             std::string_view("3"));
}

void TestParser::cancelStopsTheParse()
{
    // Many documents, enough to be parsed in parallel, and one document of 20,000 nodes.
    std::string many;
    for (int i = 0; i < 6000; ++i)
        many += "---\nkind: ConfigMap\ndata:\n  key" + std::to_string(i) + ": value with some words\n";
    QVERIFY(many.size() > 256 * 1024); // parsed on the worker threads
    std::string one = "items:\n";
    for (int i = 0; i < 10000; ++i)
        one += "  k" + std::to_string(i) + ": v\n";
    const SourceText manyText(many), oneText(one);

    Cancel no(false), yes(true);
    const Stream whole = parseStream(manyText, &no);
    QVERIFY(!whole.cancelled);
    QCOMPARE(whole.documents.size(), std::size_t(6000));
    const Stream stopped = parseStream(manyText, &yes);
    QVERIFY(stopped.cancelled);
    QVERIFY(stopped.documents.empty());

    // Inside one document the tree builder gives up at its next check.
    ParseError error;
    const Document doc = parseDocument(oneText, {0, std::uint32_t(one.size())}, &error, nullptr, &yes);
    QCOMPARE(doc.root, NoNode);
    QCOMPARE(error.message, QStringLiteral("parsing was cancelled"));
    QVERIFY(parseStream(oneText, &yes).cancelled);
    QVERIFY(!parseStream(oneText, &no).cancelled);

    // Through parseText: an error that says so, with the file's name.
    const ParsedFile file = parseText(many, QStringLiteral("big.yaml"), &yes);
    QCOMPARE(file.errors.size(), 1);
    QCOMPARE(file.errors.first().message, QStringLiteral("parsing was cancelled"));
    QCOMPARE(file.errors.first().file, QStringLiteral("big.yaml"));
}

void TestParser::mergeKeys()
{
    const SourceText text(std::string("x-a: &a {ro: true, u: 1}\nx-b: &b {ro: false, g: 2}\n"
                                      "s1:\n  <<: *a\n  u: 5\ns2:\n  <<: [*b, *a]\n"));
    const Stream stream = parseStream(text);
    const Document &doc = stream.documents[0];
    const NodeId s1 = doc.get(doc.root, "s1"), s2 = doc.get(doc.root, "s2");
    auto ro1 = effectiveGet(doc, s1, "ro");
    QVERIFY(ro1 && ro1->via != NoNode);
    QCOMPARE(doc.value(ro1->value), std::string_view("true"));
    QCOMPARE(doc.anchorName(ro1->owner), std::string_view("a"));
    auto u1 = effectiveGet(doc, s1, "u");
    QVERIFY(u1 && u1->via == NoNode);
    QCOMPARE(doc.value(u1->value), std::string_view("5"));
    auto ro2 = effectiveGet(doc, s2, "ro");
    QCOMPARE(doc.value(ro2->value), std::string_view("false")); // earlier merge wins
    QCOMPARE(effectiveEntries(doc, s2).size(), std::size_t(3));
}

void TestParser::corpusSpans()
{
    const QString corpus = QStringLiteral(DEADBOLT_SHARED "/corpus");
    if (!QDir(corpus).exists())
        QSKIP("../shared/corpus is absent: corpus span checks skipped");
    QDirIterator it(corpus, {QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    int files = 0, nodes = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const SourceText text(f.readAll().toStdString());
        const Stream stream = parseStream(text);
        QVERIFY2(stream.errors.empty(),
                 qPrintable(path + QStringLiteral(": ") +
                            (stream.errors.empty() ? QString() : stream.errors[0].message)));
        for (const Document &doc : stream.documents) {
            const QString problem = checkSpans(text, doc);
            QVERIFY2(problem.isEmpty(), qPrintable(path + QStringLiteral(": ") + problem));
            nodes += int(doc.nodes.size());
        }
        ++files;
    }
    qInfo("checked spans of %d nodes in %d corpus files", nodes, files);
}

QTEST_GUILESS_MAIN(TestParser)
#include "tst_parser.moc"

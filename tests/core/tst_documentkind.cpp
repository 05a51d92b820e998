// holdsNoWorkload: the check leaves a Kubernetes document unparsed only when its text alone
// makes certain it holds no workload. Every "no" below is a shape where the text could hide
// a workload kind (or where we cannot tell), so the document must be parsed.
#include "fuzzchecks.h"
#include "model/analyzer.h"
#include "model/documentkind.h"
#include "report/jsonreport.h"

#include <QTest>

using namespace deadbolt;

class tst_DocumentKind : public QObject
{
    Q_OBJECT
private slots:
    void decides_data();
    void decides();
    void podSpecPaths();
    void skippedDocumentsInAStream();
    void errorsInSkippedDocumentsGoUnreported();
    void onlySkippedDocumentsIsStillKubernetes();
    void sameAnalysisEitherWay_data();
    void sameAnalysisEitherWay();
};

void tst_DocumentKind::decides_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("skip");
    const QByteArray service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n"
                               "    - port: 80\n";
    QTest::addRow("service") << service << true;
    QTest::addRow("after a marker and comments") << "---\n# the front door\n" + service << true;
    QTest::addRow("marker with a comment") << "--- # web\n" + service << true;
    QTest::addRow("kind with a comment")
        << QByteArray("apiVersion: v1\nkind: ConfigMap   # settings\ndata:\n  a: b\n") << true;
    QTest::addRow("crlf") << QByteArray("apiVersion: v1\r\nkind: Secret\r\ndata: {}\r\n") << true;
    QTest::addRow("custom resource") << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n"
                                                   "  template:\n    spec:\n      containers: []\n")
                                     << true;
    QTest::addRow("document end marker") << QByteArray("apiVersion: v1\nkind: Service\n...\n") << true;

    QTest::addRow("deployment") << QByteArray("apiVersion: apps/v1\nkind: Deployment\nspec: {}\n") << false;
    QTest::addRow("every workload kind is parsed")
        << QByteArray("apiVersion: batch/v1\nkind: CronJob\nspec: {}\n") << false;
    QTest::addRow("list") << QByteArray("apiVersion: v1\nkind: List\nitems: []\n") << false;
    QTest::addRow("no apiVersion") << QByteArray("kind: Service\nspec: {}\n") << false;
    QTest::addRow("no kind") << QByteArray("apiVersion: v1\nspec: {}\n") << false;
    QTest::addRow("two kinds (the second may be real)")
        << QByteArray("apiVersion: v1\nkind: Service\nkind: Deployment\n") << false;
    QTest::addRow("kind in a continued quoted scalar next to a quoted key")
        << QByteArray("apiVersion: v1\nnote: \"a\nkind: Service\"\n\"kind\": Deployment\n") << false;
    QTest::addRow("quoted kind") << QByteArray("apiVersion: v1\nkind: \"Service\"\n") << false;
    QTest::addRow("aliased kind") << QByteArray("apiVersion: v1\nkind: *k\n") << false;
    QTest::addRow("anchored kind") << QByteArray("apiVersion: v1\nkind: &k Service\n") << false;
    QTest::addRow("kind with more after it") << QByteArray("apiVersion: v1\nkind: Service#x\n") << false;
    QTest::addRow("empty kind") << QByteArray("apiVersion: v1\nkind:\n") << false;
    QTest::addRow("merge key") << QByteArray("apiVersion: v1\n<<: *base\nkind: Service\n") << false;
    QTest::addRow("explicit key") << QByteArray("apiVersion: v1\n? kind\n: Service\n") << false;
    QTest::addRow("flow top level") << QByteArray("{apiVersion: v1,\nkind: Service}\n") << false;
    QTest::addRow("indented top level") << QByteArray("  apiVersion: v1\nkind: Service\n") << false;
    QTest::addRow("tagged document") << QByteArray("--- !!map\napiVersion: v1\nkind: Service\n") << false;
    QTest::addRow("directive") << QByteArray("%YAML 1.2\n---\napiVersion: v1\nkind: Service\n") << false;
    QTest::addRow("tab indentation") << QByteArray("apiVersion: v1\nkind: Service\nspec:\n\tx: 1\n") << false;
    QTest::addRow("top-level sequence") << QByteArray("- apiVersion: v1\n  kind: Service\n") << false;
    QTest::addRow("empty") << QByteArray("") << false;
    QTest::addRow("quoted scalar over indented lines")
        << QByteArray("apiVersion: v1\nkind: CustomResourceDefinition\nspec:\n  description: 'a long\n    "
                      "text: it''s # not a comment\n\n    kind: x'\n  other: \"b\n    c\"\n")
        << true;
    QTest::addRow("flow collection over indented lines")
        << QByteArray("apiVersion: v1\nkind: Service\nspec: {ports: [80,\n  443], x: 1}\n") << true;
    QTest::addRow("quoted scalar never closed")
        << QByteArray("apiVersion: v1\nkind: Service\nnote: \"a\n  b\n") << false;
    QTest::addRow("zero-indented sequence, as kubectl writes rules")
        << QByteArray("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nrules:\n- apiGroups:\n"
                      "  - '*'\n  verbs: [get]\n-\n  resources: [pods]\n")
        << true;
    QTest::addRow("a key starting with a dash")
        << QByteArray("apiVersion: v1\nkind: Service\n-x: 1\n") << false;
    QTest::addRow("a sequence before any key") << QByteArray("- a\napiVersion: v1\nkind: Service\n") << false;
    // yaml-cpp carries quoted scalars and flow collections on over lines in column 0, which
    // then look like keys but are text (found by a review; each read as Compose or as no
    // format when parsed in full).
    QTest::addRow("kind inside a double-quoted scalar")
        << QByteArray("apiVersion: v1\ndata: \"x\nkind: Service\n y\"\n") << false;
    QTest::addRow("kind inside a single-quoted scalar")
        << QByteArray("apiVersion: v1\ndata: 'x\nkind: Service\n y'\n") << false;
    QTest::addRow("kind inside a flow sequence")
        << QByteArray("apiVersion: v1\ndata: [\nkind: Service # x\n ]\n") << false;
    QTest::addRow("kind inside a flow mapping")
        << QByteArray("apiVersion: v1\ndata: {\nkind: Service # x\n }\n") << false;
    QTest::addRow("quote opened on an indented line")
        << QByteArray("apiVersion: v1\nmetadata:\n  name: \"a\nkind: Service\n  \"\n") << false;
    QTest::addRow("compose with apiVersion inside a flow")
        << QByteArray("services:\n  web:\n    image: nginx\n    command: [sh,\napiVersion: v1 # a\n      ]\n"
                      "kind: Service\n")
        << false;
    QTest::addRow("quoted scalars closed on their line")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata: {name: 'it''s', note: \"a \\\" b\"}\n")
        << true;
    QTest::addRow("quote inside a word is text")
        << QByteArray("apiVersion: v1\nkind: Service\nnote: it's\n") << true;
    QTest::addRow("block scalar text may hold anything")
        << QByteArray("apiVersion: v1\nkind: ConfigMap\ndata:\n  config.json: |\n    {\"a\": [1,\n\n    # x\n"
                      "      'b\n  other: >-\n    [\n")
        << true;
    QTest::addRow("block scalar in a sequence entry")
        << QByteArray("apiVersion: v1\nkind: ConfigMap\nitems:\n  - |\n    \"open\n  - x\n") << true;
    QTest::addRow("empty block scalar: the next line is a key")
        << QByteArray(
               "apiVersion: v1\nkind: ConfigMap\nitems:\n  - key: |\n    other: \"x\nkind: Service\n    \"\n")
        << false;
    QTest::addRow("line between holder and text indentation")
        << QByteArray("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n      text\n    b: c\n") << false;
    QTest::addRow("plain scalar ending in a pipe is no block scalar")
        << QByteArray("apiVersion: v1\nkind: Service\nnote: a |\n  \"x\nother: y\n") << false;
}

void tst_DocumentKind::decides()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, skip);
    QCOMPARE(holdsNoWorkload(std::string_view(text.constData(), std::size_t(text.size()))), skip);
}

void tst_DocumentKind::podSpecPaths()
{
    QVERIFY(podSpecPath("Deployment"));
    QCOMPARE(podSpecPath("CronJob")->depth, 5);
    QVERIFY(!podSpecPath("List"));
    QVERIFY(!podSpecPath("deployment")); // kinds are case-sensitive, as Kubernetes has them
}

void tst_DocumentKind::skippedDocumentsInAStream()
{
    const std::string text = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n"
                             "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                             "  containers:\n    - name: c\n      image: x\n";
    const ParsedFile quick =
        parseText(text, QStringLiteral("m.yaml"), nullptr, ParseScope::WorkloadDocuments);
    QVERIFY(quick.ok());
    QCOMPARE(quick.stream.documents.size(), std::size_t(2));
    const yaml::Document &service = quick.stream.documents[0];
    QVERIFY(service.skipped);
    QCOMPARE(service.root, yaml::NoNode);
    QCOMPARE(service.begin, 0u);
    QCOMPARE(service.end, std::uint32_t(text.find("---")));
    QCOMPARE(service.firstLine, 1);
    QVERIFY(!quick.stream.documents[1].skipped);
    QCOMPARE(quick.stream.documents[1].firstLine, 4);

    const ParsedFile all = parseText(text, QStringLiteral("m.yaml"));
    QVERIFY(!all.stream.documents[0].skipped);
    QCOMPARE(jsonReportText({analyze(quick)}), jsonReportText({analyze(all)}));
    QCOMPARE(analyze(quick).workloads.size(), 1);
}

void tst_DocumentKind::errorsInSkippedDocumentsGoUnreported()
{
    const std::string text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b: c\n---\n"
                             "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                             "  containers:\n    - name: c\n      image: x\n";
    const ParsedFile all = parseText(text, QStringLiteral("m.yaml"));
    QVERIFY(!all.ok());
    QCOMPARE(all.errors.first().line, 4);
    const ParsedFile quick =
        parseText(text, QStringLiteral("m.yaml"), nullptr, ParseScope::WorkloadDocuments);
    QVERIFY(quick.ok());
    QCOMPARE(analyze(quick).workloads.size(), 1);
}

void tst_DocumentKind::onlySkippedDocumentsIsStillKubernetes()
{
    const ParsedFile quick =
        parseText("apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: ConfigMap\n",
                  QStringLiteral("m.yaml"), nullptr, ParseScope::WorkloadDocuments);
    const Analysis a = analyze(quick);
    QCOMPARE(a.format, FileFormat::Kubernetes);
    QVERIFY(a.skipReason.isEmpty());
    QVERIFY(a.workloads.isEmpty());
}

// Inputs two reviews built against holdsNoWorkload: yaml-cpp reads quotes and flows on over
// lines in column 0, and the text alone can misjudge where one opens. None may change the
// analysis: a document with a top-level `services:` line is never skipped, and a file whose
// format would rest on skipped documents alone is parsed whole.
void tst_DocumentKind::sameAnalysisEitherWay_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("compose after a quote that swallows apiVersion")
        << QByteArray("services:\n  web:\n    image: nginx\nx: \"\napiVersion: v1\nkind: Service\n  \"\n");
    QTest::addRow("compose with a flow over column 0")
        << QByteArray("services:\n  web:\n    image: nginx\n    command: [sh,\napiVersion: v1 # a\n      "
                      "]\nkind: Service\n");
    QTest::addRow("kind inside a flow, nothing else")
        << QByteArray("apiVersion: v1\ndata: [\nkind: Service # x\n ]\n");
    QTest::addRow("kind inside a quote opened on an indented line")
        << QByteArray("apiVersion: v1\nmetadata:\n  name: \"a\nkind: Service\n  \"\n");
    QTest::addRow("a quote right after a tag") << QByteArray("apiVersion: v1\nx: !\"\nkind: Service\n");
    QTest::addRow("compose, a quote after a tag") << QByteArray(
        "x: !!str\"\napiVersion: v1\nkind: Service\n  a\"\nservices:\n  web:\n    image: nginx\n");
    QTest::addRow("compose, a comment right after a bracket") << QByteArray(
        "x: [#]\napiVersion: v1,\nkind: Service\n  ,#[\n  ]\nservices:\n  web:\n    image: nginx\n");
    QTest::addRow("a comment right after a closing quote")
        << QByteArray("w:\n  u: \"a\"# \'\n  a: \'q\nkind: Service\napiVersion: v1\n");
    QTest::addRow("an apostrophe inside a plain scalar")
        << QByteArray("w:\n  t: the '90s\n  a: 'q\napiVersion: v1\nkind: Service\n");
    QTest::addRow("a quote continuing a plain scalar")
        << QByteArray("w:\n  a: b\n    \"c\n  d: \"e\napiVersion: v1\nkind: Service\n");
    QTest::addRow("a block scalar after a tag")
        << QByteArray("w:\n  y: !!str |\n    it 'is\n  z: 'b\napiVersion: v1\nkind: Service\n");
    QTest::addRow("a block header with a comment")
        << QByteArray("w:\n  y: |#c\n    it 'is\n  z: 'b\napiVersion: v1\nkind: Service\n");
    QTest::addRow("a block header on its own line")
        << QByteArray("w:\n  y:\n    |\n    it 'is\n  z: 'b\napiVersion: v1\nkind: Service\n");
    QTest::addRow("compose first, then a pod") << QByteArray(
        "x: !\"\napiVersion: v1\nkind: Service\n  a\"\nservices:\n  web:\n    image: nginx\n---\napiVersion: "
        "v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n");
    QTest::addRow("a fake kind next to a pod")
        << QByteArray("w:\n  t: the '90s\n  a: 'q\napiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: "
                      "Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n");
}

void tst_DocumentKind::sameAnalysisEitherWay()
{
    QFETCH(QByteArray, text);
    const std::string bytes = text.toStdString();
    const Analysis all = analyze(parseText(bytes, QStringLiteral("fuzz.yaml")));
    QVERIFY2(all.errors.isEmpty(), "each case parses, so both modes must agree");
    QCOMPARE(fuzz::checkSkippingChangesNothing(bytes, all), QString());
    QCOMPARE(jsonReportText({analyze(
                 parseText(bytes, QStringLiteral("fuzz.yaml"), nullptr, ParseScope::WorkloadDocuments))}),
             jsonReportText({all}));
}

QTEST_GUILESS_MAIN(tst_DocumentKind)
#include "tst_documentkind.moc"

// holdsNoWorkload: the check leaves a Kubernetes document unparsed only when its text alone
// makes certain it holds no workload. Every "no" below is a shape where the text could hide
// a workload kind (or where we cannot tell), so the document must be parsed.
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
    const std::string text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n---\n"
                             "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                             "  containers:\n    - name: c\n      image: x\n";
    const ParsedFile all = parseText(text, QStringLiteral("m.yaml"));
    QVERIFY(!all.ok());
    QCOMPARE(all.errors.first().line, 5); // yaml-cpp notices at the end of the document
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

QTEST_GUILESS_MAIN(tst_DocumentKind)
#include "tst_documentkind.moc"

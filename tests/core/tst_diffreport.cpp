// The diff reports over a hand-built Review: escaping, where each change is placed, nulls.
// (The CLI test compares whole Markdown and JSON outputs with golden files.)
#include "report/diffreport.h"

#include <QJsonArray>
#include <QTest>

using namespace deadbolt;

namespace {

WorkloadChange change(ChangeKind kind, ChangeSeverity severity, const QString &workload,
                      const QString &message, int oldLine, int newLine)
{
    WorkloadChange c;
    c.kind = kind;
    c.severity = severity;
    c.workload = workload;
    c.message = message;
    c.oldLocation.line = oldLine;
    c.oldLocation.column = oldLine > 0 ? 3 : 0;
    c.newLocation.line = newLine;
    c.newLocation.column = newLine > 0 ? 5 : 0;
    return c;
}

// compose.yml in HEAD and the working tree: a removed workload (old place only) listed
// before a regression, to check the reports sort and place them.
Review sampleReview()
{
    Review review;
    review.beforeLabel = QStringLiteral("HEAD");
    review.afterLabel = QStringLiteral("working tree");
    FileReview f;
    f.path = QStringLiteral("deploy/compose.yml");
    f.before.present = true;
    f.before.label = QStringLiteral("HEAD:deploy/compose.yml");
    f.before.text = "old";
    f.after.present = true;
    f.after.label = QStringLiteral("deploy/compose.yml");
    f.after.diskPath = QStringLiteral("/repo/deploy/compose.yml");
    f.after.text = "new";
    f.changes << change(ChangeKind::WorkloadRemoved, ChangeSeverity::Info, QStringLiteral("old`svc"),
                        QStringLiteral("workload removed, was mutable"), 12, 0)
              << change(ChangeKind::BecameMutable, ChangeSeverity::Regression, QStringLiteral("web"),
                        QStringLiteral("root filesystem is now writable (read_only: a|b -> <none>)"), 4, 4);
    review.files << f;
    return review;
}

} // namespace

class TestDiffReport : public QObject
{
    Q_OBJECT
private slots:
    void text();
    void markdownEscapes();
    void markdownListsErrors();
    void jsonNulls();
    void sarifPlaces();
};

void TestDiffReport::text()
{
    QCOMPARE(
        diffTextReport(sampleReview()),
        QStringLiteral("deploy/compose.yml:4:5: regression: web: root filesystem is now writable (read_only: "
                       "a|b -> <none>)\n"
                       "HEAD:deploy/compose.yml:12:3: info: old`svc: workload removed, was mutable\n"
                       "1 regression, 1 other change in 2 workloads (1 file compared).\n"));
}

void TestDiffReport::markdownEscapes()
{
    QCOMPARE(diffMarkdownReport(sampleReview()),
             QStringLiteral(
                 "**1 regression, 1 other change in 2 workloads**\n"
                 "\n"
                 "| Severity | Workload | Change | Where |\n"
                 "| --- | --- | --- | --- |\n"
                 "| **regression** | `web` | root filesystem is now writable (read\\_only: a\\|b -> "
                 "&lt;none>) | `deploy/compose.yml` line 4 |\n"
                 "| info | ``old`svc`` | workload removed, was mutable | `deploy/compose.yml` (removed, "
                 "was line 12) |\n"));
}

void TestDiffReport::markdownListsErrors()
{
    Review review;
    Diagnostic d;
    d.message = QStringLiteral("unknown revision 'nope' in /repo");
    review.errors << d;
    QCOMPARE(diffMarkdownReport(review),
             QStringLiteral("**No change to immutability in 0 files**\n"
                            "\n"
                            "1 input could not be read, so their changes are unknown:\n"
                            "\n"
                            "- unknown revision 'nope' in /repo\n"));
    QCOMPARE(reviewExitCode(review), 2);
}

void TestDiffReport::jsonNulls()
{
    const QJsonObject report = diffJsonReport(sampleReview());
    QCOMPARE(report[QStringLiteral("schemaVersion")].toInt(), 1);
    QCOMPARE(report[QStringLiteral("summary")][QStringLiteral("regressions")].toInt(), 1);
    const QJsonArray changes = report[QStringLiteral("files")][0][QStringLiteral("changes")].toArray();
    QCOMPARE(changes.size(), 2);
    // In file order (the JSON keeps each file's own order; reports sort, data does not).
    const QJsonObject removed = changes.at(0).toObject();
    QCOMPARE(removed[QStringLiteral("kind")].toString(), QStringLiteral("workload-removed"));
    QVERIFY(removed[QStringLiteral("new")].isNull());
    QVERIFY(removed[QStringLiteral("path")].isNull());
    QCOMPARE(removed[QStringLiteral("old")][QStringLiteral("line")].toInt(), 12);
    QCOMPARE(report[QStringLiteral("files")][0][QStringLiteral("state")].toString(),
             QStringLiteral("modified"));
}

void TestDiffReport::sarifPlaces()
{
    const QJsonObject log = diffSarifReport(sampleReview(), QDir(QStringLiteral("/repo")));
    const QJsonArray results = log[QStringLiteral("runs")][0][QStringLiteral("results")].toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject first = results.at(0).toObject();
    QCOMPARE(first[QStringLiteral("ruleId")].toString(), QStringLiteral("became-mutable"));
    QCOMPARE(first[QStringLiteral("level")].toString(), QStringLiteral("error"));
    const QJsonObject loc =
        first[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")].toObject();
    QCOMPARE(loc[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString(),
             QStringLiteral("deploy/compose.yml"));
    QCOMPARE(loc[QStringLiteral("region")][QStringLiteral("startLine")].toInt(), 4);
    // Only in the old version: shown at the top of the new file, its old line in the text.
    const QJsonObject second = results.at(1).toObject();
    QCOMPARE(second[QStringLiteral("level")].toString(), QStringLiteral("note"));
    QCOMPARE(second[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")]
                   [QStringLiteral("region")][QStringLiteral("startLine")]
                       .toInt(),
             1);
    QVERIFY(second[QStringLiteral("message")][QStringLiteral("text")].toString().contains(
        QLatin1String("was at line 12 of HEAD:deploy/compose.yml")));
    const QJsonArray rules = log[QStringLiteral("runs")][0][QStringLiteral("tool")][QStringLiteral("driver")]
                                [QStringLiteral("rules")]
                                    .toArray();
    QCOMPARE(rules.size(), 2);
}

QTEST_GUILESS_MAIN(TestDiffReport)
#include "tst_diffreport.moc"

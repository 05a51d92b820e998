#include "report/sarifreport.h"

#include "reportfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace deadbolt;
using namespace deadbolt::testing;

class TestSarifReport : public QObject
{
    Q_OBJECT

    static QJsonObject report(const QDir &base = QDir(QStringLiteral("/repo")))
    {
        QVector<Analysis> analyses{composeAnalysis(), kubernetesAnalysis(), brokenAnalysis(),
                                   skippedAnalysis()};
        for (Analysis &a : analyses)
            a.path = base.filePath(a.path);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(sarifReportText(analyses, base), &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("SARIF is not JSON: %s", qPrintable(error.errorString()));
        return doc.object();
    }

private slots:
    void envelope()
    {
        const QJsonObject sarif = report();
        QCOMPARE(sarif.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
        QVERIFY(sarif.value(QStringLiteral("$schema")).toString().contains(QStringLiteral("sarif-2.1.0")));
        const QJsonArray runs = sarif.value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject driver = runs[0][QStringLiteral("tool")][QStringLiteral("driver")].toObject();
        QCOMPARE(driver.value(QStringLiteral("name")).toString(), QStringLiteral("deadbolt"));
        QVERIFY(!driver.value(QStringLiteral("version")).toString().isEmpty());
        QVERIFY(
            driver.value(QStringLiteral("informationUri")).toString().startsWith(QStringLiteral("https://")));
    }

    void rulesCoverEveryResult()
    {
        const QJsonObject run = report().value(QStringLiteral("runs"))[0].toObject();
        QSet<QString> ruleIds;
        for (const QJsonValue &r :
             run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")].toArray()) {
            const QJsonObject rule = r.toObject();
            QVERIFY(!ruleIds.contains(rule.value(QStringLiteral("id")).toString())); // each rule once
            ruleIds.insert(rule.value(QStringLiteral("id")).toString());
            QVERIFY(!rule[QStringLiteral("shortDescription")][QStringLiteral("text")].toString().isEmpty());
            QVERIFY(!rule[QStringLiteral("help")][QStringLiteral("text")].toString().isEmpty());
        }
        QCOMPARE(ruleIds,
                 (QSet<QString>{QStringLiteral("DB001"), QStringLiteral("DB009"), QStringLiteral("parse")}));
        const QJsonArray results = run.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 4); // error + warning + exempt note + parse error
        for (const QJsonValue &r : results)
            QVERIFY(ruleIds.contains(r[QStringLiteral("ruleId")].toString()));
    }

    void resultsHaveLevelsAndLocations_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("uri");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("error") << 0 << QStringLiteral("DB001") << QStringLiteral("error")
                               << QStringLiteral("deploy/compose.yml") << 8 << 3;
        QTest::addRow("warning") << 1 << QStringLiteral("DB009") << QStringLiteral("warning")
                                 << QStringLiteral("deploy/compose.yml") << 13 << 16;
        QTest::addRow("note") << 2 << QStringLiteral("DB001") << QStringLiteral("note")
                              << QStringLiteral("k8s/app.yaml") << 20 << 9;
        QTest::addRow("parse") << 3 << QStringLiteral("parse") << QStringLiteral("error")
                               << QStringLiteral("broken.yml") << 3 << 7;
    }
    void resultsHaveLevelsAndLocations()
    {
        QFETCH(int, index);
        QFETCH(QString, rule);
        QFETCH(QString, level);
        QFETCH(QString, uri);
        QFETCH(int, line);
        QFETCH(int, column);
        const QJsonObject r =
            report().value(QStringLiteral("runs"))[0][QStringLiteral("results")][index].toObject();
        QCOMPARE(r.value(QStringLiteral("ruleId")).toString(), rule);
        QCOMPARE(r.value(QStringLiteral("level")).toString(), level);
        QVERIFY(!r[QStringLiteral("message")][QStringLiteral("text")].toString().isEmpty());
        const QJsonObject loc =
            r[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")].toObject();
        QCOMPARE(loc[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString(), uri);
        QCOMPARE(loc[QStringLiteral("region")][QStringLiteral("startLine")].toInt(), line);
        QCOMPARE(loc[QStringLiteral("region")][QStringLiteral("startColumn")].toInt(), column);
    }

    void messageNamesWorkloadAndHint()
    {
        const QString text =
            report()
                .value(QStringLiteral("runs"))[0][QStringLiteral("results")][0][QStringLiteral("message")]
                                              [QStringLiteral("text")]
                .toString();
        QVERIFY2(text.contains(QStringLiteral("db")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("add read_only: true")), qPrintable(text));
    }

    void fileLevelNotesAreResults()
    {
        Analysis a;
        a.path = QStringLiteral("/repo/compose.yml");
        a.format = FileFormat::ComposeSpec;
        Diagnostic duplicate;
        duplicate.severity = Severity::Warning;
        duplicate.rule = QStringLiteral("parse");
        duplicate.message = QStringLiteral("duplicate key 'image'");
        duplicate.line = 4;
        duplicate.column = 5;
        Diagnostic version = duplicate;
        version.severity = Severity::Info;
        version.rule = QStringLiteral("DB011");
        version.message = QStringLiteral("unknown Compose version '4'");
        version.line = 1;
        a.notes = {duplicate, version};
        const QJsonObject run =
            sarifReport({a}, QDir(QStringLiteral("/repo"))).value(QStringLiteral("runs"))[0].toObject();
        const QJsonArray results = run.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0][QStringLiteral("ruleId")].toString(), QStringLiteral("parse"));
        QCOMPARE(results[0][QStringLiteral("level")].toString(), QStringLiteral("warning"));
        QCOMPARE(results[1][QStringLiteral("ruleId")].toString(), QStringLiteral("DB011"));
        QCOMPARE(results[1][QStringLiteral("level")].toString(), QStringLiteral("note"));
        QCOMPARE(results[1][QStringLiteral("locations")][0][QStringLiteral("physicalLocation")]
                        [QStringLiteral("region")][QStringLiteral("startLine")]
                            .toInt(),
                 1);
        QCOMPARE(
            run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")].toArray().size(),
            2);
    }

    void fileWithoutFindingsHasNoResult()
    {
        Analysis clean;
        clean.path = QStringLiteral("/repo/ok.yml");
        clean.format = FileFormat::ComposeSpec;
        Workload w;
        w.name = QStringLiteral("web");
        w.rootFs = RootFs::ReadOnly;
        clean.workloads.append(w);
        const QJsonObject run =
            sarifReport({clean}, QDir(QStringLiteral("/repo"))).value(QStringLiteral("runs"))[0].toObject();
        QCOMPARE(run.value(QStringLiteral("results")).toArray().size(), 0);
        QCOMPARE(
            run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")].toArray().size(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestSarifReport)
#include "tst_sarifreport.moc"

#include "model/analyzer.h"
#include "modeldump.h"
#include "policy/exemptions.h"
#include "policy/ruleids.h"
#include "policy/rules.h"

#include <QSet>
#include <QtTest>

using namespace deadbolt;

// The finding rules over hand-written cases (tests/data/model/policy/*, golden .expected
// files with every finding and file note), and the rule table's own consistency.
class TestPolicy : public QObject
{
    Q_OBJECT

private:
    static Analysis analyzeCase(const QString &name)
    {
        return analyze(modeldump::parseFile(QStringLiteral(DEADBOLT_TESTDATA "/model/policy/") + name));
    }
    static QStringList rulesOf(const Workload &w)
    {
        QStringList out;
        for (const Diagnostic &d : w.findings)
            out << d.rule + QLatin1Char(':') + severityName(d.severity);
        return out;
    }
    static const Workload *find(const Analysis &a, const QString &displayName)
    {
        for (const Workload &w : a.workloads)
            if (w.displayName() == displayName)
                return &w;
        return nullptr;
    }

private Q_SLOTS:
    void golden_data() { modeldump::addCaseRows(QStringLiteral("policy")); }
    void golden()
    {
        QFETCH(QString, input);
        const Analysis a = analyze(modeldump::parseFile(input));
        QVERIFY2(a.errors.isEmpty(), qPrintable(a.errors.value(0).message));
        QString text = modeldump::workloads(a.workloads, true);
        for (const Diagnostic &d : a.notes)
            text += QStringLiteral("note") + modeldump::finding(d) + QLatin1Char('\n');
        modeldump::compareGolden(input, text);
    }

    void ruleTableIsConsistent()
    {
        QSet<QString> ids;
        for (const rules::RuleInfo &r : rules::All) {
            const QString id = QLatin1String(r.id);
            QVERIFY2(!ids.contains(id), r.id);
            ids.insert(id);
            QVERIFY(id.startsWith(QLatin1String("DB")) && id.size() == 5);
            QCOMPARE(rules::find(id), &r);
        }
        QCOMPARE(rules::find(QStringLiteral("DB999")), nullptr);
        QCOMPARE(rules::find(QLatin1String(rules::RootFsWritable))->severity, Severity::Error);
        QCOMPARE(rules::find(QLatin1String(rules::DuplicateMountTarget))->severity, Severity::Error);
    }

    void findingsCarryFileAndWorkload()
    {
        const Analysis a = analyzeCase(QStringLiteral("k8s-findings.yaml"));
        const Workload *w = find(a, QStringLiteral("Deployment/shop/web/writable"));
        QVERIFY(w);
        QVERIFY(!w->findings.isEmpty());
        for (const Diagnostic &d : w->findings) {
            QCOMPARE(d.file, QStringLiteral("k8s-findings.yaml"));
            QCOMPARE(d.workload, w->displayName());
            QVERIFY(d.line > 0 && d.column > 0);
        }
        QCOMPARE(w->findings[0].rule, QStringLiteral("DB001"));
        QVERIFY(!w->findings[0].hint.isEmpty());
    }

    void exemptedIsInfoWithReason()
    {
        const Analysis a = analyzeCase(QStringLiteral("k8s-findings.yaml"));
        const Workload *w = find(a, QStringLiteral("Pod/exempt/app"));
        QVERIFY(w);
        QCOMPARE(w->status(), Status::Mutable); // exempt, not read-only
        QVERIFY(w->exemption.exempt);
        QCOMPARE(rulesOf(*w), QStringList{QStringLiteral("DB001:info")});
        QCOMPARE(w->findings[0].message, QStringLiteral("exempted by kube-linter: writes its cache"));
    }

    void podLevelReadOnly()
    {
        const Analysis a = analyzeCase(QStringLiteral("k8s-findings.yaml"));
        // Reported on the containers it misleads...
        QVERIFY(rulesOf(*find(a, QStringLiteral("Deployment/shop/web/writable")))
                    .contains(QStringLiteral("DB007:warning")));
        QVERIFY(!rulesOf(*find(a, QStringLiteral("Deployment/shop/web/read-only")))
                     .contains(QStringLiteral("DB007:warning")));
        // ...or once, on the first container, when every container is read-only.
        QCOMPARE(rulesOf(*find(a, QStringLiteral("Pod/all-read-only/a"))),
                 QStringList{QStringLiteral("DB007:warning")});
        QCOMPARE(rulesOf(*find(a, QStringLiteral("Pod/all-read-only/b"))), QStringList{});
    }

    void tmpfsOwnership_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("warnings");
        QTest::addRow("www-data") << QStringLiteral("www-data")
                                  << 3; // /var/run/apache2, the long syntax, the tmpfs volume
        QTest::addRow("uid-matches") << QStringLiteral("uid-matches") << 0;
        QTest::addRow("root-user") << QStringLiteral("root-user") << 0;
    }
    void tmpfsOwnership()
    {
        QFETCH(QString, service);
        QFETCH(int, warnings);
        const Analysis a = analyzeCase(QStringLiteral("compose-findings.yml"));
        const Workload *w = find(a, service);
        QVERIFY(w);
        QCOMPARE(int(rulesOf(*w).count(QStringLiteral("DB003:warning"))), warnings);
    }

    void exemptionAnnotations_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("tool");
        const char *rows[][3] = {
            {"kube-linter", "{ignore-check.kube-linter.io/no-read-only-root-fs: why}", "kube-linter"},
            {"polaris-true", "{polaris.fairwinds.com/exempt: 'true'}", "polaris"},
            {"polaris-bool", "{polaris.fairwinds.com/exempt: true}", "polaris"},
            {"polaris-no", "{polaris.fairwinds.com/exempt: 'no'}", ""},
            {"checkov-skip3", "{checkov.io/skip3: 'CKV_K8S_22=writes'}", "checkov"},
            {"kube-score-case", "{kube-score/ignore: Container-Security-Context-ReadOnlyRootFilesystem}",
             "kube-score"},
            {"kube-score-other", "{kube-score/ignore: pod-probes}", ""},
            {"monokle", "{monokle.io/suppress.KSV014: 'yes'}", "monokle"},
            {"unrelated", "{app.kubernetes.io/name: web}", ""},
            {"not-a-mapping", "[a, b]", ""},
        };
        for (const auto &r : rows)
            QTest::addRow("%s", r[0]) << QString::fromUtf8(r[1]) << QString::fromUtf8(r[2]);
    }
    void exemptionAnnotations()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, tool);
        const ParsedFile file = parseText(yaml.toStdString(), QStringLiteral("a.yaml"));
        QVERIFY(file.ok());
        const yaml::Document &doc = file.stream.documents.at(0);
        const Exemption e = policy::findExemption(doc, doc.root);
        QCOMPARE(e.exempt, !tool.isEmpty());
        QCOMPARE(e.tool, tool);
        QCOMPARE(e.reason.isEmpty(), tool.isEmpty());
    }

    void normalizedTargets_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << QStringLiteral("/tmp") << QStringLiteral("/tmp");
        QTest::addRow("trailing") << QStringLiteral("/var/run/") << QStringLiteral("/var/run");
        QTest::addRow("double") << QStringLiteral("/var//run//") << QStringLiteral("/var/run");
        QTest::addRow("root") << QStringLiteral("/") << QStringLiteral("/");
    }
    void normalizedTargets()
    {
        QFETCH(QString, target);
        QFETCH(QString, expected);
        QCOMPARE(policy::normalizedTarget(target), expected);
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"

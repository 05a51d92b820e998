#include "check/analyze.h"
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
            // kube-score compares each trimmed item exactly (scorecard/enabled.go).
            {"kube-score-case", "{kube-score/ignore: Container-Security-Context-ReadOnlyRootFilesystem}", ""},
            {"kube-score-list",
             "{kube-score/ignore: 'pod-probes, container-security-context-readonlyrootfilesystem'}",
             "kube-score"},
            {"kube-score-other", "{kube-score/ignore: pod-probes}", ""},
            {"monokle", "{monokle.io/suppress.KSV014: 'yes'}", "monokle"},
            // Each tool's spellings and values, as its source reads them (exemptions.h).
            {"kube-linter-empty", "{ignore-check.kube-linter.io/no-read-only-root-fs: ''}", "kube-linter"},
            {"kube-linter-false", "{ignore-check.kube-linter.io/no-read-only-root-fs: 'false'}",
             "kube-linter"},
            {"kube-linter-all", "{kube-linter.io/ignore-all: ''}", "kube-linter"},
            {"kube-linter-case", "{Ignore-Check.kube-linter.io/no-read-only-root-fs: x}", ""},
            {"polaris-TRUE", "{polaris.fairwinds.com/notReadOnlyRootFilesystem-exempt: 'TRUE'}", "polaris"},
            {"polaris-empty", "{polaris.fairwinds.com/exempt: ''}", ""},
            {"polaris-padded", "{polaris.fairwinds.com/exempt: ' true'}", ""},
            {"polaris-lowercase-key", "{polaris.fairwinds.com/notreadonlyrootfilesystem-exempt: 'true'}", ""},
            {"checkov-bare", "{checkov.io/skip: CKV_K8S_22}", "checkov"},
            {"checkov-prefixed", "{x.checkov.io/skipfoo: CKV_K8S_22}", "checkov"},
            {"bridgecrew", "{bridgecrew.io/skip1: 'CKV_K8S_22=legacy'}", "checkov"},
            {"checkov-other", "{checkov.io/skip1: CKV_K8S_20}", ""},
            {"checkov-case", "{checkov.io/skip1: ckv_k8s_22}", ""},
            {"checkov-two-equals", "{checkov.io/skip1: 'CKV_K8S_22=a=b'}", ""},
            {"monokle-lower", "{monokle.io/suppress.ksv014: 'x'}", "monokle"},
            {"monokle-ksv-name", "{monokle.io/suppress.ksv.no-writable-fs: 'x'}", "monokle"},
            {"monokle-kbp", "{monokle.io/suppress.KBP102: 'x'}", "monokle"},
            {"monokle-kbp-name", "{monokle.io/suppress.kbp.no-writable-fs: 'x'}", "monokle"},
            {"monokle-false", "{monokle.io/suppress.KSV014: 'false'}", ""},
            {"monokle-False", "{monokle.io/suppress.KSV014: 'False'}", "monokle"},
            {"monokle-empty", "{monokle.io/suppress.KSV014: ''}", ""},
            {"monokle-first-decides",
             "{monokle.io/suppress.KSV014: 'false', monokle.io/suppress.ksv.no-writable-fs: 'x'}", ""},
            {"monokle-ope", "{monokle.io/suppress.ope.no-writable-fs: 'true'}", ""},
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
        // Through the reader, which records the annotations, and the policy, which decides.
        const std::string pod =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: " + yaml.toStdString() +
            "\nspec:\n  containers: [{name: c, image: x}]\n";
        const ParsedFile file = parseText(pod, QStringLiteral("a.yaml"));
        QVERIFY2(file.ok(), qPrintable(file.errors.value(0).message));
        const Analysis a = analyze(file);
        QCOMPARE(a.workloads.size(), 1);
        const Exemption e = a.workloads[0].exemption;
        QCOMPARE(e.exempt, !tool.isEmpty());
        QCOMPARE(e.tool, tool);
        QCOMPARE(e.reason.isEmpty(), tool.isEmpty());
    }

    // kube-score reads the pod template's annotations first, and its enable there wins over
    // the object's ignore; the other tools read the object's alone.
    void podTemplateAnnotations()
    {
        const auto exemptionOf = [](const char *yaml) {
            const ParsedFile file = parseText(yaml, QStringLiteral("d.yaml"));
            const Analysis a = analyze(file);
            return a.workloads.value(0).exemption;
        };
        const char *head = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n";
        const std::string body = "spec:\n  template:\n    metadata:\n      annotations: {%s}\n    spec:\n"
                                 "      containers: [{name: c, image: x}]\n";
        const auto make = [&](const char *object, const char *templ) {
            std::string s = head;
            if (*object)
                s += std::string("  annotations: {") + object + "}\n";
            std::string b = body;
            b.replace(b.find("%s"), 2, templ);
            return s + b;
        };
        QVERIFY(exemptionOf(
                    make("", "kube-score/ignore: container-security-context-readonlyrootfilesystem").c_str())
                    .exempt);
        QVERIFY(!exemptionOf(make("kube-score/ignore: container-security-context-readonlyrootfilesystem",
                                  "kube-score/enable: container-security-context-readonlyrootfilesystem")
                                 .c_str())
                     .exempt);
        QVERIFY(!exemptionOf(make("", "ignore-check.kube-linter.io/no-read-only-root-fs: x").c_str()).exempt);
        QVERIFY(!exemptionOf(make("", "polaris.fairwinds.com/exempt: 'true'").c_str()).exempt);
    }

    // What undoes a read-only root from inside, in each dialect: DB018 at the setting, and the
    // status says the read-only root is not effective. A mutable workload gets no DB018.
    void defeats_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line"); // of the DB018 finding; 0: none
        const QByteArray svc = "services:\n  app:\n    image: x\n    read_only: true\n";
        QTest::addRow("privileged") << svc + "    privileged: true\n" << 5;
        QTest::addRow("privileged false") << svc + "    privileged: false\n" << 0;
        QTest::addRow("cap_add SYS_ADMIN") << svc + "    cap_add: [NET_ADMIN, SYS_ADMIN]\n" << 5;
        QTest::addRow("cap_add CAP_SYS_ADMIN") << svc + "    cap_add:\n      - cap_sys_admin\n" << 6;
        QTest::addRow("cap_add ALL") << svc + "    cap_add: [ALL]\n" << 5;
        QTest::addRow("cap_add other") << svc + "    cap_add: [NET_BIND_SERVICE]\n" << 0;
        QTest::addRow("docker socket ro")
            << svc + "    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n"
            << 6;
        QTest::addRow("docker socket long")
            << svc +
                   "    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /s\n"
            << 6;
        QTest::addRow("host root writable") << svc + "    volumes:\n      - /:/host\n" << 6;
        QTest::addRow("host etc read-only") << svc + "    volumes:\n      - /etc:/host-etc:ro\n" << 0;
        QTest::addRow("host data writable") << svc + "    volumes:\n      - /srv/data:/data\n" << 0;
        QTest::addRow("mutable privileged")
            << QByteArray("services:\n  app:\n    image: x\n    privileged: true\n") << 0;
        const QByteArray pod =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n"
            "      image: x\n      securityContext:\n        readOnlyRootFilesystem: true\n";
        QTest::addRow("k8s privileged") << pod + "        privileged: true\n" << 10;
        QTest::addRow("k8s SYS_ADMIN") << pod + "        capabilities: {add: [SYS_ADMIN]}\n" << 10;
        QTest::addRow("k8s drop SYS_ADMIN") << pod + "        capabilities: {drop: [SYS_ADMIN]}\n" << 0;
        const QByteArray mounts =
            "      volumeMounts:\n        - {name: sock, mountPath: /var/run/docker.sock, readOnly: true}\n"
            "  volumes:\n    - name: sock\n      hostPath: {path: %1}\n";
        QTest::addRow("k8s docker socket")
            << pod + QByteArray(mounts).replace("%1", "/var/run/docker.sock") << 11;
        QTest::addRow("k8s hostPath /") << pod + "      volumeMounts: [{name: h, mountPath: /host}]\n"
                                                 "  volumes: [{name: h, hostPath: {path: /}}]\n"
                                        << 10;
        QTest::addRow("k8s hostPath data") << pod + "      volumeMounts: [{name: h, mountPath: /d}]\n"
                                                    "  volumes: [{name: h, hostPath: {path: /srv/d}}]\n"
                                           << 0;
    }
    void defeats()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        const Analysis a = analyze(parseText(yaml.toStdString(), QStringLiteral("d.yaml")));
        QCOMPARE(a.workloads.size(), 1);
        const Workload &w = a.workloads[0];
        int found = 0;
        for (const Diagnostic &d : w.findings)
            if (d.rule == QLatin1String(rules::ReadOnlyDefeated)) {
                ++found;
                QCOMPARE(d.severity, Severity::Error);
                QCOMPARE(d.line, line);
                QVERIFY2(d.message.startsWith(QLatin1String("The read-only root is not effective")),
                         qPrintable(d.message));
            }
        QCOMPARE(found, line > 0 ? 1 : 0);
        if (line > 0)
            QCOMPARE(statusName(w.status()), QStringLiteral("immutable-defeated"));
        else
            QVERIFY(w.status() != Status::Defeated);
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

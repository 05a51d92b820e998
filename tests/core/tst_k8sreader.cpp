#include "model/analyzer.h"
#include "modeldump.h"
#include "policy/rules.h"

#include <QtTest>

using namespace deadbolt;

// readKubernetes over hand-written manifests (tests/data/model/k8s/*.yaml, each with a golden
// .expected file), plus explicit checks of what the golden files could hide.

class TestK8sReader : public QObject
{
    Q_OBJECT

private:
    static QVector<Workload> read(const QString &name, ParsedFile *keep = nullptr)
    {
        ParsedFile file = modeldump::parseFile(QStringLiteral(DEADBOLT_TESTDATA "/model/k8s/") + name);
        // The reader records facts; these tests read them as the policy judges them.
        const QVector<Workload> out = modeldump::judged(readKubernetes(file), FileFormat::Kubernetes);
        if (keep)
            *keep = std::move(file);
        return out;
    }
    static QStringList names(const QVector<Workload> &ws)
    {
        QStringList out;
        for (const Workload &w : ws)
            out << w.displayName();
        return out;
    }

private Q_SLOTS:
    void golden_data() { modeldump::addCaseRows(QStringLiteral("k8s")); }
    void golden()
    {
        QFETCH(QString, input);
        const ParsedFile file = modeldump::parseFile(input);
        QVERIFY2(file.ok(), qPrintable(file.errors.value(0).message));
        QCOMPARE(detectFormat(file), FileFormat::Kubernetes);
        modeldump::compareGolden(
            input,
            modeldump::workloads(modeldump::judged(readKubernetes(file), FileFormat::Kubernetes), false));
    }

    void everyWorkloadKind()
    {
        const QStringList expected{
            QStringLiteral("Pod/ns/pod/c"),       QStringLiteral("Deployment/deploy/c"),
            QStringLiteral("StatefulSet/sts/c"),  QStringLiteral("DaemonSet/ds/c"),
            QStringLiteral("ReplicaSet/rs/c"),    QStringLiteral("ReplicationController/rc/c"),
            QStringLiteral("Job/job/c"),          QStringLiteral("CronJob/jobs/cron/c"),
            QStringLiteral("PodTemplate/tmpl/c"),
        };
        QCOMPARE(names(read(QStringLiteral("kinds.yaml"))), expected);
    }

    void listItemsNested()
    {
        const QVector<Workload> ws = read(QStringLiteral("list.yaml"));
        QCOMPARE(names(ws),
                 (QStringList{QStringLiteral("Deployment/shop/web/nginx"), QStringLiteral("Pod/inner/c")}));
        QCOMPARE(ws[0].document, 0);
        QCOMPARE(ws[0].namespaceName, QStringLiteral("shop"));
    }

    void containerLists()
    {
        const QVector<Workload> ws = read(QStringLiteral("containers.yaml"));
        QStringList lists;
        for (const Workload &w : ws)
            lists << w.containerList;
        QCOMPARE(lists, (QStringList{QStringLiteral("initContainers"), QStringLiteral("containers"),
                                     QStringLiteral("containers"), QStringLiteral("containers"),
                                     QStringLiteral("ephemeralContainers")}));
        QCOMPARE(ws[0].rootFs, RootFs::ReadOnly);
        QCOMPARE(ws[1].rootFs, RootFs::WritableDefault); // securityContext: null
        QCOMPARE(ws[2].rootFs, RootFs::WritableExplicit);
        QVERIFY(ws[3].name.isEmpty());
    }

    void volumeKinds()
    {
        const QVector<Workload> ws = read(QStringLiteral("volumes.yaml"));
        QCOMPARE(ws.size(), 1);
        QStringList memory, persistent;
        for (const WritablePath &p : ws[0].inMemory)
            memory << p.target;
        for (const WritablePath &p : ws[0].persistent)
            persistent << p.target;
        QCOMPARE(memory, (QStringList{QStringLiteral("/tmp"), QStringLiteral("/var/cache/app")}));
        QCOMPARE(persistent, (QStringList{QStringLiteral("/scratch"), QStringLiteral("/empty"),
                                          QStringLiteral("/host/logs"), QStringLiteral("/data"),
                                          QStringLiteral("/mnt/csi"), QStringLiteral("/missing"),
                                          QStringLiteral("/eph")}));
        QCOMPARE(ws[0].inMemory[0].size, QStringLiteral("64Mi"));
        QVERIFY(ws[0].inMemory[1].size.isEmpty());
        QCOMPARE(ws[0].inMemory[0].gid, std::optional<qint64>(2000)); // fsGroup owns the volume
        QCOMPARE(ws[0].status(), Status::ImmutableWithExceptions);
    }

    void users()
    {
        const QVector<Workload> ws = read(QStringLiteral("security.yaml"));
        QCOMPARE(ws.size(), 4);
        QCOMPARE(ws[0].runAsUser, std::optional<qint64>(1000));
        QCOMPARE(ws[0].runAsNonRoot, std::optional<bool>(true));
        QCOMPARE(ws[0].fsGroup, std::optional<qint64>(3000));
        QCOMPARE(ws[0].rootFs, RootFs::WritableDefault); // the pod-level key does not count
        QCOMPARE(ws[1].runAsUser, std::optional<qint64>(33));
        QCOMPARE(ws[1].runAsNonRoot, std::optional<bool>(false));
        // readOnlyRootFilesystem: "true" is a string the API rejects: not read-only, an error.
        QCOMPARE(ws[1].rootFs, RootFs::Undetermined);
        QVERIFY(std::any_of(ws[1].findings.begin(), ws[1].findings.end(), [](const Diagnostic &d) {
            return d.rule == QLatin1String("DB017") && d.severity == Severity::Error && d.line == 25;
        }));
        QCOMPARE(ws[2].rootFs, RootFs::Undetermined);
        QCOMPARE(ws[2].status(), Status::Undetermined);
        QVERIFY(ws[3].windows);
        QVERIFY(!ws[0].windows);
    }

    void exemptions_data()
    {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("reason");
        const char *rows[][4] = {
            {"kube-linter", "Deployment/kube-linter", "kube-linter", "legacy app writes to /var/lib/app"},
            {"kube-linter-all", "Pod/kube-linter-all", "kube-linter", "vendor chart"},
            {"polaris", "Pod/polaris", "polaris", "polaris.fairwinds.com/exempt"},
            {"polaris-check", "Pod/polaris-check", "polaris",
             "polaris.fairwinds.com/notReadOnlyRootFilesystem-exempt"},
            {"polaris-false", "Pod/polaris-false", "", ""},
            {"checkov", "Pod/checkov", "checkov", "nginx writes its cache"},
            {"checkov-other", "Pod/checkov-other", "", ""},
            {"kube-score", "Pod/kube-score", "kube-score",
             "pod-probes,container-security-context-readonlyrootfilesystem"},
            {"monokle", "Pod/monokle", "monokle", "writes to /tmp"},
            {"monokle-ope", "Pod/monokle-ope", "",
             ""}, // Monokle reads no ope. form (AnnotationSuppressor.ts)
            {"none", "Pod/pod-template-annotation-only", "", ""},
        };
        for (const auto &r : rows)
            QTest::addRow("%s", r[0])
                << QString::fromUtf8(r[1]) << QString::fromUtf8(r[2]) << QString::fromUtf8(r[3]);
    }
    void exemptions()
    {
        QFETCH(QString, object);
        QFETCH(QString, tool);
        QFETCH(QString, reason);
        for (const Workload &w : read(QStringLiteral("exemptions.yaml"))) {
            if (w.object != object)
                continue;
            QCOMPARE(w.exemption.exempt, !tool.isEmpty());
            QCOMPARE(w.exemption.tool, tool);
            QCOMPARE(w.exemption.reason, reason);
            return;
        }
        QFAIL("object not found");
    }

    void crlfBomLocations()
    {
        ParsedFile file;
        const QVector<Workload> ws = read(QStringLiteral("crlf-bom.yaml"), &file);
        QVERIFY(file.text.hasBom());
        QVERIFY(file.text.usesCrlf());
        QCOMPARE(names(ws), (QStringList{QStringLiteral("Pod/p/a"), QStringLiteral("Pod/q/b")}));
        QCOMPARE(ws[0].location.line, 12);
        QCOMPARE(ws[0].location.column, 7);
        QCOMPARE(ws[0].rootFsLocation.line, 15);
        QCOMPARE(ws[0].rootFsLocation.column, 33);
        QCOMPARE(ws[0].inMemory.value(0).target, QStringLiteral("/tmp"));
        QCOMPARE(ws[0].inMemory.value(0).size, QStringLiteral("8Mi"));
        QCOMPARE(ws[1].document, 3);
    }

    void mergedContainers()
    {
        const QVector<Workload> ws = read(QStringLiteral("anchors.yaml"));
        QCOMPARE(ws.size(), 3);
        QCOMPARE(ws[1].name, QStringLiteral("second"));
        QCOMPARE(ws[1].rootFs, RootFs::ReadOnly);
        QCOMPARE(ws[2].rootFs, RootFs::WritableExplicit);
    }

    void notKubernetesReadsNothing()
    {
        const ParsedFile file = parseText("services: {web: {image: nginx}}\n", QStringLiteral("c.yml"));
        QVERIFY(readKubernetes(file).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestK8sReader)
#include "tst_k8sreader.moc"

#include "check/analyze.h"
#include "model/analyzer.h"
#include "modeldump.h"
#include "project/composeproject.h"

#include <QtTest>

using namespace deadbolt;

// The bundled samples (resources/samples) are what a new user sees first: each must read
// without errors and show the statuses its comments promise.
class TestSamples : public QObject
{
    Q_OBJECT

private:
    static Analysis load(const QString &name)
    {
        return analyze(modeldump::parseFile(QStringLiteral(DEADBOLT_SAMPLES "/") + name));
    }

private Q_SLOTS:
    void statuses_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<FileFormat>("format");
        QTest::addColumn<QStringList>("expected"); // "name=status", in file order
        QTest::addRow("wordpress-compose2")
            << QStringLiteral("wordpress-compose2.yml") << FileFormat::Compose2
            << QStringList{QStringLiteral("wordpress=immutable-with-exceptions"),
                           QStringLiteral("db=immutable-with-exceptions")};
        QTest::addRow("wordpress-stack") << QStringLiteral("wordpress-stack.yml") << FileFormat::Compose3
                                         << QStringList{QStringLiteral("wordpress=immutable-with-exceptions"),
                                                        QStringLiteral("db=immutable-with-exceptions")};
        QTest::addRow("wordpress-k8s")
            << QStringLiteral("wordpress-k8s.yaml") << FileFormat::Kubernetes
            << QStringList{QStringLiteral("Deployment/blog/wordpress/wordpress=immutable-with-exceptions")};
        QTest::addRow("nginx-postgres")
            << QStringLiteral("nginx-postgres.yml") << FileFormat::ComposeSpec
            << QStringList{QStringLiteral("web=immutable-with-exceptions"), QStringLiteral("db=mutable")};
        QTest::addRow("shared-blocks") << QStringLiteral("shared-blocks.yml") << FileFormat::ComposeSpec
                                       << QStringList{QStringLiteral("api=immutable-with-exceptions"),
                                                      QStringLiteral("worker=immutable-with-exceptions"),
                                                      QStringLiteral("scheduler=immutable-with-exceptions"),
                                                      QStringLiteral("migrate=mutable")};
    }
    // resources/samples is installed as it is (share/deadbolt/samples): it holds the samples
    // above and nothing else (a fuzzer once left 104 inputs there).
    void onlyTheDocumentedSamples()
    {
        const QDir dir(QStringLiteral(DEADBOLT_SAMPLES));
        const QStringList present =
            dir.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(present,
                 (QStringList{QStringLiteral("nginx-postgres.yml"), QStringLiteral("shared-blocks.yml"),
                              QStringLiteral("wordpress-compose2.yml"), QStringLiteral("wordpress-k8s.yaml"),
                              QStringLiteral("wordpress-stack.yml")}));
        // The one folder is the sample Compose project (File > Open Project).
        QCOMPARE(dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{QStringLiteral("project")});
        QCOMPARE(QDir(dir.filePath(QStringLiteral("project")))
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
                 (QStringList{QStringLiteral("common.yaml"), QStringLiteral("compose.override.yaml"),
                              QStringLiteral("compose.yaml")}));
    }
    // The sample project merged: api read-only in compose.yaml, made writable by the override.
    void sampleProject()
    {
        ComposeProject project =
            loadProject(defaultProjectFiles(QStringLiteral(DEADBOLT_SAMPLES "/project")));
        const Analysis a = analyzeProject(project);
        QVERIFY2(a.errors.isEmpty(), qPrintable(a.errors.value(0).message));
        QStringList actual;
        for (const Workload &w : a.workloads)
            actual << w.displayName() + QLatin1Char('=') + statusName(w.status());
        QCOMPARE(
            actual,
            (QStringList{QStringLiteral("web=immutable-with-exceptions"), QStringLiteral("api=mutable"),
                         QStringLiteral("mailer=immutable-with-exceptions"), QStringLiteral("db=mutable")}));
        QCOMPARE(a.files.size(), 3); // compose.yaml, its override, and common.yaml that mailer extends
    }
    void statuses()
    {
        QFETCH(QString, file);
        QFETCH(FileFormat, format);
        QFETCH(QStringList, expected);
        const Analysis a = load(file);
        QVERIFY2(a.errors.isEmpty(), qPrintable(a.errors.value(0).message));
        QVERIFY(a.notes.isEmpty());
        QCOMPARE(a.format, format);
        QStringList actual;
        for (const Workload &w : a.workloads)
            actual << w.displayName() + QLatin1Char('=') + statusName(w.status());
        QCOMPARE(actual, expected);
        // An immutable sample shows no warnings: it is the example to copy.
        for (const Workload &w : a.workloads) {
            if (w.status() == Status::Mutable)
                continue;
            for (const Diagnostic &d : w.findings)
                QVERIFY2(d.severity == Severity::Info, qPrintable(w.name + QLatin1String(": ") + d.message));
        }
    }

    void wordpressCompose2TmpfsOwnedByWwwData()
    {
        const Analysis a = load(QStringLiteral("wordpress-compose2.yml"));
        const Workload &wp = a.workloads.at(0);
        QCOMPARE(wp.inMemory.size(), 3);
        QCOMPARE(wp.inMemory[0].kind, PathKind::TmpfsShort);
        QCOMPARE(wp.inMemory[0].target, QStringLiteral("/var/run/apache2"));
        QCOMPARE(wp.inMemory[0].uid, std::optional<qint64>(33));
        QCOMPARE(wp.persistent.size(), 1);
    }

    void wordpressStackUsesTmpfsVolumes()
    {
        const Analysis a = load(QStringLiteral("wordpress-stack.yml"));
        for (const Workload &w : a.workloads) {
            QVERIFY(!w.inMemory.isEmpty());
            for (const WritablePath &p : w.inMemory) {
                QCOMPARE(p.kind, PathKind::TmpfsVolume); // service tmpfs would be dropped by Swarm
                QVERIFY(!p.size.isEmpty());
                QVERIFY(p.definition.line > 0);
            }
        }
        QCOMPARE(a.workloads.at(0).inMemory.at(0).uid, std::optional<qint64>(33));
    }

    void wordpressK8sEmptyDirs()
    {
        const Analysis a = load(QStringLiteral("wordpress-k8s.yaml"));
        const Workload &w = a.workloads.at(0);
        QCOMPARE(w.fsGroup, std::optional<qint64>(33));
        QCOMPARE(w.inMemory.size(), 3);
        for (const WritablePath &p : w.inMemory) {
            QCOMPARE(p.kind, PathKind::EmptyDirMemory);
            QVERIFY(!p.size.isEmpty());
        }
        QCOMPARE(w.persistent.value(0).kind, PathKind::PersistentClaim);
    }

    void sharedBlockProvenance()
    {
        const Analysis a = load(QStringLiteral("shared-blocks.yml"));
        const QStringList all{QStringLiteral("api"), QStringLiteral("worker"), QStringLiteral("scheduler"),
                              QStringLiteral("migrate")};
        for (int i = 0; i < 3; ++i) {
            const Provenance &p = a.workloads.at(i).rootFsProvenance;
            QVERIFY(p.shared);
            QCOMPARE(p.anchor, QStringLiteral("hardened"));
            QCOMPARE(p.sharedBy, all);
        }
        QVERIFY(!a.workloads.at(3).rootFsProvenance.shared);
    }

    void validForTheRealValidators_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("oracle");
        QTest::addRow("wordpress-compose2")
            << QStringLiteral("wordpress-compose2.yml") << QStringLiteral("compose-validate");
        QTest::addRow("wordpress-stack")
            << QStringLiteral("wordpress-stack.yml") << QStringLiteral("compose-validate");
        QTest::addRow("nginx-postgres")
            << QStringLiteral("nginx-postgres.yml") << QStringLiteral("compose-validate");
        QTest::addRow("shared-blocks")
            << QStringLiteral("shared-blocks.yml") << QStringLiteral("compose-validate");
        QTest::addRow("wordpress-k8s")
            << QStringLiteral("wordpress-k8s.yaml") << QStringLiteral("k8s-validate");
    }
    void validForTheRealValidators()
    {
        QFETCH(QString, file);
        QFETCH(QString, oracle);
        const QString tool = QStringLiteral(DEADBOLT_SHARED "/oracles/") + oracle;
        if (!QFileInfo::exists(tool))
            QSKIP("the shared oracles (DEADBOLT_SHARED/oracles) are not here");
        if (oracle == QLatin1String("compose-validate") &&
            QStandardPaths::findExecutable(QStringLiteral("docker-compose")).isEmpty())
            QSKIP("docker-compose is not installed");
        if (oracle == QLatin1String("k8s-validate") &&
            QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            QSKIP("node is not installed");
        QProcess p;
        p.start(tool, {QStringLiteral(DEADBOLT_SAMPLES "/") + file});
        QVERIFY(p.waitForFinished(180000));
        if (p.exitCode() == 2) // the oracle could not run (no npm registry, no docker-compose)
            QSKIP(p.readAllStandardError().constData());
        QVERIFY2(p.exitCode() == 0, p.readAllStandardOutput().constData());
    }
};

QTEST_GUILESS_MAIN(TestSamples)
#include "tst_samples.moc"

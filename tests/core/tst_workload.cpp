#include "model/workload.h"

#include <QtTest>

using namespace deadbolt;

class TestWorkload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status_data()
    {
        QTest::addColumn<RootFs>("rootFs");
        QTest::addColumn<int>("inMemory");
        QTest::addColumn<int>("persistent");
        QTest::addColumn<Status>("status");
        QTest::addRow("read-only") << RootFs::ReadOnly << 0 << 0 << Status::Immutable;
        QTest::addRow("read-only+tmpfs") << RootFs::ReadOnly << 2 << 0 << Status::ImmutableWithExceptions;
        QTest::addRow("read-only+volume") << RootFs::ReadOnly << 0 << 1 << Status::ImmutableWithExceptions;
        QTest::addRow("explicit") << RootFs::WritableExplicit << 1 << 0 << Status::Mutable;
        QTest::addRow("default") << RootFs::WritableDefault << 0 << 0 << Status::Mutable;
        QTest::addRow("undetermined") << RootFs::Undetermined << 1 << 1 << Status::Undetermined;
    }
    void status()
    {
        QFETCH(RootFs, rootFs);
        QFETCH(int, inMemory);
        QFETCH(int, persistent);
        QFETCH(Status, status);
        Workload w;
        w.rootFs = rootFs;
        w.inMemory.resize(inMemory);
        w.persistent.resize(persistent);
        QCOMPARE(w.status(), status);
    }

    void names()
    {
        QCOMPARE(statusName(Status::Immutable), QStringLiteral("immutable"));
        QCOMPARE(statusName(Status::ImmutableWithExceptions), QStringLiteral("immutable-with-exceptions"));
        QCOMPARE(statusName(Status::Mutable), QStringLiteral("mutable"));
        QCOMPARE(statusName(Status::Undetermined), QStringLiteral("undetermined"));
    }

    void inMemoryKinds_data()
    {
        QTest::addColumn<PathKind>("kind");
        QTest::addColumn<bool>("inMemory");
        QTest::addColumn<QString>("name");
        QTest::addRow("tmpfs") << PathKind::TmpfsShort << true << QStringLiteral("tmpfs");
        QTest::addRow("tmpfs-mount") << PathKind::TmpfsLong << true << QStringLiteral("tmpfs-mount");
        QTest::addRow("tmpfs-volume") << PathKind::TmpfsVolume << true << QStringLiteral("tmpfs-volume");
        QTest::addRow("emptydir-memory")
            << PathKind::EmptyDirMemory << true << QStringLiteral("emptydir-memory");
        QTest::addRow("bind") << PathKind::Bind << false << QStringLiteral("bind");
        QTest::addRow("volume") << PathKind::NamedVolume << false << QStringLiteral("volume");
        QTest::addRow("hostpath") << PathKind::HostPath << false << QStringLiteral("hostpath");
        QTest::addRow("emptydir-disk") << PathKind::EmptyDirDisk << false << QStringLiteral("emptydir-disk");
        QTest::addRow("pvc") << PathKind::PersistentClaim << false
                             << QStringLiteral("persistent-volume-claim");
        QTest::addRow("other") << PathKind::OtherVolume << false << QStringLiteral("other-volume");
    }
    void inMemoryKinds()
    {
        QFETCH(PathKind, kind);
        QFETCH(bool, inMemory);
        QFETCH(QString, name);
        WritablePath p;
        p.kind = kind;
        QCOMPARE(p.inMemory(), inMemory);
        QCOMPARE(pathKindName(kind), name);
    }

    void displayName()
    {
        Workload compose;
        compose.name = QStringLiteral("web");
        QCOMPARE(compose.displayName(), QStringLiteral("web"));
        Workload k8s;
        k8s.name = QStringLiteral("nginx");
        k8s.object = QStringLiteral("Deployment/shop/web");
        QCOMPARE(k8s.displayName(), QStringLiteral("Deployment/shop/web/nginx"));
    }
};

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"

#include "document.h"
#include "models/roles.h"
#include "models/workloadfiltermodel.h"
#include "models/workloadlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace deadbolt;

// The workload list as a model: structure (Compose flat, Kubernetes grouped under the
// object), roles, filtering, and that setData asks for an edit instead of changing data.
class tst_WorkloadListModel : public QObject
{
    Q_OBJECT
private slots:
    void rows_data();
    void rows();
    void kubernetesGroups();
    void filterByStatusAndText();
    void setDataAsksForAnEdit();
    void followsTheDocument();
    void editsUpdateRowsInPlace();

private:
    static void load(Document &doc, const QByteArray &text)
    {
        doc.setInitialText(text.toStdString(), QStringLiteral("test.yml"));
        QSignalSpy spy(&doc, &Document::loadingChanged);
        QVERIFY(!doc.isLoading() || spy.wait(5000));
    }
};

void tst_WorkloadListModel::rows_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("topLevel");
    QTest::addColumn<int>("workloads");
    QTest::addRow("compose 2") << "wordpress-compose2.yml" << 2 << 2;
    QTest::addRow("stack") << "wordpress-stack.yml" << 2 << 2;
    QTest::addRow("nginx postgres") << "nginx-postgres.yml" << 2 << 2;
    QTest::addRow("shared blocks") << "shared-blocks.yml" << 4 << 4;
}

void tst_WorkloadListModel::rows()
{
    QFETCH(QString, sample);
    QFETCH(int, topLevel);
    QFETCH(int, workloads);
    WorkloadListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Document doc;
    model.setDocument(&doc);
    QString error;
    QVERIFY2(doc.load(QStringLiteral(DEADBOLT_SAMPLES "/") + sample, &error), qPrintable(error));
    QTRY_COMPARE(model.rowCount(), topLevel);
    QCOMPARE(doc.analysis().workloads.size(), workloads);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, WorkloadListModel::NameColumn);
        QVERIFY(!index.data(WorkloadKeyRole).toString().isEmpty());
        // The status column speaks in words, not only through the delegate's colour.
        QVERIFY(!model.index(row, WorkloadListModel::StatusColumn).data().toString().isEmpty());
    }
}

void tst_WorkloadListModel::kubernetesGroups()
{
    WorkloadListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Document doc;
    model.setDocument(&doc);
    load(doc, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n"
              "  template:\n    spec:\n      containers:\n        - name: app\n          image: a\n"
              "          securityContext:\n            readOnlyRootFilesystem: true\n"
              "        - name: sidecar\n          image: b\n---\napiVersion: v1\nkind: Pod\nmetadata:\n"
              "  name: one\nspec:\n  containers:\n    - name: c\n      image: c\n");
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex deployment = model.index(0, 0);
    QVERIFY(deployment.data(IsGroupRole).toBool());
    QCOMPARE(model.rowCount(deployment), 2);
    QCOMPARE(model.index(0, 0, deployment).data().toString(), QStringLiteral("app"));
    QCOMPARE(Status(model.index(0, 0, deployment).data(StatusRole).toInt()), Status::Immutable);
    QCOMPARE(Status(model.index(1, 0, deployment).data(StatusRole).toInt()), Status::Mutable);
    // The object shows the worst of its containers.
    QCOMPARE(Status(deployment.data(StatusRole).toInt()), Status::Mutable);
    QCOMPARE(model.indexForKey(model.index(1, 0, deployment).data(WorkloadKeyRole).toString()),
             model.index(1, 0, deployment));
}

void tst_WorkloadListModel::filterByStatusAndText()
{
    WorkloadListModel model;
    WorkloadFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Document doc;
    model.setDocument(&doc);
    load(doc, "services:\n  web:\n    image: a\n    read_only: true\n  db:\n    image: b\n  cache:\n    "
              "image: c\n");
    QCOMPARE(filter.rowCount(), 3);
    filter.setStatusFilter(Status::Mutable);
    QCOMPARE(filter.rowCount(), 2);
    filter.setTextFilter(QStringLiteral("DB"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("db"));
    filter.setStatusFilter(std::nullopt);
    filter.setTextFilter(QString());
    QCOMPARE(filter.rowCount(), 3);
}

void tst_WorkloadListModel::setDataAsksForAnEdit()
{
    WorkloadListModel model;
    Document doc;
    model.setDocument(&doc);
    load(doc, "services:\n  web:\n    image: a\n");
    QString asked;
    bool value = false;
    model.setReadOnlyRequest([&](const Workload &w, bool on) {
        asked = w.name;
        value = on;
        return true;
    });
    const std::string before = doc.text();
    QVERIFY(model.setData(model.index(0, 0), true, ReadOnlyRole));
    QCOMPARE(asked, QStringLiteral("web"));
    QVERIFY(value);
    // The model itself changed nothing: the request owner edits through the undo stack.
    QCOMPARE(doc.text(), before);
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("x"), Qt::DisplayRole));
}

void tst_WorkloadListModel::followsTheDocument()
{
    WorkloadListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Document doc;
    doc.setAnalysisDelay(0);
    model.setDocument(&doc);
    load(doc, "services:\n  web:\n    image: a\n");
    QCOMPARE(model.rowCount(), 1);
    doc.editText("services:\n  web:\n    image: a\n  db:\n    image: b\n");
    QTRY_COMPARE(model.rowCount(), 2);
    // A parse error keeps the last good rows.
    doc.editText("services:\n  web:\n    image: [a\n  db:\n    image: b\n");
    QTRY_VERIFY(!doc.parseErrors().isEmpty());
    QCOMPARE(model.rowCount(), 2);
}

// An edit that changes values, not which workloads there are, updates the rows in place (no
// reset: the view keeps its expanded groups, selection and scroll); a workload added resets.
void tst_WorkloadListModel::editsUpdateRowsInPlace()
{
    WorkloadListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Document doc;
    doc.setAnalysisDelay(0);
    model.setDocument(&doc);
    load(doc, "services:\n  web:\n    image: a\n  db:\n    image: b\n");
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy updated(&model, &WorkloadListModel::rowsUpdated);
    QCOMPARE(model.indexForKey(QStringLiteral("db")).row(), 1);
    doc.editText("services:\n  web:\n    image: a\n    read_only: true\n  db:\n    image: b\n");
    QTRY_COMPARE(updated.count(), 1);
    QCOMPARE(resets.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.index(0, 0).data(ReadOnlyRole).toBool(), true);
    doc.editText("services:\n  web:\n    image: a\n  api:\n    image: c\n  db:\n    image: b\n");
    QTRY_COMPARE(resets.count(), 1);
    QCOMPARE(model.indexForKey(QStringLiteral("db")).row(), 2);
    QVERIFY(!model.indexForKey(QStringLiteral("nothing")).isValid());
}

QTEST_MAIN(tst_WorkloadListModel)
#include "tst_workloadlistmodel.moc"

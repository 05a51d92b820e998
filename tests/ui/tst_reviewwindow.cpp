// The Review window: its change list (regressions first) and the two sides scrolled to the
// selected change.
#include "changereview/reviewchangemodel.h"
#include "changereview/reviewwindow.h"
#include "views/codeeditor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPointer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace deadbolt;

namespace {

const QString Golden = QStringLiteral(DEADBOLT_TESTDATA "/review/golden");

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, column).data().toString();
    return out;
}

int rowOf(const QAbstractItemModel *model, const QString &kind, const QString &workload)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ReviewChangeModel::KindRole).toString() == kind &&
            model->index(row, ReviewChangeModel::WorkloadColumn).data().toString() == workload)
            return row;
    }
    return -1;
}

} // namespace

class TestReviewWindow : public QObject
{
    Q_OBJECT
private slots:
    void listsChangesRegressionsFirst();
    void selectingAChangeScrollsBothSides();
    void directoriesSwitchFiles();
    void projectShowsTheFileOfTheChange();
    void twoSamples();
    void errorsAreShown();
    void showReviewWindowOpensAWindow();
    void comparisonRunsInTheBackgroundAndCancels();
};

void TestReviewWindow::listsChangesRegressionsFirst()
{
    ReviewWindow window;
    QAbstractItemModelTester tester(window.changeModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.compareFiles(Golden + QStringLiteral("/old/compose.yml"),
                        Golden + QStringLiteral("/new/compose.yml"));
    QVERIFY(window.waitForComparison()); // it runs in the background
    const QAbstractItemModel *model = window.changeModel();
    QCOMPARE(column(model, ReviewChangeModel::SeverityColumn),
             (QStringList{QStringLiteral("regression"), QStringLiteral("improvement"), QStringLiteral("info"),
                          QStringLiteral("info"), QStringLiteral("info")}));
    QCOMPARE(column(model, ReviewChangeModel::WorkloadColumn),
             (QStringList{QStringLiteral("web"), QStringLiteral("api"), QStringLiteral("web"),
                          QStringLiteral("api"), QStringLiteral("legacy")}));
    QCOMPARE(model->index(0, 0).data(ReviewChangeModel::KindRole).toString(),
             QStringLiteral("in-memory-path-added"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("reviewSummary"))->text(),
             QStringLiteral("1 regression, 1 improvement, 3 other changes in 3 workloads"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("reviewErrors"))->isHidden());
    // A single file needs no file chooser.
    QVERIFY(window.findChild<QComboBox *>(QStringLiteral("reviewFile"))->isHidden());
}

void TestReviewWindow::selectingAChangeScrollsBothSides()
{
    ReviewWindow window;
    window.compareFiles(Golden + QStringLiteral("/old/compose.yml"),
                        Golden + QStringLiteral("/new/compose.yml"));
    QVERIFY(window.waitForComparison()); // it runs in the background
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *oldText = window.findChild<CodeEditor *>(QStringLiteral("reviewOldText"));
    auto *newText = window.findChild<CodeEditor *>(QStringLiteral("reviewNewText"));
    QVERIFY(oldText && newText);
    QVERIFY(newText->toPlainText().contains(QLatin1String("/tmp:size=16m")));
    // The window opens on the first regression: /tmp added to web at new line 8; the old
    // side shows web itself (line 2).
    QCOMPARE(newText->markedFirst(), 8);
    QCOMPARE(oldText->markedFirst(), 2);
    QCOMPARE(newText->textCursor().blockNumber() + 1, 8);

    auto *view = window.findChild<QTableView *>(QStringLiteral("reviewChanges"));
    const int legacy =
        rowOf(window.changeModel(), QStringLiteral("workload-removed"), QStringLiteral("legacy"));
    QVERIFY(legacy >= 0);
    // Click the row as a user would.
    const QRect rect = view->visualRect(view->model()->index(legacy, ReviewChangeModel::ChangeColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(oldText->markedFirst(), 12);
    QCOMPARE(newText->markedFirst(), 0); // removed: no place in the new version
    QCOMPARE(oldText->textCursor().blockNumber() + 1, 12);
    // Removed lines are marked on the left, added ones on the right.
    QVERIFY(oldText->changedLines().contains(12));
    QVERIFY(newText->changedLines().contains(8));
    QVERIFY(!newText->changedLines().contains(1));
}

void TestReviewWindow::directoriesSwitchFiles()
{
    ReviewWindow window;
    window.compareFiles(Golden + QStringLiteral("/old"), Golden + QStringLiteral("/new"));
    QVERIFY(window.waitForComparison()); // it runs in the background
    auto *files = window.findChild<QComboBox *>(QStringLiteral("reviewFile"));
    QCOMPARE(files->count(), 3);
    QVERIFY(!files->isHidden());
    const int k8s = rowOf(window.changeModel(), QStringLiteral("became-undetermined"),
                          QStringLiteral("Deployment/prod/app/app"));
    QVERIFY(k8s >= 0);
    window.selectChange(k8s);
    QCOMPARE(window.currentFile(), 1);
    QVERIFY(files->currentText().startsWith(QLatin1String("k8s/app.yaml")));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("reviewNewTitle"))
                ->text()
                .endsWith(QLatin1String("k8s/app.yaml")));
    QCOMPARE(window.findChild<CodeEditor *>(QStringLiteral("reviewNewText"))->markedFirst(), 13);
    // Choosing a file by hand shows it.
    files->setCurrentIndex(2);
    QVERIFY(window.findChild<CodeEditor *>(QStringLiteral("reviewNewText"))->markedFirst() == 0);
    QVERIFY(files->currentText().contains(QLatin1String("unchanged")));
}

// Two folders holding a compose.yaml and its override: one project, and selecting a change
// shows, on each side, the file of the project its line is in.
void TestReviewWindow::projectShowsTheFileOfTheChange()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto put = [&](const QString &name, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(tmp.filePath(name)).path());
        QFile f(tmp.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    const QByteArray base = "services:\n  web:\n    image: nginx\n    read_only: true\n";
    QVERIFY(put(QStringLiteral("old/compose.yaml"), base));
    QVERIFY(put(QStringLiteral("old/compose.override.yaml"), "services:\n  web:\n    ports: ['80:80']\n"));
    QVERIFY(put(QStringLiteral("new/compose.yaml"), base));
    QVERIFY(put(QStringLiteral("new/compose.override.yaml"),
                "services:\n  web:\n    ports: ['80:80']\n    read_only: false\n"));
    ReviewWindow window;
    window.compareFiles(tmp.filePath(QStringLiteral("old")), tmp.filePath(QStringLiteral("new")));
    QVERIFY(window.waitForComparison()); // it runs in the background
    QCOMPARE(window.review().files.size(), 1);
    const int row = rowOf(window.changeModel(), QStringLiteral("became-mutable"), QStringLiteral("web"));
    QVERIFY(row >= 0);
    window.selectChange(row);
    const QString newTitle = window.findChild<QLabel *>(QStringLiteral("reviewNewTitle"))->text();
    const QString oldTitle = window.findChild<QLabel *>(QStringLiteral("reviewOldTitle"))->text();
    QVERIFY2(newTitle.endsWith(QLatin1String("new/compose.override.yaml")), qPrintable(newTitle));
    QVERIFY2(oldTitle.endsWith(QLatin1String("old/compose.yaml")),
             qPrintable(oldTitle)); // read_only: true was there
    auto *newText = window.findChild<CodeEditor *>(QStringLiteral("reviewNewText"));
    QVERIFY(newText->toPlainText().contains(QLatin1String("read_only: false")));
    QCOMPARE(newText->markedFirst(), 4);
    QCOMPARE(window.findChild<CodeEditor *>(QStringLiteral("reviewOldText"))->markedFirst(), 4);
}

void TestReviewWindow::twoSamples()
{
    // Two different bundled samples: every service of one is removed, every one of the other added.
    ReviewWindow window;
    window.compareFiles(QStringLiteral(DEADBOLT_SAMPLES "/wordpress-compose2.yml"),
                        QStringLiteral(DEADBOLT_SAMPLES "/nginx-postgres.yml"));
    QVERIFY(window.waitForComparison()); // it runs in the background
    const Review &review = window.review();
    QCOMPARE(review.files.size(), 1);
    const FileReview &f = review.files.first();
    QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.value(0).message));
    QVERIFY(!f.before.analysis.workloads.isEmpty());
    QVERIFY(!f.after.analysis.workloads.isEmpty());
    int added = 0;
    int removed = 0;
    for (int row = 0; row < window.changeModel()->rowCount(); ++row) {
        const QString kind = window.changeModel()->index(row, 0).data(ReviewChangeModel::KindRole).toString();
        added += kind == QLatin1String("workload-added");
        removed += kind == QLatin1String("workload-removed");
    }
    QVERIFY(added + removed > 0);
    QVERIFY(added <= f.after.analysis.workloads.size());
    QVERIFY(removed <= f.before.analysis.workloads.size());
}

void TestReviewWindow::errorsAreShown()
{
    ReviewWindow window;
    window.compareFiles(Golden + QStringLiteral("/old/compose.yml"), Golden + QStringLiteral("/no-such.yml"));
    QVERIFY(window.waitForComparison()); // it runs in the background
    auto *errors = window.findChild<QLabel *>(QStringLiteral("reviewErrors"));
    QVERIFY(!errors->isHidden());
    QVERIFY2(errors->text().contains(QLatin1String("no such file")), qPrintable(errors->text()));
    QCOMPARE(window.changeModel()->rowCount(), 0);
}

void TestReviewWindow::showReviewWindowOpensAWindow()
{
    QWidget parent;
    showReviewWindow(&parent, Golden + QStringLiteral("/old/compose.yml"),
                     Golden + QStringLiteral("/new/compose.yml"));
    auto *window = parent.findChild<ReviewWindow *>(QStringLiteral("reviewWindow"));
    QVERIFY(window);
    QVERIFY(window->isVisible());
    QVERIFY(window->isWindow());
    QVERIFY(window->waitForComparison());
    QCOMPARE(window->changeModel()->rowCount(), 5);
    QPointer<ReviewWindow> guard(window);
    window->close();
    QTRY_VERIFY(guard.isNull()); // deletes itself on close
}

// Two folders of 400 files each: compareFiles returns at once with the progress bar shown,
// the event loop keeps turning (a timer fires) while it runs, and Cancel stops it between
// files with the window saying so.
void TestReviewWindow::comparisonRunsInTheBackgroundAndCancels()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    for (const char *side : {"old", "new"}) {
        QDir().mkpath(tmp.filePath(QLatin1String(side)));
        for (int i = 0; i < 400; ++i) {
            QFile f(tmp.filePath(QStringLiteral("%1/svc%2.yml").arg(QLatin1String(side)).arg(i)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("services:\n  web:\n    image: nginx\n    read_only: ") +
                    (QByteArray(side) == "old" ? "true" : "false") + "\n");
        }
    }
    ReviewWindow window;
    window.show();
    window.compareFiles(tmp.filePath(QStringLiteral("old")), tmp.filePath(QStringLiteral("new")));
    // It returned before the comparison was shown: that happens on the event loop, later (a
    // check of what happened, not of how long it took: no timing in a unit test).
    QVERIFY(window.isComparing());
    QVERIFY(window.review().files.isEmpty());
    auto *busy = window.findChild<QWidget *>(QStringLiteral("reviewBusy"));
    QVERIFY(busy && busy->isVisibleTo(&window));
    QVERIFY(window.waitForComparison());
    QCOMPARE(window.review().files.size(), 400);
    QCOMPARE(summarize(window.review()).regressions, 400);
    QVERIFY(!busy->isVisibleTo(&window));

    // Cancel: asked before the worker reaches its first file, it stops there.
    window.compareFiles(tmp.filePath(QStringLiteral("old")), tmp.filePath(QStringLiteral("new")));
    window.cancelComparison();
    QVERIFY(window.waitForComparison());
    QVERIFY(window.review().files.size() < 400);
    QCOMPARE(window.review().errors.size(), 1);
    QVERIFY(window.review().errors[0].message.contains(QLatin1String("cancelled")));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("reviewErrors"))
                ->text()
                .contains(QLatin1String("cancelled")));
}

QTEST_MAIN(TestReviewWindow)
#include "tst_reviewwindow.moc"

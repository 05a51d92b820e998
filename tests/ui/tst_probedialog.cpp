// "Learn writable paths..." (issue 14): the probe dialog runs against a real Docker engine in
// the background, shows its steps, and applies its proposal as one undo step. The engine and
// the busybox test image as in tst_cli_probe; skipped with the reason where there is none
// (CI requires one: DEADBOLT_REQUIRE_DOCKER=1).
#include "dialogs/probedialog.h"
#include "panels/inspectorpanel.h"
#include "windowfixture.h"

#include "busyboximage.h"
#include "clirun.h"

#include <QPushButton>
#include <QSpinBox>

using namespace deadbolt;

namespace {

const QString Image = QStringLiteral("deadbolt-test/busybox:dialog");

} // namespace

class tst_ProbeDialog : public QObject, protected testing::WindowFixture
{
    Q_OBJECT
    QString m_skip;
    QTemporaryDir m_images;

private slots:
    void initTestCase()
    {
        enterTestMode();
        m_skip = testing::dockerMissing();
        if (!m_skip.isEmpty()) {
            if (qEnvironmentVariable("DEADBOLT_REQUIRE_DOCKER") == QLatin1String("1"))
                QFAIL(qPrintable(m_skip +
                                 QStringLiteral(", and DEADBOLT_REQUIRE_DOCKER=1 (CI) requires them")));
            return;
        }
        const QString error = testing::importBusyboxImage(m_images.path(), Image);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }
    void cleanupTestCase()
    {
        if (m_skip.isEmpty())
            testing::runProgram(QStringLiteral("docker"),
                                {QStringLiteral("rmi"), QStringLiteral("--force"), Image});
    }

    void learnsAndApplies()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const QString path = m_dir->filePath(QStringLiteral("app.yaml"));
        const std::string text =
            "services:\n  app:\n    image: " + Image.toStdString() +
            "\n    command: sh -c \"mkdir -p /var/cache/app && touch /var/cache/app/x /tmp/y "
            "&& exec sleep 60\"\n";
        QVERIFY(writeFile(path, text));
        DocumentView *view = open(path);
        QVERIFY(view);
        select(view, QStringLiteral("app"));
        QVERIFY(view->inspector()->findChild<QPushButton *>(QStringLiteral("learnPaths")));

        ProbeDialog dialog(view->edits(), QStringLiteral("app"));
        dialog.secondsBox()->setValue(6); // room for a loaded machine: it writes at once, then sleeps
        dialog.show();
        dialog.start();
        QVERIFY(dialog.running());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.running(), 60000);
        QTRY_VERIFY(dialog.log().contains(QLatin1String("trial: read-only")));
        QVERIFY2(dialog.result().ok(), qPrintable(dialog.result().error));
        QCOMPARE(dialog.result().needs.directories,
                 (QStringList{QStringLiteral("/tmp"), QStringLiteral("/var/cache")}));
        QVERIFY(dialog.applyButton()->isEnabled());
        if (const QString out = qEnvironmentVariable("DEADBOLT_SCREENSHOT"); !out.isEmpty())
            dialog.grab().save(out);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);

        Document *doc = view->document();
        QVERIFY2(doc->text().find("read_only: true") != std::string::npos, doc->text().c_str());
        QVERIFY2(doc->text().find("/var/cache:size=64m") != std::string::npos, doc->text().c_str());
        QCOMPARE(doc->undoStack()->count(), 1);
        doc->undoStack()->undo();
        QCOMPARE(doc->text(), text);
    }

    // No engine: a clear message in the dialog, nothing applied, never a hang.
    void noEngine()
    {
        const QString path = m_dir->filePath(QStringLiteral("none.yaml"));
        QVERIFY(writeFile(path, "services:\n  app:\n    image: busybox\n"));
        DocumentView *view = open(path);
        QVERIFY(view);
        const QByteArray saved = qgetenv("DOCKER_HOST");
        qputenv("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        ProbeDialog dialog(view->edits(), QStringLiteral("app"));
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.running(), 60000);
        qputenv("DOCKER_HOST", saved);
        if (saved.isEmpty())
            qunsetenv("DOCKER_HOST");
        QVERIFY(!dialog.result().ok());
        QVERIFY2(dialog.log().contains(QLatin1String("Docker is not available")) ||
                     dialog.log().contains(QLatin1String("cannot run")),
                 qPrintable(dialog.log()));
        QVERIFY(!dialog.applyButton()->isEnabled());
    }
};

QTEST_MAIN(tst_ProbeDialog)
#include "tst_probedialog.moc"

// The project window on the bundled sample project (copied to a temporary folder): one list
// of the merged services, the selection jumping to the file and line of the value, edits
// into the file the value comes from, into a chosen file or a new override file, each one
// undo step back to the original bytes, and Save All writing every changed file; the saved
// project held against the real docker-compose where the oracle is there.
#include "mainwindow.h"
#include "project/projectdocument.h"
#include "project/projectwindow.h"
#include "projectoracle.h"
#include "views/codeeditor.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace deadbolt;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool copySample(const QString &to)
{
    const QDir from(QStringLiteral(DEADBOLT_SAMPLES "/project"));
    for (const QString &name : from.entryList(QDir::Files))
        if (!QFile::copy(from.filePath(name), to + QLatin1Char('/') + name))
            return false;
    return true;
}

const Workload *find(const ProjectDocument *doc, const QString &name)
{
    for (const Workload &w : doc->analysis().workloads)
        if (w.name == name)
            return &w;
    return nullptr;
}

} // namespace

class tst_ProjectWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void listsTheMergedServices();
    void selectionJumpsToTheValue();
    void editGoesWhereTheValueIsWritten();
    void editIntoAChosenFile();
    void editIntoANewOverrideFile();
    void saveWritesEveryChangedFile();
    void refusedEditChangesNothing();
    void openedFromTheMainWindow();
    void titleFollowsTheCleanState();
    void overrideFileAlreadyOnDisk();
    void savedOverrideSurvivesUndo();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dir;
    QMap<QString, QByteArray> m_original;
    QPointer<ProjectWindow> m_window;

    ProjectWindow *open()
    {
        auto *doc = new ProjectDocument;
        QString error;
        if (!doc->load({m_dir}, {}, &error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        m_window = new ProjectWindow(doc);
        return m_window;
    }
    QString file(const char *name) const { return m_dir + QLatin1Char('/') + QLatin1String(name); }
    void verifyOnDiskUnchanged()
    {
        for (auto it = m_original.cbegin(); it != m_original.cend(); ++it)
            QCOMPARE(readAll(it.key()), it.value());
    }
};

void tst_ProjectWindow::init()
{
    delete m_window;
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_dir = QDir(m_tmp->path()).canonicalPath();
    QVERIFY(copySample(m_dir));
    m_original.clear();
    for (const char *name : {"compose.yaml", "compose.override.yaml", "common.yaml"})
        m_original.insert(file(name), readAll(file(name)));
}

void tst_ProjectWindow::listsTheMergedServices()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    QTreeWidget *list = w->workloadList();
    QCOMPARE(list->topLevelItemCount(), 4);
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        rows << list->topLevelItem(i)->text(0) + QLatin1Char('=') + list->topLevelItem(i)->text(1);
    // api is read-only in compose.yaml, made writable by the override docker compose reads too.
    QCOMPARE(rows, (QStringList{QStringLiteral("web=With exceptions"), QStringLiteral("api=Mutable"),
                                QStringLiteral("mailer=With exceptions"), QStringLiteral("db=Mutable")}));
    QCOMPARE(list->topLevelItem(1)->text(2), QStringLiteral("compose.override.yaml:5 (override file)"));
    QCOMPARE(list->topLevelItem(2)->text(2), QStringLiteral("common.yaml:5 (extends)"));
    QCOMPARE(w->fileTabs()->count(), 3);
    QCOMPARE(w->fileTabs()->tabText(0), QStringLiteral("compose.yaml"));
    // The targets: the default, each -f file, a new override file.
    QCOMPARE(w->targetChoice()->count(), 4);
}

void tst_ProjectWindow::selectionJumpsToTheValue()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    w->selectWorkload(QStringLiteral("api"));
    CodeEditor *override = w->editorOf(file("compose.override.yaml"));
    QVERIFY(override);
    QCOMPARE(w->fileTabs()->currentWidget(), override);
    QCOMPARE(override->textCursor().blockNumber() + 1, 5);
    QCOMPARE(override->markedFirst(), 5);
    QVERIFY2(w->details()->text().contains(QLatin1String("compose.override.yaml:5</a> (override file)")),
             qPrintable(w->details()->text()));
    // A path's link opens its file: /tmp of mailer is written in common.yaml.
    w->selectWorkload(QStringLiteral("mailer"));
    QCOMPARE(w->fileTabs()->currentWidget(), w->editorOf(file("common.yaml")));
    QVERIFY(w->details()->text().contains(QLatin1String("common.yaml:7</a> (extends)")));
}

void tst_ProjectWindow::editGoesWhereTheValueIsWritten()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    ProjectDocument *doc = w->document();
    const std::string base = doc->text(file("compose.yaml")).toStdString();
    const std::string over = doc->text(file("compose.override.yaml")).toStdString();
    w->selectWorkload(QStringLiteral("api"));
    QVERIFY(w->findChild<QPushButton *>(QStringLiteral("projectMakeReadOnly"))->isEnabled());
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("projectMakeReadOnly")), Qt::LeftButton);
    QCOMPARE(find(doc, QStringLiteral("api"))->rootFs, RootFs::ReadOnly);
    // The value is written in the override: changed there, compose.yaml untouched.
    QCOMPARE(doc->text(file("compose.yaml")).toStdString(), base);
    QVERIFY(doc->text(file("compose.override.yaml")).contains(QLatin1String("    read_only: true\n")));
    QVERIFY(doc->isModified());
    QCOMPARE(w->fileTabs()->tabText(1), QStringLiteral("compose.override.yaml *"));
    QCOMPARE(doc->undoStack()->count(), 1);
    doc->undoStack()->undo();
    QCOMPARE(doc->text(file("compose.override.yaml")).toStdString(), over);
    QCOMPARE(find(doc, QStringLiteral("api"))->rootFs, RootFs::WritableExplicit);
    QVERIFY(!doc->isModified());
    doc->undoStack()->redo();
    QCOMPARE(find(doc, QStringLiteral("api"))->rootFs, RootFs::ReadOnly);
    verifyOnDiskUnchanged(); // nothing is written before Save All
}

void tst_ProjectWindow::editIntoAChosenFile()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    ProjectDocument *doc = w->document();
    const std::string over = doc->text(file("compose.override.yaml")).toStdString();
    w->setPlacement(Placement{Placement::Kind::Into, file("compose.override.yaml")});
    QCOMPARE(w->targetChoice()->currentText(), QStringLiteral("compose.override.yaml"));
    w->selectWorkload(QStringLiteral("db"));
    QVERIFY(w->setReadOnly(true));
    const Workload *db = find(doc, QStringLiteral("db"));
    QCOMPARE(db->rootFs, RootFs::ReadOnly);
    QCOMPARE(db->rootFsOrigin, Origin::Override);
    QCOMPARE(doc->text(file("compose.yaml")).toUtf8(), m_original.value(file("compose.yaml")));
    doc->undoStack()->undo();
    QCOMPARE(doc->text(file("compose.override.yaml")).toStdString(), over);
}

void tst_ProjectWindow::editIntoANewOverrideFile()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    ProjectDocument *doc = w->document();
    const QString created = file("compose.immutable.yaml");
    w->setPlacement(Placement{Placement::Kind::Override, created});
    QCOMPARE(w->targetChoice()->currentText(), QStringLiteral("compose.immutable.yaml (new override file)"));
    QVERIFY(w->makeAllImmutable());
    for (const Workload &s : doc->analysis().workloads)
        QVERIFY2(s.rootFs == RootFs::ReadOnly, qPrintable(s.name));
    QCOMPARE(doc->topLevelFiles().last(), created);
    QVERIFY(doc->text(created).startsWith(QLatin1String("# Read-only root filesystems")));
    QCOMPARE(w->fileTabs()->count(), 4);
    // Every file the user had stays as it was; the new file is one undo step away.
    for (auto it = m_original.cbegin(); it != m_original.cend(); ++it)
        QCOMPARE(doc->text(it.key()).toUtf8(), it.value());
    QCOMPARE(doc->undoStack()->count(), 1);
    doc->undoStack()->undo();
    QCOMPARE(doc->topLevelFiles().size(), 2);
    QCOMPARE(w->fileTabs()->count(), 3);
    QCOMPARE(find(doc, QStringLiteral("api"))->rootFs, RootFs::WritableExplicit);
}

void tst_ProjectWindow::saveWritesEveryChangedFile()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    ProjectDocument *doc = w->document();
    QVERIFY(w->makeAllImmutable()); // default placement: api's value in the override, db's in compose.yaml
    QVERIFY(doc->isModified());
    QVERIFY(w->save());
    QVERIFY(!doc->isModified());
    QCOMPARE(readAll(file("compose.yaml")), doc->text(file("compose.yaml")).toUtf8());
    QCOMPARE(readAll(file("compose.override.yaml")), doc->text(file("compose.override.yaml")).toUtf8());
    QCOMPARE(readAll(file("common.yaml")), m_original.value(file("common.yaml")));
    QVERIFY(readAll(file("compose.yaml")) != m_original.value(file("compose.yaml")));
    QVERIFY(readAll(file("compose.override.yaml")) != m_original.value(file("compose.override.yaml")));

    // The saved project as docker-compose merges it: what the window showed.
    if (testing::haveOracle()) {
        QString error;
        const QJsonObject theirs =
            testing::oracle(m_dir, {file("compose.yaml"), file("compose.override.yaml")}, &error, true);
        QVERIFY2(!theirs.isEmpty(), qPrintable(error));
        QCOMPARE(testing::effective(doc->analysis()), theirs);
    } else {
        qInfo("docker-compose or ../shared/oracles is missing: the saved project is not held against it");
    }

    // A file changed behind the editor's back: nothing is saved, the edits stay.
    w->selectWorkload(QStringLiteral("web"));
    QVERIFY(w->setReadOnly(false));
    QFile touched(file("compose.yaml"));
    QVERIFY(touched.open(QIODevice::Append));
    touched.write("# edited elsewhere\n");
    touched.close();
    const QByteArray override = readAll(file("compose.override.yaml"));
    QVERIFY(!w->save());
    QVERIFY(doc->isModified());
    QVERIFY(readAll(file("compose.yaml")).endsWith("# edited elsewhere\n"));
    QCOMPARE(readAll(file("compose.override.yaml")), override);
}

void tst_ProjectWindow::refusedEditChangesNothing()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    ProjectDocument *doc = w->document();
    w->selectWorkload(QStringLiteral("web")); // read-only already
    EditRequest request;
    request.kind = EditRequest::Kind::ReadOnly;
    request.name = QStringLiteral("web");
    QString error;
    QVERIFY(!doc->edit(request, {}, &error));
    QVERIFY2(!error.isEmpty(), "a refusal says why");
    request.name = QStringLiteral("no-such-service");
    QVERIFY(!doc->edit(request, {}, &error));
    QCOMPARE(doc->undoStack()->count(), 0);
    QVERIFY(!doc->isModified());
}

void tst_ProjectWindow::openedFromTheMainWindow()
{
    MainWindow main;
    QVERIFY(main.action(QStringLiteral("actionOpenProject")));
    QVERIFY(main.action(QStringLiteral("actionOpenProjectFiles")));
    ProjectWindow *w = main.openProject({file("compose.yaml"), file("compose.override.yaml")});
    QVERIFY(w);
    QCOMPARE(w->workloadList()->topLevelItemCount(), 4);
    // A folder without a project file: a message, no window.
    QTemporaryDir empty;
    QString why;
    QVERIFY(!ProjectDocument().load({empty.path()}, {}, &why));
    QVERIFY2(why.contains(QLatin1String("holds no compose.yaml")), qPrintable(why));
    w->close();
}

void tst_ProjectWindow::titleFollowsTheCleanState()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    QVERIFY(!w->windowTitle().startsWith(QLatin1Char('*')));
    w->selectWorkload(QStringLiteral("db"));
    QVERIFY(w->setReadOnly(true));
    QVERIFY2(w->windowTitle().startsWith(QLatin1Char('*')), qPrintable(w->windowTitle()));
    w->document()->undoStack()->undo();
    QVERIFY2(!w->windowTitle().startsWith(QLatin1Char('*')), qPrintable(w->windowTitle()));
}

// An override file that exists but is not part of the project joins it with its own text,
// and saves over what it held (not as a new file).
void tst_ProjectWindow::overrideFileAlreadyOnDisk()
{
    const QString extra = file("compose.prod.yaml");
    QFile f(extra);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# production settings\nservices:\n  web:\n    restart: always\n");
    f.close();
    ProjectWindow *w = open();
    QVERIFY(w);
    ProjectDocument *doc = w->document();
    w->setPlacement(Placement{Placement::Kind::Override, extra});
    w->selectWorkload(QStringLiteral("db"));
    QVERIFY(w->setReadOnly(true));
    QCOMPARE(doc->topLevelFiles().last(), extra);
    QVERIFY(w->editorOf(extra));
    QVERIFY(doc->text(extra).startsWith(QLatin1String("# production settings\n")));
    QCOMPARE(find(doc, QStringLiteral("db"))->rootFs, RootFs::ReadOnly);
    // A second edit into it builds on the first.
    w->selectWorkload(QStringLiteral("api"));
    QVERIFY(w->setReadOnly(true));
    QCOMPARE(find(doc, QStringLiteral("db"))->rootFs, RootFs::ReadOnly);
    QVERIFY(w->save());
    QCOMPARE(readAll(extra), doc->text(extra).toUtf8());
    QVERIFY(readAll(extra).contains("  db:\n    read_only: true\n"));
}

// A created override file saved, then undone: it stays on disk as saved, and nothing is lost.
void tst_ProjectWindow::savedOverrideSurvivesUndo()
{
    ProjectWindow *w = open();
    QVERIFY(w);
    ProjectDocument *doc = w->document();
    const QString created = file("compose.immutable.yaml");
    w->setPlacement(Placement{Placement::Kind::Override, created});
    QVERIFY(w->makeAllImmutable());
    QVERIFY(w->save());
    const QByteArray saved = readAll(created);
    QVERIFY(!saved.isEmpty());
    doc->undoStack()->undo();
    QCOMPARE(doc->topLevelFiles().size(), 2);
    QVERIFY(w->save());
    QCOMPARE(readAll(created), saved);
    doc->undoStack()->redo();
    QCOMPARE(doc->topLevelFiles().last(), created);
    QVERIFY(w->save());
    QCOMPARE(readAll(created), saved);
}

QTEST_MAIN(tst_ProjectWindow)
#include "tst_projectwindow.moc"

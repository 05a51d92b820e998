#include "check/analyze.h"
#include "commands/editcommand.h"
#include "edit/editop.h"
#include "edit/inmemoryedit.h"
#include "edit/readonlyedit.h"
#include "models/roles.h"
#include "models/workloadlistmodel.h"
#include "panels/changespanel.h"
#include "panels/inspectorpanel.h"
#include "panels/welcomepage.h"
#include "panels/workloadpanel.h"
#include "panels/yamlpanel.h"
#include "project/projectwindow.h"
#include "views/banner.h"
#include "views/codeeditor.h"
#include "windowfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using namespace deadbolt;

// The editor driven through its real widgets, offscreen: every flow of issue 4's test list.
class tst_MainWindow : public QObject, protected testing::WindowFixture
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensASample_data();
    void opensASample();
    void readOnlySwitchMatchesTheCoreEdit();
    void addPathThroughTheInspector();
    void pathFromASharedBlockTakesTheChoice_data();
    void pathFromASharedBlockTakesTheChoice();
    void pathInputIsValidated();
    void typingUpdatesTheList();
    void bigFileLoadsWhileTheWindowWorks();
    void syntaxErrorKeepsTheRows();
    void cursorSelectsTheWorkload();
    void saveWritesTheFile();
    void cleanDocumentReloadsWhenTheFileChanges();
    void dirtyDocumentShowsTheBanner();
    void makeAllImmutableIsOneStep();
    void listTogglesReadOnlyThroughTheUndoStack();
    void welcomeListsRecentFilesAndProjects();
    void namesFitTheirColumn();
};

void tst_MainWindow::initTestCase()
{
    enterTestMode();
}

void tst_MainWindow::init()
{
    QVERIFY(openWindow());
}

void tst_MainWindow::cleanup()
{
    closeWindow();
}

void tst_MainWindow::opensASample_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("workloads");
    QTest::addRow("compose 2") << "wordpress-compose2.yml" << 2;
    QTest::addRow("stack") << "wordpress-stack.yml" << 2;
    QTest::addRow("kubernetes") << "wordpress-k8s.yaml" << 1;
    QTest::addRow("nginx postgres") << "nginx-postgres.yml" << 2;
    QTest::addRow("shared blocks") << "shared-blocks.yml" << 4;
}

void tst_MainWindow::opensASample()
{
    QFETCH(QString, sample);
    QFETCH(int, workloads);
    DocumentView *view = open(QStringLiteral(DEADBOLT_SAMPLES "/") + sample);
    QVERIFY(view);
    QCOMPARE(view->document()->analysis().workloads.size(), workloads);
    QVERIFY(view->workloadPanel()->summaryText().contains(QStringLiteral("workload")));
    // The first workload is shown, and the YAML view holds the file's text.
    QTRY_VERIFY(!view->inspector()->workload().isEmpty());
    QCOMPARE(view->yamlPanel()->editorBytes(), view->document()->text());
    QCOMPARE(m_window->tabs()->count(), 1);
    // Opening the same file again switches to its tab.
    QCOMPARE(m_window->openFile(QStringLiteral(DEADBOLT_SAMPLES "/") + sample), view);
    QCOMPARE(m_window->tabs()->count(), 1);
}

void tst_MainWindow::readOnlySwitchMatchesTheCoreEdit()
{
    DocumentView *view = open(copySample(QStringLiteral("nginx-postgres.yml")));
    QVERIFY(view);
    Document *doc = view->document();
    const std::string original = doc->text();
    // What the core would do, planned independently of the window.
    const ParsedFile parsed = parseText(original, doc->filePath());
    const Analysis analysis = analyze(parsed);
    const Workload *db = workloadNamed(analysis, QStringLiteral("db"));
    QVERIFY(db);
    const EditResult expected = setReadOnly(parsed, analysis, *db, true);
    QVERIFY2(expected.ok, qPrintable(expected.error));
    std::string expectedText = original;
    QVERIFY(applyReplacements(expectedText, expected.replacements));

    select(view, QStringLiteral("db"));
    QCheckBox *toggle = view->inspector()->readOnlySwitch();
    QVERIFY(toggle->isVisible());
    QVERIFY(!toggle->isChecked());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(doc->text(), expectedText);
    QCOMPARE(view->yamlPanel()->editorBytes(), expectedText);
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->undoStack()->text(0), expected.description);
    QTRY_VERIFY(toggle->isChecked());

    m_window->action(QStringLiteral("actionUndo"))->trigger();
    QCOMPARE(doc->text(), original); // byte-identical
    QCOMPARE(view->yamlPanel()->editorBytes(), original);
    QTRY_VERIFY(!toggle->isChecked());
    m_window->action(QStringLiteral("actionRedo"))->trigger();
    QCOMPARE(doc->text(), expectedText);
}

void tst_MainWindow::addPathThroughTheInspector()
{
    DocumentView *view = open(copySample(QStringLiteral("nginx-postgres.yml")));
    QVERIFY(view);
    Document *doc = view->document();
    const std::string original = doc->text();
    const ParsedFile parsed = parseText(original, doc->filePath());
    const Analysis analysis = analyze(parsed);
    InMemoryPathSpec spec;
    spec.target = QStringLiteral("/var/run/postgresql");
    spec.size = QStringLiteral("8m");
    spec.uid = 999;
    spec.gid = 999;
    const EditResult expected = addInMemoryPath(parsed, analysis, analysis.workloads.at(1), spec);
    QVERIFY2(expected.ok, qPrintable(expected.error));
    std::string expectedText = original;
    QVERIFY(applyReplacements(expectedText, expected.replacements));

    select(view, QStringLiteral("db"));
    auto field = [&](const char *name) { return view->findChild<QLineEdit *>(QLatin1String(name)); };
    QTest::keyClicks(field("pathTarget"), QStringLiteral("/var/run/postgresql"));
    QTest::keyClicks(field("pathSize"), QStringLiteral("8m"));
    QTest::keyClicks(field("pathUid"), QStringLiteral("999"));
    QTest::keyClicks(field("pathGid"), QStringLiteral("999"));
    auto *add = view->findChild<QPushButton *>(QStringLiteral("addPathButton"));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(doc->text(), expectedText);
    QTRY_COMPARE(view->inspector()->inMemoryTable()->rowCount(), 1);
    QCOMPARE(field("pathTarget")->text(), QString()); // the form is ready for the next one
    m_window->action(QStringLiteral("actionUndo"))->trigger();
    QCOMPARE(doc->text(), original);
}

// api's /tmp comes from <<: *hardened: the inspector offers the choice, and each choice
// makes exactly the core's edit with that target, one undo step back to the original bytes.
void tst_MainWindow::pathFromASharedBlockTakesTheChoice_data()
{
    QTest::addColumn<bool>("shared");
    QTest::addColumn<QStringList>("changed");
    QTest::addRow("this workload") << false << QStringList{QStringLiteral("api")};
    QTest::addRow("the shared block") << true
                                      << QStringList{QStringLiteral("api"), QStringLiteral("worker"),
                                                     QStringLiteral("scheduler"), QStringLiteral("migrate")};
}

void tst_MainWindow::pathFromASharedBlockTakesTheChoice()
{
    QFETCH(bool, shared);
    QFETCH(QStringList, changed);
    DocumentView *view = open(copySample(QStringLiteral("shared-blocks.yml")));
    QVERIFY(view);
    Document *doc = view->document();
    const std::string original = doc->text();
    const ParsedFile parsed = parseText(original, doc->filePath());
    const Analysis analysis = analyze(parsed);
    EditOp op{EditOp::Kind::AddPath, QStringLiteral("api")};
    op.spec.target = QStringLiteral("/var/run");
    op.target = shared ? Target::SharedBlock : Target::ThisWorkload;
    const EditResult expected = planEdit(parsed, analysis, op);
    QVERIFY2(expected.ok, qPrintable(expected.error));
    QStringList affected = expected.affectedWorkloads;
    affected.sort();
    changed.sort();
    QCOMPARE(affected, changed);
    std::string expectedText = original;
    QVERIFY(applyReplacements(expectedText, expected.replacements));

    select(view, QStringLiteral("api"));
    auto *choice = view->findChild<QRadioButton *>(shared ? QStringLiteral("targetShared")
                                                          : QStringLiteral("targetWorkload"));
    QVERIFY(choice);
    QTRY_VERIFY(choice->isVisible());
    QTest::mouseClick(choice, Qt::LeftButton);
    QTest::keyClicks(view->findChild<QLineEdit *>(QStringLiteral("pathTarget")), QStringLiteral("/var/run"));
    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("addPathButton")), Qt::LeftButton);
    QCOMPARE(doc->text(), expectedText);
    QCOMPARE(doc->undoStack()->count(), 1);
    const auto *command = dynamic_cast<const EditCommand *>(doc->undoStack()->command(0));
    QVERIFY(command);
    QCOMPARE(command->op().target, op.target);
    // Every workload keeps /tmp; those that changed gained /var/run, the others did not.
    const Analysis after = analyze(parseText(doc->text(), doc->filePath()));
    for (const Workload &w : after.workloads) {
        QStringList targets;
        for (const WritablePath &p : w.inMemory)
            targets << p.target;
        QVERIFY2(targets.contains(QStringLiteral("/tmp")), qPrintable(w.name));
        QCOMPARE(targets.contains(QStringLiteral("/var/run")), changed.contains(w.name));
    }
    m_window->action(QStringLiteral("actionUndo"))->trigger();
    QCOMPARE(doc->text(), original);
    m_window->action(QStringLiteral("actionRedo"))->trigger();
    QCOMPARE(doc->text(), expectedText);
}

void tst_MainWindow::pathInputIsValidated()
{
    DocumentView *view = open(copySample(QStringLiteral("nginx-postgres.yml")));
    QVERIFY(view);
    select(view, QStringLiteral("db"));
    auto *path = view->findChild<QLineEdit *>(QStringLiteral("pathTarget"));
    auto *size = view->findChild<QLineEdit *>(QStringLiteral("pathSize"));
    auto *mode = view->findChild<QLineEdit *>(QStringLiteral("pathMode"));
    auto *uid = view->findChild<QLineEdit *>(QStringLiteral("pathUid"));
    auto *add = view->findChild<QPushButton *>(QStringLiteral("addPathButton"));
    auto *problem = view->findChild<QLabel *>(QStringLiteral("pathProblem"));
    QTest::keyClicks(path, QStringLiteral("tmp"));
    QVERIFY(!add->isEnabled());
    QVERIFY(problem->text().contains(QStringLiteral("absolute")));
    path->clear();
    QTest::keyClicks(path, QStringLiteral("/tmp"));
    QVERIFY(add->isEnabled());
    QTest::keyClicks(size, QStringLiteral("64x")); // the validator refuses the 'x'
    QCOMPARE(size->text(), QStringLiteral("64"));
    QTest::keyClicks(size, QStringLiteral("Mi"));
    QVERIFY(add->isEnabled());
    QTest::keyClicks(mode, QStringLiteral("1789")); // 8 and 9 are not octal
    QCOMPARE(mode->text(), QStringLiteral("17"));
    QVERIFY(!add->isEnabled()); // too short for a mode
    QTest::keyClicks(mode, QStringLiteral("77"));
    QVERIFY(add->isEnabled());
    QTest::keyClicks(uid, QStringLiteral("-1a"));
    QCOMPARE(uid->text(), QStringLiteral("1"));
}

void tst_MainWindow::typingUpdatesTheList()
{
    DocumentView *view = open(copySample(QStringLiteral("nginx-postgres.yml")));
    QVERIFY(view);
    CodeEditor *editor = view->yamlPanel()->editor();
    QTextCursor c(editor->document()->findBlockByNumber(9)); // "  web:" (line 10)
    QCOMPARE(c.block().text(), QStringLiteral("  web:"));
    editor->setTextCursor(c);
    editor->setFocus();
    // keyClicks cannot type "\n": each line break is a Return key press.
    for (const QString &line : {QStringLiteral("  cache:"), QStringLiteral("    image: redis")}) {
        QTest::keyClicks(editor, line);
        QTest::keyClick(editor, Qt::Key_Return);
    }
    QVERIFY(view->document()->text().find("  cache:\n    image: redis\n  web:") != std::string::npos);
    QTRY_COMPARE(view->workloadPanel()->model()->rowCount(), 3);
    // Typing merged into one history entry.
    QCOMPARE(view->document()->undoStack()->count(), 1);
    QTRY_VERIFY(editor->changedLines().contains(10));
}

// A file over a megabyte reaches the editor in slices, off the event loop's critical path; an
// edit made from the inspector meanwhile must end up in the editor's text too.
void tst_MainWindow::bigFileLoadsWhileTheWindowWorks()
{
    const QString path = m_dir->filePath(QStringLiteral("big.yml"));
    std::string text = "services:\n";
    for (int i = 0; text.size() < 1536 * 1024; ++i)
        text += "  svc" + std::to_string(i) + ":\n    image: example/app:" + std::to_string(i) +
                "  # pinned\n    tmpfs:\n      - /tmp:size=16m\n";
    QVERIFY(writeFile(path, text));
    // The text changes (as a reload or an undo would change it) before the editor has it all.
    DocumentView *view = m_window->openFile(path);
    QVERIFY(view);
    CodeEditor *editor = view->yamlPanel()->editor();
    QVERIFY(editor->isReadOnly());
    std::string changed = text;
    changed.replace(changed.find("  svc7:\n"), 8, "  seven:\n");
    view->document()->editText(changed);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isReadOnly(), 120000);
    QCOMPARE(view->yamlPanel()->editorBytes(), changed);
    QTRY_VERIFY_WITH_TIMEOUT(!view->document()->isLoading(), 120000); // slow under ASan
    // And the other way: typing now reaches the document.
    QTextCursor c(editor->document()->findBlockByNumber(0));
    c.movePosition(QTextCursor::EndOfBlock);
    editor->setTextCursor(c);
    QTest::keyClicks(editor, QStringLiteral(" # typed"));
    QCOMPARE(view->document()->text().substr(0, 18), std::string("services: # typed\n"));
}

void tst_MainWindow::syntaxErrorKeepsTheRows()
{
    DocumentView *view = open(copySample(QStringLiteral("nginx-postgres.yml")));
    QVERIFY(view);
    CodeEditor *editor = view->yamlPanel()->editor();
    QTextCursor c(editor->document()->findBlockByNumber(10)); // "    image: nginx:1.27"
    c.movePosition(QTextCursor::EndOfBlock);
    editor->setTextCursor(c);
    QTest::keyClicks(editor, QStringLiteral(" x: y")); // a second ": " on the line: not YAML
    QTRY_VERIFY(!view->document()->parseErrors().isEmpty());
    auto *error = view->findChild<QLabel *>(QStringLiteral("yamlErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("Line")));
    QCOMPARE(view->workloadPanel()->model()->rowCount(), 2);
    QVERIFY(!view->inspector()->readOnlySwitch()->isEnabled());
    // Fixing it brings everything back.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(editor, Qt::Key_Backspace);
    QTRY_VERIFY(view->document()->parseErrors().isEmpty());
    QTRY_VERIFY(!error->isVisible());
    QVERIFY(view->inspector()->readOnlySwitch()->isEnabled());
}

void tst_MainWindow::cursorSelectsTheWorkload()
{
    DocumentView *view = open(copySample(QStringLiteral("nginx-postgres.yml")));
    QVERIFY(view);
    CodeEditor *editor = view->yamlPanel()->editor();
    QTextCursor c(editor->document()->findBlockByNumber(27)); // inside db
    editor->setTextCursor(c);
    QTRY_VERIFY(view->inspector()->workload().endsWith(QStringLiteral("db")));
    QVERIFY(view->workloadPanel()->selectedKey().endsWith(QStringLiteral("db")));
    QVERIFY(editor->markedFirst() <= 28 && editor->markedLast() >= 28);
    // And selecting in the list scrolls the text to the workload.
    select(view, QStringLiteral("web"));
    QCOMPARE(editor->textCursor().blockNumber() + 1, editor->markedFirst());
    QVERIFY(editor->markedFirst() <= 12 && editor->markedLast() >= 12);
}

void tst_MainWindow::saveWritesTheFile()
{
    const QString path = copySample(QStringLiteral("nginx-postgres.yml"));
    DocumentView *view = open(path);
    QVERIFY(view);
    select(view, QStringLiteral("db"));
    QTest::mouseClick(view->inspector()->readOnlySwitch(), Qt::LeftButton);
    QVERIFY(view->document()->isModified());
    QVERIFY(m_window->tabs()->tabText(0).endsWith(QLatin1Char('*')));
    view->textTabs()->setCurrentWidget(view->changesPanel());
    QTRY_VERIFY(view->changesPanel()->diffText().contains(QStringLiteral("+    read_only: true")));
    m_window->action(QStringLiteral("actionSave"))->trigger();
    QCOMPARE(readFile(path), view->document()->text());
    QVERIFY(!view->document()->isModified());
    QVERIFY(!m_window->tabs()->tabText(0).endsWith(QLatin1Char('*')));
    QTRY_VERIFY(view->changesPanel()->diffText().isEmpty());
}

void tst_MainWindow::cleanDocumentReloadsWhenTheFileChanges()
{
    const QString path = copySample(QStringLiteral("nginx-postgres.yml"));
    DocumentView *view = open(path);
    QVERIFY(view);
    QVERIFY(writeFile(path, "services:\n  only:\n    image: x\n"));
    QTRY_COMPARE_WITH_TIMEOUT(view->document()->text(), std::string("services:\n  only:\n    image: x\n"),
                              10000);
    QTRY_COMPARE(view->workloadPanel()->model()->rowCount(), 1);
    QVERIFY(!view->diskBanner()->isVisible());
    QVERIFY(!view->document()->isModified());
    QCOMPARE(view->yamlPanel()->editorBytes(), view->document()->text());
}

void tst_MainWindow::dirtyDocumentShowsTheBanner()
{
    const QString path = copySample(QStringLiteral("nginx-postgres.yml"));
    DocumentView *view = open(path);
    QVERIFY(view);
    select(view, QStringLiteral("db"));
    QTest::mouseClick(view->inspector()->readOnlySwitch(), Qt::LeftButton);
    const std::string mine = view->document()->text();
    QVERIFY(writeFile(path, "services:\n  theirs:\n    image: x\n"));
    QTRY_VERIFY_WITH_TIMEOUT(view->diskBanner()->isVisible(), 10000);
    QCOMPARE(view->document()->text(), mine); // nothing lost
    // Saving now is refused rather than overwriting their change.
    m_window->action(QStringLiteral("actionSave"))->trigger();
    QCOMPARE(readFile(path), std::string("services:\n  theirs:\n    image: x\n"));
    QTRY_VERIFY(view->errorBanner()->isVisible());
    // Reload takes theirs, as an undoable step.
    auto *reload = view->diskBanner()->findChild<QPushButton *>(QStringLiteral("bannerReload"));
    QVERIFY(reload);
    QTest::mouseClick(reload, Qt::LeftButton);
    QCOMPARE(view->document()->text(), std::string("services:\n  theirs:\n    image: x\n"));
    QVERIFY(!view->diskBanner()->isVisible());
    m_window->action(QStringLiteral("actionUndo"))->trigger();
    QCOMPARE(view->document()->text(), mine);
}

void tst_MainWindow::makeAllImmutableIsOneStep()
{
    DocumentView *view = open(copySample(QStringLiteral("shared-blocks.yml")));
    QVERIFY(view);
    Document *doc = view->document();
    const std::string original = doc->text();
    const ParsedFile parsed = parseText(original, doc->filePath());
    const EditResult expected = makeFileImmutable(parsed, analyze(parsed));
    QVERIFY2(expected.ok, qPrintable(expected.error));
    QVERIFY(!expected.replacements.empty());
    std::string expectedText = original;
    QVERIFY(applyReplacements(expectedText, expected.replacements));
    QVERIFY(m_window->makeAllImmutable(false));
    QCOMPARE(doc->text(), expectedText);
    QCOMPARE(doc->undoStack()->count(), 1);
    QTRY_VERIFY(view->workloadPanel()->summaryText().contains(QStringLiteral("4 of 4")));
    doc->undoStack()->undo();
    QCOMPARE(doc->text(), original);
}

// The list's Make Read-Only (context menu) goes through the model's ReadOnlyRole to the
// EditController: one undoable edit, the row following when the new analysis arrives.
void tst_MainWindow::listTogglesReadOnlyThroughTheUndoStack()
{
    DocumentView *view = open(copySample(QStringLiteral("nginx-postgres.yml")));
    QVERIFY(view);
    Document *doc = view->document();
    QTRY_VERIFY(doc->isAnalysisCurrent());
    const std::string original = doc->text();
    WorkloadPanel *panel = view->workloadPanel();
    const QAbstractItemModel *model = panel->view()->model();
    QModelIndex writable;
    for (int r = 0; r < model->rowCount() && !writable.isValid(); ++r)
        if (model->index(r, 0).data(ReadOnlyRole) == QVariant(false))
            writable = model->index(r, 0);
    QVERIFY2(writable.isValid(), "the sample has a writable workload");
    const QString name = writable.data(WorkloadKeyRole).toString();
    QVERIFY(panel->toggleReadOnly(writable));
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(doc->text() != original);
    QTRY_VERIFY(doc->isAnalysisCurrent());
    QCOMPARE(workloadNamed(doc->analysis(), name)->rootFs, RootFs::ReadOnly);
    doc->undoStack()->undo();
    QCOMPARE(doc->text(), original);
}

// Files and projects opened lately are on the welcome page, newest first, and open in a click.
void tst_MainWindow::welcomeListsRecentFilesAndProjects()
{
    QSettings().clear();
    const QString stack = QStringLiteral(DEADBOLT_SAMPLES "/wordpress-stack.yml");
    const QString k8s = QStringLiteral(DEADBOLT_SAMPLES "/wordpress-k8s.yaml");
    const QStringList project{QStringLiteral(DEADBOLT_SAMPLES "/project/compose.yaml"),
                              QStringLiteral(DEADBOLT_SAMPLES "/project/compose.override.yaml")};
    QVERIFY(open(stack));
    QVERIFY(open(k8s));
    ProjectWindow *projectWindow = m_window->openProject(project);
    QVERIFY(projectWindow);
    projectWindow->close();
    while (DocumentView *v = m_window->currentView())
        m_window->closeView(v);

    auto *welcome = m_window->findChild<WelcomePage *>();
    QVERIFY(welcome && welcome->isVisible());
    QStringList shown;
    for (QPushButton *b : welcome->findChildren<QPushButton *>(QStringLiteral("recentFile")))
        shown << b->text();
    QCOMPARE(shown,
             (QStringList{QStringLiteral("wordpress-k8s.yaml"), QStringLiteral("wordpress-stack.yml")}));
    const QList<QPushButton *> projects =
        welcome->findChildren<QPushButton *>(QStringLiteral("recentProject"));
    QCOMPARE(projects.size(), 1);
    QCOMPARE(projects[0]->text(), QStringLiteral("Project: compose.yaml + compose.override.yaml"));

    QPushButton *first = welcome->findChildren<QPushButton *>(QStringLiteral("recentFile")).first();
    QTest::mouseClick(first, Qt::LeftButton);
    QVERIFY(m_window->currentView());
    QCOMPARE(m_window->currentView()->document()->filePath(), QFileInfo(k8s).absoluteFilePath());
}

// The workload column fits the names (it cut "wordpress" to "wordpr..." while the count
// columns took the room); the status badge gives way first.
void tst_MainWindow::namesFitTheirColumn()
{
    DocumentView *view = open(QStringLiteral(DEADBOLT_SAMPLES "/wordpress-stack.yml"));
    QVERIFY(view);
    QTreeView *list = view->workloadPanel()->view();
    QTRY_VERIFY(list->model()->rowCount() > 0);
    const QModelIndex group = list->model()->index(0, 0);
    const QModelIndex row = list->model()->rowCount(group) ? list->model()->index(0, 0, group) : group;
    const QString name = row.data().toString();
    QCOMPARE(name, QStringLiteral("wordpress"));
    const int needed = list->fontMetrics().horizontalAdvance(name) + list->indentation();
    QVERIFY2(list->header()->sectionSize(WorkloadListModel::NameColumn) >= needed,
             qPrintable(QStringLiteral("%1 < %2").arg(list->header()->sectionSize(0)).arg(needed)));
    const QRect cell = list->visualRect(row);
    QVERIFY(cell.width() >= list->fontMetrics().horizontalAdvance(name));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

#include "mainwindow.h"

#include "changereview/reviewwindow.h"
#include "dialogs/previewdialog.h"
#include "document.h"
#include "documentmanager.h"
#include "documentview.h"
#include "editcontroller.h"
#include "panels/welcomepage.h"
#include "project/projectwindow.h"
#include "recentlist.h"
#include "resources.h"
#include "source/linediff.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoGroup>
#include <algorithm>

namespace deadbolt {

namespace {} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_stack(new QStackedWidget(this)), m_welcome(new WelcomePage(this)),
      m_tabs(new QTabWidget(this)), m_documents(new DocumentManager(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Deadbolt"));
    setAcceptDrops(true);
    m_tabs->setObjectName(QStringLiteral("documentTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    createActions();
    createMenus();
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openFile);
    connect(m_welcome, &WelcomePage::openProjectRequested, this, &MainWindow::openProject);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int i) { closeView(qobject_cast<DocumentView *>(m_tabs->widget(i))); });
    connect(m_documents, &DocumentManager::documentOpened, this, &MainWindow::addView);
    connect(m_documents, &DocumentManager::documentChanged, this, [this](Document *document) {
        DocumentView *view = viewOf(document);
        if (!view)
            return;
        const int i = m_tabs->indexOf(view);
        m_tabs->setTabText(i, document->displayName() +
                                  (document->isModified() ? QStringLiteral(" *") : QString()));
        m_tabs->setTabToolTip(i, document->filePath());
        updateTitle();
        updateActions();
    });
    connect(m_documents, &DocumentManager::documentClosed, this, [this](Document *document) {
        if (DocumentView *view = viewOf(document)) {
            m_tabs->removeTab(m_tabs->indexOf(view));
            view->deleteLater();
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_documents->setCurrent(currentView() ? currentView()->document() : nullptr);
        m_stack->setCurrentWidget(m_tabs->count() ? static_cast<QWidget *>(m_tabs) : m_welcome);
        statusBar()->clearMessage(); // it was about the other document
        updateActions();
        updateTitle();
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1280, 800);
    updateActions();
}

MainWindow::~MainWindow() = default;

ProjectWindow *MainWindow::openProject(const QStringList &files)
{
    ProjectWindow *window = showProjectWindow(this, files);
    if (window)
        recent::addProject(files);
    return window;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    auto make = [this](const char *name, const QString &text, const QKeySequence &shortcut,
                       const QString &tip, const QString &icon = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(shortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        if (!icon.isEmpty())
            a->setIcon(QIcon(icon));
        addAction(a);
        return a;
    };
    connect(make("actionOpen", tr("&Open..."), QKeySequence::Open, tr("Open a Compose or Kubernetes file"),
                 QStringLiteral(":/icons/open.svg")),
            &QAction::triggered, this, [this] {
                const QStringList files = QFileDialog::getOpenFileNames(
                    this, tr("Open"), QString(), tr("YAML files (*.yml *.yaml);;All files (*)"));
                for (const QString &f : files)
                    openFile(f);
            });
    QAction *openProjectAction =
        make("actionOpenProject", tr("Open &Project..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
             tr("Open a Compose project: a folder's compose.yaml and its override, merged"));
    connect(openProjectAction, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Project"));
        if (!dir.isEmpty())
            openProject({dir});
    });
    connect(make("actionOpenProjectFiles", tr("Open Project &Files..."), QKeySequence(),
                 tr("Open several Compose files as one project (as docker compose -f a -f b)")),
            &QAction::triggered, this, [this] {
                QStringList files =
                    QFileDialog::getOpenFileNames(this, tr("Open Project Files"), QString(),
                                                  tr("YAML files (*.yml *.yaml);;All files (*)"));
                // The dialog sorts by name: base files first, override files last, as docker compose reads
                // them.
                std::stable_partition(files.begin(), files.end(), [](const QString &f) {
                    return !QFileInfo(f).fileName().contains(QLatin1String(".override."));
                });
                if (!files.isEmpty())
                    openProject(files);
            });
    QAction *saveAction = make("actionSave", tr("&Save"), QKeySequence::Save, tr("Save the file"),
                               QStringLiteral(":/icons/save.svg"));
    connect(saveAction, &QAction::triggered, this, [this] { save(currentView()); });
    QAction *saveAsAction =
        make("actionSaveAs", tr("Save &As..."), QKeySequence::SaveAs, tr("Save under another name"));
    connect(saveAsAction, &QAction::triggered, this, [this] { saveAs(currentView()); });
    QAction *revert =
        make("actionRevert", tr("&Revert"), QKeySequence(Qt::CTRL | Qt::Key_R),
             tr("Replace the text with the file on disk (undoable)"), QStringLiteral(":/icons/reload.svg"));
    connect(revert, &QAction::triggered, this, [this] {
        QString error;
        if (DocumentView *v = currentView(); v && !v->document()->reloadFromDisk(&error))
            v->showError(error);
    });
    QAction *close = make("actionClose", tr("&Close"), QKeySequence::Close, tr("Close the file"));
    connect(close, &QAction::triggered, this, [this] { closeView(currentView()); });
    connect(make("actionQuit", tr("&Quit"), QKeySequence::Quit, tr("Quit Deadbolt")), &QAction::triggered,
            this, &QWidget::close);

    QAction *undo = m_documents->undoGroup()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    undo->setToolTip(tr("Undo the last change (%1)").arg(QKeySequence(QKeySequence::Undo).toString()));
    addAction(undo);
    QAction *redo = m_documents->undoGroup()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    redo->setToolTip(tr("Redo the change undone last (%1)").arg(QKeySequence(QKeySequence::Redo).toString()));
    addAction(redo);

    QAction *immutable = make("actionMakeAllImmutable", tr("Make All &Immutable..."),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                              tr("Make every workload's root filesystem read-only, after showing the diff"),
                              QStringLiteral(":/icons/make-immutable.svg"));
    connect(immutable, &QAction::triggered, this, [this] { makeAllImmutable(true); });

    const char *views[] = {"actionShowYaml", "actionShowChanges", "actionShowHistory"};
    const QString names[] = {tr("&YAML"), tr("&Changes"), tr("&History")};
    for (int i = 0; i < 3; ++i) {
        QAction *a = make(views[i], names[i], QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)),
                          tr("Show the %1 view").arg(QString(names[i]).remove(QLatin1Char('&'))));
        connect(a, &QAction::triggered, this, [this, i] {
            if (DocumentView *v = currentView())
                v->textTabs()->setCurrentIndex(i);
        });
        m_documentActions << a;
    }
    QAction *filter =
        make("actionFindWorkload", tr("&Find Workload"), QKeySequence::Find, tr("Filter the workload list"));
    connect(filter, &QAction::triggered, this, [this] {
        if (DocumentView *v = currentView())
            if (QWidget *w = v->findChild<QWidget *>(QStringLiteral("workloadFilterText")))
                w->setFocus();
    });
    m_documentActions << saveAction << saveAsAction << revert << close << immutable << filter;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionOpen")));
    file->addAction(action(QStringLiteral("actionOpenProject")));
    file->addAction(action(QStringLiteral("actionOpenProjectFiles")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(action(QStringLiteral("actionSave")));
    file->addAction(action(QStringLiteral("actionSaveAs")));
    file->addAction(action(QStringLiteral("actionRevert")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionClose")));
    file->addAction(action(QStringLiteral("actionQuit")));
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("actionUndo")));
    edit->addAction(action(QStringLiteral("actionRedo")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("actionMakeAllImmutable")));
    edit->addAction(action(QStringLiteral("actionFindWorkload")));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(action(QStringLiteral("actionShowYaml")));
    view->addAction(action(QStringLiteral("actionShowChanges")));
    view->addAction(action(QStringLiteral("actionShowHistory")));
    QMenu *review = menuBar()->addMenu(tr("&Review"));
    QAction *compare = review->addAction(tr("Compare &Files..."), this, [this] {
        const QString older = QFileDialog::getOpenFileName(this, tr("Old version"));
        if (older.isEmpty())
            return;
        const QString newer = QFileDialog::getOpenFileName(this, tr("New version"), QFileInfo(older).path());
        if (!newer.isEmpty())
            showReviewWindow(this, older, newer);
    });
    compare->setObjectName(QStringLiteral("actionCompareFiles"));
    compare->setToolTip(tr("What a change does to immutability, between two files"));
    QAction *git = review->addAction(tr("Compare with &Git Revision..."), this, [this] {
        DocumentView *v = currentView();
        if (!v || v->document()->filePath().isEmpty())
            return;
        bool ok = false;
        const QString rev = QInputDialog::getText(this, tr("Compare with Git Revision"), tr("Revision:"),
                                                  QLineEdit::Normal, QStringLiteral("HEAD"), &ok);
        if (ok && !rev.trimmed().isEmpty())
            showGitReviewWindow(this, v->document()->filePath(), rev.trimmed());
    });
    git->setObjectName(QStringLiteral("actionCompareGit"));
    git->setToolTip(tr("What the saved file changes against a git revision, workload by workload"));
    m_documentActions << git;
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Deadbolt"), this, [this] {
        QMessageBox::about(this, tr("About Deadbolt"),
                           tr("<b>Deadbolt %1</b><p>Editor and checker for immutable container deployments: "
                              "read-only root filesystems with in-memory writable paths, in Docker Compose "
                              "and Kubernetes files.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const char *name :
         {"actionOpen", "actionSave", "actionUndo", "actionRedo", "actionMakeAllImmutable"})
        bar->addAction(action(QLatin1String(name)));
}

DocumentView *MainWindow::currentView() const
{
    return qobject_cast<DocumentView *>(m_tabs->currentWidget());
}

DocumentView *MainWindow::viewOf(const Document *document) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *v = qobject_cast<DocumentView *>(m_tabs->widget(i)); v && v->document() == document)
            return v;
    return nullptr;
}

DocumentView *MainWindow::openFile(const QString &path)
{
    if (Document *open = m_documents->find(path)) {
        m_tabs->setCurrentWidget(viewOf(open));
        return viewOf(open);
    }
    QString error;
    Document *document = m_documents->open(path, &error); // addView follows, through documentOpened
    if (!document) {
        showMessage(error);
        if (DocumentView *v = currentView())
            v->showError(error);
        else
            QMessageBox::warning(this, tr("Could not open"), error);
        return nullptr;
    }
    return viewOf(document);
}

void MainWindow::addView(Document *document)
{
    auto *view = new DocumentView(document);
    const int index = m_tabs->addTab(view, document->displayName());
    m_tabs->setTabToolTip(index, document->filePath());
    connect(view, &DocumentView::cancelLoadingRequested, this, [this, view] {
        view->document()->cancelLoading();
        m_documents->close(view->document());
    });
    QSettings settings;
    view->splitter()->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_tabs->setCurrentIndex(index);
    recent::addFile(document->filePath());
}

bool MainWindow::save(DocumentView *view)
{
    if (!view)
        return false;
    if (view->document()->filePath().isEmpty())
        return saveAs(view);
    QString error;
    if (!view->document()->save(&error)) {
        view->showError(error);
        showMessage(error);
        return false;
    }
    showMessage(tr("Saved %1").arg(view->document()->filePath()));
    return true;
}

bool MainWindow::saveAs(DocumentView *view, const QString &givenPath)
{
    if (!view)
        return false;
    const QString path = givenPath.isEmpty()
                             ? QFileDialog::getSaveFileName(this, tr("Save As"), view->document()->filePath(),
                                                            tr("YAML files (*.yml *.yaml);;All files (*)"))
                             : givenPath;
    if (path.isEmpty())
        return false;
    QString error;
    if (!view->document()->saveAs(path, &error)) {
        view->showError(error);
        return false;
    }
    recent::addFile(view->document()->filePath());
    return true;
}

bool MainWindow::closeView(DocumentView *view)
{
    if (!view)
        return true;
    if (view->document()->isModified()) {
        m_tabs->setCurrentWidget(view);
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"),
            tr("%1 has unsaved changes. Save them?").arg(view->document()->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save(view)))
            return false;
    }
    QSettings().setValue(QStringLiteral("window/splitter"), view->splitter()->saveState());
    m_documents->close(view->document()); // its tab goes through documentClosed
    return true;
}

bool MainWindow::makeAllImmutable(bool confirm)
{
    DocumentView *view = currentView();
    if (!view)
        return false;
    Document *doc = view->document();
    const quint64 generation = doc->generation();
    const EditResult plan = view->edits()->planMakeImmutable();
    if (!plan.ok) {
        view->showError(plan.error);
        return false;
    }
    if (plan.replacements.empty()) {
        showMessage(tr("Every workload is already read-only (or exempt, or set by a variable)."));
        return true;
    }
    if (confirm) {
        // Hunks straight from the planned replacements: 1,000 insertions preview as 1,000
        // small hunks, not as the whole middle removed and added.
        const std::string diff =
            unifiedDiff(doc->text(), plan.replacements, QStringLiteral("a/") + doc->displayName(),
                        QStringLiteral("b/") + doc->displayName());
        // A few names, not 13,333 of them over the diff.
        constexpr int Named = 8;
        const int affected = int(plan.affectedWorkloads.size());
        QString names = plan.affectedWorkloads.mid(0, Named).join(QStringLiteral(", "));
        if (affected > Named)
            names += tr(" and %n more", nullptr, affected - Named);
        PreviewDialog dialog(
            tr("Make All Immutable"),
            tr("%1. This changes %n workload(s): %2", nullptr, affected).arg(plan.description, names), diff,
            this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
    }
    return view->edits()->apply(plan, generation);
}

void MainWindow::updateActions()
{
    const bool hasView = currentView() != nullptr;
    for (QAction *a : m_documentActions)
        a->setEnabled(hasView);
}

void MainWindow::updateTitle()
{
    DocumentView *v = currentView();
    setWindowFilePath(v ? v->document()->filePath() : QString());
    setWindowModified(v && v->document()->isModified());
    setWindowTitle(v ? QStringLiteral("%1[*] - Deadbolt").arg(v->document()->displayName()) : tr("Deadbolt"));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recent::files();
    for (const QString &path : files) {
        QAction *a =
            m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    const QVector<QStringList> projects = recent::projects();
    if (!files.isEmpty() && !projects.isEmpty())
        m_recentMenu->addSeparator();
    for (const QStringList &project : projects) {
        QAction *a = m_recentMenu->addAction(tr("Project: %1").arg(recent::projectTitle(project)), this,
                                             [this, project] { openProject(project); });
        a->setToolTip(project.join(QLatin1Char('\n')));
    }
    if (files.isEmpty() && projects.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
}

void MainWindow::showMessage(const QString &message)
{
    // A notice, not a state: "Saved x" must not linger over later edits. Errors stay in the
    // document's own banner until the next change.
    statusBar()->showMessage(message, 8000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Project windows are this window's children: each asks about its unsaved edits first.
    for (ProjectWindow *project : findChildren<ProjectWindow *>()) {
        if (!project->close()) {
            event->ignore();
            return;
        }
    }
    while (DocumentView *v = currentView()) {
        if (!closeView(v)) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            openFile(url.toLocalFile());
    event->acceptProposedAction();
}

} // namespace deadbolt

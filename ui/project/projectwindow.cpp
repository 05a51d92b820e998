#include "project/projectwindow.h"

#include "document.h"
#include "edit/editop.h"
#include "models/workloadlistmodel.h"
#include "project/projectdocument.h"
#include "views/codeeditor.h"
#include "views/statusicons.h"
#include "views/yamlhighlighter.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace deadbolt {

namespace {

enum TargetKind { TargetDefault, TargetInto, TargetOverride, TargetNewOverride };
constexpr int KindRole = Qt::UserRole;
constexpr int FileRole = Qt::UserRole + 1;
const char *PathProperty = "projectPath";

} // namespace

ProjectWindow::ProjectWindow(ProjectDocument *document, QWidget *parent)
    : QMainWindow(parent), m_document(document), m_banner(new QLabel(this)), m_list(new QTreeWidget(this)),
      m_title(new QLabel(this)), m_details(new QLabel(this)),
      m_readOnly(new QPushButton(tr("Make read-only"), this)),
      m_writable(new QPushButton(tr("Make writable"), this)), m_files(new QTabWidget(this)),
      m_target(new QComboBox(this))
{
    setObjectName(QStringLiteral("projectWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    document->setParent(this);

    QToolBar *bar = addToolBar(tr("Project"));
    bar->setObjectName(QStringLiteral("projectToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction *saveAll =
        bar->addAction(QIcon(QStringLiteral(":/icons/save.svg")), tr("Save All"), this, [this] { save(); });
    saveAll->setObjectName(QStringLiteral("projectSave"));
    saveAll->setShortcut(QKeySequence::Save);
    QAction *undo = document->undoStack()->createUndoAction(this, tr("Undo"));
    undo->setObjectName(QStringLiteral("projectUndo"));
    undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = document->undoStack()->createRedoAction(this, tr("Redo"));
    redo->setObjectName(QStringLiteral("projectRedo"));
    redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    redo->setShortcut(QKeySequence::Redo);
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    QAction *all = bar->addAction(QIcon(QStringLiteral(":/icons/make-immutable.svg")),
                                  tr("Make All Immutable"), this, [this] { makeAllImmutable(); });
    all->setObjectName(QStringLiteral("projectMakeAllImmutable"));
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Write changes into: "), this));
    m_target->setObjectName(QStringLiteral("projectTarget"));
    m_target->setToolTip(tr("Which file of the project an edit is written into"));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_target);
    connect(m_target, &QComboBox::activated, this, [this](int i) {
        if (m_target->itemData(i, KindRole).toInt() != TargetNewOverride)
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Override file"),
            QDir(m_document->directory()).filePath(QStringLiteral("compose.immutable.yaml")),
            tr("YAML files (*.yml *.yaml)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (path.isEmpty()) {
            m_target->setCurrentIndex(0);
            return;
        }
        setPlacement(Placement{Placement::Kind::Override, QFileInfo(path).absoluteFilePath()});
    });

    m_banner->setObjectName(QStringLiteral("projectErrors"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fde7e9; color: #7a1020; padding: 6px; }"));
    m_banner->hide();

    m_list->setObjectName(QStringLiteral("projectWorkloads"));
    m_list->setHeaderLabels({tr("Service"), tr("Status"), tr("Read-only root from")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        refreshInspector();
        jumpToSelection();
    });

    auto *inspector = new QWidget(this);
    auto *il = new QVBoxLayout(inspector);
    m_title->setObjectName(QStringLiteral("projectInspectorTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_details->setObjectName(QStringLiteral("projectInspectorDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(m_details, &QLabel::linkActivated, this, [this](const QString &link) {
        // "at:FILE_INDEX:LINE"
        const QStringList parts = link.split(QLatin1Char(':'));
        const int file = parts.value(1).toInt();
        if (parts.size() == 3 && file >= 0 && std::size_t(file) < m_document->project().files.size())
            showLocation(m_document->project().files[std::size_t(file)].path, parts[2].toInt());
    });
    m_readOnly->setObjectName(QStringLiteral("projectMakeReadOnly"));
    m_writable->setObjectName(QStringLiteral("projectMakeWritable"));
    connect(m_readOnly, &QPushButton::clicked, this, [this] { setReadOnly(true); });
    connect(m_writable, &QPushButton::clicked, this, [this] { setReadOnly(false); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_readOnly);
    buttons->addWidget(m_writable);
    buttons->addStretch();
    il->addWidget(m_title);
    il->addLayout(buttons);
    il->addWidget(m_details, 1);

    m_files->setObjectName(QStringLiteral("projectFiles"));
    m_files->setDocumentMode(true);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(inspector);
    splitter->addWidget(m_files);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    auto *central = new QWidget(this);
    auto *cl = new QVBoxLayout(central);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_banner);
    cl->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(document, &ProjectDocument::changed, this, &ProjectWindow::refresh);
    // The stack moves its index after the command ran (and emitted changed): the title and the
    // tabs' marks follow the clean state when it changes.
    connect(document->undoStack(), &QUndoStack::cleanChanged, this, [this] {
        refreshFiles();
        refreshTitle();
    });
    resize(1400, 860);
    refresh();
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

ProjectWindow::~ProjectWindow()
{
    // The document (a child) clears its stack as it goes: nothing may reach this half-destroyed window.
    disconnect(m_document, nullptr, this, nullptr);
    disconnect(m_document->undoStack(), nullptr, this, nullptr);
}

CodeEditor *ProjectWindow::editorOf(const QString &absolutePath) const
{
    for (int i = 0; i < m_files->count(); ++i)
        if (m_files->widget(i)->property(PathProperty).toString() == absolutePath)
            return static_cast<CodeEditor *>(m_files->widget(i));
    return nullptr;
}

void ProjectWindow::refreshTitle()
{
    QStringList names;
    for (const QString &f : m_document->topLevelFiles())
        names.append(m_document->shownName(f));
    setWindowTitle(tr("%1%2 - Project %3 - Deadbolt")
                       .arg(m_document->isModified() ? QStringLiteral("*") : QString(),
                            names.join(QLatin1String(" + ")),
                            QDir::toNativeSeparators(m_document->directory())));
}

void ProjectWindow::refresh()
{
    refreshTitle();
    QStringList errors;
    for (const Diagnostic &d : m_document->analysis().errors)
        errors.append(QStringLiteral("%1:%2:%3: %4")
                          .arg(m_document->shownName(QFileInfo(d.file).absoluteFilePath()))
                          .arg(d.line)
                          .arg(d.column)
                          .arg(d.message));
    m_banner->setText(errors.isEmpty() ? QString()
                                       : tr("The project does not merge, so no service is shown:\n") +
                                             errors.join(QLatin1Char('\n')));
    m_banner->setVisible(!errors.isEmpty());
    refreshFiles();
    refreshTargets();
    refreshList();
    refreshInspector();
}

void ProjectWindow::refreshList()
{
    const QString selected = selectedWorkload();
    const QSignalBlocker block(m_list);
    m_list->clear();
    int immutable = 0;
    const Analysis &a = m_document->analysis();
    for (const Workload &w : a.workloads) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, w.displayName());
        item->setIcon(1, statusIcon(w.status()));
        item->setText(1, statusLabel(w.status()));
        const bool known = w.rootFsLocation.line > 0 && w.rootFsLocation.file >= 0;
        item->setText(2, known ? QStringLiteral("%1:%2 (%3)")
                                     .arg(m_document->shownName(a.files.value(w.rootFsLocation.file)))
                                     .arg(w.rootFsLocation.line)
                                     .arg(originWords(w.rootFsOrigin))
                               : tr("not set"));
        if (w.status() == Status::Immutable || w.status() == Status::ImmutableWithExceptions)
            ++immutable;
        if (w.displayName() == selected)
            m_list->setCurrentItem(item);
    }
    statusBar()->showMessage(tr("%1 of %2 services immutable, merged from %3 files")
                                 .arg(immutable)
                                 .arg(a.workloads.size())
                                 .arg(m_document->project().files.size()));
}

void ProjectWindow::refreshFiles()
{
    const ComposeProject &project = m_document->project();
    for (std::size_t i = 0; i < project.files.size(); ++i) {
        const QString &path = project.files[i].path;
        CodeEditor *editor = editorOf(path);
        if (!editor) {
            editor = new CodeEditor(m_files);
            editor->setObjectName(QStringLiteral("projectFile%1").arg(i));
            editor->setProperty(PathProperty, path);
            editor->setReadOnly(true);
            editor->setLineWrapMode(QPlainTextEdit::NoWrap);
            new YamlHighlighter(editor->document());
            m_files->insertTab(int(i), editor, QString());
        }
        const QString text = m_document->text(path);
        if (editor->toPlainText() != text) {
            const int scroll = editor->verticalScrollBar()->value();
            editor->setPlainText(text);
            editor->verticalScrollBar()->setValue(scroll);
        }
        const int tab = m_files->indexOf(editor);
        m_files->setTabText(tab, m_document->shownName(path) +
                                     (m_document->isFileModified(path) ? QStringLiteral(" *") : QString()));
        m_files->setTabToolTip(tab, QDir::toNativeSeparators(path));
    }
    // A created override file undone: its tab goes.
    for (int i = m_files->count() - 1; i >= 0; --i)
        if (project.indexOf(m_files->widget(i)->property(PathProperty).toString()) < 0)
            delete m_files->widget(i);
}

void ProjectWindow::refreshTargets()
{
    const Placement current = placement();
    const QSignalBlocker block(m_target);
    m_target->clear();
    m_target->addItem(tr("Where the value is written (default)"));
    m_target->setItemData(0, TargetDefault, KindRole);
    for (const QString &f : m_document->topLevelFiles()) {
        m_target->addItem(m_document->shownName(f));
        m_target->setItemData(m_target->count() - 1, TargetInto, KindRole);
        m_target->setItemData(m_target->count() - 1, f, FileRole);
    }
    if (!m_overrideFile.isEmpty() && !m_document->topLevelFiles().contains(m_overrideFile)) {
        m_target->addItem(tr("%1 (new override file)").arg(m_document->shownName(m_overrideFile)));
        m_target->setItemData(m_target->count() - 1, TargetOverride, KindRole);
        m_target->setItemData(m_target->count() - 1, m_overrideFile, FileRole);
    }
    m_target->addItem(tr("A new override file..."));
    m_target->setItemData(m_target->count() - 1, TargetNewOverride, KindRole);
    setPlacement(current);
}

Placement ProjectWindow::placement() const
{
    const int i = m_target->currentIndex();
    switch (m_target->itemData(i, KindRole).toInt()) {
    case TargetInto:
        return {Placement::Kind::Into, m_target->itemData(i, FileRole).toString()};
    case TargetOverride:
        return {Placement::Kind::Override, m_target->itemData(i, FileRole).toString()};
    default:
        return {};
    }
}

void ProjectWindow::setPlacement(const Placement &placement)
{
    if (placement.kind == Placement::Kind::Override &&
        !m_document->topLevelFiles().contains(placement.file) && placement.file != m_overrideFile) {
        m_overrideFile = placement.file;
        refreshTargets(); // adds its entry, then selects it below
    }
    for (int i = 0; i < m_target->count(); ++i) {
        const int kind = m_target->itemData(i, KindRole).toInt();
        const QString file = m_target->itemData(i, FileRole).toString();
        const bool match = placement.kind == Placement::Kind::Default
                               ? kind == TargetDefault
                               : (kind == TargetInto || kind == TargetOverride) && file == placement.file;
        if (match) {
            m_target->setCurrentIndex(i);
            return;
        }
    }
    m_target->setCurrentIndex(0);
}

QString ProjectWindow::selectedWorkload() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->text(0) : QString();
}

void ProjectWindow::selectWorkload(const QString &name)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->text(0) == name)
            m_list->setCurrentItem(m_list->topLevelItem(i));
}

void ProjectWindow::jumpToSelection()
{
    const QString name = selectedWorkload();
    const Analysis &a = m_document->analysis();
    for (const Workload &w : a.workloads) {
        if (w.displayName() != name)
            continue;
        const Location &at = w.rootFsLocation.line > 0 ? w.rootFsLocation : w.location;
        if (at.file >= 0 && at.file < a.files.size())
            showLocation(m_document->project().files[std::size_t(at.file)].path, at.line);
        return;
    }
}

void ProjectWindow::showLocation(const QString &path, int line)
{
    CodeEditor *editor = editorOf(path);
    if (!editor)
        return;
    m_files->setCurrentWidget(editor);
    editor->goToLine(line);
    editor->setMarkedLines(line, line);
}

void ProjectWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 15000);
    if (isVisible())
        QMessageBox::warning(this, tr("Deadbolt"), message);
}

bool ProjectWindow::setReadOnly(bool on)
{
    const QString name = selectedWorkload();
    if (name.isEmpty())
        return false;
    EditRequest request;
    request.kind = on ? EditRequest::Kind::ReadOnly : EditRequest::Kind::Writable;
    request.name = name;
    QString error;
    if (!m_document->edit(request, placement(), &error)) {
        showError(error);
        return false;
    }
    return true;
}

bool ProjectWindow::makeAllImmutable()
{
    QString error;
    if (!m_document->makeAllImmutable(placement(), &error)) {
        showError(error);
        return false;
    }
    return true;
}

bool ProjectWindow::save()
{
    QString error;
    if (!m_document->save(&error)) {
        showError(tr("Nothing was saved: %1").arg(error));
        return false;
    }
    statusBar()->showMessage(tr("Saved"), 5000);
    refresh();
    return true;
}

void ProjectWindow::closeEvent(QCloseEvent *event)
{
    if (!m_document->isModified()) {
        event->accept();
        return;
    }
    const auto answer =
        QMessageBox::question(this, tr("Deadbolt"), tr("Save the changes to the project's files?"),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save()))
        event->ignore();
    else
        event->accept();
}

ProjectWindow *showProjectWindow(QWidget *parent, const QStringList &files)
{
    auto *document = new ProjectDocument;
    QString error;
    if (!document->load(files, {}, &error)) {
        delete document;
        QMessageBox::warning(parent, ProjectWindow::tr("Open Project"), error);
        return nullptr;
    }
    auto *window = new ProjectWindow(document, parent);
    window->setWindowFlag(Qt::Window);
    window->show();
    return window;
}

} // namespace deadbolt

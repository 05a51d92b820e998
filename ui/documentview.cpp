#include "documentview.h"

#include "document.h"
#include "editcontroller.h"
#include "models/workloadlistmodel.h"
#include "panels/changespanel.h"
#include "panels/inspectorpanel.h"
#include "panels/workloadpanel.h"
#include "panels/yamlpanel.h"
#include "views/banner.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoView>
#include <QVBoxLayout>

namespace deadbolt {

DocumentView::DocumentView(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_edits(new EditController(document, this)),
      m_diskBanner(new Banner(this)), m_errorBanner(new Banner(this)), m_loading(new QWidget(this)),
      m_progress(new QProgressBar(m_loading)), m_splitter(new QSplitter(this)),
      m_list(new WorkloadPanel(document)), m_inspector(new InspectorPanel(document, m_edits)),
      m_textTabs(new QTabWidget), m_yaml(new YamlPanel(document)), m_changes(new ChangesPanel(document)),
      m_history(new QUndoView(document->undoStack()))
{
    setObjectName(QStringLiteral("documentView"));
    m_diskBanner->setObjectName(QStringLiteral("diskBanner"));
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_splitter->setObjectName(QStringLiteral("documentSplitter"));
    m_textTabs->setObjectName(QStringLiteral("textTabs"));
    m_history->setObjectName(QStringLiteral("historyView"));
    m_history->setEmptyLabel(tr("Opened %1").arg(document->displayName()));
    m_history->setToolTip(tr("Every change to this file; click an entry to go back to it"));

    m_progress->setObjectName(QStringLiteral("loadingProgress"));
    m_progress->setRange(0, 0); // the reader cannot say how far it is, only that it works
    auto *cancel = new QPushButton(tr("Cancel"), m_loading);
    cancel->setObjectName(QStringLiteral("cancelLoading"));
    cancel->setToolTip(tr("Stop reading this file and close it"));
    auto *loadingLayout = new QHBoxLayout(m_loading);
    loadingLayout->setContentsMargins(4, 2, 4, 2);
    loadingLayout->addWidget(new QLabel(tr("Reading the file..."), m_loading));
    loadingLayout->addWidget(m_progress, 1);
    loadingLayout->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, this, &DocumentView::cancelLoadingRequested);

    m_textTabs->addTab(m_yaml, tr("YAML"));
    m_textTabs->addTab(m_changes, tr("Changes"));
    m_textTabs->addTab(m_history, tr("History"));
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_inspector);
    m_splitter->addWidget(m_textTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 4);
    m_splitter->setSizes({440, 380, 560});
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_diskBanner);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_loading);
    layout->addWidget(m_splitter, 1);

    connect(m_list, &WorkloadPanel::workloadSelected, this, [this](const QString &key) {
        m_inspector->setWorkload(key);
        m_yaml->showWorkload(key, true);
    });
    connect(m_yaml, &YamlPanel::workloadAtCursor, this, [this](const QString &key) {
        m_inspector->setWorkload(key);
        m_yaml->showWorkload(key, false);
        m_list->selectWorkload(key);
    });
    connect(m_edits, &EditController::editFailed, this, &DocumentView::showError);
    m_edits->setWaitForAnalysis(true); // never an analysis on the GUI thread for an edit
    m_list->model()->setReadOnlyRequest([this](const Workload &w, bool on) {
        return m_edits->setReadOnly(w.displayName(), on, Target::ThisWorkload);
    });
    connect(document, &Document::changedOnDiskChanged, this, &DocumentView::changedOnDisk);
    connect(document, &Document::loadingChanged, this, &DocumentView::loadingChanged);
    connect(document, &Document::textChanged, m_errorBanner, &QWidget::hide);
    loadingChanged(document->isLoading());
}

void DocumentView::selectWorkload(const QString &key)
{
    m_list->selectWorkload(key);
}

void DocumentView::showError(const QString &message)
{
    m_errorBanner->showMessage(message, Banner::Error);
}

void DocumentView::loadingChanged(bool loading)
{
    m_loading->setVisible(loading);
    if (!loading && m_list->selectedKey().isEmpty() && !m_document->analysis().workloads.isEmpty())
        m_list->selectWorkload(m_document->analysis().workloads.first().displayName());
}

void DocumentView::changedOnDisk(bool changed)
{
    if (!changed) {
        m_diskBanner->hide();
        return;
    }
    m_diskBanner->clearButtons();
    QPushButton *reload = m_diskBanner->addButton(tr("&Reload"), QStringLiteral("bannerReload"));
    reload->setToolTip(tr("Replace your text with the file's (undoable)"));
    QPushButton *keep = m_diskBanner->addButton(tr("&Keep mine"), QStringLiteral("bannerKeepMine"));
    keep->setToolTip(tr("Keep your text; the next save overwrites the file, or writes it again"));
    connect(reload, &QPushButton::clicked, this, [this] {
        QString error;
        if (!m_document->reloadFromDisk(&error))
            showError(error);
    });
    connect(keep, &QPushButton::clicked, m_document, &Document::keepMine);
    m_diskBanner->showMessage(diskChangeMessage(), Banner::Warning);
}

QString DocumentView::diskChangeMessage() const
{
    const QString name = m_document->displayName();
    const QFileInfo file(m_document->filePath());
    if (file.isDir())
        return tr("%1 was replaced by a folder on disk. Your text is kept; use Save As to keep it.")
            .arg(name);
    if (!file.exists())
        return tr("%1 was removed or renamed on disk. Your text is kept; Keep mine writes it again on the "
                  "next save.")
            .arg(name);
    return m_document->isModified() ? tr("%1 changed on disk, and you have unsaved changes.").arg(name)
                                    : tr("%1 changed on disk.").arg(name);
}

} // namespace deadbolt

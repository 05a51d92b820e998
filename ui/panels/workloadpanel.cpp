#include "panels/workloadpanel.h"

#include "document.h"
#include "models/roles.h"
#include "models/workloadfiltermodel.h"
#include "models/workloadlistmodel.h"
#include "views/statusdelegate.h"
#include "views/statusicons.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace deadbolt {

WorkloadPanel::WorkloadPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new WorkloadListModel(this)),
      m_filter(new WorkloadFilterModel(this)), m_text(new QLineEdit(this)), m_status(new QComboBox(this)),
      m_summary(new QLabel(this)), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("workloadPanel"));
    m_text->setObjectName(QStringLiteral("workloadFilterText"));
    m_text->setPlaceholderText(tr("Filter workloads"));
    m_text->setClearButtonEnabled(true);
    m_text->setToolTip(tr("Show only workloads whose name or object contains this text"));
    m_status->setObjectName(QStringLiteral("workloadFilterStatus"));
    m_status->setToolTip(tr("Show only workloads with this status"));
    m_status->addItem(tr("All statuses"), -1);
    for (Status s :
         {Status::Mutable, Status::Undetermined, Status::ImmutableWithExceptions, Status::Immutable})
        m_status->addItem(statusIcon(s), statusLabel(s), int(s));
    m_summary->setObjectName(QStringLiteral("workloadSummary"));
    m_summary->setWordWrap(true);

    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("workloadList"));
    m_view->setModel(m_filter);
    m_view->setItemDelegateForColumn(WorkloadListModel::StatusColumn, new StatusDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // file order until the user sorts
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    // The names come first: the name column fits them as far as the status badge and the
    // counts leave room (fitNameColumn), and the status column takes what is left.
    m_view->header()->setMinimumSectionSize(40);
    m_view->header()->setSectionResizeMode(WorkloadListModel::NameColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(WorkloadListModel::StatusColumn, QHeaderView::Stretch);
    for (int c = WorkloadListModel::InMemoryColumn; c < WorkloadListModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->setMinimumWidth(380);
    m_view->viewport()->installEventFilter(this);
    connect(m_view->header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section >= WorkloadListModel::InMemoryColumn) // a count column grew or shrank
            QMetaObject::invokeMethod(this, &WorkloadPanel::fitNameColumn, Qt::QueuedConnection);
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_text, 1);
    filters->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &WorkloadFilterModel::setTextFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_status->currentData().toInt();
        m_filter->setStatusFilter(s < 0 ? std::nullopt : std::optional<Status>(Status(s)));
        m_view->expandAll();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &WorkloadPanel::modelReset);
    connect(m_model, &WorkloadListModel::rowsUpdated, this, &WorkloadPanel::updateSummary);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &WorkloadPanel::currentChanged);
    connect(document, &Document::parseErrorsChanged, this, &WorkloadPanel::updateSummary);
    // Right-click a workload: read-only on or off, through the model's ReadOnlyRole, which
    // asks whoever installed the request (DocumentView: the EditController, so the undo stack).
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_view->indexAt(at);
        const QVariant readOnly = index.data(ReadOnlyRole);
        if (!readOnly.isValid())
            return; // a group row, or nothing
        QMenu menu(this);
        QAction *toggle = menu.addAction(readOnly.toBool() ? tr("Make Writable") : tr("Make Read-Only"));
        toggle->setObjectName(QStringLiteral("toggleReadOnly"));
        if (menu.exec(m_view->viewport()->mapToGlobal(at)) == toggle)
            toggleReadOnly(index);
    });
    m_model->setDocument(document);
}

bool WorkloadPanel::toggleReadOnly(const QModelIndex &index)
{
    const QVariant readOnly = index.data(ReadOnlyRole);
    return readOnly.isValid() && m_filter->setData(index, !readOnly.toBool(), ReadOnlyRole);
}

QString WorkloadPanel::summaryText() const
{
    return m_summary->text();
}

void WorkloadPanel::updateSummary()
{
    const Analysis &a = m_document->analysis();
    int readOnly = 0, exceptions = 0;
    for (const Workload &w : a.workloads) {
        if (w.status() == Status::Immutable || w.status() == Status::ImmutableWithExceptions)
            ++readOnly;
        if (w.status() == Status::ImmutableWithExceptions)
            ++exceptions;
    }
    QString text;
    if (m_document->isLoading())
        text = tr("Reading %1...").arg(m_document->displayName());
    else if (!a.skipReason.isEmpty())
        text = a.skipReason;
    else if (a.workloads.isEmpty() && !a.errors.isEmpty())
        text = tr("The file could not be read: %1").arg(a.errors.first().message);
    else if (a.workloads.isEmpty())
        text = tr("No workloads in this file.");
    else {
        text = a.workloads.size() == 1
                   ? tr("<b>%1 of 1 workload immutable</b>").arg(readOnly)
                   : tr("<b>%1 of %2 workloads immutable</b>").arg(readOnly).arg(a.workloads.size());
        if (exceptions)
            text += tr(" (%1 with writable exceptions)").arg(exceptions);
        text += QStringLiteral(" &middot; ") + formatName(a.format);
    }
    if (!m_document->parseErrors().isEmpty())
        text += QStringLiteral("<br>") + tr("Showing the last state that parsed.");
    m_summary->setText(text);
}

// The list's width changes with the splitter and with its scroll bar coming and going.
bool WorkloadPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &WorkloadPanel::fitNameColumn, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

// The names as wide as they need, as far as the status badge (at its own width) and the
// counts leave room; the status column stretches over what is left. Qt measures at most
// resizeContentsPrecision() rows (1,000), so a big list costs no more.
void WorkloadPanel::fitNameColumn()
{
    // (QTreeView makes these overrides protected; the base declares them public.)
    const auto *view = static_cast<const QAbstractItemView *>(m_view);
    const int wanted = view->sizeHintForColumn(WorkloadListModel::NameColumn);
    int others = view->sizeHintForColumn(WorkloadListModel::StatusColumn);
    for (int c = WorkloadListModel::InMemoryColumn; c < WorkloadListModel::ColumnCount; ++c)
        others += m_view->header()->sectionSize(c);
    const int room = std::max(m_view->viewport()->width() - others, 120);
    m_view->header()->resizeSection(WorkloadListModel::NameColumn, std::min(wanted, room));
}

void WorkloadPanel::modelReset()
{
    m_view->expandAll();
    // Once the count columns have taken their new widths.
    QMetaObject::invokeMethod(this, &WorkloadPanel::fitNameColumn, Qt::QueuedConnection);
    updateSummary();
    if (m_selectedKey.isEmpty())
        return;
    m_restoring = true;
    selectWorkload(m_selectedKey);
    m_restoring = false;
}

void WorkloadPanel::selectWorkload(const QString &key)
{
    const QModelIndex source = m_model->indexForKey(key);
    const QModelIndex index = m_filter->mapFromSource(source);
    if (!index.isValid()) {
        if (!m_restoring && key != m_selectedKey) {
            m_selectedKey = key;
            emit workloadSelected(key);
        }
        return;
    }
    if (m_view->currentIndex() == index)
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void WorkloadPanel::currentChanged()
{
    const QModelIndex index = m_view->currentIndex();
    QString key = index.data(WorkloadKeyRole).toString();
    if (index.data(IsGroupRole).toBool()) {
        // An object row shows its first container.
        const QModelIndex child = m_filter->index(0, 0, index.siblingAtColumn(0));
        key = child.data(WorkloadKeyRole).toString();
    }
    if (key.isEmpty() || key == m_selectedKey)
        return;
    m_selectedKey = key;
    emit workloadSelected(key);
}

} // namespace deadbolt

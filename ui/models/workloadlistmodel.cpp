#include "models/workloadlistmodel.h"

#include "document.h"
#include "models/roles.h"

#include <QScopeGuard>

namespace deadbolt {

QString statusLabel(Status status)
{
    switch (status) {
    case Status::Immutable:
        return QObject::tr("Immutable");
    case Status::ImmutableWithExceptions:
        return QObject::tr("With exceptions");
    case Status::Mutable:
        return QObject::tr("Mutable");
    case Status::Undetermined:
        return QObject::tr("Undetermined");
    case Status::Partial:
        return QObject::tr("Partial");
    case Status::Defeated:
        return QObject::tr("Read-only defeated");
    }
    return {};
}

int statusRank(Status status)
{
    switch (status) {
    case Status::Immutable:
        return 0;
    case Status::ImmutableWithExceptions:
        return 1;
    case Status::Undetermined:
    case Status::Partial:
        return 2;
    case Status::Mutable:
    case Status::Defeated:
        return 3;
    }
    return 0;
}

WorkloadListModel::WorkloadListModel(QObject *parent) : QAbstractItemModel(parent)
{}

void WorkloadListModel::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &Document::analysisChanged, this, &WorkloadListModel::rebuild);
    rebuild();
}

void WorkloadListModel::rebuild()
{
    QVector<Workload> workloads = m_document ? m_document->analysis().workloads : QVector<Workload>();
    QVector<Group> groups;
    QHash<QString, int> groupOf;
    for (int i = 0; i < workloads.size(); ++i) {
        const Workload &w = workloads.at(i);
        if (w.object.isEmpty()) {
            groups.append({QString(), {i}, w.status()});
            continue;
        }
        auto it = groupOf.find(w.object);
        if (it == groupOf.end()) {
            it = groupOf.insert(w.object, int(groups.size()));
            groups.append({w.object, {}, w.status()});
        }
        Group &g = groups[*it];
        g.workloads.append(i);
        if (statusRank(w.status()) > statusRank(g.status))
            g.status = w.status();
    }
    // The same rows as before (an edit changed values, not which workloads there are): the
    // rows are updated in place, so the view keeps what is expanded, selected and scrolled.
    bool sameRows = groups.size() == m_groups.size() && workloads.size() == m_workloads.size();
    for (qsizetype g = 0; sameRows && g < groups.size(); ++g)
        sameRows = groups[g].object == m_groups[g].object && groups[g].workloads == m_groups[g].workloads;
    for (qsizetype i = 0; sameRows && i < workloads.size(); ++i)
        sameRows = workloads[i].displayName() == m_workloads[i].displayName();
    if (!sameRows)
        beginResetModel();
    m_workloads = std::move(workloads);
    m_groups = std::move(groups);
    m_keyIndex.clear();
    m_rowOf.assign(std::size_t(m_workloads.size()), {});
    for (int g = 0; g < m_groups.size(); ++g)
        for (int row = 0; row < m_groups[g].workloads.size(); ++row)
            m_rowOf[std::size_t(m_groups[g].workloads[row])] = {g, row};
    for (int i = 0; i < m_workloads.size(); ++i)
        if (!m_keyIndex.contains(m_workloads[i].displayName()))
            m_keyIndex.insert(m_workloads[i].displayName(), i); // of two equal names, the first
    if (!sameRows) {
        endResetModel();
        return;
    }
    if (m_groups.isEmpty())
        return;
    const auto done = qScopeGuard([this] { emit rowsUpdated(); });
    emit dataChanged(index(0, 0), index(int(m_groups.size()) - 1, ColumnCount - 1));
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].object.isEmpty())
            continue;
        const QModelIndex parent = index(g, 0);
        emit dataChanged(index(0, 0, parent),
                         index(int(m_groups[g].workloads.size()) - 1, ColumnCount - 1, parent));
    }
}

int WorkloadListModel::workloadIndexAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return -1;
    if (index.internalId() == 0) {
        const Group &g = m_groups.at(index.row());
        return g.object.isEmpty() ? g.workloads.first() : -1;
    }
    return m_groups.at(int(index.internalId() - 1)).workloads.at(index.row());
}

const Workload *WorkloadListModel::workloadAt(const QModelIndex &index) const
{
    const int i = workloadIndexAt(index);
    return i < 0 ? nullptr : &m_workloads.at(i);
}

QModelIndex WorkloadListModel::indexForWorkload(int workload) const
{
    if (workload < 0 || std::size_t(workload) >= m_rowOf.size())
        return {};
    const auto [g, row] = m_rowOf[std::size_t(workload)];
    return m_groups.at(g).object.isEmpty() ? index(g, 0) : index(row, 0, index(g, 0));
}

QModelIndex WorkloadListModel::indexForKey(const QString &key) const
{
    const auto it = m_keyIndex.constFind(key);
    return it == m_keyIndex.cend() ? QModelIndex() : indexForWorkload(*it);
}

QModelIndex WorkloadListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex WorkloadListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int WorkloadListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    const Group &g = m_groups.at(parent.row());
    return g.object.isEmpty() ? 0 : int(g.workloads.size());
}

int WorkloadListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant WorkloadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Workload *w = workloadAt(index);
    if (!w) {
        // A Kubernetes object: its name, and the worst status of its containers.
        const Group &g = m_groups.at(index.row());
        switch (role) {
        case IsGroupRole:
            return true;
        case WorkloadIndexRole:
            return -1;
        case WorkloadKeyRole:
            return g.object;
        case StatusRole:
            return int(g.status);
        case LineRole:
            return m_workloads.at(g.workloads.first()).location.line;
        case SortRole:
            if (index.column() == StatusColumn)
                return statusRank(g.status);
            return index.column() == NameColumn ? QVariant(g.object) : QVariant(0);
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return g.object;
            if (index.column() == StatusColumn)
                return statusLabel(g.status);
            return {};
        case Qt::ToolTipRole:
            return tr("%1: %n container(s)", nullptr, int(g.workloads.size())).arg(g.object);
        }
        return {};
    }
    switch (role) {
    case IsGroupRole:
        return false;
    case WorkloadIndexRole:
        return workloadIndexAt(index);
    case WorkloadKeyRole:
        return w->displayName();
    case StatusRole:
        return int(w->status());
    case ReadOnlyRole:
        return w->rootFs == RootFs::ReadOnly;
    case LineRole:
        return w->location.line;
    case SortRole:
        // Sorting follows what is shown, except status: by rank, not alphabetically.
        if (index.column() == StatusColumn)
            return statusRank(w->status());
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return w->name;
        case StatusColumn:
            return statusLabel(w->status());
        case InMemoryColumn:
            return int(w->inMemory.size());
        case PersistentColumn:
            return int(w->persistent.size());
        case FindingsColumn:
            return int(w->findings.size());
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case InMemoryColumn:
            return tr("In-memory writable paths (tmpfs, memory emptyDir)");
        case PersistentColumn:
            return tr("Persistent writable paths (volumes, bind mounts, disk emptyDir)");
        case FindingsColumn:
            return tr("Findings of the immutability rules");
        }
        return w->displayName();
    case Qt::TextAlignmentRole:
        if (index.column() >= InMemoryColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

bool WorkloadListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Workload *w = workloadAt(index);
    if (role != ReadOnlyRole || !w || !m_readOnlyRequest)
        return false;
    // The document changes through an undoable edit; the model follows when the new
    // analysis arrives, so there is no dataChanged here.
    return m_readOnlyRequest(*w, value.toBool());
}

QVariant WorkloadListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Workload");
        case StatusColumn:
            return tr("Status");
        case InMemoryColumn:
            return tr("Memory");
        case PersistentColumn:
            return tr("Disk");
        case FindingsColumn:
            return tr("Findings");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StatusColumn:
            return tr("Immutable: read-only root filesystem, no writable path. With exceptions: read-only, "
                      "with writable paths. Mutable: the root filesystem is writable.");
        case InMemoryColumn:
            return tr("In-memory writable paths (tmpfs, memory emptyDir)");
        case PersistentColumn:
            return tr("Persistent writable paths (volumes, bind mounts, disk emptyDir)");
        case FindingsColumn:
            return tr("Findings of the immutability rules");
        }
    }
    return {};
}

Qt::ItemFlags WorkloadListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace deadbolt

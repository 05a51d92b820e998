#include "models/workloadfiltermodel.h"

#include "models/roles.h"

namespace deadbolt {

WorkloadFilterModel::WorkloadFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void WorkloadFilterModel::setStatusFilter(std::optional<Status> status)
{
    if (m_status == status)
        return;
    m_status = status;
    invalidateFilter();
}

void WorkloadFilterModel::setTextFilter(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

bool WorkloadFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool textMatches =
        m_text.isEmpty() || index.data(WorkloadKeyRole).toString().contains(m_text, Qt::CaseInsensitive);
    if (index.data(IsGroupRole).toBool())
        return !m_status && textMatches; // otherwise shown through a matching container
    const bool statusMatches = !m_status || index.data(StatusRole).toInt() == int(*m_status);
    return statusMatches && textMatches;
}

} // namespace deadbolt

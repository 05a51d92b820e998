#pragma once

#include "model/workload.h"

#include <QSortFilterProxyModel>
#include <optional>

namespace deadbolt {

// Filters the workload list by status and by text (name or object). A Kubernetes object
// stays visible while any of its containers matches.
class WorkloadFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit WorkloadFilterModel(QObject *parent = nullptr);

    void setStatusFilter(std::optional<Status> status);
    std::optional<Status> statusFilter() const { return m_status; }
    void setTextFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<Status> m_status;
    QString m_text;
};

} // namespace deadbolt

#pragma once

#include "model/workload.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>
#include <functional>
#include <vector>

namespace deadbolt {

class Document;

// The workloads of one document. Compose services are top-level rows; Kubernetes
// containers are grouped under their object ("Deployment/shop/web"). A thin adapter: it
// reads Document::analysis(); when that changes it updates its rows in place while they are
// the same workloads (an edit), and resets only when workloads come or go.
class WorkloadListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, InMemoryColumn, PersistentColumn, FindingsColumn, ColumnCount };

    explicit WorkloadListModel(QObject *parent = nullptr);

    void setDocument(Document *document);
    Document *document() const { return m_document; }

    // Asked by setData(ReadOnlyRole): the model never edits; whoever owns the edit
    // operations (the window's EditController) does, through the document's undo stack.
    using ReadOnlyRequest = std::function<bool(const Workload &, bool readOnly)>;
    void setReadOnlyRequest(ReadOnlyRequest request) { m_readOnlyRequest = std::move(request); }

    QModelIndex indexForKey(const QString &key) const;
    QModelIndex indexForWorkload(int workload) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    // The rows were updated in place (no reset): every value may have changed.
    void rowsUpdated();

private:
    struct Group
    {
        QString object; // "Deployment/ns/name", empty for Compose services
        QVector<int> workloads;
        Status status = Status::Immutable; // the worst of its workloads
    };
    void rebuild();
    // internalId 0: a top-level row; n > 0: a child of group n - 1.
    const Workload *workloadAt(const QModelIndex &index) const;
    int workloadIndexAt(const QModelIndex &index) const;

    QPointer<Document> m_document;
    QVector<Workload> m_workloads;
    QVector<Group> m_groups; // top-level rows: a group with an object, or one Compose service
    ReadOnlyRequest m_readOnlyRequest;
    // Key (display name) -> workload, and workload -> (group, row): lookups without a scan.
    QHash<QString, int> m_keyIndex;
    std::vector<std::pair<int, int>> m_rowOf;
};

// "Immutable", "With exceptions"... the word a badge shows next to its icon.
QString statusLabel(Status status);
// How bad a status is, for the group's worst-of and for sorting.
int statusRank(Status status);

} // namespace deadbolt

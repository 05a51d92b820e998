#pragma once

#include "review/review.h"

#include <QAbstractTableModel>

namespace deadbolt {

// The changes of a Review as a table, regressions first (sortedChanges). A thin adapter:
// the Review is the data, replaced as a whole by setReview().
class ReviewChangeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, WorkloadColumn, ChangeColumn, FileColumn, ColumnCount };
    // Roles of this model only; they start past ui/models/roles.h so the two never collide.
    enum Role {
        SeverityRole = Qt::UserRole + 64, // int(ChangeSeverity)
        KindRole,                         // changeKindName()
        FileIndexRole,                    // index into Review::files
        OldLineRole,                      // 1-based; 0 when the change has no place there
        NewLineRole,
    };

    explicit ReviewChangeModel(QObject *parent = nullptr);

    void setReview(const Review *review); // not owned; must outlive the model or be reset
    const ReviewEntry *entry(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const Review *m_review = nullptr;
    QVector<ReviewEntry> m_entries;
};

} // namespace deadbolt

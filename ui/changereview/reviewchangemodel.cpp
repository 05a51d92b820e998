#include "changereview/reviewchangemodel.h"

#include <QColor>
#include <QFont>

namespace deadbolt {

ReviewChangeModel::ReviewChangeModel(QObject *parent) : QAbstractTableModel(parent)
{}

void ReviewChangeModel::setReview(const Review *review)
{
    beginResetModel();
    m_review = review;
    m_entries = review ? sortedChanges(*review) : QVector<ReviewEntry>{};
    endResetModel();
}

const ReviewEntry *ReviewChangeModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int ReviewChangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ReviewChangeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewChangeModel::data(const QModelIndex &index, int role) const
{
    const ReviewEntry *e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e)
        return {};
    const WorkloadChange &c = *e->change;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return changeSeverityName(c.severity);
        case WorkloadColumn:
            return c.workload;
        case ChangeColumn:
            return c.message;
        case FileColumn: {
            const ChangePlace place = changePlace(*e->file, c);
            return place.line > 0 ? QStringLiteral("%1:%2").arg(e->file->path).arg(place.line)
                                  : e->file->path;
        }
        }
        break;
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2)").arg(c.message, changeKindName(c.kind));
    case Qt::FontRole:
        if (index.column() == SeverityColumn && c.severity == ChangeSeverity::Regression) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ForegroundRole:
        // The word says the severity; the colour only repeats it.
        if (index.column() == SeverityColumn)
            return c.severity == ChangeSeverity::Regression    ? QColor(0xb3, 0x26, 0x1e)
                   : c.severity == ChangeSeverity::Improvement ? QColor(0x1e, 0x7b, 0x34)
                                                               : QVariant();
        break;
    case SeverityRole:
        return int(c.severity);
    case KindRole:
        return changeKindName(c.kind);
    case FileIndexRole:
        return int(e->file - m_review->files.constData());
    case OldLineRole:
        return c.oldLocation.line;
    case NewLineRole:
        return c.newLocation.line;
    }
    return {};
}

QVariant ReviewChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case WorkloadColumn:
        return tr("Workload");
    case ChangeColumn:
        return tr("Change");
    case FileColumn:
        return tr("Where");
    }
    return {};
}

} // namespace deadbolt

#pragma once

#include <QStyledItemDelegate>

namespace deadbolt {

// Draws a status cell as a badge: the status icon, then the word on a tinted pill whose
// border has the status colour. The word and the icon's shape carry the meaning; the
// colour only repeats it.
class StatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace deadbolt

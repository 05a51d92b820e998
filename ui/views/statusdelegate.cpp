#include "views/statusdelegate.h"

#include "models/roles.h"
#include "views/statusicons.h"

#include <QApplication>
#include <QPainter>

namespace deadbolt {

namespace {
constexpr int IconSize = 16;
constexpr int Pad = 4;
} // namespace

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    const QVariant statusValue = index.data(StatusRole);
    if (!statusValue.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const auto status = Status(statusValue.toInt());
    // The background (selection, hover) comes from the style, so the badge sits on it.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(Pad, 2, -Pad, -2);
    const QRect iconRect(r.left(), r.center().y() - IconSize / 2 + 1, IconSize, IconSize);
    statusIcon(status).paint(painter, iconRect);

    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics fm(option.font);
    const int textWidth = std::min(fm.horizontalAdvance(text) + 2 * Pad, r.right() - iconRect.right() - Pad);
    const QRect pill(iconRect.right() + Pad, r.top() + 1, std::max(0, textWidth), r.height() - 2);
    QColor fill = statusColor(status);
    fill.setAlpha(40);
    painter->setPen(QPen(statusColor(status), 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, 4, 4);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(pill.adjusted(Pad, 0, -Pad / 2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(text, Qt::ElideRight, pill.width() - Pad));
    painter->restore();
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    const QString text = index.data(Qt::DisplayRole).toString();
    return {IconSize + 4 * Pad + fm.horizontalAdvance(text) + 2 * Pad,
            std::max(IconSize + 6, fm.height() + 8)};
}

} // namespace deadbolt

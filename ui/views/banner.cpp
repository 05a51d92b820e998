#include "views/banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace deadbolt {

Banner::Banner(QWidget *parent) : QFrame(parent), m_label(new QLabel(this)), m_buttons(new QHBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_buttons);
    auto *close = new QPushButton(style()->standardIcon(QStyle::SP_TitleBarCloseButton), QString(), this);
    close->setFlat(true);
    close->setToolTip(tr("Dismiss this message"));
    close->setObjectName(QStringLiteral("bannerClose"));
    layout->addWidget(close);
    connect(close, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void Banner::showMessage(const QString &text, Kind kind)
{
    const char *colour = kind == Error ? "192,57,43" : kind == Warning ? "211,156,0" : "42,127,158";
    setStyleSheet(QStringLiteral("deadbolt--Banner { background: rgba(%1,0.15); border: 1px solid rgb(%1); "
                                 "border-radius: 3px; }")
                      .arg(QLatin1String(colour)));
    m_label->setText(text);
    show();
}

QPushButton *Banner::addButton(const QString &text, const QString &objectName)
{
    auto *b = new QPushButton(text, this);
    b->setObjectName(objectName);
    m_buttons->addWidget(b);
    return b;
}

void Banner::clearButtons()
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

QString Banner::text() const
{
    return m_label->text();
}

} // namespace deadbolt

#include "dialogs/previewdialog.h"

#include "views/diffhighlighter.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace deadbolt {

PreviewDialog::PreviewDialog(const QString &title, const QString &summary, const std::string &diff,
                             QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("previewDialog"));
    setWindowTitle(title);
    auto *label = new QLabel(summary, this);
    label->setWordWrap(true);
    auto *view = new QPlainTextEdit(this);
    view->setObjectName(QStringLiteral("previewDiff"));
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(view->document());
    view->setPlainText(QString::fromStdString(diff));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("previewApply"));
    buttons->button(QDialogButtonBox::Apply)->setToolTip(tr("Apply the change as one step in the history"));
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    resize(760, 560);
}

} // namespace deadbolt

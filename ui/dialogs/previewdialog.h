#pragma once

#include <QDialog>
#include <string>

namespace deadbolt {

// Shows the diff an edit would make before it is applied ("Make all immutable").
class PreviewDialog : public QDialog
{
    Q_OBJECT
public:
    PreviewDialog(const QString &title, const QString &summary, const std::string &diff,
                  QWidget *parent = nullptr);
};

} // namespace deadbolt

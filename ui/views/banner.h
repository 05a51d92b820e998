#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace deadbolt {

// A non-modal message strip at the top of a document: an error that must not be lost in
// a status bar, or a question that can wait (the file changed on disk).
class Banner : public QFrame
{
    Q_OBJECT
public:
    enum Kind { Info, Warning, Error };
    explicit Banner(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind);
    QPushButton *addButton(const QString &text, const QString &objectName);
    void clearButtons();
    QString text() const;

private:
    QLabel *m_label;
    QHBoxLayout *m_buttons;
};

} // namespace deadbolt

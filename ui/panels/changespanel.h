#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace deadbolt {

class Document;

// The unsaved text against the file as last read or saved, as a coloured unified diff.
class ChangesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChangesPanel(Document *document, QWidget *parent = nullptr);

    QString diffText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void update();

    Document *m_document;
    QLabel *m_header;
    QPlainTextEdit *m_view;
    QTimer m_timer;
    bool m_stale = true;
};

} // namespace deadbolt

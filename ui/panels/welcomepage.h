#pragma once

#include <QWidget>

class QVBoxLayout;

namespace deadbolt {

// Shown when no file is open: what immutable deployments are, how each format says it,
// the files and projects opened lately, and the bundled samples, one click away.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Where the samples are: next to the installed binary, else the source tree.
    static QString samplesDirectory();

signals:
    void openRequested(const QString &path);
    void openProjectRequested(const QStringList &files);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillRecent();

    QWidget *m_recent;
    QVBoxLayout *m_recentItems;
};

} // namespace deadbolt

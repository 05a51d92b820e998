#pragma once

#include <QWidget>

namespace deadbolt {

// Shown when no file is open: what immutable deployments are, how each format says it,
// and the bundled samples, one click away.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Where the samples are: next to the installed binary, else the source tree.
    static QString samplesDirectory();

signals:
    void openRequested(const QString &path);
};

} // namespace deadbolt

#pragma once

#include <QString>
#include <QStringList>

namespace deadbolt {

class MainWindow;

// Saves PNGs of the window for the README (scripts/screenshots): the welcome page, then
// per file the window with its YAML view, and its Changes view after "Make All
// Immutable" where that changes something. Returns the files written.
QStringList saveScreenshots(MainWindow *window, const QStringList &files, const QString &directory);
// The project window of `files` (a folder, or -f files): its services, with the first one
// that has a writable root selected, as "project.png". Empty when it cannot be opened.
QStringList saveProjectScreenshot(MainWindow *window, const QStringList &files, const QString &directory);

} // namespace deadbolt

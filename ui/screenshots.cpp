#include "screenshots.h"

#include "dialogs/previewdialog.h"
#include "document.h"
#include "documentview.h"
#include "mainwindow.h"
#include "project/projectdocument.h"
#include "project/projectwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>

namespace deadbolt {

namespace {

// Lets queued work (analysis results, layouts, debounced timers) run; no fixed sleep
// decides what the picture shows, the loaded state does.
void settle(Document *document)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && document && (document->isLoading() || !document->isAnalysisCurrent()))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

QString grab(MainWindow *window, const QString &directory, const QString &name)
{
    const QString path = QDir(directory).absoluteFilePath(name + QStringLiteral(".png"));
    return window->grab().save(path) ? path : QString();
}

// Make All Immutable with its preview: the dialog is grabbed once it is up, then cancelled.
QString grabPreview(MainWindow *window, const QString &directory, const QString &name)
{
    QString path;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, window, [&] {
        auto *dialog = window->findChild<PreviewDialog *>();
        if (!dialog || !dialog->isVisible())
            return;
        poll.stop();
        for (int i = 0; i < 20; ++i)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        path = QDir(directory).absoluteFilePath(name + QStringLiteral(".png"));
        if (!dialog->grab().save(path))
            path.clear();
        dialog->reject();
    });
    poll.start();
    window->makeAllImmutable(true);
    return path;
}

} // namespace

QStringList saveScreenshots(MainWindow *window, const QStringList &files, const QString &directory)
{
    QDir().mkpath(directory);
    QStringList written;
    window->resize(1400, 860);
    window->show();
    settle(nullptr);
    written << grab(window, directory, QStringLiteral("welcome"));
    for (const QString &file : files) {
        DocumentView *view = window->openFile(file);
        if (!view)
            continue;
        settle(view->document());
        const QString base = QFileInfo(file).completeBaseName();
        view->textTabs()->setCurrentIndex(0);
        settle(view->document());
        written << grab(window, directory, base);
        written << grabPreview(window, directory, base + QStringLiteral("-preview"));
        if (window->makeAllImmutable(false) && view->document()->isModified()) {
            settle(view->document());
            view->textTabs()->setCurrentIndex(1);
            settle(view->document());
            written << grab(window, directory, base + QStringLiteral("-changes"));
        }
        view->document()->undoStack()->clear(); // nothing to ask about on close
        view->document()->undoStack()->setClean();
        window->closeView(view);
        settle(nullptr);
    }
    written.removeAll(QString());
    return written;
}

QStringList saveProjectScreenshot(MainWindow *window, const QStringList &files, const QString &directory)
{
    QDir().mkpath(directory);
    ProjectWindow *project = window->openProject(files);
    if (!project)
        return {};
    project->resize(1400, 860);
    for (const Workload &w : project->document()->analysis().workloads)
        if (w.rootFs != RootFs::ReadOnly) {
            project->selectWorkload(w.displayName());
            break;
        }
    settle(nullptr);
    const QString path = QDir(directory).absoluteFilePath(QStringLiteral("project.png"));
    const bool ok = project->grab().save(path);
    project->close();
    return ok ? QStringList{path} : QStringList{};
}

} // namespace deadbolt

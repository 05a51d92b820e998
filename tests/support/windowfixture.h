#pragma once

// The editor's main window for GUI tests, offscreen, with samples copied to a temporary
// folder so that saving never touches the repository.
#include "document.h"
#include "documentview.h"
#include "mainwindow.h"
#include "model/workloadmatch.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace deadbolt::testing {

class WindowFixture
{
protected:
    // Call from the test class's initTestCase: QSettings (recent files, geometry) stay out of ~.
    static void enterTestMode() { QStandardPaths::setTestModeEnabled(true); }

    // Call from init(): a new shown window and an empty folder.
    bool openWindow()
    {
        m_dir = new QTemporaryDir;
        m_window = new MainWindow;
        m_window->resize(1300, 800);
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window);
    }

    // Call from cleanup(): discards edits without the close prompt.
    void closeWindow()
    {
        while (DocumentView *v = m_window->currentView()) {
            v->document()->undoStack()->setClean();
            m_window->closeView(v);
        }
        delete m_window;
        delete m_dir;
        m_window = nullptr;
        m_dir = nullptr;
    }

    QString copySample(const QString &name)
    {
        const QString target = m_dir->filePath(name);
        QFile::remove(target);
        if (!QFile::copy(QStringLiteral(DEADBOLT_SAMPLES "/") + name, target))
            return {};
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
        return target;
    }

    // Opens path and waits until its first analysis is in; null when that does not happen.
    DocumentView *open(const QString &path)
    {
        DocumentView *view = m_window->openFile(path);
        if (!view)
            return nullptr;
        view->document()->setAnalysisDelay(20);
        QElapsedTimer timer;
        timer.start();
        while (view->document()->isLoading() && timer.elapsed() < 10000)
            QTest::qWait(10); // QTRY_* cannot return a value from this helper
        return view->document()->isLoading() ? nullptr : view;
    }

    // The workload called name (a service, or a container), matched as the CLI and the
    // editor match it; null when there is none.
    static const Workload *workloadNamed(const Analysis &analysis, const QString &name)
    {
        const QVector<int> found = matchWorkloads(analysis, name);
        return found.isEmpty() ? nullptr : &analysis.workloads[found.first()];
    }

    static void select(DocumentView *view, const QString &name)
    {
        if (const Workload *w = workloadNamed(view->document()->analysis(), name))
            view->selectWorkload(w->displayName());
    }

    static std::string readFile(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll().toStdString();
    }

    static bool writeFile(const QString &path, const std::string &bytes)
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        return f.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
    }

    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;
};

} // namespace deadbolt::testing

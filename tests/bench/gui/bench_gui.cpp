// bench_gui FILE : the editor's speed figures (issue 4).
//  1. Opens FILE (the generated 14 MB manifest) in the main window and reports the time
//     until the full workload list is shown and until the text is editable, and the longest
//     the GUI thread was blocked meanwhile (a 5 ms heartbeat timer measures the gaps); then
//     the same for closing it.
//  2. Types 100 characters into FILE's middle, one key every 20 ms (issue 15: at most 16 ms
//     of key handling on the GUI thread per key, whatever the size of the file).
//  3. Types 300 characters into a generated 2,000-line Compose file, one key every 20 ms,
//     and reports the longest GUI-thread block while typing and re-analysing.
#include "backgroundworkers.h"
#include "concurrency/workers.h"
#include "document.h"
#include "documentview.h"
#include "mainwindow.h"
#include "models/workloadlistmodel.h"
#include "panels/workloadpanel.h"
#include "panels/yamlpanel.h"
#include "views/codeeditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QThreadPool>
#include <QTimer>
#include <cstdio>

using namespace deadbolt;

namespace {

// Records the longest gap between ticks of a timer that should fire every 5 ms.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { m_max = std::max(m_max, m_clock.restart()); });
    }
    void start()
    {
        m_max = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return std::max(m_max, m_clock.elapsed());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
};

int countRows(const WorkloadListModel *model)
{
    int n = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        n += std::max(1, model->rowCount(model->index(r, 0)));
    return n;
}

struct Typing
{
    qint64 maxKey = 0; // the longest key press handled (the key's own work on the GUI thread)
    qint64 block = 0;  // the longest GUI-thread block meanwhile, re-analysis results included
};

// Types `keys` characters at the end of line `line` of the view's text, one every 20 ms.
Typing typeInto(DocumentView *view, Heartbeat &heartbeat, int line, int keys)
{
    CodeEditor *editor = view->yamlPanel()->editor();
    QTextCursor c(editor->document()->findBlockByNumber(line));
    c.movePosition(QTextCursor::EndOfBlock);
    editor->setTextCursor(c);
    editor->setFocus();
    Typing t;
    const QString typed = QStringLiteral("# typing in the middle of the file ");
    heartbeat.start();
    for (int i = 0; i < keys; ++i) {
        QElapsedTimer key;
        key.start();
        QTest::keyClick(editor, typed.at(i % typed.size()).toLatin1());
        t.maxKey = std::max(t.maxKey, key.elapsed());
        QTest::qWait(20); // lets the debounced re-analysis run between keys, as a typist would
    }
    QTest::qWait(600);
    t.block = heartbeat.stop();
    return t;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    MainWindow window;
    window.resize(1300, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "bench_gui: the window was not shown\n");
        return 2;
    }
    Heartbeat heartbeat;

    if (argc > 1) {
        QElapsedTimer clock;
        clock.start();
        heartbeat.start();
        DocumentView *view = window.openFile(QString::fromLocal8Bit(argv[1]));
        if (!view)
            return 2;
        const qint64 openCall = clock.elapsed();
        while (view->document()->isLoading())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        QCoreApplication::processEvents();
        const qint64 shown = clock.elapsed();
        // The text is laid out off the GUI thread too; the editor takes it when it is ready.
        CodeEditor *editor = view->yamlPanel()->editor();
        while (editor->isReadOnly())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        QCoreApplication::processEvents();
        const qint64 textShown = clock.elapsed();
        const qint64 block = heartbeat.stop();
        std::printf("open %s: %d workloads listed after %lld ms, text editable after %lld ms (openFile "
                    "returned after %lld ms); longest GUI-thread block %lld ms\n",
                    argv[1], countRows(view->workloadPanel()->model()), shown, textShown, openCall, block);
        const int middle = editor->blockCount() / 2;
        const Typing big = typeInto(view, heartbeat, middle, 100);
        std::printf("typing 100 keys into line %d of %d: longest key handling %lld ms, longest GUI-thread "
                    "block %lld ms (including re-analysis results)\n",
                    middle + 1, editor->blockCount(), big.maxKey, big.block);
        {
            // The floor under that: a bare QPlainTextEdit holding the same text, typed into the
            // same way (what Qt itself costs per key on this many lines).
            QPlainTextEdit bare;
            bare.resize(800, 600);
            bare.setUndoRedoEnabled(false);
            bare.setPlainText(editor->toPlainText());
            bare.show();
            QTextCursor at(bare.document()->findBlockByNumber(middle));
            at.movePosition(QTextCursor::EndOfBlock);
            bare.setTextCursor(at);
            bare.setFocus();
            qint64 bareMax = 0;
            for (int i = 0; i < 100; ++i) {
                QElapsedTimer key;
                key.start();
                QTest::keyClick(&bare, 'a');
                bareMax = std::max(bareMax, key.elapsed());
                QTest::qWait(20);
            }
            std::printf("the same 100 keys into a bare QPlainTextEdit with that text: longest key %lld ms\n",
                        bareMax);
        }
        view->document()->undoStack()->setClean();
        heartbeat.start();
        clock.restart();
        window.closeView(view);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        std::printf("close: %lld ms; longest GUI-thread block %lld ms\n", clock.elapsed(), heartbeat.stop());

        // Open again and press Cancel after 200 ms: how long until the tab is gone and the
        // background threads are idle again (the parse really stopped).
        view = window.openFile(QString::fromLocal8Bit(argv[1]));
        QTest::qWait(200);
        auto *cancel = view->findChild<QPushButton *>(QStringLiteral("cancelLoading"));
        if (!cancel || !view->document()->isLoading()) {
            std::printf("cancel: the file was read before 200 ms, nothing to cancel\n");
            view->document()->undoStack()->setClean();
            window.closeView(view);
        } else {
            heartbeat.start();
            clock.restart();
            cancel->click();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
            const qint64 gone = clock.elapsed();
            while (backgroundWorkers()->activeThreadCount() > 0 || parseWorkers()->activeThreadCount() > 0)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            std::printf(
                "cancel after 200 ms: tab closed after %lld ms, background work stopped after %lld ms; "
                "longest GUI-thread block %lld ms\n",
                gone, clock.elapsed(), heartbeat.stop());
        }
    }

    // A 2,000-line Compose file: 200 services of 10 lines.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("compose-2000-lines.yml"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        std::string text = "services:\n";
        for (int i = 0; i < 200; ++i) {
            const std::string n = std::to_string(i);
            text += "  svc" + n + ":\n    image: example/app:" + n +
                    "\n    read_only: true\n    restart: always\n" + "    environment:\n      NAME: svc" + n +
                    "\n    tmpfs:\n      - /tmp:size=16m\n" + "    # service " + n +
                    "\n    # (ten lines each)\n";
        }
        text.pop_back();
        f.write(text.data(), qint64(text.size()));
    }
    DocumentView *view = window.openFile(path);
    while (view->document()->isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    const int lines = view->yamlPanel()->editor()->blockCount();
    const Typing small = typeInto(view, heartbeat, 1000, 300);
    const qint64 maxKey = small.maxKey;
    const qint64 block = small.block;
    std::printf("typing 300 keys in a %d-line file: longest key handling %lld ms, longest GUI-thread block "
                "%lld ms (including re-analysis results); %d workloads listed\n",
                lines, maxKey, block, countRows(view->workloadPanel()->model()));
    view->document()->undoStack()->setClean();
    return 0;
}

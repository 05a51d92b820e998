#pragma once

#include "probe/probe.h"

#include <QDialog>
#include <QFutureWatcher>
#include <atomic>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace deadbolt {

class EditController;

// "Learn writable paths...": runs the probe (probe/probe.h) on a background thread with the
// user's Docker, shows its steps as they come, and offers the proposal (read-only with the
// paths in memory) as one undoable edit when the read-only trial stayed up. Cancel stops it
// at the next step; closing the dialog cancels and waits.
class ProbeDialog : public QDialog
{
    Q_OBJECT
public:
    ProbeDialog(EditController *edits, const QString &workload, QWidget *parent = nullptr);
    ~ProbeDialog() override;

    // For tests: start with the seconds given, and what came back.
    void start();
    // Until finished() has taken the result: the future ends a little before its signal.
    bool running() const { return m_running; }
    const ProbeResult &result() const { return m_result; }
    QPushButton *applyButton() const { return m_apply; }
    QSpinBox *secondsBox() const { return m_seconds; }
    QString log() const;

private:
    void step(const QString &line);
    void finished();
    void applyProposal();

    EditController *m_edits;
    QString m_workload;
    RunSpec m_spec;
    bool m_oneShot = false;
    QSpinBox *m_seconds;
    QPushButton *m_start, *m_cancel, *m_apply;
    QProgressBar *m_busy;
    QPlainTextEdit *m_log;
    QListWidget *m_paths;
    QLabel *m_verdict;
    std::atomic_bool m_stop{false};
    bool m_running = false;
    QFutureWatcher<ProbeResult> m_watcher;
    ProbeResult m_result;
};

} // namespace deadbolt

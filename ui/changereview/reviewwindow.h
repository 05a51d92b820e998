#pragma once

#include "review/review.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace deadbolt {

class CodeEditor;
class ReviewChangeModel;

// What a change does to immutability: the list of workload changes (regressions first) over
// the two versions side by side. Selecting a change shows its file and scrolls both sides to
// its lines. Read-only: it never edits a document.
class ReviewWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewWindow(QWidget *parent = nullptr);
    ~ReviewWindow() override;

    // Compare two files or two directories, or a file against a git revision (`revision`
    // may be "REV" for the working tree, or "REV1..REV2"). Errors show in the window. The
    // comparison (git and both analyses) runs in the background with a progress bar and
    // Cancel; the window stays responsive and shows the review when it is done.
    void compareFiles(const QString &oldPath, const QString &newPath);
    void compareWithGit(const QString &path, const QString &revision);
    void setReview(Review review);
    bool isComparing() const { return m_pending; }
    // Stops the comparison between two files; the window then says it was cancelled.
    void cancelComparison();
    // For tests: lets the event loop run until the comparison is shown (false on timeout).
    bool waitForComparison(int timeoutMs = 30000);

    const Review &review() const { return m_review; }
    ReviewChangeModel *changeModel() const { return m_model; }
    int currentFile() const;
    // For a compared project, oldPart and newPart pick which of each side's files is shown.
    void showFile(int fileIndex, int oldPart = 0, int newPart = 0);
    void selectChange(int row);

private:
    void onCurrentChanged();
    void startComparison(std::function<Review(ReviewControl *)> compare);
    void comparisonFinished();

    Review m_review;
    int m_shownFile = -1; // the file whose texts the two sides hold
    int m_shownOldPart = 0;
    int m_shownNewPart = 0;
    ReviewChangeModel *m_model;
    QLabel *m_summary;
    QLabel *m_errors;
    QTableView *m_changes;
    QComboBox *m_files;
    QLabel *m_oldTitle;
    QLabel *m_newTitle;
    CodeEditor *m_oldText;
    CodeEditor *m_newText;
    QWidget *m_busy;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QFutureWatcher<Review> m_watcher;
    std::shared_ptr<ReviewControl> m_control; // shared with the worker
    QTimer m_progressTimer;                   // shows m_control's counts while it runs
    bool m_pending = false;                   // started, and its result not shown yet
};

// Opens a Review window comparing two files or two directories (the window deletes itself
// when closed). For the main window's Review > Compare Files...
void showReviewWindow(QWidget *parent, const QString &oldPath, const QString &newPath);
// The same for a file (or directory) against a git revision: Review > Compare with Git Revision...
void showGitReviewWindow(QWidget *parent, const QString &path, const QString &revision);

} // namespace deadbolt

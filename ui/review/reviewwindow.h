#pragma once

#include "review/review.h"

#include <QWidget>

class QComboBox;
class QLabel;
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
    // may be "REV" for the working tree, or "REV1..REV2"). Errors show in the window.
    void compareFiles(const QString &oldPath, const QString &newPath);
    void compareWithGit(const QString &path, const QString &revision);
    void setReview(Review review);

    const Review &review() const { return m_review; }
    ReviewChangeModel *changeModel() const { return m_model; }
    int currentFile() const;
    // For a compared project, oldPart and newPart pick which of each side's files is shown.
    void showFile(int fileIndex, int oldPart = 0, int newPart = 0);
    void selectChange(int row);

private:
    void onCurrentChanged();

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
};

// Opens a Review window comparing two files or two directories (the window deletes itself
// when closed). For the main window's Review > Compare Files...
void showReviewWindow(QWidget *parent, const QString &oldPath, const QString &newPath);
// The same for a file (or directory) against a git revision: Review > Compare with Git Revision...
void showGitReviewWindow(QWidget *parent, const QString &path, const QString &revision);

} // namespace deadbolt

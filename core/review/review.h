#pragma once

#include "review/workloadchange.h"

#include <QString>
#include <QVector>
#include <atomic>
#include <string>
#include <vector>

namespace deadbolt {

// A file of a Compose project compared as a whole (`diff -f A -f B`).
struct ReviewSideFile
{
    QString label; // as reports name it: "HEAD:compose.override.yaml"
    QString path;  // absolute; for a revision, where the file is in the working tree
    std::string text;
};

// One side of a compared file: where its text came from and what was read from it.
struct ReviewSide
{
    bool present = false; // false: the file does not exist on this side (added or removed)
    QString label;        // as shown to the user: "old/compose.yml", "HEAD:compose.yml"
    QString diskPath;     // the file on disk it was read from; empty for a git revision
    std::string text;     // the bytes, kept for side-by-side views
    Analysis analysis;
    // A Compose project's side: its files in merge order (Location::file indexes them); the
    // label names them all and text stays empty. Empty for a file read alone.
    std::vector<ReviewSideFile> projectFiles;
};

// A file compared between two versions.
struct FileReview
{
    QString path; // the name both sides share: relative path in a directory or repository
    ReviewSide before;
    ReviewSide after;
    Diagnostics errors; // either side unreadable or not parseable: its changes are unknown
    WorkloadChanges changes;

    enum State { Unchanged, Modified, Added, Removed };
    State state() const;
};

QString fileStateName(FileReview::State state); // "unchanged", "modified", "added", "removed"

struct Review
{
    QString beforeLabel; // "old", "HEAD", "v1.2"
    QString afterLabel;  // "new", "working tree", "v1.3"
    QVector<FileReview> files;
    Diagnostics errors; // problems not tied to one file (unknown revision, not a repository)
};

// What a long comparison (a folder, a repository) reports and obeys, from any thread: files
// done of all, and a request to stop, seen between files (Review::errors then says so).
struct ReviewControl
{
    std::atomic<int> done{0};
    std::atomic<int> total{0};
    std::atomic<bool> cancel{false};
};
// An input of a review that could not be read (rule "load"): a git error, a missing file.
Diagnostic reviewError(const QString &message, const QString &file = {});

// True when asked to stop: the review gets the error "cancelled" and should return.
bool reviewCancelled(ReviewControl *control, Review &review);

// Counts shared by every report so they never disagree.
struct ReviewSummary
{
    int files = 0;
    int changedFiles = 0; // files whose bytes differ
    int failedFiles = 0;
    int regressions = 0;
    int improvements = 0;
    int infos = 0;
    int workloads = 0; // distinct workloads with at least one change
    int changes() const { return regressions + improvements + infos; }
};
ReviewSummary summarize(const Review &review);

// "1 regression, 2 improvements in 3 workloads"; "No change to immutability in 4 files".
QString summaryLine(const ReviewSummary &summary);

// Regressions first, then improvements, then the rest; stable within each group (file,
// then workload order).
struct ReviewEntry
{
    const FileReview *file = nullptr;
    const WorkloadChange *change = nullptr;
};
QVector<ReviewEntry> sortedChanges(const Review &review);

// Where a change is best shown: in the new version when it has a place there, else the old.
struct ChangePlace
{
    QString label; // the side's label: "compose.yml", "HEAD:compose.yml"; in a project, its file's
    QString path;  // in a project: the absolute path of that file (in the working tree); else empty
    int line = 0;
    int column = 0;
    bool inNew = true;
};
ChangePlace changePlace(const FileReview &file, const WorkloadChange &change);

// 2 when any input could not be read or parsed, else 1 when anything regressed, else 0.
int reviewExitCode(const Review &review);

// Fills in the analyses and changes of a file whose sides hold their text (present sides).
void analyzeFileReview(FileReview &file);

} // namespace deadbolt

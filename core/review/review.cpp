#include "review/review.h"

#include "check/analyze.h"

#include "model/analyzer.h"
#include "review/comparer.h"

#include <QSet>

namespace deadbolt {

FileReview::State FileReview::state() const
{
    if (!before.present)
        return Added;
    if (!after.present)
        return Removed;
    if (before.projectFiles.size() != after.projectFiles.size())
        return Modified;
    for (std::size_t i = 0; i < before.projectFiles.size(); ++i)
        if (before.projectFiles[i].text != after.projectFiles[i].text)
            return Modified;
    return before.text == after.text ? Unchanged : Modified;
}

QString fileStateName(FileReview::State state)
{
    switch (state) {
    case FileReview::Unchanged:
        return QStringLiteral("unchanged");
    case FileReview::Modified:
        return QStringLiteral("modified");
    case FileReview::Added:
        return QStringLiteral("added");
    case FileReview::Removed:
        break;
    }
    return QStringLiteral("removed");
}

Diagnostic reviewError(const QString &message, const QString &file)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.rule = QStringLiteral("load");
    d.file = file;
    d.message = message;
    return d;
}

bool reviewCancelled(ReviewControl *control, Review &review)
{
    if (!control || !control->cancel.load())
        return false;
    review.errors.append(reviewError(QStringLiteral("the comparison was cancelled")));
    return true;
}

ReviewSummary summarize(const Review &review)
{
    ReviewSummary s;
    for (const FileReview &f : review.files) {
        ++s.files;
        if (f.state() != FileReview::Unchanged)
            ++s.changedFiles;
        if (!f.errors.isEmpty())
            ++s.failedFiles;
        QSet<QString> workloads;
        for (const WorkloadChange &c : f.changes) {
            workloads.insert(c.workload);
            switch (c.severity) {
            case ChangeSeverity::Regression:
                ++s.regressions;
                break;
            case ChangeSeverity::Improvement:
                ++s.improvements;
                break;
            case ChangeSeverity::Info:
                ++s.infos;
                break;
            }
        }
        s.workloads += int(workloads.size());
    }
    return s;
}

QString summaryLine(const ReviewSummary &s)
{
    const QString files = s.files == 1 ? QStringLiteral("1 file") : QStringLiteral("%1 files").arg(s.files);
    if (s.changes() == 0)
        return QStringLiteral("No change to immutability in %1").arg(files);
    QStringList parts;
    if (s.regressions > 0)
        parts << changeSeverityPlural(ChangeSeverity::Regression, s.regressions);
    if (s.improvements > 0)
        parts << changeSeverityPlural(ChangeSeverity::Improvement, s.improvements);
    if (s.infos > 0)
        parts << changeSeverityPlural(ChangeSeverity::Info, s.infos);
    const QString workloads =
        s.workloads == 1 ? QStringLiteral("1 workload") : QStringLiteral("%1 workloads").arg(s.workloads);
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" in ") + workloads;
}

QVector<ReviewEntry> sortedChanges(const Review &review)
{
    QVector<ReviewEntry> out;
    for (ChangeSeverity severity :
         {ChangeSeverity::Regression, ChangeSeverity::Improvement, ChangeSeverity::Info})
        for (const FileReview &f : review.files)
            for (const WorkloadChange &c : f.changes)
                if (c.severity == severity)
                    out.append(ReviewEntry{&f, &c});
    return out;
}

ChangePlace changePlace(const FileReview &file, const WorkloadChange &change)
{
    const bool inNew = change.newLocation.line > 0 && file.after.present;
    const ReviewSide &side = inNew ? file.after : file.before;
    const Location &at = inNew ? change.newLocation : change.oldLocation;
    ChangePlace place{side.label, {}, at.line, at.column, inNew};
    if (at.file >= 0 && std::size_t(at.file) < side.projectFiles.size()) {
        place.label = side.projectFiles[std::size_t(at.file)].label;
        place.path = side.projectFiles[std::size_t(at.file)].path;
    }
    return place;
}

int reviewExitCode(const Review &review)
{
    if (!review.errors.isEmpty())
        return 2;
    for (const FileReview &f : review.files)
        if (!f.errors.isEmpty())
            return 2;
    for (const FileReview &f : review.files)
        for (const WorkloadChange &c : f.changes)
            if (c.severity == ChangeSeverity::Regression)
                return 1;
    return 0;
}

void analyzeFileReview(FileReview &file)
{
    for (ReviewSide *side : {&file.before, &file.after}) {
        side->analysis = Analysis{};
        side->analysis.path = side->label;
        if (!side->present)
            continue;
        const ParsedFile parsed = parseText(side->text, side->label);
        side->analysis = analyze(parsed);
        side->analysis.path = side->label;
        file.errors += side->analysis.errors;
    }
    // With one side unreadable, every workload of the other would look added or removed:
    // report the error, not a list of false changes.
    file.changes = file.errors.isEmpty() ? compareAnalyses(file.before.analysis, file.after.analysis)
                                         : WorkloadChanges{};
}

} // namespace deadbolt

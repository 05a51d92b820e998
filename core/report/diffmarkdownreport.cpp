#include "report/diffreport.h"

#include <QDir>

namespace deadbolt {

namespace {

// Table cells: a "|" would end the cell, "<" could start HTML, "*" "_" "`" would format the
// values they appear in (paths, ${VAR:-x}), a newline would end the row.
QString cell(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    for (const char c : {'|', '*', '_', '`'})
        text.replace(QLatin1Char(c), QStringLiteral("\\") + QLatin1Char(c));
    text.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

// A code span that survives backticks in its text: fence it with one more than it holds.
QString code(const QString &text)
{
    int longest = 0;
    int run = 0;
    for (QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    const QString fence(longest + 1, QLatin1Char('`'));
    const bool pad = text.startsWith(QLatin1Char('`')) || text.endsWith(QLatin1Char('`'));
    QString inner = pad ? QLatin1Char(' ') + text + QLatin1Char(' ') : text;
    inner.replace(QLatin1Char('|'), QLatin1String("\\|"));
    inner.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return fence + inner + fence;
}

QString severityCell(ChangeSeverity severity)
{
    const QString name = changeSeverityName(severity);
    return severity == ChangeSeverity::Regression ? QStringLiteral("**") + name + QStringLiteral("**") : name;
}

QString whereCell(const FileReview &file, const WorkloadChange &change)
{
    const ChangePlace place = changePlace(file, change);
    // A project's change is in one of its files: name that file (without the revision).
    QString text = code(place.path.isEmpty() ? file.path : QDir::current().relativeFilePath(place.path));
    if (place.line <= 0)
        return text;
    return text + (place.inNew ? QStringLiteral(" line %1") : QStringLiteral(" (removed, was line %1)"))
                      .arg(place.line);
}

} // namespace

QString diffMarkdownReport(const Review &review)
{
    const ReviewSummary s = summarize(review);
    QString out = QStringLiteral("**%1**\n").arg(summaryLine(s));

    Diagnostics errors = review.errors;
    for (const FileReview &f : review.files)
        errors += f.errors;
    if (!errors.isEmpty()) {
        out += QStringLiteral("\n%1 could not be read, so their changes are unknown:\n\n")
                   .arg(errors.size() == 1 ? QStringLiteral("1 input")
                                           : QStringLiteral("%1 inputs").arg(errors.size()));
        for (const Diagnostic &d : errors) {
            QString where = d.file.isEmpty() ? QString() : code(d.file);
            if (!where.isEmpty() && d.line > 0)
                where += QStringLiteral(" line %1").arg(d.line);
            out += QStringLiteral("- ") + (where.isEmpty() ? QString() : where + QStringLiteral(": ")) +
                   cell(d.message) + QLatin1Char('\n');
        }
    }

    const QVector<ReviewEntry> entries = sortedChanges(review);
    if (entries.isEmpty())
        return out;
    out += QStringLiteral("\n| Severity | Workload | Change | Where |\n| --- | --- | --- | --- |\n");
    for (const ReviewEntry &e : entries) {
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(severityCell(e.change->severity), code(e.change->workload), cell(e.change->message),
                        whereCell(*e.file, *e.change));
    }
    return out;
}

} // namespace deadbolt

#include "report/diffreport.h"

namespace deadbolt {

QString diffTextReport(const Review &review)
{
    QString out;
    for (const ReviewEntry &e : sortedChanges(review)) {
        const ChangePlace place = changePlace(*e.file, *e.change);
        out += place.label;
        if (place.line > 0)
            out += QStringLiteral(":%1:%2").arg(place.line).arg(qMax(1, place.column));
        out += QStringLiteral(": %1: %2: %3\n")
                   .arg(changeSeverityName(e.change->severity), e.change->workload, e.change->message);
    }
    const ReviewSummary s = summarize(review);
    out += summaryLine(s);
    if (s.changes() > 0)
        out += s.files == 1 ? QStringLiteral(" (1 file compared)")
                            : QStringLiteral(" (%1 files compared)").arg(s.files);
    out += QStringLiteral(".\n");
    if (s.failedFiles > 0 || !review.errors.isEmpty())
        out += QStringLiteral("Some input could not be read: its changes are unknown.\n");
    return out;
}

} // namespace deadbolt

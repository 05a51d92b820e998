#pragma once

#include "review/review.h"

#include <QByteArray>
#include <QDir>
#include <QJsonObject>
#include <QString>

namespace deadbolt {

// The reports of `deadbolt-cli diff`. Each lists the same changes in the same order
// (sortedChanges: regressions first) and the same summary (summarize(Review)).

// Compiler-style lines ("compose.yml:4:16: regression: web: ...") and a summary line.
QString diffTextReport(const Review &review);

// The JSON shape is a public interface documented in README.md ("deadbolt-cli diff"):
// add fields, never rename or remove one.
QJsonObject diffJsonReport(const Review &review);
QByteArray diffJsonReportText(const Review &review); // indented, ends with a newline

// A pull-request comment: the summary line, then one table row per change.
QString diffMarkdownReport(const Review &review);

// SARIF 2.1.0: one result per change (regressions at level error), located in the new
// version of the file, relative to baseDir.
QJsonObject diffSarifReport(const Review &review, const QDir &baseDir);
QByteArray diffSarifReportText(const Review &review, const QDir &baseDir);

} // namespace deadbolt

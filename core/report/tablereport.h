#pragma once

#include "model/workload.h"

#include <QString>
#include <QVector>

namespace deadbolt {

// The human report of `deadbolt-cli check`: per file a table with a row per workload
// (name, status, writable paths, findings), then each finding with line:column and hint,
// then a summary line. Plain text, no colours: it is read in CI logs as often as in a terminal.
QString tableReport(const QVector<Analysis> &analyses);
QString tableReport(const Analysis &analysis); // one file's section

} // namespace deadbolt

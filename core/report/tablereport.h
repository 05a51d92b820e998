#pragma once

#include "model/workload.h"

#include <QString>
#include <QVector>
#include <functional>

namespace deadbolt {

// The human report of `deadbolt-cli check`: per file a table with a row per workload
// (name, status, writable paths, findings), then each finding with line:column and hint,
// then a summary line. Plain text, no colours: it is read in CI logs as often as in a terminal.
QString tableReport(const QVector<Analysis> &analyses);
QString tableReport(const Analysis &analysis); // one file's section
// The same text, handed to write() in parts (UTF-8) as it is made, for the CLI: a report of
// 20,000 workloads never sits in memory whole.
void writeTableReport(const QVector<Analysis> &analyses,
                      const std::function<void(const QByteArray &)> &write);

} // namespace deadbolt

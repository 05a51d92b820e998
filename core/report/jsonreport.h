#pragma once

#include "model/workload.h"

#include <QByteArray>
#include <QVector>
#include <functional>

namespace deadbolt {

// The JSON report of `deadbolt-cli check --format json`. Its shape is a public interface
// documented in README.md ("JSON output"): add fields, never rename or remove one.
QByteArray jsonReportText(const QVector<Analysis> &analyses); // indented, ends with a newline
// The same text, handed to write() in parts as it is made: a report of 20,000 workloads
// never sits in memory whole (as a QJsonDocument it took 60 MB more than the check itself).
void writeJsonReport(const QVector<Analysis> &analyses, const std::function<void(const QByteArray &)> &write);

} // namespace deadbolt

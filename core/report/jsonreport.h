#pragma once

#include "model/workload.h"

#include <QByteArray>
#include <QJsonObject>
#include <QVector>

namespace deadbolt {

// The JSON report of `deadbolt-cli check --format json`. Its shape is a public interface
// documented in README.md ("JSON output"): add fields, never rename or remove one.
QJsonObject jsonReport(const QVector<Analysis> &analyses);
QByteArray jsonReportText(const QVector<Analysis> &analyses); // indented, ends with a newline

} // namespace deadbolt

#pragma once

#include "model/workload.h"

#include <QByteArray>
#include <QDir>
#include <QJsonObject>
#include <QVector>

namespace deadbolt {

// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules that occur, one result
// per finding and per load/parse error. Artifact URIs are relative to baseDir (the
// repository root when run from there), with forward slashes, under uriBaseId %SRCROOT%.
QJsonObject sarifReport(const QVector<Analysis> &analyses, const QDir &baseDir);
QByteArray sarifReportText(const QVector<Analysis> &analyses, const QDir &baseDir);

} // namespace deadbolt

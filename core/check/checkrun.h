#pragma once

#include "diagnostic.h"
#include "model/analyzer.h"
#include "model/workload.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace deadbolt {

// What `deadbolt-cli check` computes before printing: one Analysis per file, in order.
// A file that cannot be read gets an Analysis with a "load" error and no workloads. Every
// document is parsed, so every YAML error is reported.
QVector<Analysis> checkFiles(const QStringList &files);

// Reads and analyses one file (the unit checkFiles repeats).
Analysis checkFile(const QString &path);

// Reads and analyses a Compose project: its files merged as docker compose merges them.
Analysis checkProject(const QStringList &files, const QString &directory = {});

// Counts over a whole run, shared by the reports so they never disagree.
struct CheckSummary
{
    int files = 0;
    int skipped = 0;
    int failed = 0; // files with load or parse errors
    int workloads = 0;
    int immutable = 0;
    int immutableWithExceptions = 0;
    int mutableCount = 0;
    int undetermined = 0;
    int partial = 0;  // Compose service fragments read alone
    int defeated = 0; // read-only, undone from inside (DB018)
    int exempt = 0;
    int errors = 0; // findings by severity
    int warnings = 0;
    int notes = 0;
    int readOnly() const { return immutable + immutableWithExceptions; }
};
CheckSummary summarize(const QVector<Analysis> &analyses);

// The process exit status of a check (documented in README.md):
// 2 when a file could not be read or parsed; otherwise 1 when a finding is at or above
// failOn, or a workload's root filesystem is writable without an exemption; otherwise 0.
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitFileErrors = 2 };
int checkExitCode(const QVector<Analysis> &analyses, Severity failOn);

} // namespace deadbolt

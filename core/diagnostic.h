#pragma once

#include <QString>
#include <QVector>

namespace deadbolt {

enum class Severity { Info, Warning, Error };

QString severityName(Severity severity);

// A problem found in a file: a parse error, a load error or a policy finding.
// Line and column are 1-based; 0 means "the whole file".
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString rule; // stable id, e.g. "DB001" or "parse"
    QString message;
    QString file;
    int line = 0;
    int column = 0;
    QString workload; // empty when the diagnostic belongs to the file
    QString hint;
    int fileIndex = -1; // in a Compose project: the file of line and column (Analysis::files)
};

using Diagnostics = QVector<Diagnostic>;

} // namespace deadbolt

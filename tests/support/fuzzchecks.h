#pragma once

// The properties the fuzz targets hold on any input, shared with tst_fuzzregressions so
// that every crasher found once is replayed by the ordinary suite forever after.
#include "edit/readonlyedit.h"
#include "model/analyzer.h"
#include "report/jsonreport.h"
#include "report/sarifreport.h"
#include "report/tablereport.h"

#include <QDir>
#include <QJsonDocument>

namespace deadbolt::fuzz {

// Empty when all is well, else what went wrong.
inline QString checkAnalyze(const std::string &bytes)
{
    const ParsedFile file = parseText(bytes, QStringLiteral("fuzz.yaml"));
    const Analysis analysis = analyze(file);
    for (const Workload &w : analysis.workloads) {
        if (w.location.offset > file.text.size() || w.rootFsLocation.offset > file.text.size())
            return QStringLiteral("a location outside the text");
    }
    return {};
}

inline QString checkReports(const std::string &bytes)
{
    const QVector<Analysis> analyses{analyze(parseText(bytes, QStringLiteral("fuzz.yaml")))};
    if (QJsonDocument::fromJson(jsonReportText(analyses)).isNull())
        return QStringLiteral("the JSON report does not parse");
    if (QJsonDocument::fromJson(sarifReportText(analyses, QDir::current())).isNull())
        return QStringLiteral("the SARIF report does not parse");
    if (!analyses[0].workloads.isEmpty() && tableReport(analyses).isEmpty())
        return QStringLiteral("an empty table for a file with workloads");
    return {};
}

// A planned edit must apply, give text that parses, and undo to the original bytes.
inline QString checkEdits(const std::string &original)
{
    const ParsedFile file = parseText(original, QStringLiteral("fuzz.yaml"));
    if (!file.ok())
        return {};
    const Analysis analysis = analyze(file);
    QString problem;
    auto check = [&](const EditResult &edit) {
        if (!edit.ok || !problem.isEmpty())
            return;
        std::string text = original;
        if (!applyReplacements(text, edit.replacements))
            problem = QStringLiteral("%1: replacements do not apply").arg(edit.description);
        else if (!parseText(text, QStringLiteral("fuzz.yaml")).ok())
            problem = QStringLiteral("%1: the result does not parse").arg(edit.description);
        else if (!applyReplacements(text, invertReplacements(original, edit.replacements)) ||
                 text != original)
            problem = QStringLiteral("%1: undo does not give the original back").arg(edit.description);
    };
    check(makeFileImmutable(file, analysis));
    // Each edit re-parses its document to verify itself; a handful of workloads per input
    // keeps one input within the fuzzer's time limit under the sanitizers.
    for (const Workload &w : analysis.workloads.mid(0, 6)) {
        check(setReadOnly(file, analysis, w, true));
        check(setReadOnly(file, analysis, w, false));
    }
    return problem;
}

} // namespace deadbolt::fuzz

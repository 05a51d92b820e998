#pragma once

// The properties the fuzz targets hold on any input, shared with tst_fuzzregressions so
// that every crasher found once is replayed by the ordinary suite forever after.
#include "edit/readonlyedit.h"
#include "edit/shown.h"
#include "model/analyzer.h"
#include "report/jsonreport.h"
#include "report/sarifreport.h"
#include "report/tablereport.h"

#include <QDir>
#include <QJsonDocument>

#include <algorithm>
#include <string>

namespace deadbolt::fuzz {

// The check's analysis of a file, leaving out the documents holdsNoWorkload skips, is the
// full analysis whenever the whole file parses; only the notes on duplicate keys inside
// skipped documents may be missing.
inline QString checkSkippingChangesNothing(const std::string &bytes, Analysis all)
{
    if (!all.errors.isEmpty())
        return {};
    Analysis quick =
        analyze(parseText(bytes, QStringLiteral("fuzz.yaml"), nullptr, ParseScope::WorkloadDocuments));
    if (!quick.errors.isEmpty())
        return QStringLiteral("skipping documents made an error: %1").arg(quick.errors.first().message);
    for (Analysis *a : {&all, &quick})
        a->notes.removeIf([](const Diagnostic &d) { return d.rule == QLatin1String("parse"); });
    if (jsonReportText({quick}) != jsonReportText({all}))
        return QStringLiteral("skipping the documents without workloads changed the analysis");
    return {};
}

// Empty when all is well, else what went wrong.
inline QString checkAnalyze(const std::string &bytes)
{
    const ParsedFile file = parseText(bytes, QStringLiteral("fuzz.yaml"));
    const Analysis analysis = analyze(file);
    for (const Workload &w : analysis.workloads) {
        if (w.location.offset > file.text.size() || w.rootFsLocation.offset > file.text.size())
            return QStringLiteral("a location outside the text");
    }
    return checkSkippingChangesNothing(bytes, analysis);
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

// Typing into the text an editor shows for a file (replacing len characters at `at` of
// shownText(file) with insert, which holds no "\r"): the new bytes show exactly as the
// edited text, no edit gives the file back byte for byte, and the bytes before the first
// line touched stay the file's own. That last is not promised for a file with a lone "\r"
// ending, which may be rewritten with one kind of ending (edit/shown.cpp).
inline QString checkShownEdit(const std::string &file, std::size_t at, std::size_t len,
                              const std::string &insert)
{
    const std::string before = shownText(file);
    if (fileBytesAfterEdit(file, before) != file)
        return QStringLiteral("the unedited text does not give the file back");
    at = std::min(at, before.size());
    len = std::min(len, before.size() - at);
    std::string after = before;
    after.replace(at, len, insert);
    const std::string out = fileBytesAfterEdit(file, after);
    if (shownText(out) != after)
        return QStringLiteral("the new bytes do not show as the edited text");
    for (std::size_t k = 0; k < file.size(); ++k) {
        if (file[k] == '\r' && (k + 1 == file.size() || file[k + 1] != '\n'))
            return {};
    }
    // The shown text changed only from `at` on, so the bytes up to the start of its line stay.
    const std::size_t keepHead = std::min(at, before.rfind('\n', at == 0 ? 0 : at - 1) + 1);
    std::size_t headBytes = file.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (std::size_t shownAt = 0; shownAt < keepHead; ++headBytes) {
        if (file[headBytes] == '\r' && headBytes + 1 < file.size() && file[headBytes + 1] == '\n')
            ++headBytes;
        ++shownAt;
    }
    if (out.compare(0, headBytes, file, 0, headBytes) != 0)
        return QStringLiteral("the bytes before the edited line changed");
    return {};
}

// checkShownEdit with the edit drawn from the input itself: its first four bytes say where,
// how much to replace and how long the inserted piece (a stretch of the input) is.
inline QString checkShownEdit(const std::string &bytes)
{
    if (bytes.size() < 4)
        return checkShownEdit(bytes, 0, 0, "x\n");
    const auto byte = [&](std::size_t i) { return std::size_t(static_cast<unsigned char>(bytes[i])); };
    const std::size_t at = byte(0) | byte(1) << 8;
    std::string insert = bytes.substr(std::min(at, bytes.size()), byte(3) % 16);
    std::replace(insert.begin(), insert.end(), '\r', '\n'); // an editor never holds a "\r"
    return checkShownEdit(bytes, at, byte(2) % 8, insert);
}

} // namespace deadbolt::fuzz

#pragma once

// The properties the fuzz targets hold on any input, shared with tst_fuzzregressions so
// that every crasher found once is replayed by the ordinary suite forever after.
#include "check/analyze.h"
#include "check/piecewise.h"
#include "edit/readonlyedit.h"
#include "edit/secondreader.h"
#include "model/analyzer.h"
#include "report/jsonreport.h"
#include "report/sarifreport.h"
#include "report/tablereport.h"
#include "source/shown.h"
#include "streamdiff.h"

#include <QDir>
#include <QJsonDocument>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace deadbolt::fuzz {

// Where libyaml (our parser) and yaml-cpp (the second reader) disagree on bytes libyaml
// accepts: "" when yaml-cpp reads the same documents and scalar values, else what differs.
// yaml-cpp is given only what libyaml accepted, as in the edit path: on text libyaml rejects
// (invalid UTF-8, say) it can run without end (a fuzzer found it), and it accepts much that
// libyaml rightly refuses (an unclosed quote, a bad indent) anyway.
inline QString parsersDisagree(const std::string &bytes)
{
    const ParsedFile ours = parseText(bytes, QStringLiteral("fuzz.yaml"));
    if (!ours.ok())
        return {};
    std::vector<YAML::Node> theirs;
    try {
        theirs = YAML::LoadAll(bytes);
    } catch (const std::exception &e) {
        return QStringLiteral("libyaml accepts, yaml-cpp rejects (%1)").arg(QString::fromUtf8(e.what()));
    }
    const auto &docs = ours.stream.documents;
    if (docs.size() != theirs.size())
        return QStringLiteral("%1 documents for libyaml, %2 for yaml-cpp")
            .arg(docs.size())
            .arg(theirs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const edit::TreeValue tree = edit::treeValue(docs[i], docs[i].root);
        if (const QString d = edit::differenceFrom(tree, theirs[i]); !d.isEmpty())
            return QStringLiteral("document %1: %2").arg(i + 1).arg(d);
    }
    return {};
}

// The differential fuzz target's property: never a crash; a disagreement is printed as a
// finding (keep the interesting ones in tst_differential), not a violation.
// Its property: parseStream's parallel pieces, cut anywhere they may be cut, give exactly
// what one pass gives, errors and warnings included.
inline QString checkParsers(const std::string &bytes)
{
    if (const QString d = parsersDisagree(bytes);
        !d.isEmpty() && qEnvironmentVariableIsSet("DEADBOLT_FINDINGS"))
        std::fprintf(stderr, "finding: %s\n", qPrintable(d));
    const SourceText text(bytes);
    const yaml::Stream one = yaml::parseStream(text, nullptr, yaml::OnePass);
    const yaml::Stream cut = yaml::parseStream(text, nullptr, yaml::Pieces{8, 1});
    if (const QString d = testing::streamDifference(cut, one); !d.isEmpty())
        return QStringLiteral("pieces differ from one pass: ") + d;
    return {};
}

// check's piecewise reading (model/piecewise.h), pieces cut wherever they may be, finds what
// analyze() finds on the whole file: the same report, the same documents.
inline QString piecewiseDiffers(const SourceText &text, const Analysis &whole)
{
    PiecewiseKubernetes reading(text, QStringLiteral("fuzz.yaml"), 1);
    const ParsedFile parsed =
        parseText(text, QStringLiteral("fuzz.yaml"), nullptr, reading.pieces(), reading.reader());
    const std::optional<Analysis> pieces = reading.analysis(parsed);
    if (!pieces)
        return {};
    if (jsonReportText({*pieces}) != jsonReportText({whole}))
        return QStringLiteral("the piecewise reading's report differs from the whole file's");
    for (qsizetype i = 0; i < whole.workloads.size(); ++i)
        if (pieces->workloads[i].document != whole.workloads[i].document ||
            pieces->workloads[i].location.document != whole.workloads[i].location.document)
            return QStringLiteral("the piecewise reading puts a workload in another document");
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
    return piecewiseDiffers(file.text, analysis);
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
// ending, which may be rewritten with one kind of ending (source/shown.cpp).
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

#include "model/analyzer.h"

#include "model/format.h"
#include "policy/rules.h"
#include "yaml/merge.h"

#include <algorithm>

namespace deadbolt {

ParsedFile parseText(std::string bytes, const QString &path, const yaml::Cancel *cancel)
{
    return parseText(SourceText(std::move(bytes)), path, cancel, yaml::Pieces());
}

ParsedFile parseText(SourceText text, const QString &path, const yaml::Cancel *cancel, yaml::Pieces pieces,
                     const yaml::PieceReader &reader)
{
    ParsedFile file;
    file.path = path;
    file.text = std::move(text);
    if (auto error = checkEncoding(file.text, path)) {
        file.errors.append(*error);
        return file;
    }
    file.stream = yaml::parseStream(file.text, cancel, pieces, reader);
    if (file.stream.cancelled) {
        Diagnostic d;
        d.severity = Severity::Error;
        d.rule = QStringLiteral("parse");
        d.message = QStringLiteral("parsing was cancelled");
        d.file = path;
        file.errors.append(d);
        return file;
    }
    for (const yaml::ParseError &e : file.stream.errors) {
        Diagnostic d;
        d.severity = Severity::Error;
        d.rule = QStringLiteral("parse");
        d.message = e.message;
        d.file = path;
        d.line = e.line;
        d.column = e.column;
        file.errors.append(d);
    }
    return file;
}

bool isFragment(const yaml::Document &doc, yaml::NodeId service)
{
    const yaml::NodeId svc = doc.resolve(service);
    if (!doc.isMapping(svc))
        return false;
    for (const char *key : {"image", "build", "extends"})
        if (yaml::effectiveValue(doc, svc, key) != yaml::NoNode)
            return false;
    return true;
}

Diagnostics warningNotes(const ParsedFile &file)
{
    Diagnostics notes;
    for (const yaml::ParseError &w : file.stream.warnings) {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.rule = QStringLiteral("parse");
        d.message = w.message;
        d.file = file.path;
        d.line = w.line;
        d.column = w.column;
        notes.append(d);
    }
    return notes;
}

Analysis analyze(const ParsedFile &file)
{
    Analysis analysis;
    analysis.path = file.path;
    analysis.errors = file.errors;
    analysis.notes = warningNotes(file);
    const FormatInfo info = inspectFormat(file);
    analysis.format = info.format;
    if (info.format == FileFormat::Unknown) {
        // A file we could not parse is an error, not "neither Compose nor Kubernetes".
        if (analysis.errors.isEmpty())
            analysis.skipReason = info.skipReason;
        return analysis;
    }
    if (info.format == FileFormat::Kubernetes)
        analysis.workloads = readKubernetes(file);
    else
        analysis.workloads = readCompose(file, info.format);
    if (isCompose(info.format))
        for (Workload &w : analysis.workloads)
            // A fragment that sets read_only says what runs: an override's value wins over the
            // base's, whatever the base says. Only one that leaves it unset is partial.
            w.partial = w.rootFs == RootFs::WritableDefault &&
                        isFragment(file.stream.documents[std::size_t(w.document)], w.node);
    policy::applyRules(file, info.format, analysis.workloads);
    if (!info.note.isEmpty()) {
        Diagnostic d;
        d.severity = Severity::Info;
        d.rule = QLatin1String(rules::UnknownComposeVersion);
        d.message = info.note;
        d.file = file.path;
        if (info.version != yaml::NoNode) {
            const auto &doc = file.stream.documents[std::size_t(info.document)];
            const LineCol lc = file.text.lineCol(doc.node(info.version).begin);
            d.line = lc.line;
            d.column = lc.column;
        }
        analysis.notes.append(d);
    }
    return analysis;
}

} // namespace deadbolt

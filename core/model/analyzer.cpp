#include "model/analyzer.h"

#include "model/format.h"
#include "policy/rules.h"

#include <algorithm>

namespace deadbolt {

ParsedFile parseText(std::string bytes, const QString &path, const yaml::Cancel *cancel)
{
    ParsedFile file;
    file.path = path;
    file.text = SourceText(std::move(bytes));
    if (auto error = checkEncoding(file.text, path)) {
        file.errors.append(*error);
        return file;
    }
    file.stream = yaml::parseStream(file.text, cancel);
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

Analysis analyze(const ParsedFile &file)
{
    Analysis analysis;
    analysis.path = file.path;
    analysis.errors = file.errors;
    for (const yaml::ParseError &w : file.stream.warnings) {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.rule = QStringLiteral("parse");
        d.message = w.message;
        d.file = file.path;
        d.line = w.line;
        d.column = w.column;
        analysis.notes.append(d);
    }
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

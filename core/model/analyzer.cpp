#include "model/analyzer.h"

#include "model/format.h"
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

} // namespace deadbolt

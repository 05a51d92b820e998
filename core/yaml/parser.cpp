#include "yaml/parser.h"
#include "yaml/treebuilder.h"

#include <yaml.h>

namespace deadbolt::yaml {

namespace {

ParseError makeError(const SourceText &text, std::size_t offset, const QString &message)
{
    ParseError e;
    e.offset = std::min(offset, text.size());
    const LineCol lc = text.lineCol(e.offset);
    e.line = lc.line;
    e.column = lc.column;
    e.message = message;
    return e;
}

// "while scanning a quoted scalar: found unexpected end of stream"
QString messageOf(const yaml_parser_t &p)
{
    QString message = QString::fromUtf8(p.problem ? p.problem : "invalid YAML");
    if (p.context)
        message = QString::fromUtf8(p.context) + QStringLiteral(": ") + message;
    return message;
}

struct Run
{
    std::vector<Document> documents;
    std::vector<ParseError> errors;
    std::vector<ParseError> warnings;
    bool cancelled = false;
};

// One pass of libyaml's event parser over [begin, end) of text.
Run parse(const SourceText &text, std::size_t begin, std::size_t end, const Cancel *cancel)
{
    Run run;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        run.errors.push_back(makeError(text, begin, QStringLiteral("out of memory")));
        return run;
    }
    const auto *data = reinterpret_cast<const unsigned char *>(text.bytes().data());
    yaml_parser_set_input_string(&parser, data + begin, end - begin);
    TreeBuilder builder(text, begin, &run.warnings);
    yaml_event_t event;
    for (std::size_t n = 0;; ++n) {
        // One huge document can take a second: look at the flag every few thousand events.
        if (cancel && n % 4096 == 0 && cancel->load(std::memory_order_relaxed)) {
            run.cancelled = true;
            break;
        }
        if (!yaml_parser_parse(&parser, &event)) {
            // A reader error (bad encoding) has a byte offset; the others a mark.
            const std::size_t offset = parser.error == YAML_READER_ERROR
                                           ? begin + parser.problem_offset
                                           : builder.offsetOf(parser.problem_mark);
            run.errors.push_back(makeError(text, offset, messageOf(parser)));
            break;
        }
        ParseError error;
        const bool taken = builder.take(event, &error);
        const bool last = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (!taken) {
            run.errors.push_back(makeError(text, error.offset, error.message));
            break;
        }
        if (last)
            break;
    }
    yaml_parser_delete(&parser);
    run.documents = std::move(builder.documents());
    for (ParseError &w : run.warnings) {
        const LineCol lc = text.lineCol(w.offset);
        w.line = lc.line;
        w.column = lc.column;
    }
    return run;
}

} // namespace

Document parseDocument(const SourceText &text, DocumentSpan span, ParseError *error,
                       std::vector<ParseError> *warnings, const Cancel *cancel)
{
    // The span is parsed as a text of its own: a piece that starts inside the file has no BOM.
    Run run = parse(text, span.begin, span.end, cancel);
    Document doc;
    if (run.cancelled) {
        if (error)
            *error = makeError(text, span.begin, QStringLiteral("parsing was cancelled"));
        return doc;
    }
    if (!run.errors.empty()) {
        if (error)
            *error = run.errors.front();
        return doc;
    }
    if (run.documents.size() > 1) {
        if (error)
            *error = makeError(text, run.documents[1].begin, QStringLiteral("unexpected second document"));
        return doc;
    }
    if (warnings)
        *warnings = std::move(run.warnings);
    if (!run.documents.empty())
        doc = std::move(run.documents.front());
    doc.begin = span.begin;
    doc.end = span.end;
    doc.firstLine = text.lineOf(span.begin);
    return doc;
}

Stream parseStream(const SourceText &text, const Cancel *cancel)
{
    Run run = parse(text, 0, text.size(), cancel);
    Stream stream;
    if (run.cancelled) {
        stream.cancelled = true;
        return stream;
    }
    stream.documents = std::move(run.documents);
    stream.errors = std::move(run.errors);
    for (ParseError &e : stream.errors)
        e.document = int(stream.documents.size());
    // A warning belongs to the document whose span holds it.
    std::size_t d = 0;
    for (ParseError &w : run.warnings) {
        while (d + 1 < stream.documents.size() && w.offset >= stream.documents[d].end)
            ++d;
        w.document = int(d);
    }
    stream.warnings = std::move(run.warnings);
    return stream;
}

} // namespace deadbolt::yaml

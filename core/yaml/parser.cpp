#include "yaml/parser.h"
#include "yaml/treebuilder.h"

#include "concurrency/workers.h"
#include "yaml/parts.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <functional>
#include <iterator>

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
    std::size_t documentsEnd = 0; // where the next document's span would start
};

// One pass of libyaml's event parser over [begin, end) of text.
Run parse(const SourceText &text, std::size_t begin, std::size_t end, const Cancel *cancel,
          bool lastPart = true)
{
    Run run;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        run.errors.push_back(makeError(text, begin, QStringLiteral("out of memory")));
        return run;
    }
    const auto *data = reinterpret_cast<const unsigned char *>(text.bytes().data());
    yaml_parser_set_input_string(&parser, data + begin, end - begin);
    TreeBuilder builder(text, begin, &run.warnings, lastPart);
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
    run.documentsEnd = builder.documentsEnd();
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

// A big stream is parsed in pieces on the parse workers, cut at document markers where that
// gives exactly the events of one pass (see cutPoints). Any error in any piece, or a piece that
// does not start with a document of its own, and the stream is parsed again in one pass, so
// that what is reported is libyaml's first error and the documents before it.
static Run parseInPieces(const SourceText &text, const Cancel *cancel, Pieces wanted,
                         const PieceReader *reader, std::vector<std::size_t> *pieceStarts)
{
    const std::size_t count =
        wanted.count ? wanted.count : std::size_t(std::max(1, parseWorkers()->maxThreadCount()));
    const std::vector<std::size_t> cuts = cutPoints(text.view(), count, wanted.minBytes);
    if (cuts.empty())
        return parse(text, 0, text.size(), cancel);
    // Each piece's result is built in place: QtConcurrent's mapped results would be copied
    // twice, the whole file's trees with them.
    struct Piece
    {
        std::size_t begin = 0;
        std::size_t end = 0;
        Run run;
    };
    std::vector<Piece> pieces(cuts.size() + 1);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        pieces[i].begin = i == 0 ? 0 : cuts[i - 1];
        pieces[i].end = i < cuts.size() ? cuts[i] : text.size();
    }
    QtConcurrent::blockingMap(parseWorkers(), pieces, [&](Piece &piece) {
        piece.run = parse(text, piece.begin, piece.end, cancel, piece.end == text.size());
        const Run &run = piece.run;
        if (reader && !run.cancelled && run.errors.empty() && !run.documents.empty() &&
            (piece.begin == 0 || run.documents.front().begin == piece.begin))
            (*reader)(std::size_t(&piece - pieces.data()), piece.run.documents);
    });
    Run whole;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Run &run = pieces[i].run;
        if (run.cancelled) {
            whole.cancelled = true;
            return whole;
        }
        // A piece after a cut starts with the document its `---` opens.
        if (!run.errors.empty() || run.documents.empty() ||
            (i > 0 && run.documents.front().begin != pieces[i].begin)) {
            if (pieceStarts)
                pieceStarts->clear();
            return parse(text, 0, text.size(), cancel);
        }
        // The piece's first document starts where the one before ended, as in one pass (after
        // a `...` marker, the comments up to the `---` belong to the next document).
        if (i > 0) {
            Document &first = run.documents.front();
            first.begin = std::uint32_t(pieces[i - 1].run.documentsEnd);
            first.firstLine = text.lineOf(first.begin);
        }
        if (pieceStarts)
            pieceStarts->push_back(whole.documents.size());
        if (whole.documents.empty())
            whole.documents = std::move(run.documents);
        else
            std::move(run.documents.begin(), run.documents.end(), std::back_inserter(whole.documents));
        std::move(run.warnings.begin(), run.warnings.end(), std::back_inserter(whole.warnings));
    }
    return whole;
}

Stream parseStream(const SourceText &text, const Cancel *cancel, Pieces pieces)
{
    return parseStream(text, cancel, pieces, PieceReader());
}

Stream parseStream(const SourceText &text, const Cancel *cancel, Pieces pieces, const PieceReader &reader)
{
    Stream stream;
    std::vector<std::size_t> starts;
    Run run = parseInPieces(text, cancel, pieces, reader ? &reader : nullptr, &starts);
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
    // One pass after all: nothing of what the reader did holds.
    if (starts.size() > 1)
        stream.pieceStarts = std::move(starts);
    return stream;
}

} // namespace deadbolt::yaml

#pragma once

#include "source/sourcetext.h"
#include "yaml/yamltree.h"

#include <QString>
#include <atomic>
#include <functional>
#include <string_view>
#include <vector>

namespace deadbolt::yaml {

struct ParseError
{
    QString message;
    std::size_t offset = 0;
    int line = 0;   // 1-based
    int column = 0; // 1-based
    int document = 0;
};

// A byte range of the file holding one document, for parseDocument.
struct DocumentSpan
{
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

// Set by another thread to stop a parse early (the editor's Cancel, a closed tab): the
// parse then returns soon, with Stream::cancelled set and its content incomplete.
using Cancel = std::atomic<bool>;

// Parses the text in span as one YAML document with libyaml (an edited document is checked
// this way, without the rest of the file). Never throws: an error becomes *error and the
// returned tree has no root. Node offsets are offsets into text, like the span.
Document parseDocument(const SourceText &text, DocumentSpan span, ParseError *error,
                       std::vector<ParseError> *warnings = nullptr, const Cancel *cancel = nullptr);

struct Stream
{
    std::vector<Document> documents;
    std::vector<ParseError> errors;   // the file cannot be read as YAML (libyaml stops at the first)
    std::vector<ParseError> warnings; // readable, but suspicious: duplicate keys
    bool cancelled = false;           // stopped by *cancel: documents and errors are incomplete
    // Parsed in pieces with a PieceReader: the index of each piece's first document. Empty
    // when the stream was parsed in one pass (the reader's results then mean nothing).
    std::vector<std::size_t> pieceStarts;
};

// Our own recursive code (value trees, merge keys, comparisons) is bounded by refusing
// deeper nesting at parse time; libyaml itself does not recurse.
constexpr int MaxNestingDepth = 512;

// Parses every document of the stream with libyaml's event parser, in one pass. Each
// document's span runs from the end of the one before (its leading comments and directives
// included) to its own end (its `...` marker, or the next document's `---`); the last one
// runs to the end of the file. Duplicate keys are reported as warnings.
//
// A big stream is parsed in pieces in parallel, cut where that gives exactly what one pass
// gives (yaml/parts.h); tests and fuzzers choose the pieces to hold the two equal.
struct Pieces
{
    std::size_t count = 0;             // at most this many; 0: one per parse worker thread
    std::size_t minBytes = 256 * 1024; // and none smaller
};
constexpr Pieces OnePass{1, 0};
Stream parseStream(const SourceText &text, const Cancel *cancel = nullptr, Pieces pieces = {});

// For a reader that needs each document once and not the trees after (check on a 15 MB
// manifest): called on the parse worker as soon as a piece is parsed cleanly, with the
// piece's index (0 to pieces.count - 1) and its documents (numbered from 0 in the piece). It
// may read them and release their trees (Document::releaseTree), so that the whole stream's
// trees never exist at once. Its results hold only when the returned pieceStarts is not empty:
// after an error in any piece, or with nowhere to cut, the stream is parsed in one pass and
// returned whole, and a reader that already ran for some pieces is to be ignored.
using PieceReader = std::function<void(std::size_t piece, std::vector<Document> &documents)>;
Stream parseStream(const SourceText &text, const Cancel *cancel, Pieces pieces, const PieceReader &reader);

} // namespace deadbolt::yaml

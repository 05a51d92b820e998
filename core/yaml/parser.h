#pragma once

#include "source/sourcetext.h"
#include "yaml/yamltree.h"

#include <QString>
#include <atomic>
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

// Byte ranges of the documents of a stream, split at `---` / `...` markers in column 0.
struct DocumentSpan
{
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};
std::vector<DocumentSpan> splitDocuments(const SourceText &text);

// Set by another thread to stop a parse early (the editor's Cancel, a closed tab): the
// parse then returns soon, with Stream::cancelled set and its content incomplete.
using Cancel = std::atomic<bool>;

// Parses one document's text with yaml-cpp's event API. Never throws: a yaml-cpp error
// (or nesting deeper than maxDepth) becomes *error and the returned tree has no root.
Document parseDocument(const SourceText &text, DocumentSpan span, ParseError *error,
                       std::vector<ParseError> *warnings = nullptr, const Cancel *cancel = nullptr);

struct Stream
{
    std::vector<Document> documents;
    std::vector<ParseError> errors;   // the file cannot be read as YAML
    std::vector<ParseError> warnings; // readable, but suspicious: duplicate keys
    bool cancelled = false;           // stopped by *cancel: documents and errors are incomplete
};

// Deeper nesting than this is refused before yaml-cpp (which recurses) sees it.
constexpr int MaxNestingDepth = 512;

// Tells from a document's text alone that the caller needs nothing from it. Such a document
// is not parsed: it comes back with Document::skipped set and no nodes, and a YAML error in
// it goes unreported.
using SkipDocument = bool (*)(std::string_view document);

// Splits and parses every document (but those skip says to leave), in parallel where the
// file has many. Duplicate keys are reported as errors (yaml-cpp accepts them silently).
Stream parseStream(const SourceText &text, const Cancel *cancel = nullptr, SkipDocument skip = nullptr);

} // namespace deadbolt::yaml

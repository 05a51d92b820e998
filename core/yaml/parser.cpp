#include "yaml/parser.h"
#include "concurrency/workers.h"
#include "yaml/spans.h"
#include "yaml/treebuilder.h"

#include <QtConcurrent/QtConcurrentMap>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <numeric>
#include <streambuf>

namespace deadbolt::yaml {

namespace {

// Lets yaml-cpp read a slice of the file without copying it.
class SliceBuffer : public std::streambuf
{
public:
    SliceBuffer(const char *begin, const char *end)
    {
        char *b = const_cast<char *>(begin);
        setg(b, b, const_cast<char *>(end));
    }
};

bool isMarker(std::string_view text, std::size_t lineStart, std::string_view marker)
{
    if (text.substr(lineStart, 3) != marker)
        return false;
    const std::size_t after = lineStart + 3;
    return after == text.size() || text[after] == ' ' || text[after] == '\t' || text[after] == '\r' ||
           text[after] == '\n';
}

// True when the line holds something other than blanks, a comment or a directive.
bool hasContent(std::string_view line)
{
    const std::size_t i = line.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos)
        return false;
    return line[i] != '#' && !(i == 0 && line[i] == '%');
}

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

} // namespace

std::vector<DocumentSpan> splitDocuments(const SourceText &text)
{
    const std::string_view s = text.view();
    std::vector<DocumentSpan> spans;
    std::size_t chunkBegin = text.contentStart();
    bool chunkHasContent = false;
    std::size_t line = chunkBegin;
    while (line < s.size()) {
        std::size_t next = s.find('\n', line);
        next = next == std::string_view::npos ? s.size() : next + 1;
        if (s[line] == '-' && isMarker(s, line, "---")) {
            // Leading comments and directives belong to the document that follows them.
            if (chunkHasContent) {
                spans.push_back({std::uint32_t(chunkBegin), std::uint32_t(line)});
                chunkBegin = line;
            }
            chunkHasContent = true;
        } else if (s[line] == '.' && isMarker(s, line, "...")) {
            spans.push_back({std::uint32_t(chunkBegin), std::uint32_t(next)});
            chunkBegin = next;
            chunkHasContent = false;
        } else if (!chunkHasContent && hasContent(s.substr(line, next - line))) {
            chunkHasContent = true;
        }
        line = next;
    }
    if (chunkHasContent)
        spans.push_back({std::uint32_t(chunkBegin), std::uint32_t(s.size())});
    return spans;
}

Document parseDocument(const SourceText &text, DocumentSpan span, ParseError *error,
                       std::vector<ParseError> *warnings, const Cancel *cancel)
{
    Document doc;
    doc.begin = span.begin;
    doc.end = span.end;
    doc.firstLine = text.lineOf(span.begin);
    const char *data = text.bytes().data();
    SliceBuffer buffer(data + span.begin, data + span.end);
    std::istream in(&buffer);
    TreeBuilder builder(text.view(), span.begin, doc, warnings, cancel);
    auto fail = [&](std::size_t offset, const QString &message) {
        if (error)
            *error = makeError(text, offset, message);
        doc.root = NoNode;
    };
    const std::size_t tooDeep = spans::flowNestingBeyond(text.view(), span.begin, span.end, MaxNestingDepth);
    if (tooDeep != std::string_view::npos) {
        fail(tooDeep, QStringLiteral("collections nested more than %1 levels deep").arg(MaxNestingDepth));
        return doc;
    }
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
            if (builder.documentsSeen() > 1) {
                fail(span.begin, QStringLiteral("unexpected second document without a '---' line"));
                break;
            }
        }
    } catch (const YAML::Exception &e) {
        QString message = QString::fromStdString(e.msg);
        if (message.isEmpty())
            message = QStringLiteral("invalid YAML");
        fail(span.begin + std::size_t(std::max(0, e.mark.pos)), message);
    } catch (const TreeBuilder::Cancelled &) {
        fail(span.begin, QStringLiteral("parsing was cancelled"));
    } catch (const TreeBuilder::NestingTooDeep &e) {
        fail(e.offset, QStringLiteral("collections nested more than %1 levels deep").arg(MaxNestingDepth));
    } catch (const std::exception &e) {
        fail(span.begin, QStringLiteral("cannot parse: %1").arg(QString::fromUtf8(e.what())));
    }
    return doc;
}

Stream parseStream(const SourceText &text, const Cancel *cancel, SkipDocument skip)
{
    const std::vector<DocumentSpan> spans = splitDocuments(text);
    struct Result
    {
        Document doc;
        ParseError error;
        bool failed = false;
        std::vector<ParseError> warnings;
    };
    std::vector<Result> results(spans.size());
    auto parseOne = [&](std::size_t i) {
        Result &r = results[i];
        r.error.message.clear();
        if (cancel && cancel->load(std::memory_order_relaxed))
            return;
        if (skip && skip(text.view().substr(spans[i].begin, spans[i].end - spans[i].begin))) {
            r.doc.begin = spans[i].begin;
            r.doc.end = spans[i].end;
            r.doc.firstLine = text.lineOf(spans[i].begin);
            r.doc.skipped = true;
            return;
        }
        r.doc = parseDocument(text, spans[i], &r.error, &r.warnings, cancel);
        r.failed = !r.error.message.isEmpty();
        r.error.document = int(i);
    };
    // Documents are independent: parse them in parallel when there is enough work to share.
    if (spans.size() > 8 && text.size() > 256 * 1024) {
        std::vector<std::size_t> indices(spans.size());
        std::iota(indices.begin(), indices.end(), std::size_t(0));
        QtConcurrent::blockingMap(parseWorkers(), indices, parseOne);
    } else {
        for (std::size_t i = 0; i < spans.size(); ++i)
            parseOne(i);
    }
    Stream stream;
    if (cancel && cancel->load()) {
        stream.cancelled = true;
        return stream;
    }
    stream.documents.reserve(results.size());
    for (Result &r : results) {
        if (r.failed)
            stream.errors.push_back(r.error);
        for (ParseError &w : r.warnings) {
            const LineCol lc = text.lineCol(w.offset);
            w.line = lc.line;
            w.column = lc.column;
            w.document = int(stream.documents.size());
            stream.warnings.push_back(std::move(w));
        }
        // A chunk of nothing but a `---` gives an empty document, as in other YAML loaders.
        stream.documents.push_back(std::move(r.doc));
    }
    return stream;
}

} // namespace deadbolt::yaml

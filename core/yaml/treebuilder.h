#pragma once

#include "yaml/parser.h"

#include <yaml.h>

#include <string>
#include <unordered_map>

namespace deadbolt::yaml {

// Turns libyaml's events into our compact trees, one Document per document. libyaml's marks
// count characters and leave out a BOM; the builder turns them into byte offsets of the
// text it was given, with one cursor that moves forward with the events.
class TreeBuilder
{
public:
    // `begin` is where libyaml's input starts in text (after a BOM there, which libyaml skips).
    // The last document of the last part of a file takes the rest of the file; a part that
    // other parts follow (parseStream's parallel parts) ends with its last document instead.
    TreeBuilder(const SourceText &text, std::size_t begin, std::vector<ParseError> *warnings,
                bool lastPart = true);

    // Consumes one event; false with *error when the tree cannot take it (nesting too deep).
    bool take(const yaml_event_t &event, ParseError *error);
    // The documents finished so far.
    std::vector<Document> &documents() { return m_documents; }
    // A byte offset of the text for a libyaml mark.
    std::size_t offsetOf(const yaml_mark_t &mark);
    // Where the last finished document ended: the next document's span starts there.
    std::size_t documentsEnd() const { return m_previousEnd; }

private:
    NodeId add(Node node, std::size_t headBegin, const yaml_char_t *anchor);
    void open(NodeId id);
    void close(std::size_t end);
    void checkDuplicateKeys(NodeId map);
    void index(NodeId map);
    std::size_t contentBegin(std::size_t headBegin, std::size_t end) const;

    struct Open
    {
        NodeId id;
        std::size_t firstPending;
    };

    const SourceText &m_text;
    std::string_view m_bytes;
    std::vector<ParseError> *m_warnings;
    std::vector<Document> m_documents;
    Document m_doc;
    std::vector<Open> m_stack;
    std::vector<NodeId> m_pending;
    std::unordered_map<std::string, NodeId> m_anchors;
    std::size_t m_previousEnd = 0; // where the next document's span starts
    // The forward cursor: a character index and its byte offset.
    std::size_t m_charIndex = 0;
    std::size_t m_byte = 0;
    std::size_t m_begin = 0;
    bool m_lastPart = true;
};

} // namespace deadbolt::yaml

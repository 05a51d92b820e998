#pragma once

#include "yaml/parser.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

namespace deadbolt::yaml {

// Turns yaml-cpp events into our compact tree with byte spans. Throws NestingTooDeep when
// collections nest deeper than MaxNestingDepth, and Cancelled soon after *cancel turns true;
// parseDocument() catches both.
class TreeBuilder : public YAML::EventHandler
{
public:
    struct NestingTooDeep
    {
        std::size_t offset;
    };
    struct Cancelled
    {
    };

    TreeBuilder(std::string_view wholeText, std::uint32_t base, Document &doc,
                std::vector<ParseError> *warnings, const Cancel *cancel = nullptr);

    int documentsSeen() const { return m_documents; }

    void OnDocumentStart(const YAML::Mark &mark) override;
    void OnDocumentEnd() override;
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override;
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override;
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override;
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override;
    void OnSequenceEnd() override;
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override;
    void OnMapEnd() override;
    void OnAnchor(const YAML::Mark &mark, const std::string &anchorName) override;

private:
    NodeId add(Node node, YAML::anchor_t anchor);
    Node startNode(const YAML::Mark &mark, const std::string &tag) const;
    void openCollection(NodeId id);
    void closeCollection();
    void checkDuplicateKeys(NodeId map);

    struct Open
    {
        NodeId id;
        std::size_t firstPending;
    };

    std::string_view m_text;
    std::uint32_t m_base;
    Document &m_doc;
    std::vector<ParseError> *m_warnings;
    const Cancel *m_cancel;
    std::vector<Open> m_stack;
    std::vector<NodeId> m_pending;
    std::vector<NodeId> m_anchorNodes;
    std::string m_anchorName;
    int m_documents = 0;
};

} // namespace deadbolt::yaml

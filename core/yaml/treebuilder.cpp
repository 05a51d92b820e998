#include "yaml/treebuilder.h"
#include "yaml/spans.h"

#include <string_view>
#include <unordered_set>

namespace deadbolt::yaml {

TreeBuilder::TreeBuilder(std::string_view wholeText, std::uint32_t base, Document &doc,
                         std::vector<ParseError> *warnings, const Cancel *cancel)
    : m_text(wholeText), m_base(base), m_doc(doc), m_warnings(warnings), m_cancel(cancel)
{}

void TreeBuilder::OnDocumentStart(const YAML::Mark &)
{
    ++m_documents;
}

void TreeBuilder::OnDocumentEnd()
{}

void TreeBuilder::OnAnchor(const YAML::Mark &, const std::string &anchorName)
{
    m_anchorName = anchorName;
}

Node TreeBuilder::startNode(const YAML::Mark &mark, const std::string &tag) const
{
    Node n;
    n.headBegin = m_base + std::uint32_t(mark.pos);
    n.begin = n.headBegin;
    const char c = n.headBegin < m_text.size() ? m_text[n.headBegin] : '\0';
    if (c == '&' || c == '!')
        n.begin = std::uint32_t(spans::skipProperties(m_text, n.headBegin));
    n.tagged = !tag.empty() && tag != "?" && tag != "!";
    return n;
}

NodeId TreeBuilder::add(Node node, YAML::anchor_t anchor)
{
    const NodeId id = NodeId(m_doc.nodes.size());
    // One huge document can take seconds: look at the flag every few thousand nodes.
    if (m_cancel && id % 4096 == 0 && m_cancel->load(std::memory_order_relaxed))
        throw Cancelled{};
    node.parent = m_stack.empty() ? NoNode : m_stack.back().id;
    if (anchor) {
        node.anchor = std::int32_t(m_doc.anchorNames.size());
        m_doc.anchorNames.push_back(std::move(m_anchorName));
        m_anchorName.clear();
        if (m_anchorNodes.size() <= anchor)
            m_anchorNodes.resize(anchor + 1, NoNode);
        m_anchorNodes[anchor] = id;
    }
    m_doc.nodes.push_back(node);
    if (m_stack.empty())
        m_doc.root = id;
    else
        m_pending.push_back(id);
    return id;
}

void TreeBuilder::OnNull(const YAML::Mark &mark, YAML::anchor_t anchor)
{
    Node n = startNode(mark, {});
    n.kind = NodeKind::Null;
    const std::string_view rest = m_text.substr(std::min<std::size_t>(n.begin, m_text.size()));
    std::size_t word = 0;
    if (rest.starts_with("~"))
        word = 1;
    else if (rest.starts_with("null") || rest.starts_with("Null") || rest.starts_with("NULL"))
        word = 4;
    if (word && (rest.size() == word || spans::isBlank(rest[word]) || rest[word] == ',' ||
                 rest[word] == ']' || rest[word] == '}')) {
        n.end = n.begin + std::uint32_t(word);
    } else if (n.begin != n.headBegin) {
        // `key: &anchor` with nothing after it: the node sits right after its properties.
        std::uint32_t p = n.begin;
        while (p > n.headBegin && spans::isBlank(m_text[p - 1]))
            --p;
        n.begin = n.end = p;
    } else if (!m_stack.empty() && m_doc.nodes[m_stack.back().id].kind == NodeKind::Mapping &&
               (m_pending.size() - m_stack.back().firstPending) % 2 == 1) {
        // An implicit null value (`key:`) sits right after the key's colon; yaml-cpp's mark
        // points at whatever comes next.
        std::size_t p = m_doc.nodes[m_pending.back()].end;
        while (p < m_text.size() && (m_text[p] == ' ' || m_text[p] == '\t'))
            ++p;
        if (p < m_text.size() && m_text[p] == ':')
            ++p;
        n.begin = n.end = n.headBegin = std::uint32_t(p);
    } else {
        std::uint32_t p = n.begin;
        while (p > 0 && spans::isBlank(m_text[p - 1]))
            --p;
        n.begin = n.end = n.headBegin = p;
    }
    add(n, anchor);
}

void TreeBuilder::OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor)
{
    Node n = startNode(mark, {});
    n.kind = NodeKind::Alias;
    n.end = std::uint32_t(spans::aliasEnd(m_text, n.begin));
    const NodeId target = anchor < m_anchorNodes.size() ? m_anchorNodes[anchor] : NoNode;
    if (target == NoNode) {
        // yaml-cpp rejects unknown aliases itself; a null keeps the tree consistent if not.
        n.kind = NodeKind::Null;
        n.end = n.begin;
    }
    n.firstChild = std::uint32_t(target);
    add(n, 0);
}

void TreeBuilder::OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                           const std::string &value)
{
    Node n = startNode(mark, tag);
    n.kind = NodeKind::Scalar;
    const char c = n.begin < m_text.size() ? m_text[n.begin] : '\0';
    switch (c) {
    case '"':
        n.scalarStyle = ScalarStyle::DoubleQuoted;
        n.end = std::uint32_t(spans::doubleQuotedEnd(m_text, n.begin));
        break;
    case '\'':
        n.scalarStyle = ScalarStyle::SingleQuoted;
        n.end = std::uint32_t(spans::singleQuotedEnd(m_text, n.begin));
        break;
    case '|':
    case '>':
        n.scalarStyle = c == '|' ? ScalarStyle::Literal : ScalarStyle::Folded;
        n.end = std::uint32_t(spans::blockScalarEnd(m_text, n.begin));
        break;
    default:
        n.scalarStyle = ScalarStyle::Plain;
        n.end = std::uint32_t(spans::plainEnd(m_text, n.begin, value));
        break;
    }
    n.firstChild = std::uint32_t(m_doc.values.size());
    n.childCount = std::uint32_t(value.size());
    m_doc.values.append(value);
    add(n, anchor);
}

void TreeBuilder::openCollection(NodeId id)
{
    if (int(m_stack.size()) >= MaxNestingDepth)
        throw NestingTooDeep{m_doc.nodes[std::size_t(id)].begin};
    m_stack.push_back({id, m_pending.size()});
}

void TreeBuilder::closeCollection()
{
    const Open open = m_stack.back();
    m_stack.pop_back();
    Node &n = m_doc.nodes[std::size_t(open.id)];
    n.firstChild = std::uint32_t(m_doc.childIds.size());
    n.childCount = std::uint32_t(m_pending.size() - open.firstPending);
    m_doc.childIds.insert(m_doc.childIds.end(), m_pending.begin() + std::ptrdiff_t(open.firstPending),
                          m_pending.end());
    m_pending.resize(open.firstPending);
    const std::uint32_t lastEnd =
        n.childCount ? m_doc.nodes[std::size_t(m_doc.childIds.back())].end : n.begin + 1;
    if (n.collectionStyle == CollectionStyle::Flow)
        n.end = std::uint32_t(spans::flowCollectionEnd(m_text, std::max(lastEnd, n.begin + 1)));
    else
        n.end = std::max(lastEnd, n.begin);
    if (n.kind == NodeKind::Mapping)
        checkDuplicateKeys(open.id);
    if (m_stack.empty()) {
        m_doc.nodes.shrink_to_fit();
        m_doc.childIds.shrink_to_fit();
        m_doc.values.shrink_to_fit();
    }
}

void TreeBuilder::checkDuplicateKeys(NodeId map)
{
    if (!m_warnings)
        return;
    const auto kids = m_doc.children(map);
    auto warn = [&](NodeId k) {
        const std::string_view key = m_doc.value(k);
        ParseError w;
        w.offset = m_doc.nodes[std::size_t(k)].begin;
        w.message = QStringLiteral("duplicate key '%1' in one mapping: tools disagree on which one counts")
                        .arg(QString::fromUtf8(key.data(), qsizetype(key.size())));
        m_warnings->push_back(w);
    };
    auto scalarKey = [&](std::size_t i) {
        return m_doc.nodes[std::size_t(kids[i])].kind == NodeKind::Scalar && m_doc.value(kids[i]) != "<<";
    };
    // Most mappings are small: compare pairwise there, and hash only the large ones.
    if (kids.size() <= 32) {
        for (std::size_t i = 2; i < kids.size(); i += 2) {
            if (!scalarKey(i))
                continue;
            for (std::size_t j = 0; j < i; j += 2) {
                if (scalarKey(j) && m_doc.value(kids[j]) == m_doc.value(kids[i])) {
                    warn(kids[i]);
                    break;
                }
            }
        }
        return;
    }
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < kids.size(); i += 2) {
        if (scalarKey(i) && !seen.insert(m_doc.value(kids[i])).second)
            warn(kids[i]);
    }
}

void TreeBuilder::OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                                  YAML::EmitterStyle::value style)
{
    Node n = startNode(mark, tag);
    n.kind = NodeKind::Sequence;
    n.collectionStyle = style == YAML::EmitterStyle::Flow ? CollectionStyle::Flow : CollectionStyle::Block;
    openCollection(add(n, anchor));
}

void TreeBuilder::OnSequenceEnd()
{
    closeCollection();
}

void TreeBuilder::OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value style)
{
    Node n = startNode(mark, tag);
    n.kind = NodeKind::Mapping;
    n.collectionStyle = style == YAML::EmitterStyle::Flow ? CollectionStyle::Flow : CollectionStyle::Block;
    openCollection(add(n, anchor));
}

void TreeBuilder::OnMapEnd()
{
    closeCollection();
}

} // namespace deadbolt::yaml

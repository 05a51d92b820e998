#include "yaml/treebuilder.h"
#include "yaml/spans.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace deadbolt::yaml {

namespace {

std::string_view text(const yaml_char_t *s, std::size_t n)
{
    return {reinterpret_cast<const char *>(s), n};
}

bool isNullWord(std::string_view v)
{
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

bool tagged(const yaml_char_t *tag)
{
    // No tag, or the non-specific "!", is no tag for us.
    return tag && std::strcmp(reinterpret_cast<const char *>(tag), "!") != 0;
}

} // namespace

TreeBuilder::TreeBuilder(const SourceText &text, std::size_t begin, std::vector<ParseError> *warnings,
                         bool lastPart)
    : m_text(text), m_bytes(text.view()), m_warnings(warnings), m_lastPart(lastPart)
{
    m_begin = begin == 0 ? text.contentStart() : begin;
    m_previousEnd = m_byte = m_begin;
}

std::size_t TreeBuilder::offsetOf(const yaml_mark_t &mark)
{
    // UTF-8 continuation bytes (10xxxxxx) do not start a character.
    auto starts = [&](std::size_t b) { return (static_cast<unsigned char>(m_bytes[b]) & 0xC0) != 0x80; };
    while (m_charIndex < mark.index && m_byte < m_bytes.size()) {
        ++m_byte;
        while (m_byte < m_bytes.size() && !starts(m_byte))
            ++m_byte;
        ++m_charIndex;
    }
    while (m_charIndex > mark.index && m_byte > m_begin) {
        --m_byte;
        while (m_byte > m_begin && !starts(m_byte))
            --m_byte;
        --m_charIndex;
    }
    return m_byte;
}

std::size_t TreeBuilder::contentBegin(std::size_t headBegin, std::size_t end) const
{
    const char c = headBegin < m_bytes.size() ? m_bytes[headBegin] : '\0';
    if (c != '&' && c != '!')
        return headBegin;
    return std::min(spans::skipProperties(m_bytes, headBegin), end);
}

NodeId TreeBuilder::add(Node node, std::size_t headBegin, const yaml_char_t *anchor)
{
    const NodeId id = NodeId(m_doc.nodes.size());
    node.parent = m_stack.empty() ? NoNode : m_stack.back().id;
    if (anchor || headBegin != node.begin) {
        NodeProperties p;
        p.node = id;
        p.headBegin = std::uint32_t(headBegin);
        if (anchor) {
            std::string name(reinterpret_cast<const char *>(anchor));
            p.anchor = std::int32_t(m_doc.anchorNames.size());
            m_anchors[name] = id; // a later definition of the same name wins, as for libyaml's users
            m_doc.anchorNames.push_back(std::move(name));
        }
        node.withProperties = true;
        m_doc.properties.push_back(p);
    }
    m_doc.nodes.push_back(node);
    if (m_stack.empty())
        m_doc.root = id;
    else
        m_pending.push_back(id);
    return id;
}

void TreeBuilder::open(NodeId id)
{
    m_stack.push_back({id, m_pending.size()});
}

void TreeBuilder::close(std::size_t flowEnd)
{
    const Open open = m_stack.back();
    m_stack.pop_back();
    Node &n = m_doc.nodes[std::size_t(open.id)];
    n.firstChild = std::uint32_t(m_doc.childIds.size());
    n.childCount = std::uint32_t(m_pending.size() - open.firstPending);
    m_doc.childIds.insert(m_doc.childIds.end(), m_pending.begin() + std::ptrdiff_t(open.firstPending),
                          m_pending.end());
    m_pending.resize(open.firstPending);
    if (n.collectionStyle == CollectionStyle::Flow) {
        n.end = std::uint32_t(flowEnd);
    } else {
        // libyaml ends a block collection at the next token: its text ends with its last child.
        std::uint32_t end = n.begin;
        const auto kids = m_doc.children(open.id);
        for (NodeId k : kids)
            end = std::max(end, m_doc.nodes[std::size_t(k)].end);
        n.end = end;
    }
    if (n.kind == NodeKind::Mapping) {
        checkDuplicateKeys(open.id);
        if (n.childCount / 2 > Document::IndexedMapping)
            index(open.id);
    }
}

void TreeBuilder::index(NodeId map)
{
    const auto kids = m_doc.children(map);
    std::vector<std::uint32_t> keys;
    keys.reserve(kids.size() / 2);
    for (std::uint32_t i = 0; i + 1 < kids.size(); i += 2)
        if (m_doc.nodes[std::size_t(kids[i])].kind == NodeKind::Scalar)
            keys.push_back(i);
    std::stable_sort(keys.begin(), keys.end(), [&](std::uint32_t a, std::uint32_t b) {
        return m_doc.value(kids[a]) < m_doc.value(kids[b]);
    });
    m_doc.keyIndex.emplace(map, std::move(keys));
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

bool TreeBuilder::take(const yaml_event_t &event, ParseError *error)
{
    switch (event.type) {
    case YAML_DOCUMENT_START_EVENT:
        m_doc = Document{};
        m_doc.begin = std::uint32_t(m_previousEnd);
        m_doc.firstLine = m_text.lineOf(m_previousEnd);
        m_anchors.clear();
        return true;
    case YAML_DOCUMENT_END_EVENT: {
        const std::size_t end = std::max(offsetOf(event.end_mark), m_previousEnd);
        m_doc.end = std::uint32_t(end);
        m_previousEnd = end;
        m_doc.nodes.shrink_to_fit();
        m_doc.childIds.shrink_to_fit();
        m_doc.values.shrink_to_fit();
        m_doc.properties.shrink_to_fit();
        m_documents.push_back(std::move(m_doc));
        return true;
    }
    case YAML_STREAM_END_EVENT:
        // The last document's span takes the rest of the file (trailing comments, blank lines).
        if (m_lastPart && !m_documents.empty())
            m_documents.back().end = std::uint32_t(m_bytes.size());
        return true;
    case YAML_ALIAS_EVENT: {
        Node n;
        n.kind = NodeKind::Alias;
        n.begin = std::uint32_t(offsetOf(event.start_mark));
        n.end = std::uint32_t(offsetOf(event.end_mark));
        const char *name = reinterpret_cast<const char *>(event.data.alias.anchor);
        const auto target = m_anchors.find(name);
        if (target == m_anchors.end()) {
            // libyaml's parser leaves this to its loader: PyYAML, docker compose and kubectl refuse it.
            error->message = QStringLiteral("the alias *%1 refers to no anchor defined before it")
                                 .arg(QString::fromUtf8(name));
            error->offset = n.begin;
            return false;
        }
        n.firstChild = std::uint32_t(target->second);
        add(n, n.begin, nullptr);
        return true;
    }
    case YAML_SCALAR_EVENT: {
        const auto &s = event.data.scalar;
        Node n;
        const std::size_t headBegin = offsetOf(event.start_mark);
        std::size_t end = offsetOf(event.end_mark);
        n.tagged = tagged(s.tag);
        switch (s.style) {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE:
            n.scalarStyle = ScalarStyle::SingleQuoted;
            break;
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
            n.scalarStyle = ScalarStyle::DoubleQuoted;
            break;
        case YAML_LITERAL_SCALAR_STYLE:
        case YAML_FOLDED_SCALAR_STYLE:
            n.scalarStyle = s.style == YAML_LITERAL_SCALAR_STYLE ? ScalarStyle::Literal : ScalarStyle::Folded;
            break;
        default:
            n.scalarStyle = ScalarStyle::Plain;
            break;
        }
        n.begin = std::uint32_t(contentBegin(headBegin, end));
        if (n.scalarStyle == ScalarStyle::Literal || n.scalarStyle == ScalarStyle::Folded) {
            // libyaml's end takes the line breaks after the last line; the value's own text ends
            // before them, unless `+` keeps them in the value.
            const std::string_view rest = m_bytes.substr(n.begin, end - n.begin);
            const std::string_view header = rest.substr(0, rest.find_first_of(" \t#\r\n"));
            const bool keep = header.find('+') != std::string_view::npos;
            while (!keep && end > n.begin + header.size()) {
                while (end > n.begin && (m_bytes[end - 1] == '\n' || m_bytes[end - 1] == '\r'))
                    --end;
                // A last line of nothing but blanks is a chomped line break too.
                std::size_t lineStart = end;
                while (lineStart > n.begin && m_bytes[lineStart - 1] != '\n' &&
                       m_bytes[lineStart - 1] != '\r')
                    --lineStart;
                const std::string_view line = m_bytes.substr(lineStart, end - lineStart);
                if (lineStart <= n.begin || line.find_first_not_of(" \t") != std::string_view::npos)
                    break;
                end = lineStart;
            }
        }
        n.end = std::uint32_t(end);
        const std::string_view value = text(s.value, s.length);
        n.kind = n.scalarStyle == ScalarStyle::Plain && !n.tagged && isNullWord(value) ? NodeKind::Null
                                                                                       : NodeKind::Scalar;
        if (n.kind == NodeKind::Scalar) {
            n.firstChild = std::uint32_t(m_doc.values.size());
            n.childCount = std::uint32_t(value.size());
            m_doc.values.append(value);
        }
        add(n, headBegin, s.anchor);
        return true;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        const bool sequence = event.type == YAML_SEQUENCE_START_EVENT;
        Node n;
        n.kind = sequence ? NodeKind::Sequence : NodeKind::Mapping;
        const std::size_t headBegin = offsetOf(event.start_mark);
        n.begin = std::uint32_t(contentBegin(headBegin, m_bytes.size()));
        const bool flow = sequence ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                   : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        n.collectionStyle = flow ? CollectionStyle::Flow : CollectionStyle::Block;
        n.tagged = tagged(sequence ? event.data.sequence_start.tag : event.data.mapping_start.tag);
        if (int(m_stack.size()) >= MaxNestingDepth) {
            error->message =
                QStringLiteral("collections nested more than %1 levels deep").arg(MaxNestingDepth);
            error->offset = n.begin;
            return false;
        }
        open(
            add(n, headBegin, sequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor));
        return true;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        close(offsetOf(event.end_mark));
        return true;
    default:
        return true;
    }
}

} // namespace deadbolt::yaml

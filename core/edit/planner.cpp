#include "edit/planner.h"

#include "edit/textlines.h"
#include "model/analyzer.h"
#include "model/workloadmatch.h"

#include <algorithm>
#include <string>

namespace deadbolt::edit {

using yaml::CollectionStyle;
using yaml::Document;
using yaml::NodeId;
using yaml::NodeKind;

namespace {
std::string spaces(std::size_t n)
{
    return std::string(n, ' ');
}
} // namespace

Planner::Planner(const ParsedFile &file, const FileStyle &style)
    : m_file(file), m_text(file.text.bytes()), m_style(style), m_render(style)
{}

TreeValue Planner::text(const std::string &s)
{
    return Renderer::text(s);
}

bool Planner::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

void Planner::replace(int doc, std::size_t offset, std::size_t length, std::string text, TreeChange change)
{
    m_plan.replacements.push_back({offset, length, std::move(text)});
    m_plan.changes[doc].push_back(std::move(change));
}

bool Planner::inFlow(const Document &d, NodeId node) const
{
    const NodeId parent = d.node(node).parent;
    return parent != yaml::NoNode && d.node(parent).collectionStyle == CollectionStyle::Flow;
}

std::size_t Planner::contentEnd(const Document &d, NodeId node) const
{
    if (node == yaml::NoNode)
        return 0;
    const yaml::Node &n = d.node(node);
    const bool block = (n.kind == NodeKind::Mapping || n.kind == NodeKind::Sequence) &&
                       n.collectionStyle == CollectionStyle::Block;
    if (block) {
        const auto kids = d.children(node);
        std::size_t e = d.headBegin(node);
        if (!kids.empty())
            e = std::max(e, contentEnd(d, kids.back()));
        if (n.kind == NodeKind::Mapping && kids.size() >= 2)
            e = std::max(e, contentEnd(d, kids[kids.size() - 2]));
        return e;
    }
    if (n.kind == NodeKind::Null && n.begin == n.end)
        return 0; // an implicit null has no text of its own
    return n.end;
}

std::size_t Planner::insertionLineEnd(const Document &d, NodeId node) const
{
    const std::size_t e = contentEnd(d, node);
    return lineEndAt(m_text, e == 0 ? 0 : e - 1);
}

std::pair<std::size_t, std::size_t> Planner::blockLinesRange(std::size_t lineStart,
                                                             std::size_t endOffset) const
{
    std::size_t end = nextLineStart(m_text, endOffset == 0 ? 0 : endOffset - 1);
    if (end == m_text.size() && !m_text.empty() && m_text.back() != '\n' && lineStart > 0) {
        // The last line of a file without a final newline: take the break before it
        // instead, so the file still ends without one.
        std::size_t start = lineStart - 1;
        if (start > 0 && m_text[start - 1] == '\r')
            --start;
        return {start, end};
    }
    return {lineStart, end};
}

bool Planner::replaceScalar(int doc, NodeId node, TreeValue value)
{
    const Document &d = m_file.stream.documents[std::size_t(doc)];
    const yaml::Node &n = d.node(node);
    if (n.kind == NodeKind::Mapping || n.kind == NodeKind::Sequence || n.begin == n.end)
        return fail(QStringLiteral("cannot replace a collection or an empty value as a scalar"));
    m_render.normalize(value, inFlow(d, node));
    if (n.kind != NodeKind::Alias) {
        if (d.anchored(node))
            value.anchor = d.anchorName(node);
        value.tagged = n.tagged;
    }
    std::string out = m_render.scalar(value);
    replace(doc, n.begin, n.end - n.begin, std::move(out), {TreeChange::Op::Replace, pathOf(d, node), value});
    return true;
}

bool Planner::addEntry(int doc, NodeId map, const std::string &key, TreeValue value, NodeId after)
{
    const Document &d = m_file.stream.documents[std::size_t(doc)];
    if (!d.isMapping(map))
        return fail(QStringLiteral("not a mapping"));
    const yaml::Node &n = d.node(map);
    const auto kids = d.children(map);
    TreePath path = pathOf(d, map);
    path.push_back({key, -1});
    NodeId afterValue = yaml::NoNode;
    NodeId afterKey = yaml::NoNode;
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
        if (after == yaml::NoNode ? i + 2 >= kids.size() : kids[i] == after) {
            afterKey = kids[i];
            afterValue = kids[i + 1];
        }
    }
    if (n.collectionStyle == CollectionStyle::Flow) {
        m_render.normalize(value, true);
        std::string entry = key + ": " + m_render.flow(value);
        if (kids.empty()) {
            if (n.begin >= m_text.size() || m_text[n.begin] != '{')
                return fail(QStringLiteral("unexpected text at an empty flow mapping"));
            replace(doc, n.begin + 1, 0, std::move(entry), {TreeChange::Op::Set, path, value});
            return true;
        }
        const std::size_t at = std::max(contentEnd(d, afterKey), contentEnd(d, afterValue));
        replace(doc, at, 0, ", " + entry, {TreeChange::Op::Set, path, value});
        return true;
    }
    if (kids.empty())
        return fail(QStringLiteral("an empty block mapping"));
    m_render.normalize(value, false);
    const std::size_t column = columnOf(m_text, d.headBegin(kids[0]));
    const std::size_t last = std::max(contentEnd(d, afterKey), contentEnd(d, afterValue));
    if (last == 0)
        return fail(QStringLiteral("cannot find where the mapping's last entry ends"));
    const std::size_t at = lineEndAt(m_text, last - 1);
    replace(doc, at, 0, m_style.newline + spaces(column) + key + ":" + m_render.blockValue(value, column),
            {TreeChange::Op::Set, path, value});
    return true;
}

bool Planner::setEntryValue(int doc, NodeId map, NodeId key, TreeValue value)
{
    const Document &d = m_file.stream.documents[std::size_t(doc)];
    const auto kids = d.children(map);
    NodeId valueNode = yaml::NoNode;
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2)
        if (kids[i] == key)
            valueNode = kids[i + 1];
    if (valueNode == yaml::NoNode || !d.isScalar(key))
        return fail(QStringLiteral("no such entry"));
    const yaml::Node &v = d.node(valueNode);
    if (v.kind == NodeKind::Mapping || v.kind == NodeKind::Sequence)
        return fail(QStringLiteral("the entry already holds a collection"));
    TreePath path = pathOf(d, map);
    path.push_back({std::string(d.value(key)), -1});
    const bool flowMap = d.node(map).collectionStyle == CollectionStyle::Flow;
    m_render.normalize(value, flowMap);
    const bool collection = value.kind == TreeValue::Kind::Mapping || value.kind == TreeValue::Kind::Sequence;
    const std::size_t colon = m_text.find(':', d.node(key).end);
    if (colon == std::string::npos)
        return fail(QStringLiteral("no colon after the key"));
    const std::size_t keyColumn = columnOf(m_text, d.headBegin(key));
    std::string out =
        flowMap || !collection ? " " + m_render.flow(value) : m_render.blockValue(value, keyColumn);
    if (v.begin == v.end) {
        // `key:` with nothing after it: a nested block goes after the line (and after any
        // comment on it); a scalar right after the colon.
        const std::size_t at = flowMap || !collection ? colon + 1 : lineEndAt(m_text, colon);
        replace(doc, at, 0, std::move(out), {TreeChange::Op::Set, path, value});
        return true;
    }
    if (flowMap || !collection) {
        const std::size_t head = d.headBegin(valueNode);
        replace(doc, head, v.end - head, m_render.flow(value), {TreeChange::Op::Set, path, value});
        return true;
    }
    replace(doc, colon + 1, v.end - colon - 1, std::move(out), {TreeChange::Op::Set, path, value});
    return true;
}

bool Planner::removeEntry(int doc, NodeId map, NodeId key)
{
    const Document &d = m_file.stream.documents[std::size_t(doc)];
    const auto kids = d.children(map);
    std::size_t i = 0;
    while (i + 1 < kids.size() && kids[i] != key)
        i += 2;
    if (i + 1 >= kids.size())
        return fail(QStringLiteral("no such entry"));
    TreePath path = pathOf(d, map);
    path.push_back({std::string(d.value(key)), -1});
    const TreeChange change{TreeChange::Op::Remove, path, {}};
    const std::size_t keyBegin = d.headBegin(key);
    const std::size_t end = std::max(contentEnd(d, key), contentEnd(d, kids[i + 1]));
    if (d.node(map).collectionStyle == CollectionStyle::Flow) {
        if (i > 0) {
            const std::size_t start = std::max(contentEnd(d, kids[i - 2]), contentEnd(d, kids[i - 1]));
            replace(doc, start, end - start, {}, change);
        } else if (i + 2 < kids.size()) {
            const std::size_t next = d.headBegin(kids[i + 2]);
            replace(doc, keyBegin, next - keyBegin, {}, change);
        } else {
            replace(doc, keyBegin, end - keyBegin, {}, change);
        }
        return true;
    }
    if (!startsLine(m_text, keyBegin))
        return fail(QStringLiteral("the entry shares its line with other text"));
    const auto [from, to] = blockLinesRange(lineStartAt(m_text, keyBegin), end);
    replace(doc, from, to - from, {}, change);
    return true;
}

bool Planner::appendItem(int doc, NodeId seq, TreeValue value)
{
    const Document &d = m_file.stream.documents[std::size_t(doc)];
    if (!d.isSequence(seq))
        return fail(QStringLiteral("not a sequence"));
    const yaml::Node &n = d.node(seq);
    const auto kids = d.children(seq);
    const TreeChange::Op op = TreeChange::Op::Append;
    if (n.collectionStyle == CollectionStyle::Flow) {
        m_render.normalize(value, true);
        if (kids.empty()) {
            if (n.begin >= m_text.size() || m_text[n.begin] != '[')
                return fail(QStringLiteral("unexpected text at an empty flow sequence"));
            replace(doc, n.begin + 1, 0, m_render.flow(value), {op, pathOf(d, seq), value});
            return true;
        }
        replace(doc, contentEnd(d, kids.back()), 0, ", " + m_render.flow(value), {op, pathOf(d, seq), value});
        return true;
    }
    if (kids.empty())
        return fail(QStringLiteral("an empty block sequence"));
    const std::size_t dash = dashBefore(m_text, d.headBegin(kids[0]));
    if (dash == std::string::npos)
        return fail(QStringLiteral("cannot find the sequence's dash"));
    m_render.normalize(value, value.kind == TreeValue::Kind::Sequence);
    const std::size_t column = columnOf(m_text, dash);
    const std::size_t at = insertionLineEnd(d, seq);
    replace(doc, at, 0, m_style.newline + spaces(column) + "- " + m_render.blockItem(value, column + 2),
            {op, pathOf(d, seq), value});
    return true;
}

bool Planner::removeItem(int doc, NodeId seq, int index)
{
    const Document &d = m_file.stream.documents[std::size_t(doc)];
    const auto kids = d.children(seq);
    if (!d.isSequence(seq) || index < 0 || index >= int(kids.size()))
        return fail(QStringLiteral("no such item"));
    TreePath path = pathOf(d, seq);
    path.push_back({{}, index});
    const TreeChange change{TreeChange::Op::RemoveItem, path, {}};
    const std::size_t i = std::size_t(index);
    const NodeId item = kids[i];
    const std::size_t begin = d.headBegin(item);
    const std::size_t end = std::max(contentEnd(d, item), std::size_t(begin));
    if (d.node(seq).collectionStyle == CollectionStyle::Flow) {
        if (i > 0) {
            const std::size_t start = contentEnd(d, kids[i - 1]);
            replace(doc, start, end - start, {}, change);
        } else if (i + 1 < kids.size()) {
            replace(doc, begin, d.headBegin(kids[i + 1]) - begin, {}, change);
        } else {
            replace(doc, begin, end - begin, {}, change);
        }
        return true;
    }
    const std::size_t dash = dashBefore(m_text, begin);
    if (dash == std::string::npos || !startsLine(m_text, dash))
        return fail(QStringLiteral("the item shares its line with other text"));
    const auto [from, to] = blockLinesRange(lineStartAt(m_text, dash), std::max(end, dash + 1));
    replace(doc, from, to - from, {}, change);
    return true;
}

EditResult finishEdit(const ParsedFile &file, const Analysis &analysis, Planner &planner,
                      const QString &description, const QStringList &affected, QStringList *unexpected)
{
    EditResult result;
    result.description = description;
    if (!planner.error().isEmpty()) {
        result.error = QStringLiteral("%1: refused: %2").arg(description, planner.error());
        return result;
    }
    Plan plan = planner.takePlan();
    const Verdict verdict = verifyPlan(file, analysis, plan);
    if (!verdict.ok()) {
        result.error = QStringLiteral("%1: refused: %2").arg(description, verdict.error);
        if (unexpected)
            *unexpected = verdict.unexpected;
        return result;
    }
    result.ok = true;
    result.replacements = std::move(plan.replacements);
    // The workloads the meaning check saw change; the planner's list where none did (an
    // edit that only rewrites a value the same way).
    if (!result.replacements.empty())
        result.affectedWorkloads = verdict.changed.isEmpty() ? affected : verdict.changed;
    return result;
}

EditResult planKeepingOthers(const ParsedFile &file, const Analysis &analysis, const QString &description,
                             Target target, const QString &kept, const Attempt &attempt)
{
    const FileStyle style = detectStyle(file.text, file.stream.documents);
    QVector<const Workload *> pinned;
    QStringList pinnedNames;
    for (int round = 0; round < 2; ++round) {
        Planner planner(file, style);
        QStringList affected;
        if (!attempt(planner, pinned, &affected))
            planner.planFailure(QStringLiteral("nothing planned"));
        affected.removeDuplicates();
        const QStringList declared = planner.effect().workloads.keys(); // the plan moves on in finishEdit
        QStringList unexpected;
        EditResult result = finishEdit(file, analysis, planner, description, affected, &unexpected);
        if (result.ok) {
            if (!pinnedNames.isEmpty())
                result.description = QStringLiteral("%1 (%2 keep their own %3)")
                                         .arg(description, pinnedNames.join(QStringLiteral(", ")), kept);
            return result;
        }
        const bool onlyOthers = std::none_of(unexpected.begin(), unexpected.end(),
                                             [&](const QString &n) { return declared.contains(n); });
        if (round == 0 && target == Target::ThisWorkload && !unexpected.isEmpty() && onlyOthers) {
            for (const QString &name : std::as_const(unexpected))
                if (const Workload *w = workloadNamed(analysis, name))
                    pinned.append(w);
            pinnedNames = unexpected;
            continue;
        }
        if (!pinnedNames.isEmpty())
            result.error +=
                QStringLiteral(" (%1 share the block; choose the shared block to change them too)")
                    .arg(pinnedNames.join(QStringLiteral(", ")));
        return result;
    }
    return {};
}

std::optional<QString> notEditable(const ParsedFile &file)
{
    if (!file.ok()) {
        const Diagnostic &e = file.errors.first();
        return QStringLiteral("the file has errors (line %1: %2); fix them first").arg(e.line).arg(e.message);
    }
    if (file.text.hasLoneCr())
        return QStringLiteral(
            "the file ends lines with a lone CR (classic Mac); an edit would mix line endings: "
            "convert it to LF or CRLF first");
    return std::nullopt;
}

} // namespace deadbolt::edit

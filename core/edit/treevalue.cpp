#include "edit/treevalue.h"

#include <algorithm>

namespace deadbolt::edit {

using yaml::Document;
using yaml::NodeId;
using yaml::NodeKind;

TreeValue TreeValue::scalar(std::string text, bool plain)
{
    TreeValue v;
    v.kind = Kind::Scalar;
    v.text = std::move(text);
    v.plain = plain;
    return v;
}

TreeValue TreeValue::mapping(std::vector<std::pair<std::string, TreeValue>> entries)
{
    TreeValue v;
    v.kind = Kind::Mapping;
    v.entries = std::move(entries);
    return v;
}

TreeValue TreeValue::sequence(std::vector<TreeValue> items)
{
    TreeValue v;
    v.kind = Kind::Sequence;
    v.items = std::move(items);
    return v;
}

TreeValue *TreeValue::find(std::string_view key)
{
    for (auto &e : entries)
        if (e.first == key)
            return &e.second;
    return nullptr;
}

const TreeValue *TreeValue::find(std::string_view key) const
{
    return const_cast<TreeValue *>(this)->find(key);
}

namespace {

std::string keyText(const Document &doc, NodeId key)
{
    if (doc.isScalar(key))
        return std::string(doc.value(key));
    if (key != yaml::NoNode && doc.kind(key) == NodeKind::Alias)
        return "*" + std::string(doc.anchorName(key));
    // A complex key: rare; its offsets are not part of its identity, so use a marker.
    return "?complex";
}

} // namespace

TreeValue treeValue(const Document &doc, NodeId id)
{
    TreeValue v;
    if (id == yaml::NoNode)
        return v;
    const yaml::Node &n = doc.node(id);
    v.tagged = n.tagged;
    if (n.kind != NodeKind::Alias && doc.anchored(id))
        v.anchor = doc.anchorName(id);
    switch (n.kind) {
    case NodeKind::Null:
        v.kind = TreeValue::Kind::Null;
        break;
    case NodeKind::Scalar:
        v.kind = TreeValue::Kind::Scalar;
        v.text = std::string(doc.value(id));
        v.plain = n.scalarStyle == yaml::ScalarStyle::Plain;
        break;
    case NodeKind::Alias:
        v.kind = TreeValue::Kind::Alias;
        v.text = std::string(doc.anchorName(id));
        break;
    case NodeKind::Sequence:
        v.kind = TreeValue::Kind::Sequence;
        for (NodeId c : doc.children(id))
            v.items.push_back(treeValue(doc, c));
        break;
    case NodeKind::Mapping: {
        v.kind = TreeValue::Kind::Mapping;
        const auto kids = doc.children(id);
        for (std::size_t i = 0; i + 1 < kids.size(); i += 2)
            v.entries.emplace_back(keyText(doc, kids[i]), treeValue(doc, kids[i + 1]));
        break;
    }
    }
    return v;
}

TreePath pathOf(const Document &doc, NodeId node)
{
    TreePath path;
    NodeId child = node;
    NodeId parent = doc.node(node).parent;
    while (parent != yaml::NoNode) {
        const auto kids = doc.children(parent);
        const auto it = std::find(kids.begin(), kids.end(), child);
        const std::size_t i = std::size_t(it - kids.begin());
        PathStep step;
        if (doc.kind(parent) == NodeKind::Sequence)
            step.index = int(i);
        else if (i % 2 == 1)
            step.key = keyText(doc, kids[i - 1]);
        else
            step.key = keyText(doc, child); // a key itself: name it by its text
        path.push_back(std::move(step));
        child = parent;
        parent = doc.node(parent).parent;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

QString pathText(const TreePath &path)
{
    QString out;
    for (const PathStep &s : path) {
        if (s.index >= 0)
            out += QStringLiteral("[%1]").arg(s.index);
        else
            out += (out.isEmpty() ? QString() : QStringLiteral(".")) + QString::fromStdString(s.key);
    }
    return out.isEmpty() ? QStringLiteral("(document root)") : out;
}

namespace {

QString describe(const TreeValue &v)
{
    switch (v.kind) {
    case TreeValue::Kind::Null:
        return QStringLiteral("null");
    case TreeValue::Kind::Scalar:
        return v.plain ? QString::fromStdString(v.text)
                       : QStringLiteral("\"%1\"").arg(QString::fromStdString(v.text));
    case TreeValue::Kind::Alias:
        return QStringLiteral("*") + QString::fromStdString(v.text);
    case TreeValue::Kind::Sequence:
        return QStringLiteral("a sequence of %1").arg(v.items.size());
    case TreeValue::Kind::Mapping:
        return QStringLiteral("a mapping of %1").arg(v.entries.size());
    }
    return {};
}

bool same(const TreeValue &a, const TreeValue &b, TreePath &at, QString *where)
{
    auto fail = [&](const QString &what) {
        if (where)
            *where = QStringLiteral("%1: %2").arg(pathText(at), what);
        return false;
    };
    if (a.kind != b.kind || a.text != b.text || a.plain != b.plain || a.tagged != b.tagged)
        return fail(QStringLiteral("expected %1, found %2").arg(describe(a), describe(b)));
    if (a.anchor != b.anchor)
        return fail(QStringLiteral("anchor &%1 became &%2")
                        .arg(QString::fromStdString(a.anchor), QString::fromStdString(b.anchor)));
    if (a.items.size() != b.items.size())
        return fail(QStringLiteral("expected %1 items, found %2").arg(a.items.size()).arg(b.items.size()));
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        at.push_back({{}, int(i)});
        if (!same(a.items[i], b.items[i], at, where))
            return false;
        at.pop_back();
    }
    using E = const std::pair<std::string, TreeValue> *;
    std::vector<E> ea, eb;
    for (const auto &e : a.entries)
        ea.push_back(&e);
    for (const auto &e : b.entries)
        eb.push_back(&e);
    auto byKey = [](E x, E y) { return x->first < y->first; };
    std::stable_sort(ea.begin(), ea.end(), byKey);
    std::stable_sort(eb.begin(), eb.end(), byKey);
    for (std::size_t i = 0; i < std::max(ea.size(), eb.size()); ++i) {
        const bool missing = i >= eb.size() || (i < ea.size() && ea[i]->first < eb[i]->first);
        const bool unexpected = i >= ea.size() || (i < eb.size() && eb[i]->first < ea[i]->first);
        if (missing)
            return fail(QStringLiteral("key %1 is missing").arg(QString::fromStdString(ea[i]->first)));
        if (unexpected)
            return fail(QStringLiteral("unexpected key %1").arg(QString::fromStdString(eb[i]->first)));
        at.push_back({ea[i]->first, -1});
        if (!same(ea[i]->second, eb[i]->second, at, where))
            return false;
        at.pop_back();
    }
    return true;
}

} // namespace

bool sameTree(const TreeValue &a, const TreeValue &b, QString *where)
{
    TreePath at;
    return same(a, b, at, where);
}

} // namespace deadbolt::edit

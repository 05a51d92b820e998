// Applying a plan's changes to the value tree of the document before the edit: what the
// document must read as afterwards, node for node (verify.cpp compares it with the result).
#include "edit/treevalue.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace deadbolt::edit {

namespace {

// A path from the root written so that one path's code begins another's exactly when the
// first path is a prefix of the second: each step is a kind byte, four length or index bytes
// and the key's bytes.
void appendStep(std::string &code, const PathStep &s)
{
    const bool index = s.index >= 0;
    const auto n = std::uint32_t(index ? std::size_t(s.index) : s.key.size());
    code += index ? 'i' : 'k';
    for (int shift = 0; shift < 32; shift += 8)
        code += char((n >> shift) & 0xff);
    if (!index)
        code += s.key;
}

// Where each key of a big mapping stands, by the code of that mapping's path. A change
// reshapes only the node it edits and what lies below it (an ancestor's entries never move),
// so after each change the indexes at and below that node are dropped, and the edited
// mapping's own index is kept current when a key is only added.
class KeyIndexes
{
public:
    TreeValue *find(TreeValue &map, const std::string &code, const std::string &key)
    {
        if (map.entries.size() < Small)
            return map.find(key);
        Index &ix = m_byPath[code];
        if (ix.map != &map || ix.size != map.entries.size()) {
            ix = {&map, map.entries.size(), {}};
            for (std::size_t i = 0; i < map.entries.size(); ++i)
                ix.positions.emplace(map.entries[i].first, i); // the first of duplicates, as find()
        }
        const auto it = ix.positions.find(key);
        return it == ix.positions.end() ? nullptr : &map.entries[it->second].second;
    }

    // `key` was appended to the mapping at `code`.
    void added(const TreeValue &map, const std::string &code, const std::string &key)
    {
        dropBelow(code, false); // the mapping's entries may have moved, and their children with them
        if (const auto it = m_byPath.find(code); it != m_byPath.end() && it->second.map == &map) {
            it->second.positions.emplace(key, map.entries.size() - 1);
            it->second.size = map.entries.size();
        }
    }

    void dropBelow(const std::string &code, bool andItself)
    {
        for (auto it = m_byPath.lower_bound(code); it != m_byPath.end() && it->first.starts_with(code);) {
            if (!andItself && it->first.size() == code.size())
                ++it;
            else
                it = m_byPath.erase(it);
        }
    }

private:
    static constexpr std::size_t Small = 16; // a scan is as quick as a hash below this
    struct Index
    {
        const TreeValue *map = nullptr;
        std::size_t size = 0;
        std::unordered_map<std::string, std::size_t> positions;
    };
    std::map<std::string, Index> m_byPath;
};

// The node `steps` steps down `path`, and its path's code in *code.
TreeValue *walk(TreeValue &root, const TreePath &path, std::size_t steps, KeyIndexes &indexes,
                std::string *code, QString *error)
{
    TreeValue *at = &root;
    code->clear();
    for (std::size_t i = 0; i < steps; ++i) {
        const PathStep &s = path[i];
        TreeValue *next = nullptr;
        if (s.index >= 0 && at->kind == TreeValue::Kind::Sequence && s.index < int(at->items.size()))
            next = &at->items[std::size_t(s.index)];
        else if (s.index < 0 && at->kind == TreeValue::Kind::Mapping)
            next = indexes.find(*at, *code, s.key);
        if (!next) {
            *error = QStringLiteral("%1 does not exist")
                         .arg(pathText(TreePath(path.begin(), path.begin() + i + 1)));
            return nullptr;
        }
        at = next;
        appendStep(*code, s);
    }
    return at;
}

bool apply(TreeValue &root, const TreeChange &change, KeyIndexes &indexes, QString *error)
{
    const TreePath &p = change.path;
    const bool toParent = change.op != TreeChange::Op::Append && change.op != TreeChange::Op::Replace;
    if (toParent && p.empty()) {
        *error = QStringLiteral("empty path");
        return false;
    }
    std::string code;
    TreeValue *at = walk(root, p, toParent ? p.size() - 1 : p.size(), indexes, &code, error);
    if (!at)
        return false;
    switch (change.op) {
    case TreeChange::Op::Set:
        if (TreeValue *v =
                at->kind == TreeValue::Kind::Mapping ? indexes.find(*at, code, p.back().key) : nullptr) {
            appendStep(code, p.back());
            indexes.dropBelow(code, true);
            *v = change.value;
        } else if (at->kind == TreeValue::Kind::Mapping) {
            at->entries.emplace_back(p.back().key, change.value);
            indexes.added(*at, code, p.back().key);
        } else if (at->kind == TreeValue::Kind::Null && at->anchor.empty()) {
            indexes.dropBelow(code, true);
            *at = TreeValue::mapping({{p.back().key, change.value}});
        } else {
            *error = QStringLiteral("%1 is not a mapping").arg(pathText(TreePath(p.begin(), p.end() - 1)));
            return false;
        }
        return true;
    case TreeChange::Op::Remove: {
        auto &e = at->entries;
        const auto it =
            std::find_if(e.begin(), e.end(), [&](const auto &x) { return x.first == p.back().key; });
        if (it == e.end()) {
            *error = QStringLiteral("%1 does not exist").arg(pathText(p));
            return false;
        }
        indexes.dropBelow(code, true);
        e.erase(it);
        return true;
    }
    case TreeChange::Op::Append:
        if (at->kind == TreeValue::Kind::Null)
            at->kind = TreeValue::Kind::Sequence;
        if (at->kind != TreeValue::Kind::Sequence) {
            *error = QStringLiteral("%1 is not a sequence").arg(pathText(p));
            return false;
        }
        indexes.dropBelow(code, true);
        at->items.push_back(change.value);
        return true;
    case TreeChange::Op::RemoveItem:
        if (at->kind != TreeValue::Kind::Sequence || p.back().index < 0 ||
            p.back().index >= int(at->items.size())) {
            *error = QStringLiteral("%1 does not exist").arg(pathText(p));
            return false;
        }
        indexes.dropBelow(code, true);
        at->items.erase(at->items.begin() + p.back().index);
        return true;
    case TreeChange::Op::Replace:
        indexes.dropBelow(code, true);
        *at = change.value;
        return true;
    }
    return false;
}

} // namespace

bool applyChanges(TreeValue &root, const std::vector<TreeChange> &changes, QString *error)
{
    KeyIndexes indexes;
    for (const TreeChange &change : changes)
        if (!apply(root, change, indexes, error))
            return false;
    return true;
}

} // namespace deadbolt::edit

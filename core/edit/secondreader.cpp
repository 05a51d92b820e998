#include "edit/secondreader.h"

#include "yaml/parser.h"

#include <yaml-cpp/yaml.h>

#include <map>
#include <unordered_map>

namespace deadbolt::edit {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

// The node at every change's path, found in one walk from `node` (at `depth` of the paths
// of the changes in `group`): each mapping on the way is read once, so a plan that changes
// every one of 20,000 services reads `services` once, not once per service. A path that
// leads nowhere leaves its node undefined. (A YAML::Node is a reference: assigning one
// changes the node it refers to, so the walk rebinds with reset(), never with `=`.)
void resolve(const YAML::Node &node, const std::vector<TreeChange> &changes,
             const std::vector<std::size_t> &group, std::size_t depth, std::vector<YAML::Node> &out)
{
    std::vector<std::size_t> deeper;
    for (const std::size_t c : group) {
        if (changes[c].path.size() == depth)
            out[c].reset(node);
        else
            deeper.push_back(c);
    }
    if (deeper.empty())
        return;
    if (node.IsSequence()) {
        std::map<std::size_t, std::vector<std::size_t>> byIndex;
        for (const std::size_t c : deeper)
            if (const int i = changes[c].path[depth].index; i >= 0 && std::size_t(i) < node.size())
                byIndex[std::size_t(i)].push_back(c);
        for (const auto &[i, next] : byIndex)
            resolve(node[i], changes, next, depth + 1, out);
    } else if (node.IsMap()) {
        std::unordered_map<std::string, std::vector<std::size_t>> byKey;
        for (const std::size_t c : deeper)
            if (changes[c].path[depth].index < 0)
                byKey[changes[c].path[depth].key].push_back(c);
        std::unordered_map<std::string, YAML::Node>
            found; // the last of duplicate keys, as our trees read them
        for (const auto &kv : node) {
            if (!kv.first.IsScalar() || !byKey.contains(kv.first.Scalar()))
                continue;
            found.erase(kv.first.Scalar());
            found.emplace(kv.first.Scalar(), kv.second);
        }
        for (const auto &[key, child] : found)
            resolve(child, changes, byKey.at(key), depth + 1, out);
    }
}

} // namespace

QString differenceFrom(const TreeValue &ours, const YAML::Node &theirs, int depth)
{
    if (depth > yaml::MaxNestingDepth)
        return QStringLiteral("nested too deep to compare");
    switch (ours.kind) {
    case TreeValue::Kind::Alias:
        return {};
    case TreeValue::Kind::Null:
        return theirs.IsNull() ? QString() : QStringLiteral("null here, something else for yaml-cpp");
    case TreeValue::Kind::Scalar:
        if (!theirs.IsScalar())
            return QStringLiteral("scalar '%1' here, no scalar for yaml-cpp").arg(text(ours.text));
        return theirs.Scalar() == ours.text ? QString()
                                            : QStringLiteral("'%1' here, '%2' for yaml-cpp")
                                                  .arg(text(ours.text), text(theirs.Scalar()));
    case TreeValue::Kind::Sequence: {
        if (!theirs.IsSequence() || theirs.size() != ours.items.size())
            return QStringLiteral("a list of %1 here, not for yaml-cpp").arg(ours.items.size());
        for (std::size_t i = 0; i < ours.items.size(); ++i)
            if (QString d = differenceFrom(ours.items[i], theirs[i], depth + 1); !d.isEmpty())
                return QStringLiteral("[%1]: %2").arg(i).arg(d);
        return {};
    }
    case TreeValue::Kind::Mapping: {
        if (!theirs.IsMap() || theirs.size() != ours.entries.size())
            return QStringLiteral("a mapping of %1 here, not for yaml-cpp").arg(ours.entries.size());
        std::size_t i = 0;
        for (const auto &kv : theirs) {
            const auto &[key, value] = ours.entries[i++];
            if (key == "?complex") // a collection as a key: our trees do not keep it (treevalue.cpp)
                continue;
            if (!kv.first.IsScalar() || kv.first.Scalar() != key)
                return QStringLiteral("key '%1' here, another for yaml-cpp").arg(text(key));
            if (QString d = differenceFrom(value, kv.second, depth + 1); !d.isEmpty())
                return text(key) + QStringLiteral(": ") + d;
        }
        return {};
    }
    }
    return {};
}

QString readBack(const std::string &document, const std::vector<TreeChange> &changes)
{
    try {
        const YAML::Node root = YAML::Load(document);
        std::vector<YAML::Node> nodes;
        std::vector<std::size_t> all;
        for (std::size_t i = 0; i < changes.size(); ++i) {
            nodes.emplace_back(YAML::NodeType::Undefined);
            all.push_back(i);
        }
        resolve(root, changes, all, 0, nodes);
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const TreeChange &c = changes[i];
            const QString where = pathText(c.path);
            switch (c.op) {
            case TreeChange::Op::Set:
            case TreeChange::Op::Replace: {
                const YAML::Node &n = nodes[i];
                if (!n.IsDefined())
                    return QStringLiteral("yaml-cpp finds nothing at %1").arg(where);
                if (QString d = differenceFrom(c.value, n); !d.isEmpty())
                    return where + QStringLiteral(": ") + d;
                break;
            }
            case TreeChange::Op::Append: {
                const YAML::Node &seq = nodes[i];
                if (!seq.IsSequence() || seq.size() == 0)
                    return QStringLiteral("yaml-cpp finds no list at %1").arg(where);
                if (QString d = differenceFrom(c.value, seq[seq.size() - 1]); !d.isEmpty())
                    return where + QStringLiteral(" (last item): ") + d;
                break;
            }
            case TreeChange::Op::Remove:
                if (nodes[i].IsDefined())
                    return QStringLiteral("yaml-cpp still finds %1").arg(where);
                break;
            case TreeChange::Op::RemoveItem:
                break; // the other items shift into its place: the tree check covers them
            }
        }
    } catch (const std::exception &e) {
        return QStringLiteral("yaml-cpp cannot read the result: %1").arg(QString::fromUtf8(e.what()));
    }
    return {};
}

} // namespace deadbolt::edit

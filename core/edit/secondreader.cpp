#include "edit/secondreader.h"

#include "yaml/parser.h"

#include <yaml-cpp/yaml.h>

namespace deadbolt::edit {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

// The node at path in root, or an undefined node. (A YAML::Node is a reference: assigning
// one changes the node it refers to, so the walk rebinds with reset(), never with `=`.)
YAML::Node at(const YAML::Node &root, const TreePath &path, std::size_t steps)
{
    YAML::Node cur;
    cur.reset(root);
    for (std::size_t i = 0; i < steps && cur.IsDefined(); ++i) {
        const PathStep &s = path[i];
        YAML::Node next(YAML::NodeType::Undefined);
        if (s.index >= 0) {
            if (cur.IsSequence() && std::size_t(s.index) < cur.size())
                next.reset(cur[std::size_t(s.index)]);
        } else if (cur.IsMap()) {
            // The last of duplicate keys, as our trees read them.
            for (const auto &kv : cur)
                if (kv.first.IsScalar() && kv.first.Scalar() == s.key)
                    next.reset(kv.second);
        }
        if (!next.IsDefined())
            return YAML::Node(YAML::NodeType::Undefined);
        cur.reset(next);
    }
    return cur;
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
        for (const TreeChange &c : changes) {
            const QString where = pathText(c.path);
            switch (c.op) {
            case TreeChange::Op::Set:
            case TreeChange::Op::Replace: {
                const YAML::Node n = at(root, c.path, c.path.size());
                if (!n.IsDefined())
                    return QStringLiteral("yaml-cpp finds nothing at %1").arg(where);
                if (QString d = differenceFrom(c.value, n); !d.isEmpty())
                    return where + QStringLiteral(": ") + d;
                break;
            }
            case TreeChange::Op::Append: {
                const YAML::Node seq = at(root, c.path, c.path.size());
                if (!seq.IsSequence() || seq.size() == 0)
                    return QStringLiteral("yaml-cpp finds no list at %1").arg(where);
                if (QString d = differenceFrom(c.value, seq[seq.size() - 1]); !d.isEmpty())
                    return where + QStringLiteral(" (last item): ") + d;
                break;
            }
            case TreeChange::Op::Remove:
                if (at(root, c.path, c.path.size()).IsDefined())
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

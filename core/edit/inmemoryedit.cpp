#include "edit/inmemoryedit.h"

#include "edit/inmemoryparts.h"
#include "model/analyzer.h"

namespace deadbolt {

using edit::PathEdit;
using edit::Planner;
using edit::TreeValue;
using yaml::NodeId;

bool parseTmpfsOptions(const QString &options, InMemoryPathSpec *spec, QString *error)
{
    for (const QString &part : options.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString key = part.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        bool number = true;
        if (eq < 0 || value.isEmpty()) {
            *error = QStringLiteral("option '%1' needs a value (key=value)").arg(part);
            return false;
        }
        if (key == QLatin1String("size")) {
            spec->size = value;
        } else if (key == QLatin1String("mode")) {
            value.toInt(&number, 8);
            spec->mode = value;
        } else if (key == QLatin1String("uid")) {
            spec->uid = value.toLongLong(&number);
        } else if (key == QLatin1String("gid")) {
            spec->gid = value.toLongLong(&number);
        } else {
            *error = QStringLiteral("unknown option '%1' (size, mode, uid, gid)").arg(key);
            return false;
        }
        if (!number) {
            *error = QStringLiteral("option %1 takes a number, not '%2'").arg(key, value);
            return false;
        }
    }
    return true;
}

namespace edit {

std::string dockerSize(const QString &size)
{
    QString s = size.trimmed();
    if (s.endsWith(QLatin1String("i")) && s.size() >= 3 && s.at(s.size() - 2).isLetter())
        s = s.left(s.size() - 2) + s.at(s.size() - 2).toLower(); // 16Mi -> 16m
    return s.toStdString();
}

std::string kubernetesSize(const QString &size)
{
    const QString s = size.trimmed();
    if (s.size() >= 2 && s.at(s.size() - 2).isDigit()) {
        const QChar unit = s.back().toLower();
        if (unit == QLatin1Char('k'))
            return (s.left(s.size() - 1) + QStringLiteral("Ki")).toStdString();
        if (unit == QLatin1Char('m') || unit == QLatin1Char('g'))
            return (s.left(s.size() - 1) + unit.toUpper() + QStringLiteral("i")).toStdString();
    }
    return s.toStdString();
}

std::string composeOptions(const InMemoryPathSpec &spec)
{
    QStringList parts;
    if (spec.uid)
        parts << QStringLiteral("uid=%1").arg(*spec.uid);
    if (spec.gid)
        parts << QStringLiteral("gid=%1").arg(*spec.gid);
    if (!spec.mode.isEmpty())
        parts << QStringLiteral("mode=") + spec.mode;
    if (!spec.size.isEmpty())
        parts << QStringLiteral("size=") + QString::fromStdString(dockerSize(spec.size));
    return parts.join(QLatin1Char(',')).toStdString();
}

NodeId placementKey(const yaml::Document &d, NodeId map)
{
    if (const NodeId k = d.keyNode(map, "read_only"); k != yaml::NoNode)
        return k;
    return d.keyNode(map, "image");
}

std::string beforeColon(std::string_view s)
{
    return std::string(s.substr(0, s.find(':')));
}

void keepQuotes(const yaml::Document &d, NodeId written, TreeValue *value)
{
    const yaml::ScalarStyle style = d.node(written).scalarStyle;
    if (style == yaml::ScalarStyle::SingleQuoted || style == yaml::ScalarStyle::DoubleQuoted) {
        value->plain = false;
        value->quote = style == yaml::ScalarStyle::SingleQuoted ? '\'' : '"';
    }
}

bool appendUnder(PathEdit &e, NodeId map, const char *key, const TreeValue &item, NodeId after)
{
    const int doc = e.workload.document;
    const NodeId keyNode = e.doc.keyNode(map, key);
    if (keyNode == yaml::NoNode)
        return e.planner.addEntry(doc, map, key, TreeValue::sequence({item}), after);
    const NodeId seq = e.doc.get(map, key);
    if (e.doc.isSequence(seq))
        return e.planner.appendItem(doc, seq, item);
    if (e.doc.kind(seq) == yaml::NodeKind::Null)
        return e.planner.setEntryValue(doc, map, keyNode, TreeValue::sequence({item}));
    return e.planner.planFailure(QStringLiteral("`%1:` is neither a list nor empty").arg(QLatin1String(key)));
}

bool removeFrom(PathEdit &e, NodeId map, const char *key, int index)
{
    const NodeId seq = e.doc.get(map, key);
    if (e.doc.children(seq).size() == 1)
        return e.planner.removeEntry(e.workload.document, map, e.doc.keyNode(map, key));
    return e.planner.removeItem(e.workload.document, seq, index);
}

namespace {

TreeValue shortEntry(const InMemoryPathSpec &spec)
{
    const std::string options = composeOptions(spec);
    return Planner::text(spec.target.toStdString() + (options.empty() ? "" : ":" + options));
}

// The index of the `tmpfs:` item for target, or -1; -2 when `tmpfs:` is a single string.
int findShort(const PathEdit &e, const QString &target)
{
    const NodeId value = e.doc.get(e.workload.node, "tmpfs");
    const std::string t = target.toStdString();
    if (e.doc.isScalar(value))
        return beforeColon(e.doc.value(value)) == t ? -2 : -1;
    const auto items = e.doc.children(value);
    for (std::size_t i = 0; e.doc.isSequence(value) && i < items.size(); ++i)
        if (e.doc.isScalar(items[i]) && beforeColon(e.doc.value(items[i])) == t)
            return int(i);
    return -1;
}

} // namespace

bool addTmpfsShort(PathEdit &e, const InMemoryPathSpec &spec)
{
    const NodeId service = e.workload.node;
    if (findShort(e, spec.target) != -1)
        return e.planner.planFailure(
            QStringLiteral("%1 already has %2 in tmpfs").arg(e.workload.name, spec.target));
    const NodeId key = e.doc.keyNode(service, "tmpfs");
    const NodeId value = e.doc.get(service, "tmpfs");
    if (key != yaml::NoNode && e.doc.isScalar(value)) {
        // A single string becomes a list of the string, as written, and the new entry.
        TreeValue first = treeValue(e.doc, value);
        const yaml::Node &n = e.doc.node(value);
        first.raw = e.file.text.bytes().substr(n.headBegin, n.end - n.headBegin);
        return e.planner.setEntryValue(e.workload.document, service, key,
                                       TreeValue::sequence({first, shortEntry(spec)}));
    }
    return appendUnder(e, service, "tmpfs", shortEntry(spec), placementKey(e.doc, service));
}

bool changeTmpfsShort(PathEdit &e, const QString &oldTarget, const InMemoryPathSpec &spec)
{
    const int at = findShort(e, oldTarget);
    if (at == -1)
        return e.planner.planFailure(QStringLiteral("%1 has no tmpfs at %2").arg(e.workload.name, oldTarget));
    if (oldTarget != spec.target && findShort(e, spec.target) != -1)
        return e.planner.planFailure(
            QStringLiteral("%1 already has %2 in tmpfs").arg(e.workload.name, spec.target));
    const NodeId value = e.doc.get(e.workload.node, "tmpfs");
    const NodeId node = at == -2 ? value : e.doc.children(value)[std::size_t(at)];
    TreeValue entry = shortEntry(spec);
    keepQuotes(e.doc, node, &entry);
    return e.planner.replaceScalar(e.workload.document, node, entry);
}

bool removeTmpfsShort(PathEdit &e, const QString &target)
{
    const int at = findShort(e, target);
    if (at == -1)
        return false;
    if (at == -2)
        return e.planner.removeEntry(e.workload.document, e.workload.node,
                                     e.doc.keyNode(e.workload.node, "tmpfs"));
    return removeFrom(e, e.workload.node, "tmpfs", at);
}

bool removeTmpfsLong(PathEdit &e, const QString &target)
{
    const NodeId volumes = e.doc.get(e.workload.node, "volumes");
    const auto items = e.doc.isSequence(volumes) ? e.doc.children(volumes) : std::span<const NodeId>();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const NodeId type = e.doc.get(items[i], "type");
        const NodeId t = e.doc.get(items[i], "target");
        if (e.doc.isMapping(items[i]) && e.doc.isScalar(type) && e.doc.value(type) == "tmpfs" &&
            e.doc.isScalar(t) && e.doc.value(t) == target.toStdString())
            return removeFrom(e, e.workload.node, "volumes", int(i));
    }
    return false;
}

} // namespace edit

namespace {

enum class Op { Add, Change, Remove };

EditResult run(const ParsedFile &file, const Analysis &analysis, const Workload &w, Op op,
               const QString &oldTarget, const InMemoryPathSpec &spec, const QString &description)
{
    if (const auto why = edit::notEditable(file))
        return {false, {}, QStringLiteral("%1: refused: %2").arg(description, *why), description, {}};
    Planner planner(file, edit::detectStyle(file.text, file.stream.documents));
    const yaml::Document &doc = file.stream.documents[std::size_t(w.document)];
    PathEdit e{file, analysis, w, planner, doc, {w.displayName()}};
    const FileFormat format = analysis.format;
    bool planned = false;
    if (!doc.isMapping(w.node)) {
        planner.planFailure(QStringLiteral("%1 is not written as a mapping").arg(w.displayName()));
    } else if (op == Op::Add) {
        if (format == FileFormat::Compose3)
            planned = edit::addTmpfsVolume(e, spec);
        else if (format == FileFormat::Kubernetes)
            planned = edit::addEmptyDir(e, spec);
        else
            planned = edit::addTmpfsShort(e, spec);
    } else {
        // Change and remove act on what the file has, whatever form it takes.
        const WritablePath *path = nullptr;
        for (const WritablePath &p : w.inMemory)
            if (p.target == oldTarget)
                path = &p;
        if (!path) {
            planner.planFailure(
                QStringLiteral("%1 has no in-memory path at %2").arg(w.displayName(), oldTarget));
        } else if (op == Op::Remove) {
            switch (path->kind) {
            case PathKind::TmpfsShort:
                planned = edit::removeTmpfsShort(e, oldTarget);
                break;
            case PathKind::TmpfsLong:
                planned = edit::removeTmpfsLong(e, oldTarget);
                break;
            case PathKind::TmpfsVolume:
                planned = edit::removeTmpfsVolume(e, oldTarget);
                break;
            case PathKind::EmptyDirMemory:
                planned = edit::removeEmptyDir(e, oldTarget);
                break;
            default:
                break;
            }
        } else if (path->kind == PathKind::TmpfsShort) {
            planned = edit::changeTmpfsShort(e, oldTarget, spec);
        } else if (path->kind == PathKind::TmpfsVolume) {
            planned = edit::changeTmpfsVolume(e, oldTarget, spec);
        } else if (path->kind == PathKind::EmptyDirMemory) {
            planned = edit::changeEmptyDir(e, oldTarget, spec);
        } else {
            planner.planFailure(
                QStringLiteral("changing a %1 path is not supported; remove it and add it again")
                    .arg(pathKindName(path->kind)));
        }
        if (path && !planned)
            planner.planFailure(QStringLiteral("cannot find where %1 is written").arg(oldTarget));
    }
    if (!planned)
        planner.planFailure(QStringLiteral("nothing planned"));
    e.affected.removeDuplicates();
    return edit::finishEdit(file, planner, description, e.affected);
}

} // namespace

EditResult addInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                           const InMemoryPathSpec &spec)
{
    return run(file, analysis, workload, Op::Add, {}, spec,
               QStringLiteral("Add %1 to %2").arg(spec.target, workload.displayName()));
}

EditResult changeInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                              const QString &oldTarget, const InMemoryPathSpec &spec)
{
    return run(file, analysis, workload, Op::Change, oldTarget, spec,
               QStringLiteral("Change %1 of %2").arg(oldTarget, workload.displayName()));
}

EditResult removeInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                              const QString &target)
{
    return run(file, analysis, workload, Op::Remove, target, {},
               QStringLiteral("Remove %1 from %2").arg(target, workload.displayName()));
}

} // namespace deadbolt

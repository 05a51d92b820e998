#include "edit/inmemoryedit.h"

#include "edit/inmemoryparts.h"
#include "model/analyzer.h"
#include "model/scalars.h"

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

std::string optionsWith(const InMemoryPathSpec &spec, const QStringList &kept)
{
    std::string options = composeOptions(spec);
    for (const QString &k : kept)
        options += (options.empty() ? "" : ",") + k.toStdString();
    return options;
}

namespace {

TreeValue shortEntry(const InMemoryPathSpec &spec, const QStringList &kept = {})
{
    const std::string options = optionsWith(spec, kept);
    return Planner::text(spec.target.toStdString() + (options.empty() ? "" : ":" + options));
}

} // namespace

bool addTmpfsShort(PathEdit &e, const InMemoryPathSpec &spec)
{
    return editList(e, "tmpfs", ListOp::Append, yaml::NoNode, shortEntry(spec));
}

bool changeTmpfsShort(PathEdit &e, const WritablePath &path, const InMemoryPathSpec &spec)
{
    TreeValue entry = shortEntry(spec, scalars::otherMountOptions(path.options));
    if (e.doc.isScalar(path.location.node) && e.doc.value(path.location.node) == entry.text)
        return true; // written so already
    keepQuotes(e.doc, path.location.node, &entry);
    return editList(e, "tmpfs", ListOp::Replace, path.location.node, entry);
}

bool removeListed(PathEdit &e, const WritablePath &path, const char *key)
{
    return editList(e, key, ListOp::Remove, path.location.node, {});
}

} // namespace edit

namespace {

using Op = edit::PathChange::Kind;

// The list an edit of path writes in (path null: the list a new path goes into).
const char *listKey(const WritablePath *path, FileFormat format)
{
    if (format == FileFormat::Kubernetes)
        return "volumeMounts";
    if (path)
        return path->kind == PathKind::TmpfsShort ? "tmpfs" : "volumes";
    return format == FileFormat::Compose3 ? "volumes" : "tmpfs";
}

struct Request
{
    const ParsedFile &file;
    const Analysis &analysis;
    const Workload &w;
    Op op;
    const QString &oldTarget;
    const InMemoryPathSpec &spec;
    Target target;
};

// Plans the edit itself; false (with the planner's error) when it cannot be planned.
bool planPath(const Request &r, PathEdit &e)
{
    const FileFormat format = r.analysis.format;
    Planner &planner = e.planner;
    if (!e.doc.isMapping(r.w.node))
        return planner.planFailure(QStringLiteral("%1 is not written as a mapping").arg(r.w.displayName()));
    if (r.op == Op::Add) {
        if (edit::mountsAt(r.w, r.spec.target))
            return planner.planFailure(
                QStringLiteral("%1 already mounts %2").arg(r.w.displayName(), r.spec.target));
        if (format == FileFormat::Compose3)
            return edit::addTmpfsVolume(e, r.spec);
        if (format == FileFormat::Kubernetes)
            return edit::addEmptyDir(e, r.spec);
        return edit::addTmpfsShort(e, r.spec);
    }
    // Change and remove act on the path as the reader found it, whatever form it takes.
    const WritablePath *path = edit::inMemoryAt(r.w, r.oldTarget);
    if (!path)
        return planner.planFailure(
            QStringLiteral("%1 has no in-memory path at %2").arg(r.w.displayName(), r.oldTarget));
    if (r.op == Op::Change && r.oldTarget != r.spec.target && edit::mountsAt(r.w, r.spec.target))
        return planner.planFailure(
            QStringLiteral("%1 already mounts %2").arg(r.w.displayName(), r.spec.target));
    switch (path->kind) {
    case PathKind::TmpfsShort:
        return r.op == Op::Remove ? edit::removeListed(e, *path, "tmpfs")
                                  : edit::changeTmpfsShort(e, *path, r.spec);
    case PathKind::TmpfsLong:
        if (r.op == Op::Remove)
            return edit::removeListed(e, *path, "volumes");
        break;
    case PathKind::TmpfsVolume:
        return r.op == Op::Remove ? edit::removeTmpfsVolume(e, *path)
                                  : edit::changeTmpfsVolume(e, *path, r.spec);
    case PathKind::EmptyDirMemory:
        return r.op == Op::Remove ? edit::removeEmptyDir(e, *path) : edit::changeEmptyDir(e, *path, r.spec);
    default:
        break;
    }
    return planner.planFailure(
        QStringLiteral("changing a %1 path is not supported; remove it and add it again")
            .arg(pathKindName(path->kind)));
}

edit::WorkloadEffect declared(const Request &r)
{
    edit::WorkloadEffect effect;
    edit::PathChange change;
    change.kind = r.op;
    change.target = r.op == Op::Add ? r.spec.target : r.oldTarget;
    change.spec = r.spec;
    // A memory emptyDir is group-owned by the pod's fsGroup: the reader says so, and so must we.
    if (r.analysis.format == FileFormat::Kubernetes && r.w.fsGroup && !change.spec.gid)
        change.spec.gid = r.w.fsGroup;
    effect.paths.append(change);
    return effect;
}

EditResult run(const Request &r, const QString &description)
{
    if (const auto why = edit::notEditable(r.file))
        return {false, {}, QStringLiteral("%1: refused: %2").arg(description, *why), description, {}};
    const Workload &w = r.w;
    const yaml::Document &doc = r.file.stream.documents[std::size_t(w.document)];
    const WritablePath *path = edit::inMemoryAt(w, r.oldTarget);
    const char *key = listKey(r.op == edit::PathChange::Kind::Add ? nullptr : path, r.analysis.format);
    auto attempt = [&](Planner &planner, const QVector<const Workload *> &pinned, QStringList *affected) {
        PathEdit e{r.file, r.analysis, w, planner, doc, r.target, {w.displayName()}, {}, {}};
        bool planned = planPath(r, e);
        for (const Workload *other : pinned)
            planned = planned && edit::pinList(e, *other, key);
        const edit::WorkloadEffect effect = declared(r);
        edit::Effect &declaredEffect = planner.effect();
        declaredEffect.workloads.insert(w.displayName(), effect);
        QStringList sharers;
        for (const auto &[user, at] : std::as_const(e.definitionUsers)) {
            // The same definition mounted elsewhere: that path changes the same way.
            edit::PathChange change = effect.paths.first();
            change.target = at;
            change.spec.target = at;
            declaredEffect.workloads[user].paths.append(change);
            sharers.append(user);
        }
        if (r.target == Target::SharedBlock)
            for (yaml::NodeId block : e.writtenInto)
                sharers += edit::mergersOf(r.file, r.analysis, w.document, block, &w);
        sharers.removeDuplicates();
        sharers.removeAll(w.displayName());
        declaredEffect.sharers = sharers;
        declaredEffect.sharedEffect = effect;
        *affected = QStringList{w.displayName()} + sharers + e.affected;
        return planned;
    };
    return edit::planKeepingOthers(r.file, r.analysis, description, r.target, QStringLiteral("list"),
                                   attempt);
}

} // namespace

EditResult addInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                           const InMemoryPathSpec &spec, Target target)
{
    return run({file, analysis, workload, Op::Add, {}, spec, target},
               QStringLiteral("Add %1 to %2").arg(spec.target, workload.displayName()));
}

EditResult changeInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                              const QString &oldTarget, const InMemoryPathSpec &spec, Target target)
{
    return run({file, analysis, workload, Op::Change, oldTarget, spec, target},
               QStringLiteral("Change %1 of %2").arg(oldTarget, workload.displayName()));
}

EditResult removeInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                              const QString &target, Target where)
{
    return run({file, analysis, workload, Op::Remove, target, {}, where},
               QStringLiteral("Remove %1 from %2").arg(target, workload.displayName()));
}

} // namespace deadbolt

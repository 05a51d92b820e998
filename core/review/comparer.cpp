#include "review/comparer.h"

#include <QHash>
#include <QSet>

namespace deadbolt {

namespace {

enum class Root { ReadOnly, Writable, Undetermined };

Root rootOf(const Workload &w)
{
    switch (w.rootFs) {
    case RootFs::ReadOnly:
        return Root::ReadOnly;
    case RootFs::WritableExplicit:
    case RootFs::WritableDefault:
        return Root::Writable;
    case RootFs::Undetermined:
        break;
    }
    return Root::Undetermined;
}

QString rootKey(bool kubernetes)
{
    return kubernetes ? QStringLiteral("readOnlyRootFilesystem") : QStringLiteral("read_only");
}

QString rootValue(const Workload &w)
{
    if (w.rootFs == RootFs::WritableDefault)
        return QStringLiteral("not set");
    return w.rootFsRaw.isEmpty() ? QStringLiteral("set") : w.rootFsRaw;
}

Location rootLocation(const Workload &w)
{
    return w.rootFsLocation.line > 0 ? w.rootFsLocation : w.location;
}

QString orUnset(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("unset") : value;
}

QString idText(const std::optional<qint64> &id)
{
    return id ? QString::number(*id) : QStringLiteral("unset");
}

// "tmpfs, size 64m, uid 33": what a reviewer needs to recognise the path.
QString describePath(const WritablePath &p)
{
    QStringList parts{pathKindName(p.kind)};
    if (!p.source.isEmpty())
        parts << p.source;
    if (!p.size.isEmpty())
        parts << QStringLiteral("size ") + p.size;
    if (p.uid)
        parts << QStringLiteral("uid %1").arg(*p.uid);
    if (p.gid)
        parts << QStringLiteral("gid %1").arg(*p.gid);
    if (!p.mode.isEmpty())
        parts << QStringLiteral("mode ") + p.mode;
    return parts.join(QStringLiteral(", "));
}

QString mediumName(const WritablePath &p)
{
    return p.inMemory() ? QStringLiteral("in-memory") : QStringLiteral("persistent");
}

struct Compared
{
    const Workload &before;
    const Workload &after;
    bool kubernetes;
    WorkloadChanges out;

    WorkloadChange make(ChangeKind kind, ChangeSeverity severity, const QString &message) const
    {
        WorkloadChange c;
        c.kind = kind;
        c.severity = severity;
        c.workload = after.displayName();
        c.message = message;
        c.oldLocation = before.location;
        c.newLocation = after.location;
        return c;
    }

    void compareRoot()
    {
        const Root from = rootOf(before);
        const Root to = rootOf(after);
        if (from == to)
            return;
        const QString how =
            QStringLiteral(" (%1: %2 -> %3)").arg(rootKey(kubernetes), rootValue(before), rootValue(after));
        WorkloadChange c;
        if (to == Root::Writable) {
            c = make(ChangeKind::BecameMutable, ChangeSeverity::Regression,
                     (from == Root::ReadOnly
                          ? QStringLiteral("root filesystem is now writable, was read-only")
                          : QStringLiteral("root filesystem is now writable, was undetermined")) +
                         how);
        } else if (to == Root::ReadOnly) {
            c = make(ChangeKind::BecameImmutable, ChangeSeverity::Improvement,
                     QStringLiteral("root filesystem is now read-only") + how);
        } else {
            // Losing a read-only root that could be proven is a regression: whoever deploys
            // decides the value now. From writable it is no worse than before.
            c = make(ChangeKind::BecameUndetermined,
                     from == Root::ReadOnly ? ChangeSeverity::Regression : ChangeSeverity::Info,
                     QStringLiteral("root filesystem can no longer be shown read-only") + how);
        }
        c.before = statusName(before.status());
        c.after = statusName(after.status());
        c.oldLocation = rootLocation(before);
        c.newLocation = rootLocation(after);
        out.append(c);
    }

    void compareExemption()
    {
        const Exemption &a = before.exemption;
        const Exemption &b = after.exemption;
        if (a.exempt == b.exempt && a.tool == b.tool)
            return;
        if (a.exempt) {
            WorkloadChange c =
                make(ChangeKind::ExemptionRemoved, ChangeSeverity::Info,
                     QStringLiteral("exemption from the read-only check removed (%1)").arg(a.tool));
            c.before = a.tool;
            out.append(c);
        }
        if (b.exempt) {
            QString message =
                QStringLiteral("exempted from the read-only check by a %1 annotation").arg(b.tool);
            if (!b.reason.isEmpty())
                message += QStringLiteral(" (\"%1\")").arg(b.reason);
            WorkloadChange c = make(ChangeKind::ExemptionAdded, ChangeSeverity::Info, message);
            c.after = b.tool;
            out.append(c);
        }
    }

    // Writable paths are matched by mount target across both media, so /tmp moving from a
    // bind mount to a tmpfs is one change (its medium), not a removal plus an addition.
    // A change is a regression or an improvement only while the old root filesystem was
    // read-only: while it was writable the whole container could change, so a path added in
    // the same change that makes it read-only is part of the improvement, not a new hole.
    void comparePaths()
    {
        QVector<WritablePath> olds = before.inMemory + before.persistent;
        const QVector<WritablePath> news = after.inMemory + after.persistent;
        const bool guarded = rootOf(before) != Root::Writable;
        const bool stillGuarded = rootOf(after) != Root::Writable;
        QVector<bool> matched(olds.size(), false);
        for (const WritablePath &n : news) {
            qsizetype found = -1;
            for (qsizetype i = 0; i < olds.size(); ++i) {
                if (!matched[i] && olds[i].target == n.target) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                added(n, guarded);
                continue;
            }
            matched[found] = true;
            changed(olds[found], n, guarded, stillGuarded);
        }
        for (qsizetype i = 0; i < olds.size(); ++i)
            if (!matched[i])
                removed(olds[i], stillGuarded);
    }

    void added(const WritablePath &p, bool guarded)
    {
        const bool memory = p.inMemory();
        WorkloadChange c = make(
            memory ? ChangeKind::InMemoryPathAdded : ChangeKind::PersistentPathAdded,
            guarded ? ChangeSeverity::Regression : ChangeSeverity::Info,
            QStringLiteral("%1 writable path %2 added (%3)").arg(mediumName(p), p.target, describePath(p)));
        c.path = p.target;
        c.after = describePath(p);
        c.newLocation = p.location;
        out.append(c);
    }

    void removed(const WritablePath &p, bool stillGuarded)
    {
        const bool memory = p.inMemory();
        WorkloadChange c = make(
            memory ? ChangeKind::InMemoryPathRemoved : ChangeKind::PersistentPathRemoved,
            stillGuarded ? ChangeSeverity::Improvement : ChangeSeverity::Info,
            QStringLiteral("%1 writable path %2 removed (%3)").arg(mediumName(p), p.target, describePath(p)));
        c.path = p.target;
        c.before = describePath(p);
        c.oldLocation = p.location;
        out.append(c);
    }

    void changed(const WritablePath &a, const WritablePath &b, bool guarded, bool stillGuarded)
    {
        QStringList fields;
        QStringList details;
        auto field = [&](const char *name, const QString &from, const QString &to) {
            if (from == to)
                return;
            fields << QLatin1String(name);
            details << QStringLiteral("%1 %2 -> %3").arg(QLatin1String(name), from, to);
        };
        field("medium", mediumName(a), mediumName(b));
        if (a.inMemory() == b.inMemory())
            field("type", pathKindName(a.kind), pathKindName(b.kind));
        field("source", orUnset(a.source), orUnset(b.source));
        field("size", orUnset(a.size), orUnset(b.size));
        field("uid", idText(a.uid), idText(b.uid));
        field("gid", idText(a.gid), idText(b.gid));
        field("mode", orUnset(a.mode), orUnset(b.mode));
        if (fields.isEmpty())
            return;
        ChangeSeverity severity = ChangeSeverity::Info;
        if (a.inMemory() && !b.inMemory() && guarded)
            severity = ChangeSeverity::Regression; // writes now survive a restart
        else if (!a.inMemory() && b.inMemory() && stillGuarded)
            severity = ChangeSeverity::Improvement;
        WorkloadChange c = make(
            b.inMemory() ? ChangeKind::InMemoryPathChanged : ChangeKind::PersistentPathChanged, severity,
            QStringLiteral("writable path %1 changed: %2").arg(b.target, details.join(QStringLiteral(", "))));
        c.path = b.target;
        c.fields = fields;
        c.before = describePath(a);
        c.after = describePath(b);
        c.oldLocation = a.location;
        c.newLocation = b.location;
        out.append(c);
    }
};

QString statusPhrase(const Workload &w)
{
    QString text = statusName(w.status());
    const int paths = int(w.inMemory.size() + w.persistent.size());
    if (paths > 0)
        text += paths == 1 ? QStringLiteral(", 1 writable path")
                           : QStringLiteral(", %1 writable paths").arg(paths);
    if (w.exemption.exempt)
        text += QStringLiteral(", exempt (%1)").arg(w.exemption.tool);
    return text;
}

// Keys made unique in order of appearance: a duplicated service or container matches its
// counterpart by position among the duplicates.
QVector<QString> uniqueKeys(const QVector<Workload> &workloads)
{
    QHash<QString, int> seen;
    QVector<QString> keys;
    keys.reserve(workloads.size());
    for (const Workload &w : workloads) {
        const QString key = workloadKey(w);
        const int n = seen[key]++;
        keys.append(n == 0 ? key : key + QStringLiteral("#%1").arg(n));
    }
    return keys;
}

} // namespace

QString workloadKey(const Workload &w)
{
    if (w.object.isEmpty() && w.containerList.isEmpty())
        return QStringLiteral("compose\x1f") + w.name;
    return QStringList{QStringLiteral("k8s"), w.kind, w.namespaceName, w.objectName, w.containerList, w.name}
        .join(QChar(0x1f));
}

WorkloadChanges compareWorkloads(const Workload &before, const Workload &after, bool kubernetes)
{
    Compared c{before, after, kubernetes, {}};
    c.compareRoot();
    c.compareExemption();
    c.comparePaths();
    return c.out;
}

WorkloadChanges compareAnalyses(const Analysis &before, const Analysis &after)
{
    WorkloadChanges out;
    const QVector<QString> oldKeys = uniqueKeys(before.workloads);
    const QVector<QString> newKeys = uniqueKeys(after.workloads);
    QHash<QString, qsizetype> oldIndex;
    for (qsizetype i = 0; i < oldKeys.size(); ++i)
        oldIndex.insert(oldKeys[i], i);
    QSet<qsizetype> matched;
    for (qsizetype i = 0; i < newKeys.size(); ++i) {
        const Workload &w = after.workloads[i];
        const auto it = oldIndex.constFind(newKeys[i]);
        if (it != oldIndex.cend()) {
            matched.insert(*it);
            out += compareWorkloads(before.workloads[*it], w, !w.object.isEmpty());
            continue;
        }
        // A new workload that can change is a new hole, unless another tool's exemption
        // says so on purpose (then check passes it too).
        const bool hole = w.status() == Status::Mutable && !w.exemption.exempt;
        WorkloadChange c;
        c.kind = ChangeKind::WorkloadAdded;
        c.severity = hole ? ChangeSeverity::Regression : ChangeSeverity::Info;
        c.workload = w.displayName();
        c.message = QStringLiteral("workload added: ") + statusPhrase(w);
        c.after = statusName(w.status());
        c.newLocation = w.location;
        out.append(c);
    }
    for (qsizetype i = 0; i < oldKeys.size(); ++i) {
        if (matched.contains(i))
            continue;
        const Workload &w = before.workloads[i];
        WorkloadChange c;
        c.kind = ChangeKind::WorkloadRemoved;
        c.severity = ChangeSeverity::Info;
        c.workload = w.displayName();
        c.message = QStringLiteral("workload removed, was ") + statusPhrase(w);
        c.before = statusName(w.status());
        c.oldLocation = w.location;
        out.append(c);
    }
    return out;
}

} // namespace deadbolt

#include "edit/effect.h"

#include "model/scalars.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace deadbolt::edit {

namespace {

// One writable path as the deployment sees it; locations do not count.
struct Path
{
    QString target;
    std::optional<PathKind> kind; // unset: any in-memory kind (a path the edit adds)
    QString source;
    QString size;
    QString mode;
    std::optional<qint64> uid;
    std::optional<qint64> gid;
    QStringList extra; // options the spec has no field for: kept by every edit
};

enum class Root { Writable, ReadOnly, Undetermined };

struct Settings
{
    Root root = Root::Writable;
    QVector<Path> inMemory;
    QVector<Path> persistent;
};

QStringList extraOptions(const QString &options)
{
    QStringList extra = scalars::otherMountOptions(options);
    extra.sort();
    return extra;
}

Path pathOf(const WritablePath &p)
{
    return {p.target, p.kind, p.source, p.size, p.mode, p.uid, p.gid, extraOptions(p.options)};
}

Root rootOf(RootFs r)
{
    switch (r) {
    case RootFs::ReadOnly:
        return Root::ReadOnly;
    case RootFs::Undetermined:
        return Root::Undetermined;
    default:
        return Root::Writable;
    }
}

Settings settingsOf(const Workload &w)
{
    Settings s;
    s.root = rootOf(w.rootFs);
    for (const WritablePath &p : w.inMemory)
        s.inMemory.append(pathOf(p));
    for (const WritablePath &p : w.persistent)
        s.persistent.append(pathOf(p));
    return s;
}

Path fromSpec(const InMemoryPathSpec &spec, std::optional<PathKind> kind)
{
    return {spec.target, kind, {}, spec.size, spec.mode, spec.uid, spec.gid, {}};
}

// Applies the declared effect; false with *problem when it does not fit the workload.
bool apply(Settings &s, const WorkloadEffect &e, const QString &name, QString *problem)
{
    if (e.readOnly)
        s.root = *e.readOnly ? Root::ReadOnly : Root::Writable;
    for (const PathChange &c : e.paths) {
        auto it = std::find_if(s.inMemory.begin(), s.inMemory.end(),
                               [&](const Path &p) { return p.target == c.target; });
        if (c.kind == PathChange::Kind::Add) {
            if (it != s.inMemory.end()) {
                *problem = QStringLiteral("%1 already has %2").arg(name, c.target);
                return false;
            }
            s.inMemory.append(fromSpec(c.spec, std::nullopt));
            continue;
        }
        if (it == s.inMemory.end()) {
            *problem = QStringLiteral("%1 has no in-memory path %2").arg(name, c.target);
            return false;
        }
        if (c.kind == PathChange::Kind::Remove)
            s.inMemory.erase(it);
        else {
            const QString source = it->source;
            const QStringList extra = it->extra;
            *it = fromSpec(c.spec, it->kind);
            it->source = source;
            it->extra = extra;
        }
    }
    return true;
}

QString rootWord(Root r)
{
    switch (r) {
    case Root::ReadOnly:
        return QStringLiteral("read-only");
    case Root::Undetermined:
        return QStringLiteral("undetermined");
    default:
        return QStringLiteral("writable");
    }
}

QString number(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("unset");
}

// What differs between the path wanted and the path found, "" when nothing does.
QString pathDifference(const Path &want, const Path &got)
{
    QStringList d;
    if (want.kind && got.kind && *want.kind != *got.kind)
        d << QStringLiteral("kind %1 -> %2").arg(pathKindName(*want.kind), pathKindName(*got.kind));
    if (want.kind && want.source != got.source)
        d << QStringLiteral("source '%1' -> '%2'").arg(want.source, got.source);
    if (!sameSize(want.size, got.size))
        d << QStringLiteral("size '%1' -> '%2'").arg(want.size, got.size);
    if (!sameMode(want.mode, got.mode))
        d << QStringLiteral("mode '%1' -> '%2'").arg(want.mode, got.mode);
    if (want.uid != got.uid)
        d << QStringLiteral("uid %1 -> %2").arg(number(want.uid), number(got.uid));
    if (want.gid != got.gid)
        d << QStringLiteral("gid %1 -> %2").arg(number(want.gid), number(got.gid));
    if (want.extra != got.extra)
        d << QStringLiteral("options '%1' -> '%2'")
                 .arg(want.extra.join(QLatin1Char(',')), got.extra.join(QLatin1Char(',')));
    return d.join(QStringLiteral(", "));
}

// Compares two lists of paths by target; each difference becomes one message.
void comparePaths(const QVector<Path> &want, const QVector<Path> &got, const QString &what,
                  const QString &name, QStringList *out)
{
    QStringList targets;
    for (const Path &p : want + got)
        if (!targets.contains(p.target))
            targets.append(p.target);
    for (const QString &t : std::as_const(targets)) {
        QVector<Path> w, g;
        std::copy_if(want.begin(), want.end(), std::back_inserter(w),
                     [&](const Path &p) { return p.target == t; });
        std::copy_if(got.begin(), got.end(), std::back_inserter(g),
                     [&](const Path &p) { return p.target == t; });
        if (g.size() < w.size())
            out->append(QStringLiteral("would also remove %1 %2 from %3").arg(what, t, name));
        else if (g.size() > w.size())
            out->append(QStringLiteral("would also add %1 %2 to %3").arg(what, t, name));
        else
            for (qsizetype i = 0; i < w.size(); ++i)
                if (const QString d = pathDifference(w[i], g[i]); !d.isEmpty())
                    out->append(QStringLiteral("would change %1 %2 of %3 (%4)").arg(what, t, name, d));
    }
}

QStringList differences(const Settings &want, const Settings &got, const QString &name)
{
    QStringList out;
    if (want.root != got.root)
        out << QStringLiteral("would make %1 %2 instead of %3")
                   .arg(name, rootWord(got.root), rootWord(want.root));
    comparePaths(want.inMemory, got.inMemory, QStringLiteral("in-memory path"), name, &out);
    comparePaths(want.persistent, got.persistent, QStringLiteral("persistent path"), name, &out);
    return out;
}

} // namespace

bool sameSize(const QString &a, const QString &b)
{
    auto norm = [](QString s) {
        s = s.trimmed().toLower();
        if (s.endsWith(QLatin1Char('i')))
            s.chop(1); // Kubernetes' 16Mi is Docker's 16m
        if (s.endsWith(QLatin1Char('b')) && s.size() > 1 && !s.at(s.size() - 2).isDigit())
            s.chop(1); // 16mb
        return s;
    };
    return norm(a) == norm(b);
}

bool sameMode(const QString &a, const QString &b)
{
    bool okA = false, okB = false;
    const int x = a.trimmed().toInt(&okA, 8), y = b.trimmed().toInt(&okB, 8);
    return okA && okB ? x == y : a.trimmed() == b.trimmed();
}

MeaningCheck checkMeaning(const QVector<const Workload *> &before, const QVector<Workload> &after,
                          const Effect &effect)
{
    MeaningCheck result;
    QHash<QString, const Workload *> afterByName;
    for (const Workload &w : after)
        afterByName.insert(w.displayName(), &w);
    QSet<QString> seen;
    for (const Workload *w : before) {
        const QString name = w->displayName();
        seen.insert(name);
        const Workload *now = afterByName.value(name);
        if (!now) {
            result.problems << QStringLiteral("would remove the workload %1").arg(name);
            result.unexpected << name;
            continue;
        }
        const Settings was = settingsOf(*w);
        const Settings got = settingsOf(*now);
        if (!differences(was, got, name).isEmpty())
            result.changed << name;
        Settings want = was;
        QString problem;
        const auto declared = effect.workloads.constFind(name);
        if (declared != effect.workloads.constEnd() && !apply(want, *declared, name, &problem)) {
            result.problems << problem;
            continue;
        }
        QStringList diff = differences(want, got, name);
        if (!diff.isEmpty() && declared == effect.workloads.constEnd() && effect.sharers.contains(name)) {
            // A workload sharing the edited block takes the same change, or none.
            Settings shared = was;
            if (apply(shared, effect.sharedEffect, name, &problem))
                diff = differences(shared, got, name);
        }
        if (!diff.isEmpty()) {
            result.problems += diff;
            if (declared == effect.workloads.constEnd())
                result.unexpected << name;
        }
    }
    for (const Workload &w : after)
        if (!seen.contains(w.displayName())) {
            result.problems << QStringLiteral("would add a workload %1").arg(w.displayName());
            result.unexpected << w.displayName();
        }
    for (auto it = effect.workloads.constBegin(); it != effect.workloads.constEnd(); ++it)
        if (!seen.contains(it.key()))
            result.problems
                << QStringLiteral("the edit names %1, which the file does not have").arg(it.key());
    return result;
}

} // namespace deadbolt::edit

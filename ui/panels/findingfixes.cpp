#include "panels/findingfixes.h"

#include "policy/ruleids.h"

#include <QObject>

namespace deadbolt {

namespace {

// The in-memory path a finding is about: the one whose entry or definition it points at.
const WritablePath *pathOf(const Workload &w, const Diagnostic &d)
{
    for (const WritablePath &p : w.inMemory)
        if ((p.location.line == d.line && p.location.column == d.column) ||
            (p.definition.line == d.line && p.definition.column == d.column))
            return &p;
    return nullptr;
}

InMemoryPathSpec specOf(const WritablePath &p)
{
    return {p.target, p.size, p.mode, p.uid, p.gid};
}

} // namespace

std::optional<FindingFix> findingFix(const Workload &w, const Diagnostic &d)
{
    if (d.rule == QLatin1String(rules::RootFsWritable)) {
        if (w.windows || w.exemption.exempt)
            return std::nullopt;
        return FindingFix{FindingFix::MakeReadOnly,
                          QObject::tr("Make read-only"),
                          QObject::tr("Set the root filesystem read-only for this workload"),
                          {},
                          {}};
    }
    const WritablePath *path = pathOf(w, d);
    if (!path)
        return std::nullopt;
    if (d.rule == QLatin1String(rules::TmpfsRootOwned) && path->kind != PathKind::TmpfsLong) {
        // "1000" or "1000:1000"; a user named in the image ("www-data") has no uid here.
        const QStringList parts = w.user.split(QLatin1Char(':'));
        bool uidOk = false, gidOk = false;
        const qint64 uid = parts.value(0).toLongLong(&uidOk);
        const qint64 gid = parts.value(1).toLongLong(&gidOk);
        if (!uidOk || parts.size() > 2 || (parts.size() == 2 && !gidOk))
            return std::nullopt;
        FindingFix fix{
            FindingFix::ChangePath, QObject::tr("Owned by %1").arg(w.user), {}, path->target, specOf(*path)};
        fix.spec.uid = uid;
        if (gidOk)
            fix.spec.gid = gid;
        fix.toolTip = QObject::tr("Give %1 the owner %2, the user the service runs as, so it can write there")
                          .arg(path->target, w.user);
        return fix;
    }
    if (d.rule == QLatin1String(rules::EmptyDirNoSizeLimit)) {
        FindingFix fix{FindingFix::ChangePath, QObject::tr("Limit to 64Mi"),
                       QObject::tr("Set sizeLimit: 64Mi on %1 (change it in the table above if the path "
                                   "needs more)")
                           .arg(path->target),
                       path->target, specOf(*path)};
        fix.spec.size = QStringLiteral("64Mi");
        return fix;
    }
    return std::nullopt;
}

} // namespace deadbolt

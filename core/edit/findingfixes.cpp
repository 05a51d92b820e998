#include "edit/findingfixes.h"

#include "edit/suggested.h"
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

} // namespace

std::optional<FindingFix> findingFix(const Workload &w, const Diagnostic &d)
{
    if (d.rule == QLatin1String(rules::RootFsWritable)) {
        if (w.windows || w.exemption.exempt)
            return std::nullopt;
        FindingFix fix;
        const QVector<EditOp> suggested = suggestedOps(w);
        if (suggested.size() > 1) {
            QStringList paths;
            for (const EditOp &op : suggested)
                if (op.kind == EditOp::Kind::AddPath)
                    paths << op.spec.target;
            fix.kind = FindingFix::WithImagePaths;
            fix.label = QObject::tr("Make read-only with the paths it needs");
            fix.toolTip = QObject::tr("Set the root filesystem read-only and mount %1 in memory, as %2 needs")
                              .arg(paths.join(QStringLiteral(", ")), w.image);
            return fix;
        }
        fix.label = QObject::tr("Make read-only");
        fix.toolTip = QObject::tr("Set the root filesystem read-only for this workload");
        return fix;
    }
    if (d.rule == QLatin1String(rules::ImagePathNotWritable)) {
        for (const EditOp &op : suggestedOps(w)) {
            if (op.kind != EditOp::Kind::AddPath ||
                !d.message.contains(QLatin1Char(' ') + op.spec.target + QLatin1Char(';')))
                continue;
            FindingFix fix;
            fix.kind = FindingFix::AddImagePath;
            fix.target = op.spec.target;
            fix.label = QObject::tr("Add %1 in memory").arg(op.spec.target);
            fix.toolTip = d.hint;
            return fix;
        }
        return std::nullopt;
    }
    const WritablePath *path = pathOf(w, d);
    if (!path)
        return std::nullopt;
    FindingFix fix;
    fix.kind = FindingFix::ChangePath;
    fix.target = path->target;
    if (d.rule == QLatin1String(rules::TmpfsRootOwned) && path->kind != PathKind::TmpfsLong) {
        // "1000" or "1000:1000"; a user named in the image ("www-data") has no uid here.
        const QStringList parts = w.user.split(QLatin1Char(':'));
        bool uidOk = false, gidOk = false;
        const qint64 uid = parts.value(0).toLongLong(&uidOk);
        const qint64 gid = parts.value(1).toLongLong(&gidOk);
        if (!uidOk || parts.size() > 2 || (parts.size() == 2 && !gidOk))
            return std::nullopt;
        fix.uid = uid;
        if (gidOk)
            fix.gid = gid;
        fix.label = QObject::tr("Owned by %1").arg(w.user);
        fix.toolTip = QObject::tr("Give %1 the owner %2, the user the service runs as, so it can write there")
                          .arg(path->target, w.user);
        return fix;
    }
    if (d.rule == QLatin1String(rules::EmptyDirNoSizeLimit)) {
        fix.size = QStringLiteral("64Mi");
        fix.label = QObject::tr("Limit to 64Mi");
        fix.toolTip =
            QObject::tr("Set sizeLimit: 64Mi on %1 (change it in the table above if the path needs more)")
                .arg(path->target);
        return fix;
    }
    return std::nullopt;
}

InMemoryPathSpec fixedSpec(const FindingFix &fix, const WritablePath &current)
{
    InMemoryPathSpec spec{current.target, current.size, current.mode, current.uid, current.gid};
    if (fix.uid)
        spec.uid = fix.uid;
    if (fix.gid)
        spec.gid = fix.gid;
    if (!fix.size.isEmpty())
        spec.size = fix.size;
    return spec;
}

} // namespace deadbolt

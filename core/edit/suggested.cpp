#include "edit/suggested.h"

#include "images/imageknowledge.h"

namespace deadbolt {

QVector<EditOp> suggestedOps(const Workload &w)
{
    QVector<EditOp> ops;
    const ImageInfo *info = ImageKnowledge::builtIn().find(w.image);
    if (!info)
        return ops;
    if (w.rootFs != RootFs::ReadOnly)
        ops.append(EditOp(EditOp::Kind::SetReadOnly, w.displayName()));
    for (const ImagePath &p : info->writable) {
        if (p.lowConfidence || isWritableIn(w, p.path))
            continue;
        EditOp op(EditOp::Kind::AddPath, w.displayName());
        op.spec.target = p.path;
        op.spec.size = p.size;
        op.spec.mode = p.mode;
        const QStringList owner = (p.owner.isEmpty() ? info->user : p.owner).split(QLatin1Char(':'));
        const bool kubernetes = !w.containerList.isEmpty();
        if (!kubernetes && owner.size() == 2 &&
            owner != QStringList{QStringLiteral("0"), QStringLiteral("0")}) {
            op.spec.uid = owner[0].toLongLong();
            op.spec.gid = owner[1].toLongLong();
        }
        ops.append(op);
    }
    return ops;
}

QVector<EditOp> proposalOps(const Workload &w, const QStringList &directories,
                            const QMap<QString, QString> &owners)
{
    QVector<EditOp> ops;
    if (w.rootFs != RootFs::ReadOnly)
        ops.append(EditOp(EditOp::Kind::SetReadOnly, w.displayName()));
    for (const QString &dir : directories) {
        EditOp op(EditOp::Kind::AddPath, w.displayName());
        op.spec.target = dir;
        op.spec.size = QStringLiteral("64Mi");
        const QStringList owner = owners.value(dir).split(QLatin1Char(':'));
        if (w.containerList.isEmpty() && owner.size() == 2 &&
            owner != QStringList{QStringLiteral("0"), QStringLiteral("0")}) {
            op.spec.uid = owner[0].toLongLong();
            op.spec.gid = owner[1].toLongLong();
        }
        ops.append(op);
    }
    return ops;
}

} // namespace deadbolt

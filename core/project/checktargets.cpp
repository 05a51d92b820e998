#include "project/composeproject.h"

#include <QDir>
#include <QFileInfo>

namespace deadbolt {

static void collect(const QString &dir, QVector<CheckTarget> *out)
{
    const QDir d(dir);
    const QStringList project = defaultProjectFiles(dir);
    if (!project.isEmpty())
        out->append({project, true});
    const QFileInfoList files =
        d.entryInfoList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QFileInfo &f : files) {
        const QString path = d.filePath(f.fileName());
        if (!project.contains(path))
            out->append({{path}, false});
    }
    for (const QFileInfo &sub : d.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (sub.isSymLink()) // a link loop would never end
            continue;
        collect(d.filePath(sub.fileName()), out);
    }
}

QVector<CheckTarget> findCheckTargets(const QStringList &arguments)
{
    QVector<CheckTarget> out;
    for (const QString &arg : arguments) {
        if (QFileInfo(arg).isDir())
            collect(arg, &out);
        else
            out.append({{arg}, false});
    }
    return out;
}

} // namespace deadbolt

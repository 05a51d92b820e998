#include "project/checktargets.h"
#include "project/composeproject.h"

#include "io/fileloader.h"

#include <QFileInfo>

namespace deadbolt {

QVector<CheckTarget> findCheckTargets(const QStringList &arguments)
{
    QVector<CheckTarget> out;
    for (const QString &arg : arguments) {
        if (!QFileInfo(arg).isDir()) {
            out.append({{arg}, false});
            continue;
        }
        // findYamlFiles lists a folder's files together: the folder's project comes first.
        QString folder;
        QStringList project;
        for (const QString &f : findYamlFiles(arg)) {
            if (const QString dir = QFileInfo(f).path(); dir != folder) {
                folder = dir;
                project = defaultProjectFiles(dir);
                if (!project.isEmpty())
                    out.append({project, true});
            }
            if (!project.contains(f))
                out.append({{f}, false});
        }
    }
    return out;
}

} // namespace deadbolt

#pragma once

#include <QStringList>
#include <QVector>

namespace deadbolt {

// What `check` reads: a Compose project (its files merged) or one file alone.
struct CheckTarget
{
    QStringList files;
    bool project = false;
};

// Files stay files; a directory is searched as docker compose would be run in each of its
// folders: the default project files there (compose.yaml and its override...) make one
// project, and the other *.yml / *.yaml files are read alone.
QVector<CheckTarget> findCheckTargets(const QStringList &arguments);

} // namespace deadbolt

#pragma once

#include "edit/editop.h"
#include "model/workload.h"

#include <QMap>

namespace deadbolt {

// fix --suggested: what the image knowledge (resources/images.yaml) says a workload needs to
// run read-only: read-only on, and each path its image writes that is not writable yet in
// memory, with the size hint and owned by who writes it (a Kubernetes emptyDir takes no
// owner: the pod's fsGroup gives it). Empty when the image is unknown.
QVector<EditOp> suggestedOps(const Workload &w);

// What a probe proposes (probe/probe.h) as edits: read-only, and each directory in memory,
// 64 MiB, owned by who wrote there (owners: directory -> "uid:gid"; root and emptyDirs get
// none).
QVector<EditOp> proposalOps(const Workload &w, const QStringList &directories,
                            const QMap<QString, QString> &owners);

} // namespace deadbolt

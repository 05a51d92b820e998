#pragma once

#include "edit/editop.h"
#include "model/workload.h"

namespace deadbolt {

// fix --suggested: what the image knowledge (resources/images.yaml) says a workload needs to
// run read-only: read-only on, and each path its image writes that is not writable yet in
// memory, with the size hint and owned by who writes it (a Kubernetes emptyDir takes no
// owner: the pod's fsGroup gives it). Empty when the image is unknown.
QVector<EditOp> suggestedOps(const Workload &w);

} // namespace deadbolt

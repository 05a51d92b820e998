#pragma once

#include "review/workloadchange.h"

namespace deadbolt {

// The key that matches a workload across two versions of a file. Compose: the service name;
// Kubernetes: kind, namespace, object name, container list and container name. A container
// moved between lists (containers -> initContainers) is a different workload.
QString workloadKey(const Workload &workload);

// Compares two analyses of the same file (either may be empty: a file added or removed).
// Changes come in the order of the new file's workloads, then the removed ones; within a
// workload: root filesystem, exemption, writable paths.
WorkloadChanges compareAnalyses(const Analysis &before, const Analysis &after);

// The changes to one matched workload.
WorkloadChanges compareWorkloads(const Workload &before, const Workload &after, bool kubernetes);

} // namespace deadbolt

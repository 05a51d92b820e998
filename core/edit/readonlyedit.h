#pragma once

#include "edit/editresult.h"
#include "model/workload.h"

namespace deadbolt {

struct ParsedFile;

// Read-only root filesystem on or off for one workload.
//
// Compose: `read_only: true` in the service. A new key goes right after the service's
// `image:` entry when it has one, else after its last entry (one rule for every new key
// the edits add, so users find them in the same place). Kubernetes:
// `securityContext.readOnlyRootFilesystem: true` in the container; securityContext is
// created where missing, in the container's own style (block lines or `{...}`); a new
// readOnlyRootFilesystem goes last in an existing securityContext.
//
// Turning it off writes `false` where the value is written and adds nothing where it is
// absent. It never removes the key: removing it could let a value merged from a shared
// block show through (and turn the workload read-only again), and writing `false` keeps
// the decision visible in the file and the edit a one-word change.
//
// When the effective value comes from a shared block, `target` decides where it changes;
// affectedWorkloads names the workloads that change (more than one for SharedBlock).
// Workloads on Windows nodes (spec.os.name windows) are refused: Kubernetes rejects
// readOnlyRootFilesystem there.
EditResult setReadOnly(const ParsedFile &file, const Analysis &analysis, const Workload &workload, bool on,
                       Target target = Target::ThisWorkload);

// Every workload of the file read-only in one edit, existing writable paths kept and
// none added. Skips workloads that are exempt (by another tool's annotation) or whose
// value is interpolated (`${RO}`: the user decides that one). Values from shared blocks
// are overridden in each workload. Planned for all documents, applied once, verified per
// document.
EditResult makeFileImmutable(const ParsedFile &file, const Analysis &analysis);

} // namespace deadbolt

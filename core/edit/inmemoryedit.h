#pragma once

#include "edit/editresult.h"
#include "model/workload.h"

namespace deadbolt {

struct ParsedFile;

// In-memory writable paths, per format (DESIGN.md, "The domain in one page"):
// - Compose 2.x and the Compose Specification: an entry of the service's `tmpfs:` list,
//   options after the first colon (`/var/run:uid=33,gid=33,mode=1777,size=16m`); a string
//   `tmpfs:` becomes a list when a second path comes.
// - Compose 3.x: a top-level tmpfs volume (`driver: local`, `driver_opts: {type: tmpfs,
//   device: tmpfs, o: "uid=33,size=16m"}`) mounted by name (`- web-run:/var/run`), because
//   `docker stack deploy` drops the service `tmpfs:` key. When the file already defines a
//   tmpfs volume, the new one copies its form (which keys it writes, how `o` is quoted).
// - Kubernetes: an `emptyDir: {medium: Memory, sizeLimit: 16Mi}` pod volume with a unique
//   name, and a `volumeMounts` entry in the container. An in-memory emptyDir that another
//   container of the pod already mounts at that path is reused. uid, gid and mode have no
//   place there (ownership comes from the pod's fsGroup) and are refused.
// Sizes are converted between Docker's `16m` and Kubernetes' `16Mi` as the format needs.
// New keys (`tmpfs:`, `volumes:`, `volumeMounts:`) go after `read_only`/`image` when the
// mapping has one, else last; a new top-level `volumes:` goes last in the file.
//
// Where the workload's list comes from a shared block (`<<: *defaults`), or the workload is
// itself merged by others (an anchored service), `target` decides: ThisWorkload writes an
// own list that keeps every inherited item, and gives the workloads that merge this one an
// own copy of what they have, so that none of them changes; SharedBlock edits the list
// where it is written and names every workload that changes with it. Every edit is
// verified by its effect on every workload of the touched documents.
EditResult addInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                           const InMemoryPathSpec &spec, Target target = Target::ThisWorkload);

// Changes the path mounted at oldTarget to spec (target and options). Refused when the
// workload has no in-memory path there.
EditResult changeInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                              const QString &oldTarget, const InMemoryPathSpec &spec,
                              Target target = Target::ThisWorkload);

// Removes the in-memory path mounted at target. The last use of a Compose tmpfs volume
// takes its top-level definition with it; the last mount of an emptyDir takes the pod
// volume; an emptied `tmpfs:`, `volumes:` or `volumeMounts:` key goes too.
EditResult removeInMemoryPath(const ParsedFile &file, const Analysis &analysis, const Workload &workload,
                              const QString &target, Target where = Target::ThisWorkload);

// "uid=33,gid=33,mode=1777,size=16m" (the Compose short-syntax form) -> spec; false with
// *error on an unknown or malformed option.
bool parseTmpfsOptions(const QString &options, InMemoryPathSpec *spec, QString *error);

} // namespace deadbolt

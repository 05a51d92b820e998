#pragma once

#include "model/analyzer.h"

namespace deadbolt {

// What undoes a read-only root from inside, as the file says it (the policy judges it): a
// privileged container or CAP_SYS_ADMIN (`mount -o remount,rw /` succeeds), the Docker socket
// (it controls the host's Docker, even mounted :ro), a writable mount of the host's / or of
// its system folders.
void readComposeDefeats(const ParsedFile &file, int document, yaml::NodeId service, Workload &w);
void readKubernetesDefeats(const ParsedFile &file, int document, yaml::NodeId container, yaml::NodeId podSpec,
                           Workload &w);

// The host folders a writable mount of which writes the host itself.
bool isHostSystemFolder(const QString &hostPath);

} // namespace deadbolt

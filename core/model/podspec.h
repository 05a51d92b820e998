#pragma once

#include <array>
#include <string_view>

namespace deadbolt {

// The kinds that hold pods, and where each keeps its pod spec (DESIGN.md). `List` is not
// one: the Kubernetes reader reads its items one by one.
struct PodSpecPath
{
    std::string_view kind;
    std::array<std::string_view, 5> keys;
    int depth;
};
inline constexpr PodSpecPath PodSpecPaths[] = {
    {"Pod", {"spec"}, 1},
    {"Deployment", {"spec", "template", "spec"}, 3},
    {"StatefulSet", {"spec", "template", "spec"}, 3},
    {"DaemonSet", {"spec", "template", "spec"}, 3},
    {"ReplicaSet", {"spec", "template", "spec"}, 3},
    {"ReplicationController", {"spec", "template", "spec"}, 3},
    {"Job", {"spec", "template", "spec"}, 3},
    {"CronJob", {"spec", "jobTemplate", "spec", "template", "spec"}, 5},
    {"PodTemplate", {"template", "spec"}, 2},
};

// The entry of PodSpecPaths for kind, or null when it holds no pods.
const PodSpecPath *podSpecPath(std::string_view kind);

} // namespace deadbolt

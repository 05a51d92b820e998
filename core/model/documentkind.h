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

// Decides from the text alone, without parsing, that one document of a Kubernetes manifest
// (a Service, a ConfigMap, a 400 KB CustomResourceDefinition...) holds no workload, so the
// check need not parse it. Says yes only for a block mapping whose every line in column 0
// is a plain `key:` or a `- ` entry of a key's value (no quoted, complex or `<<` keys, no
// tabs, no flow or tagged top level), with `apiVersion:` and exactly one `kind:` among them,
// whose plain value is neither a workload kind nor `List`, no `services:` key, and no quoted
// scalar or flow collection open across a line in column 0 (yaml-cpp reads those on over
// such lines, which then only look like keys). A block scalar's text is not read.
//
// The quote tracking is a careful reading, not a parser: reviews fooled it with a quote
// glued to a tag, or a `#` glued to a bracket. Skipping stays safe all the same, because
// yaml-cpp takes top-level keys only in column 0 and every column-0 line is read here: a
// document whose top level has a workload `kind` or a `services` key is always parsed.
// What a misread can change is only the format of a file, and parseText parses a file
// whole when its format would rest on skipped documents.
bool holdsNoWorkload(std::string_view document);

} // namespace deadbolt

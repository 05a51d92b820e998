#pragma once

#include "diagnostic.h"

// Every finding Deadbolt reports, in one place. The ids are a public interface (JSON, SARIF,
// CI scripts filter on them): never renumber or reuse one; add new rules at the end.
namespace deadbolt::rules {

struct RuleInfo
{
    const char *id;
    const char *name; // short kebab-case name, for SARIF's rule "name"
    Severity severity;
    const char *summary;
};

// DB001 The root filesystem is writable (`read_only` / `readOnlyRootFilesystem` absent or
// false). Error. Reported as Info "exempted by <tool>: <reason>" when an exemption annotation
// covers it, and as Info on Windows pods, where readOnlyRootFilesystem cannot be set.
inline constexpr char RootFsWritable[] = "DB001";
// DB002 The root filesystem setting is interpolated (`${RO:-true}`): unknowable from the file.
inline constexpr char RootFsUndetermined[] = "DB002";
// DB003 A tmpfs is owned by root (no uid=, mode not world-writable) while the service runs as
// another user (`user:`): the process cannot write there.
inline constexpr char TmpfsRootOwned[] = "DB003";
// DB004 A service `tmpfs:` key in a Compose 3.x file: `docker stack deploy` drops it silently.
inline constexpr char Compose3ServiceTmpfs[] = "DB004";
// DB005 A long-syntax tmpfs `mode` in a Compose 3.x file: Swarm uses only `size`.
inline constexpr char Compose3TmpfsMode[] = "DB005";
// DB006 An emptyDir with medium Memory and no sizeLimit: it may grow to the node's memory.
inline constexpr char EmptyDirNoSizeLimit[] = "DB006";
// DB007 readOnlyRootFilesystem in the pod's securityContext: Kubernetes has no such pod-level
// field, so it does nothing.
inline constexpr char PodLevelReadOnly[] = "DB007";
// DB008 A writable path mounted over a whole application or system directory: /, /usr, /bin,
// /sbin, /lib, /lib64, /etc, /app, /var/www, /opt, /srv (the directory itself; a subdirectory
// such as /var/www/html or /app/uploads is where applications keep their data).
inline constexpr char WritableAppDir[] = "DB008";
// DB009 Two mounts on one target path: Docker and Kubernetes reject it.
inline constexpr char DuplicateMountTarget[] = "DB009";
// DB010 `read_only` / `readOnlyRootFilesystem` holds something that is not a boolean.
inline constexpr char NotBoolean[] = "DB010";
// DB011 A Compose `version` that is neither 2.x nor 3.x: read as the Compose Specification.
inline constexpr char UnknownComposeVersion[] = "DB011";
// DB012 A Compose service fragment read alone (its file has no image, no build and no extends):
// it adds to a service defined elsewhere; check the project (-f base -f this) to know what runs.
inline constexpr char ServiceFragment[] = "DB012";
// DB013 A Compose project does not hold together: an `extends` or `include` of a missing file or
// service, a cycle of `extends`, an included service that a file defines again.
inline constexpr char ProjectError[] = "DB013";
// DB014 A read-only workload whose image (resources/images.yaml) must write a path that is
// not writable: it fails at start ("Read-only file system").
inline constexpr char ImagePathNotWritable[] = "DB014";
// DB015 An in-memory path over a folder the image ships files in (a web root, a config
// folder): the tmpfs hides them, they are gone when the container starts.
inline constexpr char TmpfsHidesImageFiles[] = "DB015";
// DB016 An in-memory path where the image keeps its data (a database's data folder): the
// data is lost on every restart.
inline constexpr char DataOnTmpfs[] = "DB016";
// DB017 Kubernetes readOnlyRootFilesystem holds a string ("true" quoted, `enabled`): the API
// takes only a boolean there and rejects the manifest, so it does not deploy.
inline constexpr char KubernetesNotBoolean[] = "DB017";
// DB018 A read-only workload with what undoes it from inside: privileged, CAP_SYS_ADMIN (or
// ALL), the Docker socket mounted (even :ro), a writable mount of the host's / or a system
// folder. Its status is immutable-defeated.
inline constexpr char ReadOnlyDefeated[] = "DB018";

inline constexpr RuleInfo All[] = {
    {RootFsWritable, "root-filesystem-writable", Severity::Error, "The root filesystem is writable"},
    {RootFsUndetermined, "root-filesystem-undetermined", Severity::Warning,
     "The root filesystem setting depends on the environment"},
    {TmpfsRootOwned, "tmpfs-owned-by-root", Severity::Warning,
     "A tmpfs is owned by root while the workload runs as another user"},
    {Compose3ServiceTmpfs, "compose3-service-tmpfs", Severity::Warning,
     "Service tmpfs in a Compose 3.x file is dropped by docker stack deploy"},
    {Compose3TmpfsMode, "compose3-tmpfs-mode", Severity::Warning,
     "A tmpfs mode in a Compose 3.x file is ignored by Swarm"},
    {EmptyDirNoSizeLimit, "emptydir-memory-without-size-limit", Severity::Warning,
     "A memory-backed emptyDir has no sizeLimit"},
    {PodLevelReadOnly, "pod-level-read-only-root-filesystem", Severity::Warning,
     "readOnlyRootFilesystem at pod level has no effect"},
    {WritableAppDir, "writable-application-directory", Severity::Warning,
     "A writable path covers an application directory"},
    {DuplicateMountTarget, "duplicate-mount-target", Severity::Error, "Two mounts on one target"},
    {NotBoolean, "not-a-boolean", Severity::Warning, "The read-only setting is not a boolean"},
    {UnknownComposeVersion, "unknown-compose-version", Severity::Info,
     "The Compose version is neither 2.x nor 3.x"},
    {ServiceFragment, "service-fragment", Severity::Info,
     "A service fragment that adds to a service defined elsewhere"},
    {ProjectError, "compose-project-error", Severity::Error, "The Compose project does not hold together"},
    {ImagePathNotWritable, "image-path-not-writable", Severity::Warning,
     "The image must write a path that is not writable"},
    {TmpfsHidesImageFiles, "tmpfs-hides-image-files", Severity::Warning,
     "An in-memory path hides files the image ships"},
    {DataOnTmpfs, "data-on-tmpfs", Severity::Warning, "The image's data folder is in memory"},
    {KubernetesNotBoolean, "kubernetes-read-only-not-boolean", Severity::Error,
     "readOnlyRootFilesystem is not a boolean: the Kubernetes API rejects the manifest"},
    {ReadOnlyDefeated, "read-only-root-defeated", Severity::Error,
     "A setting undoes the read-only root from inside"},
};

// The rule's entry in All; nullptr for an unknown id.
inline const RuleInfo *find(const QString &id)
{
    for (const RuleInfo &r : All)
        if (id == QLatin1String(r.id))
            return &r;
    return nullptr;
}

} // namespace deadbolt::rules

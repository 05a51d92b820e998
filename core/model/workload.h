#pragma once

#include "diagnostic.h"
#include "yaml/yamltree.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace deadbolt {

enum class FileFormat { Unknown, Compose2, Compose3, ComposeSpec, Kubernetes };
QString formatName(FileFormat format); // "compose-2", "compose-3", "compose-spec", "kubernetes", "unknown"
bool isCompose(FileFormat format);

enum class RootFs { ReadOnly, WritableExplicit, WritableDefault, Undetermined };
// Partial: a Compose service fragment read alone (no image, no build, no extends) that leaves
// read_only unset: it adds to a service defined elsewhere, whose value then decides. (One that
// sets read_only decides it: an override's value wins.)
// Defeated: read-only, but a setting undoes it from inside (privileged, CAP_SYS_ADMIN, the
// Docker socket, a writable host system folder): the read-only root is not effective. Its
// name, "immutable-defeated", keeps the "immutable" prefix that scripts (and the team's
// corpus_check) read as "read_only is set", with the word that says it does not hold.
enum class Status { Immutable, ImmutableWithExceptions, Mutable, Undetermined, Partial, Defeated };
QString statusName(Status status); // "immutable", "immutable-with-exceptions", "mutable", "undetermined",
                                   // "partial", "immutable-defeated"

// Where something is written in the text.
struct Location
{
    int file = -1;                    // in a Compose project: index into Analysis::files; else -1
    int document = -1;                // index into the stream's documents
    yaml::NodeId node = yaml::NoNode; // the value node
    std::size_t offset = 0;
    int line = 0; // 1-based
    int column = 0;
};

// Where an effective value comes from when it is not the workload's own: a shared block
// merged in with `<<`. sharedBy lists every workload that merges the same block.
struct Provenance
{
    bool shared = false;
    QString anchor;                    // the anchor's name
    yaml::NodeId block = yaml::NoNode; // the anchored mapping
    Location location;                 // of the value inside the shared block
    QStringList sharedBy;
};

// How a value of a Compose project's workload got there (docker compose's merging, not YAML's
// merge keys, which Provenance tells).
enum class Origin : std::uint8_t {
    Own,      // the service's own key, in the file that defines it first
    Override, // a later file of the project (-f, the .override file) sets it
    Extends,  // inherited through `extends:`
    Include,  // the service comes from a file pulled in by `include:`
};
QString originName(Origin origin); // "own", "override", "extends", "include"

enum class PathKind {
    TmpfsShort,     // Compose service `tmpfs:` entry
    TmpfsLong,      // Compose long-syntax volume `type: tmpfs`
    TmpfsVolume,    // Compose named volume with driver_opts.type tmpfs
    EmptyDirMemory, // Kubernetes emptyDir medium Memory
    Bind,           // Compose bind mount
    NamedVolume,    // Compose named volume (not tmpfs)
    HostPath,
    EmptyDirDisk,
    PersistentClaim,
    OtherVolume // any other writable Kubernetes volume (ephemeral, nfs, csi...)
};
QString pathKindName(PathKind kind);

struct WritablePath
{
    QString target; // mount path in the container
    PathKind kind = PathKind::TmpfsShort;
    QString source;  // volume name, host path or claim name; empty for anonymous
    QString options; // as written: "uid=33,size=16m" or driver_opts.o
    QString size;    // as written: "64m", "64Mi", "67108864"; empty if unset
    QString mode;    // "1777", "0755"
    std::optional<qint64> uid;
    std::optional<qint64> gid;
    Location location;   // the entry (tmpfs list item, volume mount item)
    Location definition; // top-level volume or pod volume, when there is one
    Origin origin = Origin::Own;
    bool inMemory() const;
};

// A setting that undoes a read-only root from inside (model/defeats.h).
struct Defeat
{
    enum class Kind { Privileged, Capability, DockerSocket, HostFolder };
    Kind kind = Kind::Privileged;
    QString what; // "privileged: true", "cap_add SYS_ADMIN", "/var/run/docker.sock", "/etc"
    Location where;
};

struct Exemption
{
    bool exempt = false;
    QString tool;   // "kube-linter", "polaris", "checkov", "kube-score", "monokle"
    QString reason; // the annotation's value, or its key
};

// Facts a reader records for the policy to judge (policy/rules.cpp), so that model/ reads
// and never judges.
struct MountFact // every mount of the workload, read-only ones included
{
    QString target;
    Location where;
    int layer = 0; // a Compose project's layer (its files and extends): duplicates count within one
};
enum class FlagWriting : std::uint8_t {
    Boolean,          // true, false, or a variable
    NotBoolean,       // a word YAML 1.1 reads as a boolean but YAML 1.2 does not ("yes", "on")
    KubernetesQuoted, // readOnlyRootFilesystem as a quoted string ("true")
    KubernetesWord,   // readOnlyRootFilesystem as a word the API server does not read as one
};
struct AnnotationFact
{
    QString key;
    QString value;
};

struct Workload
{
    QString name;   // Compose: service; Kubernetes: container name
    QString object; // Kubernetes: "Deployment/ns/name"; Compose: empty
    QString kind;   // Kubernetes kind; Compose: "service"
    QString namespaceName;
    QString objectName;
    QString containerList; // Kubernetes: "containers", "initContainers", "ephemeralContainers"
    int document = -1;
    yaml::NodeId node = yaml::NoNode;    // the service or container mapping
    yaml::NodeId podSpec = yaml::NoNode; // Kubernetes pod spec mapping
    RootFs rootFs = RootFs::WritableDefault;
    QString rootFsRaw;       // the value as written, e.g. "${RO:-true}"
    Location rootFsLocation; // of the value, when present
    Provenance rootFsProvenance;
    Origin rootFsOrigin = Origin::Own;
    bool partial = false; // a service fragment (Status::Partial)
    // Compose: where the in-memory list (`tmpfs:`, or `volumes:` in Compose 3.x) comes from
    // when a shared block gives it, and the services that merge this one (an anchored
    // service): an edit there is a shared-block edit.
    Provenance pathsProvenance;
    QStringList mergedBy;
    QVector<WritablePath> inMemory;
    QVector<WritablePath> persistent;
    QString image; // as the file says: "nginx:1.25", "${REGISTRY}/app:${TAG}"; empty when unset
    QString user;  // as the file says: "www-data", "1000:1000", "runAsUser=33"
    std::optional<qint64> runAsUser;
    std::optional<bool> runAsNonRoot;
    std::optional<qint64> fsGroup;
    Exemption exemption; // decided by the policy from the annotations below (Kubernetes)
    QVector<AnnotationFact> objectAnnotations;   // the object's metadata.annotations
    QVector<AnnotationFact> templateAnnotations; // its pod template's
    QVector<MountFact> mounts;
    FlagWriting rootFsWriting = FlagWriting::Boolean;
    QVector<Defeat> defeats; // what undoes the read-only root, if anything
    bool windows = false;    // spec.os.name windows: readOnlyRootFilesystem not allowed
    Location location;       // of the service or container
    Diagnostics findings;

    Status status() const;
    QString displayName() const; // Compose: name; Kubernetes: object + "/" + name
};

struct Analysis
{
    QString path;
    QStringList files; // a Compose project's files, in the order merged (Location::file); else empty
    FileFormat format = FileFormat::Unknown;
    QVector<Workload> workloads;
    Diagnostics errors; // load/parse errors: the file could not be read as a whole
    Diagnostics notes;  // file-level warnings and notes that are not errors: duplicate keys, an unknown
                        // Compose version
    QString skipReason; // set when the file is neither Compose nor Kubernetes
};

} // namespace deadbolt

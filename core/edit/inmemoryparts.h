#pragma once

// Internal to the in-memory path edits: one planner function per format and operation,
// and the list edit they share.
#include "edit/editresult.h"
#include "edit/planner.h"
#include "model/workload.h"

namespace deadbolt {
struct ParsedFile;
}

namespace deadbolt::edit {

struct PathEdit
{
    const ParsedFile &file;
    const Analysis &analysis;
    const Workload &workload;
    Planner &planner;
    const yaml::Document &doc;
    Target target = Target::ThisWorkload;
    QStringList affected;
    // Mappings whose lists the edit changes in place: the workloads merging them share it.
    std::vector<yaml::NodeId> writtenInto;
    // Other workloads that mount a definition (a tmpfs volume, an emptyDir) the edit
    // changes, each with the path it mounts it at: their path changes the same way.
    QVector<QPair<QString, QString>> definitionUsers;
};

// "uid=33,gid=33,mode=1777,size=16m": the Compose short-syntax and driver_opts.o form.
std::string composeOptions(const InMemoryPathSpec &spec);
// composeOptions(spec) followed by `kept` (the options the spec has no field for, which a
// change keeps: scalars::otherMountOptions).
std::string optionsWith(const InMemoryPathSpec &spec, const QStringList &kept);
// "16Mi" -> "16m" and back; other spellings are kept as they are.
std::string dockerSize(const QString &size);
std::string kubernetesSize(const QString &size);
// Where a new key of a service or container goes: after read_only, else image, else last.
yaml::NodeId placementKey(const yaml::Document &d, yaml::NodeId map);
// A value replacing or imitating `written` takes its quotes when it had some.
void keepQuotes(const yaml::Document &d, yaml::NodeId written, TreeValue *value);
// Adds value to the sequence under key in map: appended, or a new key, or filling `key:`.
bool appendUnder(PathEdit &e, yaml::NodeId map, const char *key, const TreeValue &item, yaml::NodeId after);

// An existing node written again elsewhere (an own list that keeps inherited items): the
// same value, its anchors left behind (an anchor is defined once), aliases kept.
bool copyOf(PathEdit &e, yaml::NodeId node, TreeValue *out);

// One change to the list under `key` as the workload sees it (`tmpfs`, `volumes`,
// `volumeMounts`). Where the list is the workload's own, or the edit targets the shared
// block, the list is edited where it is written. Where it comes from a shared block and
// the edit is for this workload only, the workload gets an own list, in the file's style,
// with every inherited item (and the change). `item` is the list item the reader recorded
// (Replace, Remove).
enum class ListOp { Append, Replace, Remove };
bool editList(PathEdit &e, const char *key, ListOp op, yaml::NodeId item, const TreeValue &value);

// Gives `other` its own `key` holding what it has now (a list, or `[]`), so that an edit of a
// mapping it merges leaves it as it is.
bool pinList(PathEdit &e, const Workload &other, const char *key);

// The workloads other than `except` that merge `block` (directly or through other blocks),
// or are written in it.
QStringList mergersOf(const ParsedFile &file, const Analysis &analysis, int document, yaml::NodeId block,
                      const Workload *except);

// A change to a definition (a tmpfs volume, an emptyDir) that other workloads mount too is a
// shared-block edit: refused (naming `what` and them) unless e.target is SharedBlock, else
// each of them is recorded in e.definitionUsers with the path it mounts it at.
bool shareDefinition(PathEdit &e, yaml::NodeId definition, const QString &what);
// Whether a mount other than the list item `except` still uses the definition, in any
// workload of the document, as the reader recorded them.
bool definitionStillUsed(const PathEdit &e, yaml::NodeId definition, yaml::NodeId except);

// The workload's in-memory path at target, as the reader recorded it, or null.
const WritablePath *inMemoryAt(const Workload &w, const QString &target);
// True when the workload mounts anything at target, in memory or not.
bool mountsAt(const Workload &w, const QString &target);

bool addTmpfsShort(PathEdit &e, const InMemoryPathSpec &spec);
bool changeTmpfsShort(PathEdit &e, const WritablePath &path, const InMemoryPathSpec &spec);
bool removeListed(PathEdit &e, const WritablePath &path, const char *key);

bool addTmpfsVolume(PathEdit &e, const InMemoryPathSpec &spec);
bool changeTmpfsVolume(PathEdit &e, const WritablePath &path, const InMemoryPathSpec &spec);
bool removeTmpfsVolume(PathEdit &e, const WritablePath &path);

bool addEmptyDir(PathEdit &e, const InMemoryPathSpec &spec);
bool changeEmptyDir(PathEdit &e, const WritablePath &path, const InMemoryPathSpec &spec);
bool removeEmptyDir(PathEdit &e, const WritablePath &path);

} // namespace deadbolt::edit

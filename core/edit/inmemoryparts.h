#pragma once

// Internal to the in-memory path edits: one planner function per format and operation.
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
    QStringList affected;
};

// "uid=33,gid=33,mode=1777,size=16m": the Compose short-syntax and driver_opts.o form.
std::string composeOptions(const InMemoryPathSpec &spec);
// "16Mi" -> "16m" and back; other spellings are kept as they are.
std::string dockerSize(const QString &size);
std::string kubernetesSize(const QString &size);
// Where a new key of a service or container goes: after read_only, else image, else last.
yaml::NodeId placementKey(const yaml::Document &d, yaml::NodeId map);
// The path part of a Compose short-syntax entry: "/var/run:size=1m" -> "/var/run".
std::string beforeColon(std::string_view s);
// A value replacing or imitating `written` takes its quotes when it had some.
void keepQuotes(const yaml::Document &d, yaml::NodeId written, TreeValue *value);
// Adds value to the sequence under key in map: appended, or a new key, or filling `key:`.
bool appendUnder(PathEdit &e, yaml::NodeId map, const char *key, const TreeValue &item, yaml::NodeId after);
// Removes one item of the sequence under key; the key goes too when it was the last item.
bool removeFrom(PathEdit &e, yaml::NodeId map, const char *key, int index);

bool addTmpfsShort(PathEdit &e, const InMemoryPathSpec &spec);
bool changeTmpfsShort(PathEdit &e, const QString &oldTarget, const InMemoryPathSpec &spec);
bool removeTmpfsShort(PathEdit &e, const QString &target);
bool removeTmpfsLong(PathEdit &e, const QString &target);

bool addTmpfsVolume(PathEdit &e, const InMemoryPathSpec &spec);
bool changeTmpfsVolume(PathEdit &e, const QString &oldTarget, const InMemoryPathSpec &spec);
bool removeTmpfsVolume(PathEdit &e, const QString &target);

bool addEmptyDir(PathEdit &e, const InMemoryPathSpec &spec);
bool changeEmptyDir(PathEdit &e, const QString &oldTarget, const InMemoryPathSpec &spec);
bool removeEmptyDir(PathEdit &e, const QString &target);

} // namespace deadbolt::edit

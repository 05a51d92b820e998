#pragma once

#include "yaml/yamltree.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <optional>
#include <string_view>

// Small readers for the scalar values Compose and Kubernetes files hold. They work on
// std::string_view so the readers can call them per node without allocating.
namespace deadbolt::scalars {

// A value that `read_only` / `readOnlyRootFilesystem` may hold, read the way PyYAML and the
// team's judge.py read it (YAML 1.1): true/yes/on/y in any case, quoted or not, are true; a
// non-zero plain number is true; `${VAR}` or a leading `$` is interpolated; anything else
// (false, no, null, "enabled") is false, with notBoolean set when it is not a boolean word.
enum class Truth { True, False, Interpolated };
struct BoolReading
{
    Truth truth = Truth::False;
    bool notBoolean = false; // e.g. "enabled", a list: worth a warning
};
BoolReading readBool(const yaml::Document &doc, yaml::NodeId node);

// `${VAR}`, `${VAR:-default}` or a value starting with `$`, as Compose interpolates.
bool isInterpolated(std::string_view value);

// A plain YAML null: absent node, `~`, `null`, empty.
bool isNull(const yaml::Document &doc, yaml::NodeId node);

// Decimal integer (optionally signed); nullopt for anything else.
std::optional<qint64> parseInt(std::string_view text);

std::string_view trim(std::string_view text);
bool equalsIgnoreCase(std::string_view a, std::string_view b);

// Mount options as Docker's tmpfs short syntax and a tmpfs volume's driver_opts.o write
// them: "uid=33,gid=33,mode=0755,size=64m,noexec".
struct MountOptions
{
    std::optional<qint64> uid;
    std::optional<qint64> gid;
    QString mode;          // as written
    QString size;          // as written
    bool readOnly = false; // "ro" among the options
};
MountOptions parseMountOptions(std::string_view options);
// The options MountOptions has no field for (`noexec`, `nr_inodes=4k`), as written, in order.
QStringList otherMountOptions(const QString &options);

// Whether a tmpfs mode lets every user write ("1777", "777", "0777").
bool modeWorldWritable(std::string_view mode);

// The user part of a Compose `user:` value ("1000:1000" -> 1000, "root" -> 0); nullopt for
// a name we cannot map to a uid.
std::optional<qint64> composeUid(std::string_view user);

QString toQString(std::string_view text);

} // namespace deadbolt::scalars

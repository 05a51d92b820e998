#pragma once

#include "io/filesaver.h"

// What saveFile and saveFiles share (filesaver.cpp): where a save writes, and whether the
// file there still holds what was read.
namespace deadbolt::detail {

// A symlink's final target (so the link itself survives), else the path itself.
QString resolveTarget(const QString &path);
// False, with the reason in *result, when the file at target is no longer what was read.
bool stillAsRead(const QString &path, const QString &target, const SaveOptions &options, SaveResult *result);

} // namespace deadbolt::detail

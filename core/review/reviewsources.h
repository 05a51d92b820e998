#pragma once

#include "review/review.h"

#include <QStringList>

namespace deadbolt {

// Reads one side of a file from disk: present with its bytes, absent when the file does not
// exist, an error (in `error`) when it exists but cannot be read.
ReviewSide readSideFromDisk(const QString &path, const QString &label, QString *error);

// Two files compared as one (`deadbolt-cli diff OLD NEW`): both must be readable.
Review reviewFiles(const QString &oldFile, const QString &newFile);

// Two directories: their YAML files paired by relative path; a file on one side only is
// added or removed.
// With a control, its counts follow the files and its cancel stops between two.
Review reviewDirectories(const QString &oldDir, const QString &newDir, ReviewControl *control = nullptr);

// Files or directories, as given on the command line: two files, or two directories.
// Anything else (missing, one of each) becomes a review error.
Review reviewPaths(const QString &oldPath, const QString &newPath, ReviewControl *control = nullptr);

} // namespace deadbolt

#pragma once

#include <QString>
#include <QStringList>
#include <string>

namespace deadbolt {

// The largest file the tool reads. Real manifests stay far below it (the 20,000-Deployment
// benchmark is 14 MB); the limit keeps a mistaken argument (a disk image, a log) from
// eating memory before the encoding check would reject it.
constexpr qint64 MaxFileSize = 64 * 1024 * 1024;

// Reads a whole file as bytes. On failure returns false and sets *error to a sentence that
// names the file and the reason (not found, is a directory, permission denied, too large).
bool readFileBytes(const QString &path, std::string *bytes, QString *error, qint64 limit = MaxFileSize);

// Every *.yml / *.yaml file under dir, recursively, sorted by path; hidden directories
// (.git, .github's siblings like .cache) are skipped, hidden files too.
QStringList findYamlFiles(const QString &dir);

// Expands command-line arguments: a directory becomes its YAML files, anything else is
// kept as given (so a missing file still reaches readFileBytes and gets its error).
QStringList expandPaths(const QStringList &arguments);

} // namespace deadbolt

#pragma once

#include "probe/runspec.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>
#include <atomic>
#include <functional>

namespace deadbolt {

// One line of `docker diff`: A added, C changed, D deleted.
struct DiffEntry
{
    char kind = 'C';
    QString path;
};
QVector<DiffEntry> parseDockerDiff(const QString &text);

// What a container's changes mean for a read-only root: the smallest set of directories that
// must be writable (a directory the run created counts from its topmost new folder; a file
// created in a folder of the image makes that folder writable), minus what is writable
// already; and the files of the image changed or deleted in place, which no tmpfs can serve
// without hiding what the image ships beside them.
struct WritableNeeds
{
    QStringList directories;       // sorted
    QMap<QString, QString> sample; // directory -> a path written in it (for its owner)
    QStringList modified;          // image files changed or removed in place
};
WritableNeeds writableNeeds(const QVector<DiffEntry> &diff, const QStringList &writable);

// A tar stream's first entry's owner, "uid:gid" (past PAX and long-name headers); empty when
// it cannot be read.
QString tarOwner(const QByteArray &tar);

// The lines of a log that say a write failed on a read-only root, and the paths they name.
QStringList readOnlyErrors(const QString &log, QStringList *paths);

struct ProbeOptions
{
    int seconds = 10;     // how long it runs, unless it becomes healthy or exits before
    bool network = false; // --network none unless asked
    bool pull = false;    // pull a missing image (else an image not present locally is an error)
    QString docker = QStringLiteral("docker");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(); // DOCKER_HOST...
};

struct ProbeRun
{
    bool started = false;
    QString state; // "running", "exited", "healthy", "unhealthy"
    int exitCode = 0;
    QString log;
    // Running (and healthy when it has a healthcheck); a one-shot: exited 0.
    bool stayedUp(bool oneShot) const;
};

struct ProbeResult
{
    QString error; // empty when the probe ran
    ProbeRun first;
    WritableNeeds needs;
    QMap<QString, QString> owners; // directory -> "uid:gid" of what the process wrote there
    bool trialRan = false;
    ProbeRun trial; // read-only, with needs.directories in memory
    QStringList trialErrors;
    QStringList trialPaths; // paths named by "Read-only file system" lines
    bool ok() const { return error.isEmpty(); }
};

// Runs the workload's container twice with the user's Docker: once as the file defines it
// (its mounts replaced by empty in-memory ones, so nothing on the host is written) to learn
// what it writes, then read-only with the proposed paths in memory to see whether it stays
// up. Each container is removed afterwards. progress gets one line per step.
ProbeResult probeWorkload(const RunSpec &spec, const ProbeOptions &options,
                          const std::function<void(const QString &)> &progress = {},
                          const std::atomic_bool *cancel = nullptr);

} // namespace deadbolt

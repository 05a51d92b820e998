#pragma once

#include "model/analyzer.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace deadbolt {

// How to start a workload's container as its file defines it, for the probe: what `docker
// create` needs and nothing of the host (no volumes, no ports, no network).
struct RunSpec
{
    QString workload;
    QString image;
    std::optional<QStringList> entrypoint; // Compose entrypoint / Kubernetes command
    std::optional<QStringList> command;    // Compose command / Kubernetes args
    QStringList environment;               // "NAME=value"
    QString user;                          // "1000:1000", "www-data"
    QString workingDir;
    QStringList mounts;     // every mount target of the workload: an empty in-memory mount each
    QStringList fileMounts; // binds of one file (a config, a socket): left out, the image's file stays
    bool oneShot = false;   // a Kubernetes Job or CronJob: it must exit 0
};

// Reads the run settings of a workload of an analysed file. Values with ${VAR} are filled
// from env as docker compose fills them (${VAR}, ${VAR:-default}, ${VAR-default}, $VAR); an
// image that still holds a variable is an error.
bool runSpecOf(const ParsedFile &file, const Workload &workload, const QProcessEnvironment &env, RunSpec *out,
               QString *error);

// A command string split as docker-compose 1.x splits it (Python's shlex.split: quotes and
// backslashes, no expansion); *ok false for an open quote or a last backslash, which it refuses.
QStringList splitShellWords(const QString &command, bool *ok = nullptr);

// ${VAR}, ${VAR:-default}, ${VAR-default} and $VAR filled from env; $$ is a literal $.
QString interpolate(const QString &value, const QProcessEnvironment &env);

} // namespace deadbolt

#pragma once

#include "source/replacement.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace deadbolt {

// Where an edit goes when the value it changes comes from a shared block (`<<: *defaults`).
enum class Target {
    ThisWorkload, // override the value in the workload itself; the block stays as it is
    SharedBlock   // change the block: every workload that merges it changes too
};

// An in-memory writable path to add or change. Empty strings and unset ids are left out.
struct InMemoryPathSpec
{
    QString target; // mount path in the container, e.g. "/var/run"
    QString size;   // "16m" (Compose) or "16Mi" (Kubernetes); converted between the two
    QString mode;   // "1777"
    std::optional<qint64> uid;
    std::optional<qint64> gid;
};

// The outcome of planning one edit: verified replacements on the text it was planned on,
// or a refusal with the reason (and then no replacements).
struct EditResult
{
    bool ok = false;
    Replacements replacements;
    QString error;
    QString description;           // what the edit does, for the undo stack: "Make web read-only"
    QStringList affectedWorkloads; // every workload whose effective configuration changes
    bool nothingToDo() const { return ok && replacements.empty(); }
};

} // namespace deadbolt

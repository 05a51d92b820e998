#pragma once

#include "model/workload.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace deadbolt {

// What a change between two versions of a file does to one workload's immutability.
enum class ChangeKind {
    BecameMutable,      // the root filesystem was read-only (or undetermined), now writable
    BecameImmutable,    // the root filesystem is now read-only
    BecameUndetermined, // the root filesystem's value can no longer be known (${VAR})
    InMemoryPathAdded,
    InMemoryPathRemoved,
    InMemoryPathChanged, // size, owner (uid/gid), mode, type or medium
    PersistentPathAdded,
    PersistentPathRemoved,
    PersistentPathChanged,
    WorkloadAdded,
    WorkloadRemoved,
    ExemptionAdded,
    ExemptionRemoved,
};

// Regressions are what CI blocks on: a container that can change where it could not before.
enum class ChangeSeverity { Regression, Improvement, Info };

// Stable names used in every report ("became-mutable", "regression"): a public interface.
QString changeKindName(ChangeKind kind);
QString changeSeverityName(ChangeSeverity severity);
QString changeSeverityPlural(ChangeSeverity severity, int count); // "1 regression", "2 improvements"

struct WorkloadChange
{
    ChangeKind kind = ChangeKind::WorkloadAdded;
    ChangeSeverity severity = ChangeSeverity::Info;
    QString workload; // display name: "web", "Deployment/prod/app/nginx"
    QString path;     // the writable path's target for path changes, else empty
    QString message;  // one sentence without the workload name
    QString before;   // old status or path description; empty when there was none
    QString after;    // new status or path description; empty when there is none
    QStringList
        fields; // for *PathChanged: what changed ("size", "uid", "gid", "mode", "type", "medium", "source")
    // Line 0 means "no place on that side" (e.g. oldLocation of an added workload). For a
    // path added or removed, the side without the path points at the workload instead, so a
    // side-by-side view can still scroll both texts to the right place.
    Location oldLocation;
    Location newLocation;
};

using WorkloadChanges = QVector<WorkloadChange>;

} // namespace deadbolt

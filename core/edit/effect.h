#pragma once

#include "edit/editresult.h"
#include "model/workload.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace deadbolt::edit {

// What an operation declares it does to the deployment, as data (DESIGN.md principle 3):
// the meaning check compares every workload's effective settings after the edit with its
// settings before plus exactly this, so one generic check serves every operation.
struct PathChange
{
    enum class Kind { Add, Change, Remove };
    Kind kind = Kind::Add;
    QString target;        // Add: the new path; Change, Remove: the path as it is now
    InMemoryPathSpec spec; // Add, Change: the settings it has afterwards
};

struct WorkloadEffect
{
    std::optional<bool> readOnly; // the root filesystem afterwards: true read-only, false writable
    QVector<PathChange> paths;
    bool isEmpty() const { return !readOnly && paths.isEmpty(); }
};

struct Effect
{
    // Display name -> what changes for that workload. Every workload not named here must
    // come out of the edit exactly as it went in.
    QMap<QString, WorkloadEffect> workloads;
    // Workloads that share the edited block (a SharedBlock edit): each may take the effect
    // of `sharedEffect`, or stay as it is when it overrides the shared value.
    QStringList sharers;
    WorkloadEffect sharedEffect;
};

// The outcome of the meaning check on the workloads of the touched documents.
struct MeaningCheck
{
    QStringList problems;   // "would also remove /tmp from api"; empty when the effect holds
    QStringList unexpected; // workloads that changed though the effect leaves them alone
    QStringList changed;    // every workload whose settings changed
    bool ok() const { return problems.isEmpty(); }
};

// `before` and `after` are the workloads of the same documents, before and after the edit.
MeaningCheck checkMeaning(const QVector<const Workload *> &before, const QVector<Workload> &after,
                          const Effect &effect);

// "16Mi" and "16m" are the same size; "0755" and "755" the same mode.
bool sameSize(const QString &a, const QString &b);
bool sameMode(const QString &a, const QString &b);

} // namespace deadbolt::edit

#pragma once

#include "model/analyzer.h"
#include "policy/ruleids.h"

namespace deadbolt::policy {

// A finding of `rule` at `where`, with the rule's default severity. File and workload are
// filled in by applyRules() so readers can report what they see while reading.
Diagnostic finding(const char *rule, const QString &message, const Location &where, const QString &hint = {});

// Runs every rule over the workloads of one file, appending to each workload's findings,
// and stamps every finding with the file path and the workload's display name.
void applyRules(const ParsedFile &file, FileFormat format, QVector<Workload> &workloads);

// Normalised mount target for comparisons: no trailing slash, "//" collapsed.
QString normalizedTarget(const QString &target);

// Reports DB009 on `w` when `target` was already mounted; records it otherwise. Readers call it
// for every mount, read-only ones included (Docker and Kubernetes reject any duplicate).
struct MountTargets
{
    QVector<QString> targets;
    void add(Workload &w, const QString &target, const Location &where);
};

// The facts a reader recorded, judged (applyRules does it first): the exemption of a
// Kubernetes workload's annotations, a read-only flag that is not a boolean (DB010, DB017),
// a target mounted twice within one layer (DB009).
void judgeFacts(Workload &w, FileFormat format);

} // namespace deadbolt::policy

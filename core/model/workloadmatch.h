#pragma once

#include "model/workload.h"

#include <QString>
#include <QVector>

namespace deadbolt {

// The one way a user's name for a workload is matched, by the CLI, the editor and the tests.
// A display name (`web`, `Deployment/prod/app/nginx`) names exactly that workload; otherwise
// the name is compared with each workload's own name (service or container), its object
// (`Deployment/prod/app`) and its object's name (`app`), and every match counts.
// Returns indices into analysis.workloads, in file order.
QVector<int> matchWorkloads(const Analysis &analysis, const QString &name);

// The workload with exactly this display name, or null.
const Workload *workloadNamed(const Analysis &analysis, const QString &displayName);

} // namespace deadbolt

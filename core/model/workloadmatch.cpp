#include "model/workloadmatch.h"

namespace deadbolt {

QVector<int> matchWorkloads(const Analysis &analysis, const QString &name)
{
    QVector<int> exact, loose;
    for (int i = 0; i < analysis.workloads.size(); ++i) {
        const Workload &w = analysis.workloads[i];
        if (w.displayName() == name)
            exact.append(i);
        else if (w.name == name || w.objectName == name || w.object == name)
            loose.append(i);
    }
    return exact.isEmpty() ? loose : exact;
}

const Workload *workloadNamed(const Analysis &analysis, const QString &displayName)
{
    for (const Workload &w : analysis.workloads)
        if (w.displayName() == displayName)
            return &w;
    return nullptr;
}

} // namespace deadbolt

#include "review/workloadchange.h"

namespace deadbolt {

QString changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::BecameMutable:
        return QStringLiteral("became-mutable");
    case ChangeKind::BecameImmutable:
        return QStringLiteral("became-immutable");
    case ChangeKind::BecameUndetermined:
        return QStringLiteral("became-undetermined");
    case ChangeKind::InMemoryPathAdded:
        return QStringLiteral("in-memory-path-added");
    case ChangeKind::InMemoryPathRemoved:
        return QStringLiteral("in-memory-path-removed");
    case ChangeKind::InMemoryPathChanged:
        return QStringLiteral("in-memory-path-changed");
    case ChangeKind::PersistentPathAdded:
        return QStringLiteral("persistent-path-added");
    case ChangeKind::PersistentPathRemoved:
        return QStringLiteral("persistent-path-removed");
    case ChangeKind::PersistentPathChanged:
        return QStringLiteral("persistent-path-changed");
    case ChangeKind::WorkloadAdded:
        return QStringLiteral("workload-added");
    case ChangeKind::WorkloadRemoved:
        return QStringLiteral("workload-removed");
    case ChangeKind::ExemptionAdded:
        return QStringLiteral("exemption-added");
    case ChangeKind::ExemptionRemoved:
        return QStringLiteral("exemption-removed");
    }
    return QStringLiteral("unknown");
}

QString changeSeverityName(ChangeSeverity severity)
{
    switch (severity) {
    case ChangeSeverity::Regression:
        return QStringLiteral("regression");
    case ChangeSeverity::Improvement:
        return QStringLiteral("improvement");
    case ChangeSeverity::Info:
        break;
    }
    return QStringLiteral("info");
}

QString changeSeverityPlural(ChangeSeverity severity, int count)
{
    switch (severity) {
    case ChangeSeverity::Regression:
        return count == 1 ? QStringLiteral("1 regression") : QStringLiteral("%1 regressions").arg(count);
    case ChangeSeverity::Improvement:
        return count == 1 ? QStringLiteral("1 improvement") : QStringLiteral("%1 improvements").arg(count);
    case ChangeSeverity::Info:
        break;
    }
    return count == 1 ? QStringLiteral("1 other change") : QStringLiteral("%1 other changes").arg(count);
}

} // namespace deadbolt

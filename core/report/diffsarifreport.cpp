#include "report/diffreport.h"

#include "report/sariflog.h"

#include <QJsonDocument>
#include <QMap>

namespace deadbolt {

namespace {

QString ruleDescription(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::BecameMutable:
        return QStringLiteral("A workload's root filesystem became writable");
    case ChangeKind::BecameImmutable:
        return QStringLiteral("A workload's root filesystem became read-only");
    case ChangeKind::BecameUndetermined:
        return QStringLiteral("A workload's read-only root filesystem can no longer be determined");
    case ChangeKind::InMemoryPathAdded:
        return QStringLiteral("An in-memory writable path was added");
    case ChangeKind::InMemoryPathRemoved:
        return QStringLiteral("An in-memory writable path was removed");
    case ChangeKind::InMemoryPathChanged:
        return QStringLiteral("An in-memory writable path changed (size, owner, mode or medium)");
    case ChangeKind::PersistentPathAdded:
        return QStringLiteral("A persistent writable path was added");
    case ChangeKind::PersistentPathRemoved:
        return QStringLiteral("A persistent writable path was removed");
    case ChangeKind::PersistentPathChanged:
        return QStringLiteral("A persistent writable path changed (source, medium or options)");
    case ChangeKind::WorkloadAdded:
        return QStringLiteral("A workload was added");
    case ChangeKind::WorkloadRemoved:
        return QStringLiteral("A workload was removed");
    case ChangeKind::ExemptionAdded:
        return QStringLiteral("A workload was exempted from the read-only root filesystem check");
    case ChangeKind::ExemptionRemoved:
        return QStringLiteral("A workload's exemption from the read-only root filesystem check was removed");
    }
    return QString();
}

Severity levelOf(ChangeSeverity severity)
{
    return severity == ChangeSeverity::Regression ? Severity::Error : Severity::Info;
}

} // namespace

QJsonObject diffSarifReport(const Review &review, const QDir &baseDir)
{
    QMap<QString, Severity> kinds; // rule id -> highest level seen; sorted: stable output
    QMap<QString, ChangeKind> kindOf;
    QJsonArray results;
    for (const ReviewEntry &e : sortedChanges(review)) {
        const FileReview &f = *e.file;
        const WorkloadChange &c = *e.change;
        const QString id = changeKindName(c.kind);
        const Severity level = levelOf(c.severity);
        kinds[id] = kinds.contains(id) ? qMax(kinds[id], level) : level;
        kindOf[id] = c.kind;
        // Code scanning shows results in the new version of a file: something that is only
        // in the old one (a removed workload) is shown at the top of the new file.
        const ChangePlace place = changePlace(f, c);
        // In a project: the file the line is in, or the project's first file.
        QString file = f.after.diskPath;
        if (!place.path.isEmpty() && place.inNew)
            file = place.path;
        else if (!f.after.projectFiles.empty())
            file = f.after.projectFiles.front().path;
        else if (!f.before.projectFiles.empty())
            file = f.before.projectFiles.front().path; // the project is gone: where it was
        const QString uri =
            QDir::fromNativeSeparators(file.isEmpty() ? f.path : baseDir.relativeFilePath(file));
        QString text =
            QStringLiteral("%1: %2 (%3)").arg(c.workload, c.message, changeSeverityName(c.severity));
        if (!place.inNew && place.line > 0)
            text += QStringLiteral("; was at line %1 of %2").arg(place.line).arg(place.label);
        results.append(QJsonObject{
            {QStringLiteral("ruleId"), id},
            {QStringLiteral("level"), sarif::level(level)},
            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), text}}},
            {QStringLiteral("locations"),
             QJsonArray{sarif::location(uri, place.inNew ? place.line : 1, place.inNew ? place.column : 0)}},
        });
    }
    QJsonArray rules;
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it) {
        const QString description = ruleDescription(kindOf.value(it.key()));
        rules.append(sarif::rule(it.key(), it.key(), description, description, sarif::level(it.value())));
    }
    return sarif::log(rules, results);
}

QByteArray diffSarifReportText(const Review &review, const QDir &baseDir)
{
    return QJsonDocument(diffSarifReport(review, baseDir)).toJson(QJsonDocument::Indented);
}

} // namespace deadbolt

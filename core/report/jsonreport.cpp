#include "report/jsonreport.h"

#include "report/checkrun.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace deadbolt {

static QJsonValue optionalInt(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

static QJsonArray pathsJson(const QVector<WritablePath> &paths)
{
    QJsonArray out;
    for (const WritablePath &p : paths) {
        QJsonObject o;
        o.insert(QStringLiteral("target"), p.target);
        o.insert(QStringLiteral("kind"), pathKindName(p.kind));
        o.insert(QStringLiteral("source"), p.source);
        o.insert(QStringLiteral("size"), p.size);
        o.insert(QStringLiteral("mode"), p.mode);
        o.insert(QStringLiteral("uid"), optionalInt(p.uid));
        o.insert(QStringLiteral("gid"), optionalInt(p.gid));
        o.insert(QStringLiteral("options"), p.options);
        o.insert(QStringLiteral("line"), p.location.line);
        out.append(o);
    }
    return out;
}

static QJsonObject diagnosticJson(const Diagnostic &d)
{
    QJsonObject o;
    o.insert(QStringLiteral("rule"), d.rule);
    o.insert(QStringLiteral("severity"), severityName(d.severity));
    o.insert(QStringLiteral("message"), d.message);
    o.insert(QStringLiteral("line"), d.line);
    o.insert(QStringLiteral("column"), d.column);
    o.insert(QStringLiteral("hint"), d.hint);
    return o;
}

static QJsonValue readOnlyJson(RootFs rootFs)
{
    switch (rootFs) {
    case RootFs::ReadOnly:
        return true;
    case RootFs::WritableExplicit:
    case RootFs::WritableDefault:
        return false;
    case RootFs::Undetermined:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

static QJsonObject workloadJson(const Workload &w)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), w.name);
    o.insert(QStringLiteral("object"), w.object);
    o.insert(QStringLiteral("kind"), w.kind);
    o.insert(QStringLiteral("status"), statusName(w.status()));
    o.insert(QStringLiteral("readOnly"), readOnlyJson(w.rootFs));
    o.insert(QStringLiteral("exempt"), w.exemption.exempt);
    if (w.exemption.exempt) {
        o.insert(QStringLiteral("exemption"), QJsonObject{{QStringLiteral("tool"), w.exemption.tool},
                                                          {QStringLiteral("reason"), w.exemption.reason}});
    }
    o.insert(QStringLiteral("line"), w.location.line);
    o.insert(QStringLiteral("inMemoryPaths"), pathsJson(w.inMemory));
    o.insert(QStringLiteral("persistentPaths"), pathsJson(w.persistent));
    QJsonArray findings;
    for (const Diagnostic &d : w.findings)
        findings.append(diagnosticJson(d));
    o.insert(QStringLiteral("findings"), findings);
    return o;
}

static QJsonObject fileJson(const Analysis &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("path"), a.path);
    o.insert(QStringLiteral("format"), formatName(a.format));
    QJsonArray workloads;
    for (const Workload &w : a.workloads)
        workloads.append(workloadJson(w));
    o.insert(QStringLiteral("workloads"), workloads);
    QJsonArray errors;
    for (const Diagnostic &d : a.errors) {
        errors.append(QJsonObject{{QStringLiteral("message"), d.message},
                                  {QStringLiteral("line"), d.line},
                                  {QStringLiteral("column"), d.column},
                                  {QStringLiteral("rule"), d.rule}});
    }
    o.insert(QStringLiteral("errors"), errors);
    QJsonArray notes;
    for (const Diagnostic &d : a.notes) {
        notes.append(QJsonObject{{QStringLiteral("rule"), d.rule},
                                 {QStringLiteral("severity"), severityName(d.severity)},
                                 {QStringLiteral("message"), d.message},
                                 {QStringLiteral("line"), d.line},
                                 {QStringLiteral("column"), d.column}});
    }
    o.insert(QStringLiteral("notes"), notes);
    if (!a.skipReason.isEmpty() && a.errors.isEmpty())
        o.insert(QStringLiteral("skipped"), a.skipReason);
    return o;
}

QJsonObject jsonReport(const QVector<Analysis> &analyses)
{
    QJsonArray files;
    for (const Analysis &a : analyses)
        files.append(fileJson(a));
    const CheckSummary s = summarize(analyses);
    const QJsonObject summary{
        {QStringLiteral("files"), s.files},
        {QStringLiteral("skippedFiles"), s.skipped},
        {QStringLiteral("failedFiles"), s.failed},
        {QStringLiteral("workloads"), s.workloads},
        {QStringLiteral("immutable"), s.immutable},
        {QStringLiteral("immutableWithExceptions"), s.immutableWithExceptions},
        {QStringLiteral("mutable"), s.mutableCount},
        {QStringLiteral("undetermined"), s.undetermined},
        {QStringLiteral("exempt"), s.exempt},
        {QStringLiteral("errors"), s.errors},
        {QStringLiteral("warnings"), s.warnings},
        {QStringLiteral("notes"), s.notes},
    };
    return QJsonObject{{QStringLiteral("files"), files}, {QStringLiteral("summary"), summary}};
}

QByteArray jsonReportText(const QVector<Analysis> &analyses)
{
    return QJsonDocument(jsonReport(analyses)).toJson(QJsonDocument::Indented);
}

} // namespace deadbolt

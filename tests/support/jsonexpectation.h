#pragma once

// An independent construction of `check --format json`'s report as a QJsonObject, field by
// field: tst_jsonreport holds the core's writer (report/jsontext.h) to exactly the text
// QJsonDocument makes of it.
#include "check/checkrun.h"

#include <QJsonArray>
#include <QJsonObject>

namespace deadbolt::testing::expected {

inline QJsonValue optionalInt(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

// The file a location is in: in a project one of its files, else the analysis's own.
inline QString fileOf(const Analysis &a, const Location &l)
{
    return l.file >= 0 && l.file < a.files.size() ? a.files[l.file] : a.path;
}

// How the read-only value got where it is: docker compose's merging, or a YAML merge key.
inline QString rootFsVia(const Workload &w)
{
    return w.rootFsProvenance.shared && w.rootFsOrigin == Origin::Own ? QStringLiteral("merge-key")
                                                                      : originName(w.rootFsOrigin);
}

inline bool hasRootFsSource(const Workload &w)
{
    return w.rootFsLocation.line > 0;
}

inline QJsonArray pathsJson(const Analysis &a, const QVector<WritablePath> &paths)
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
        o.insert(QStringLiteral("file"), fileOf(a, p.location));
        o.insert(QStringLiteral("via"), originName(p.origin));
        out.append(o);
    }
    return out;
}

inline QJsonObject diagnosticJson(const Diagnostic &d)
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

inline QJsonValue readOnlyJson(RootFs rootFs)
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

inline QJsonObject workloadJson(const Analysis &a, const Workload &w)
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
    o.insert(QStringLiteral("inMemoryPaths"), pathsJson(a, w.inMemory));
    o.insert(QStringLiteral("persistentPaths"), pathsJson(a, w.persistent));
    o.insert(QStringLiteral("readOnlySource"),
             hasRootFsSource(w)
                 ? QJsonValue(QJsonObject{{QStringLiteral("file"), fileOf(a, w.rootFsLocation)},
                                          {QStringLiteral("line"), w.rootFsLocation.line},
                                          {QStringLiteral("via"), rootFsVia(w)}})
                 : QJsonValue(QJsonValue::Null));
    QJsonArray findings;
    for (const Diagnostic &d : w.findings)
        findings.append(diagnosticJson(d));
    o.insert(QStringLiteral("findings"), findings);
    return o;
}

// A file's object without its workloads.
inline QJsonObject fileHeadJson(const Analysis &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("path"), a.path);
    o.insert(QStringLiteral("format"), formatName(a.format));
    QJsonArray errors;
    for (const Diagnostic &d : a.errors) {
        errors.append(QJsonObject{{QStringLiteral("message"), d.message},
                                  {QStringLiteral("file"), d.file.isEmpty() ? a.path : d.file},
                                  {QStringLiteral("line"), d.line},
                                  {QStringLiteral("column"), d.column},
                                  {QStringLiteral("rule"), d.rule}});
    }
    o.insert(QStringLiteral("errors"), errors);
    if (!a.files.isEmpty())
        o.insert(QStringLiteral("files"), QJsonArray::fromStringList(a.files));
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

inline QJsonObject fileJson(const Analysis &a)
{
    QJsonObject o = fileHeadJson(a);
    QJsonArray workloads;
    for (const Workload &w : a.workloads)
        workloads.append(workloadJson(a, w));
    o.insert(QStringLiteral("workloads"), workloads);
    return o;
}

inline QJsonObject summaryJson(const QVector<Analysis> &analyses)
{
    const CheckSummary s = summarize(analyses);
    return QJsonObject{
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
        {QStringLiteral("partial"), s.partial},
        {QStringLiteral("defeated"), s.defeated},
    };
}

// The whole report as one QJsonObject, built field by field apart from the writer.
inline QJsonObject expectedJsonReport(const QVector<Analysis> &analyses)
{
    QJsonArray files;
    for (const Analysis &a : analyses)
        files.append(fileJson(a));
    return QJsonObject{{QStringLiteral("files"), files}, {QStringLiteral("summary"), summaryJson(analyses)}};
}

} // namespace deadbolt::testing::expected

namespace deadbolt::testing {
using expected::expectedJsonReport;
} // namespace deadbolt::testing

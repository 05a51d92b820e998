#include "report/jsonreport.h"

#include "report/checkrun.h"
#include "report/jsontext.h"

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

// A file's object without its workloads, which writeJsonReport streams one by one.
static QJsonObject fileHeadJson(const Analysis &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("path"), a.path);
    o.insert(QStringLiteral("format"), formatName(a.format));
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

static QJsonObject fileJson(const Analysis &a)
{
    QJsonObject o = fileHeadJson(a);
    QJsonArray workloads;
    for (const Workload &w : a.workloads)
        workloads.append(workloadJson(w));
    o.insert(QStringLiteral("workloads"), workloads);
    return o;
}

static QJsonObject summaryJson(const QVector<Analysis> &analyses)
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
    };
}

QJsonObject jsonReport(const QVector<Analysis> &analyses)
{
    QJsonArray files;
    for (const Analysis &a : analyses)
        files.append(fileJson(a));
    return QJsonObject{{QStringLiteral("files"), files}, {QStringLiteral("summary"), summaryJson(analyses)}};
}

// The same report through JsonText, keys in QJsonObject's (sorted) order.
static void writePaths(JsonText &json, const char *key, const QVector<WritablePath> &paths)
{
    json.key(key).beginArray();
    for (const WritablePath &p : paths) {
        json.beginObject();
        json.key("gid").value(p.gid);
        json.key("kind").value(pathKindName(p.kind));
        json.key("line").value(p.location.line);
        json.key("mode").value(p.mode);
        json.key("options").value(p.options);
        json.key("size").value(p.size);
        json.key("source").value(p.source);
        json.key("target").value(p.target);
        json.key("uid").value(p.uid);
        json.endObject();
    }
    json.endArray();
}

static void writeWorkload(JsonText &json, const Workload &w)
{
    json.beginObject();
    json.key("exempt").value(w.exemption.exempt);
    if (w.exemption.exempt) {
        json.key("exemption").beginObject();
        json.key("reason").value(w.exemption.reason);
        json.key("tool").value(w.exemption.tool);
        json.endObject();
    }
    json.key("findings").beginArray();
    for (const Diagnostic &d : w.findings) {
        json.beginObject();
        json.key("column").value(d.column);
        json.key("hint").value(d.hint);
        json.key("line").value(d.line);
        json.key("message").value(d.message);
        json.key("rule").value(d.rule);
        json.key("severity").value(severityName(d.severity));
        json.endObject();
    }
    json.endArray();
    writePaths(json, "inMemoryPaths", w.inMemory);
    json.key("kind").value(w.kind);
    json.key("line").value(w.location.line);
    json.key("name").value(w.name);
    json.key("object").value(w.object);
    writePaths(json, "persistentPaths", w.persistent);
    json.key("readOnly");
    if (w.rootFs == RootFs::Undetermined)
        json.null();
    else
        json.value(w.rootFs == RootFs::ReadOnly);
    json.key("status").value(statusName(w.status()));
    json.endObject();
}

// A file's members before "workloads", its last.
static void writeFileHead(JsonText &json, const Analysis &a)
{
    json.key("errors").beginArray();
    for (const Diagnostic &d : a.errors) {
        json.beginObject();
        json.key("column").value(d.column);
        json.key("line").value(d.line);
        json.key("message").value(d.message);
        json.key("rule").value(d.rule);
        json.endObject();
    }
    json.endArray();
    json.key("format").value(formatName(a.format));
    json.key("notes").beginArray();
    for (const Diagnostic &d : a.notes) {
        json.beginObject();
        json.key("column").value(d.column);
        json.key("line").value(d.line);
        json.key("message").value(d.message);
        json.key("rule").value(d.rule);
        json.key("severity").value(severityName(d.severity));
        json.endObject();
    }
    json.endArray();
    json.key("path").value(a.path);
    if (!a.skipReason.isEmpty() && a.errors.isEmpty())
        json.key("skipped").value(a.skipReason);
}

static void writeSummary(JsonText &json, const QVector<Analysis> &analyses)
{
    const CheckSummary s = summarize(analyses);
    json.key("summary").beginObject();
    json.key("errors").value(s.errors);
    json.key("exempt").value(s.exempt);
    json.key("failedFiles").value(s.failed);
    json.key("files").value(s.files);
    json.key("immutable").value(s.immutable);
    json.key("immutableWithExceptions").value(s.immutableWithExceptions);
    json.key("mutable").value(s.mutableCount);
    json.key("notes").value(s.notes);
    json.key("skippedFiles").value(s.skipped);
    json.key("undetermined").value(s.undetermined);
    json.key("warnings").value(s.warnings);
    json.key("workloads").value(s.workloads);
    json.endObject();
}

void writeJsonReport(const QVector<Analysis> &analyses, const std::function<void(const QByteArray &)> &write)
{
    // Byte for byte what QJsonDocument(jsonReport(analyses)).toJson(Indented) gives, handed
    // to write() about every 64 KB so that 20,000 workloads never sit in memory as one text.
    constexpr qsizetype Part = 64 * 1024;
    QByteArray buffer;
    buffer.reserve(Part + 4096);
    JsonText json(&buffer);
    const auto flush = [&](qsizetype atLeast) {
        if (buffer.size() >= atLeast) {
            write(buffer);
            buffer.clear();
        }
    };
    json.beginObject();
    json.key("files").beginArray();
    for (const Analysis &a : analyses) {
        json.beginObject();
        writeFileHead(json, a);
        json.key("workloads").beginArray();
        for (const Workload &w : a.workloads) {
            writeWorkload(json, w);
            flush(Part);
        }
        json.endArray();
        json.endObject();
        flush(Part);
    }
    json.endArray();
    writeSummary(json, analyses);
    json.endObject();
    buffer.append('\n');
    flush(1);
}

QByteArray jsonReportText(const QVector<Analysis> &analyses)
{
    QByteArray text;
    writeJsonReport(analyses, [&text](const QByteArray &part) { text += part; });
    return text;
}

} // namespace deadbolt

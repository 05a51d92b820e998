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

// QJsonDocument's indented text of o, without its final newline, with every line after the
// first indented by `indent` more spaces, as it reads when nested that deep.
static QByteArray nested(const QJsonObject &o, int indent, bool indentFirst)
{
    QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Indented);
    text.chop(1);
    const QByteArray pad(indent, ' ');
    text.replace('\n', "\n" + pad);
    return indentFirst ? pad + text : text;
}

QJsonObject jsonReport(const QVector<Analysis> &analyses)
{
    QJsonArray files;
    for (const Analysis &a : analyses)
        files.append(fileJson(a));
    return QJsonObject{{QStringLiteral("files"), files}, {QStringLiteral("summary"), summaryJson(analyses)}};
}

void writeJsonReport(const QVector<Analysis> &analyses, const std::function<void(const QByteArray &)> &write)
{
    // Byte for byte what QJsonDocument(jsonReport(analyses)).toJson(Indented) gives (keys in
    // sorted order: "workloads" is a file's last, "summary" follows "files"), written one
    // workload at a time so that 20,000 of them never sit in memory as one document.
    write("{\n    \"files\": [");
    for (qsizetype f = 0; f < analyses.size(); ++f) {
        const Analysis &a = analyses.at(f);
        QByteArray head = nested(fileHeadJson(a), 8, true);
        head.chop(1); // the closing brace: the workloads come first
        while (head.endsWith(' ') || head.endsWith('\n'))
            head.chop(1);
        write((f ? ",\n" : "\n") + head + ",\n            \"workloads\": [");
        for (qsizetype i = 0; i < a.workloads.size(); ++i)
            write((i ? ",\n" : "\n") + nested(workloadJson(a.workloads.at(i)), 16, true));
        write("\n            ]\n        }");
    }
    write("\n    ],\n    \"summary\": " + nested(summaryJson(analyses), 4, false) + "\n}\n");
}

QByteArray jsonReportText(const QVector<Analysis> &analyses)
{
    QByteArray text;
    writeJsonReport(analyses, [&text](const QByteArray &part) { text += part; });
    return text;
}

} // namespace deadbolt

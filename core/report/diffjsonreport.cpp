#include "report/diffreport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace deadbolt {

namespace {

// In a project, "file" names which of the side's files the line is in.
QJsonValue locationJson(const Location &l, const ReviewSide &side)
{
    if (l.line <= 0)
        return QJsonValue::Null;
    QJsonObject o{{QStringLiteral("line"), l.line}, {QStringLiteral("column"), l.column}};
    if (l.file >= 0 && std::size_t(l.file) < side.projectFiles.size())
        o.insert(QStringLiteral("file"), side.projectFiles[std::size_t(l.file)].label);
    return o;
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject changeJson(const WorkloadChange &c, const FileReview &f)
{
    QJsonObject o{
        {QStringLiteral("kind"), changeKindName(c.kind)},
        {QStringLiteral("severity"), changeSeverityName(c.severity)},
        {QStringLiteral("workload"), c.workload},
        {QStringLiteral("message"), c.message},
        {QStringLiteral("path"), textOrNull(c.path)},
        {QStringLiteral("before"), textOrNull(c.before)},
        {QStringLiteral("after"), textOrNull(c.after)},
        {QStringLiteral("fields"), QJsonArray::fromStringList(c.fields)},
        {QStringLiteral("old"), locationJson(c.oldLocation, f.before)},
        {QStringLiteral("new"), locationJson(c.newLocation, f.after)},
    };
    return o;
}

QJsonObject errorJson(const Diagnostic &d)
{
    return QJsonObject{{QStringLiteral("file"), d.file},
                       {QStringLiteral("line"), d.line},
                       {QStringLiteral("column"), d.column},
                       {QStringLiteral("message"), d.message}};
}

QJsonValue sideJson(const ReviewSide &side)
{
    if (!side.present)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("label"), side.label},
                       {QStringLiteral("format"), formatName(side.analysis.format)},
                       {QStringLiteral("workloads"), int(side.analysis.workloads.size())}};
}

} // namespace

QJsonObject diffJsonReport(const Review &review)
{
    const ReviewSummary s = summarize(review);
    QJsonArray files;
    for (const FileReview &f : review.files) {
        QJsonArray changes;
        for (const WorkloadChange &c : f.changes)
            changes.append(changeJson(c, f));
        QJsonArray errors;
        for (const Diagnostic &d : f.errors)
            errors.append(errorJson(d));
        files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                 {QStringLiteral("state"), fileStateName(f.state())},
                                 {QStringLiteral("old"), sideJson(f.before)},
                                 {QStringLiteral("new"), sideJson(f.after)},
                                 {QStringLiteral("errors"), errors},
                                 {QStringLiteral("changes"), changes}});
    }
    QJsonArray errors;
    for (const Diagnostic &d : review.errors)
        errors.append(errorJson(d));
    const QJsonObject summary{{QStringLiteral("files"), s.files},
                              {QStringLiteral("changedFiles"), s.changedFiles},
                              {QStringLiteral("failedFiles"), s.failedFiles},
                              {QStringLiteral("workloads"), s.workloads},
                              {QStringLiteral("regressions"), s.regressions},
                              {QStringLiteral("improvements"), s.improvements},
                              {QStringLiteral("info"), s.infos},
                              {QStringLiteral("text"), summaryLine(s)}};
    return QJsonObject{
        {QStringLiteral("schemaVersion"), 1},       {QStringLiteral("old"), review.beforeLabel},
        {QStringLiteral("new"), review.afterLabel}, {QStringLiteral("summary"), summary},
        {QStringLiteral("errors"), errors},         {QStringLiteral("files"), files}};
}

QByteArray diffJsonReportText(const Review &review)
{
    return QJsonDocument(diffJsonReport(review)).toJson(QJsonDocument::Indented);
}

} // namespace deadbolt

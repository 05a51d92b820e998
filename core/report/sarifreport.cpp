#include "report/sarifreport.h"

#include "policy/ruleids.h"
#include "report/sariflog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace deadbolt {

namespace {

// Rules are collected from what the run found: a SARIF consumer only needs the ones its
// results reference. Known ids take name, summary and default level from policy/ruleids.h;
// others (parse and load errors) are described by their first message.
struct RuleInfo
{
    QString description;
    QString help;
    Severity severity = Severity::Error;
};

QJsonObject ruleJson(const QString &id, const RuleInfo &info)
{
    QString name = id;
    QString description = info.description;
    Severity severity = info.severity;
    if (const rules::RuleInfo *known = rules::find(id)) {
        name = QString::fromLatin1(known->name);
        description = QString::fromUtf8(known->summary);
        severity = known->severity;
    } else if (id == QLatin1String("parse")) {
        description = QStringLiteral("The file is not valid YAML, or reads ambiguously (a duplicate key)");
    } else if (id == QLatin1String("load")) {
        description = QStringLiteral("The file could not be read");
    }
    const QString help = info.help.isEmpty() ? description : description + QStringLiteral(". ") + info.help;
    return sarif::rule(id, name, description, help, sarif::level(severity));
}

QJsonObject resultJson(const Diagnostic &d, const QString &uri)
{
    QString text = d.message;
    if (!d.workload.isEmpty() && !text.contains(d.workload))
        text = d.workload + QStringLiteral(": ") + text;
    if (!d.hint.isEmpty())
        text += QStringLiteral(" (") + d.hint + QLatin1Char(')');
    return QJsonObject{
        {QStringLiteral("ruleId"), d.rule},
        {QStringLiteral("level"), sarif::level(d.severity)},
        {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), text}}},
        {QStringLiteral("locations"), QJsonArray{sarif::location(uri, d.line, d.column)}},
    };
}

} // namespace

QJsonObject sarifReport(const QVector<Analysis> &analyses, const QDir &baseDir)
{
    QMap<QString, RuleInfo> ruleInfos; // sorted by id: stable output
    QJsonArray results;
    auto add = [&](const Diagnostic &d, const QString &uri) {
        Diagnostic copy = d;
        if (copy.rule.isEmpty())
            copy.rule = QStringLiteral("error");
        if (!ruleInfos.contains(copy.rule))
            ruleInfos.insert(copy.rule, RuleInfo{copy.message, copy.hint, copy.severity});
        results.append(resultJson(copy, uri));
    };
    for (const Analysis &a : analyses) {
        const QString uri = QDir::fromNativeSeparators(baseDir.relativeFilePath(a.path));
        for (const Diagnostic &d : a.errors)
            add(d, uri);
        // File-level notes: duplicate keys (rule "parse", a warning), an unknown Compose version.
        for (const Diagnostic &d : a.notes)
            add(d, uri);
        for (const Workload &w : a.workloads) {
            for (Diagnostic d : w.findings) {
                if (d.workload.isEmpty())
                    d.workload = w.displayName();
                add(d, uri);
            }
        }
    }
    QJsonArray ruleArray;
    for (auto it = ruleInfos.cbegin(); it != ruleInfos.cend(); ++it)
        ruleArray.append(ruleJson(it.key(), it.value()));
    return sarif::log(ruleArray, results);
}

QByteArray sarifReportText(const QVector<Analysis> &analyses, const QDir &baseDir)
{
    return QJsonDocument(sarifReport(analyses, baseDir)).toJson(QJsonDocument::Indented);
}

} // namespace deadbolt

#include "report/sarifreport.h"

#include "policy/ruleids.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace deadbolt {

namespace {

const QString ToolUri = QStringLiteral("https://github.com/deadbolt-project/deadbolt");

QString sarifLevel(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("note");
}

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
        description = QStringLiteral("The file is not valid YAML");
    } else if (id == QLatin1String("load")) {
        description = QStringLiteral("The file could not be read");
    }
    const QString help = info.help.isEmpty() ? description : description + QStringLiteral(". ") + info.help;
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), description}}},
        {QStringLiteral("help"), QJsonObject{{QStringLiteral("text"), help}}},
        {QStringLiteral("defaultConfiguration"),
         QJsonObject{{QStringLiteral("level"), sarifLevel(severity)}}},
    };
}

QJsonObject resultJson(const Diagnostic &d, const QString &uri)
{
    QJsonObject region{{QStringLiteral("startLine"), qMax(1, d.line)}};
    if (d.column > 0)
        region.insert(QStringLiteral("startColumn"), d.column);
    const QJsonObject physical{{QStringLiteral("artifactLocation"),
                                QJsonObject{{QStringLiteral("uri"), uri},
                                            {QStringLiteral("uriBaseId"), QStringLiteral("%SRCROOT%")}}},
                               {QStringLiteral("region"), region}};
    QString text = d.message;
    if (!d.workload.isEmpty() && !text.contains(d.workload))
        text = d.workload + QStringLiteral(": ") + text;
    if (!d.hint.isEmpty())
        text += QStringLiteral(" (") + d.hint + QLatin1Char(')');
    return QJsonObject{
        {QStringLiteral("ruleId"), d.rule},
        {QStringLiteral("level"), sarifLevel(d.severity)},
        {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), text}}},
        {QStringLiteral("locations"),
         QJsonArray{QJsonObject{{QStringLiteral("physicalLocation"), physical}}}},
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
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? QStringLiteral("0.1.0")
                                : QCoreApplication::applicationVersion();
    const QJsonObject driver{
        {QStringLiteral("name"), QStringLiteral("deadbolt")},
        {QStringLiteral("version"), version},
        {QStringLiteral("semanticVersion"), version},
        {QStringLiteral("informationUri"), ToolUri},
        {QStringLiteral("rules"), ruleArray},
    };
    const QJsonObject run{
        {QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
        {QStringLiteral("columnKind"), QStringLiteral("unicodeCodePoints")},
        {QStringLiteral("results"), results},
    };
    return QJsonObject{
        {QStringLiteral("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"), QJsonArray{run}},
    };
}

QByteArray sarifReportText(const QVector<Analysis> &analyses, const QDir &baseDir)
{
    return QJsonDocument(sarifReport(analyses, baseDir)).toJson(QJsonDocument::Indented);
}

} // namespace deadbolt

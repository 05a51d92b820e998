#include "report/sarifreport.h"

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

// Rules are collected from what the run found: the policy owns the rule ids, and a SARIF
// consumer only needs the ones its results reference. The first message and hint seen
// describe the rule; messages name the workload, so the description strips nothing.
struct RuleInfo
{
    QString description;
    QString help;
    Severity severity = Severity::Error;
};

QJsonObject ruleJson(const QString &id, const RuleInfo &info)
{
    const QString help = info.help.isEmpty() ? info.description : info.help;
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), id},
        {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), info.description}}},
        {QStringLiteral("fullDescription"), QJsonObject{{QStringLiteral("text"), info.description}}},
        {QStringLiteral("help"), QJsonObject{{QStringLiteral("text"), help}}},
        {QStringLiteral("defaultConfiguration"),
         QJsonObject{{QStringLiteral("level"), sarifLevel(info.severity)}}},
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
    QMap<QString, RuleInfo> rules; // sorted by id: stable output
    QJsonArray results;
    auto add = [&](const Diagnostic &d, const QString &uri) {
        Diagnostic copy = d;
        if (copy.rule.isEmpty())
            copy.rule = QStringLiteral("error");
        if (!rules.contains(copy.rule))
            rules.insert(copy.rule, RuleInfo{copy.message, copy.hint, copy.severity});
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
    for (auto it = rules.cbegin(); it != rules.cend(); ++it)
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

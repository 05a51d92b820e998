#include "report/sariflog.h"

#include <QCoreApplication>

namespace deadbolt::sarif {

QString level(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("note");
}

QJsonObject rule(const QString &id, const QString &name, const QString &description, const QString &help,
                 const QString &level)
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), description}}},
        {QStringLiteral("help"), QJsonObject{{QStringLiteral("text"), help.isEmpty() ? description : help}}},
        {QStringLiteral("defaultConfiguration"), QJsonObject{{QStringLiteral("level"), level}}},
    };
}

QJsonObject location(const QString &uri, int line, int column)
{
    QJsonObject region{{QStringLiteral("startLine"), qMax(1, line)}};
    if (column > 0)
        region.insert(QStringLiteral("startColumn"), column);
    const QJsonObject physical{{QStringLiteral("artifactLocation"),
                                QJsonObject{{QStringLiteral("uri"), uri},
                                            {QStringLiteral("uriBaseId"), QStringLiteral("%SRCROOT%")}}},
                               {QStringLiteral("region"), region}};
    return QJsonObject{{QStringLiteral("physicalLocation"), physical}};
}

QJsonObject log(const QJsonArray &rules, const QJsonArray &results)
{
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? QStringLiteral(DEADBOLT_VERSION)
                                : QCoreApplication::applicationVersion();
    const QJsonObject driver{
        {QStringLiteral("name"), QStringLiteral("deadbolt")},
        {QStringLiteral("version"), version},
        {QStringLiteral("semanticVersion"), version},
        {QStringLiteral("informationUri"), QStringLiteral("https://github.com/deadbolt-project/deadbolt")},
        {QStringLiteral("rules"), rules},
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

} // namespace deadbolt::sarif

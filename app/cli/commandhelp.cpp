#include "commands.h"

#include <QCommandLineParser>

QString commandHelp(const QCommandLineParser &parser, const QString &program)
{
    QString text = parser.helpText();
    const QString usage = QStringLiteral("Usage: ");
    const qsizetype nameEnd = text.indexOf(QLatin1String(" ["), usage.size());
    if (text.startsWith(usage) && nameEnd > 0)
        text.replace(usage.size(), nameEnd - usage.size(), program);
    return text;
}

#pragma once

#include "diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace deadbolt::sarif {

// The pieces every SARIF 2.1.0 log Deadbolt writes shares: the tool driver (name, version
// from the application, information URI), levels, rules and physical locations. The check
// and diff reports differ only in which rules and results they put in.
QString level(Severity severity); // "error", "warning", "note"

QJsonObject rule(const QString &id, const QString &name, const QString &description, const QString &help,
                 const QString &level);

// A location in a file relative to %SRCROOT%; line and column are 1-based (0: not known).
QJsonObject location(const QString &uri, int line, int column);

// One run of the deadbolt driver with these rules and results.
QJsonObject log(const QJsonArray &rules, const QJsonArray &results);

} // namespace deadbolt::sarif

#pragma once

// A stable, readable text form of what the readers and rules derive from a file, for the
// golden files under tests/data/model/. One line per fact, so a failing QCOMPARE shows
// exactly which fact changed.

#include "model/analyzer.h"
#include "policy/rules.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace modeldump {

using namespace deadbolt;

inline QString rootFsName(RootFs r)
{
    switch (r) {
    case RootFs::ReadOnly:
        return QStringLiteral("read-only");
    case RootFs::WritableExplicit:
        return QStringLiteral("writable-explicit");
    case RootFs::WritableDefault:
        return QStringLiteral("writable-default");
    case RootFs::Undetermined:
        break;
    }
    return QStringLiteral("undetermined");
}

inline QString at(const Location &l)
{
    return QStringLiteral("%1:%2").arg(l.line).arg(l.column);
}

inline QString path(const WritablePath &p)
{
    QStringList parts{p.inMemory() ? QStringLiteral("  memory") : QStringLiteral("  persistent"),
                      pathKindName(p.kind), p.target};
    if (!p.source.isEmpty())
        parts << QStringLiteral("source=%1").arg(p.source);
    if (!p.options.isEmpty())
        parts << QStringLiteral("options=%1").arg(p.options);
    if (!p.size.isEmpty())
        parts << QStringLiteral("size=%1").arg(p.size);
    if (!p.mode.isEmpty())
        parts << QStringLiteral("mode=%1").arg(p.mode);
    if (p.uid)
        parts << QStringLiteral("uid=%1").arg(*p.uid);
    if (p.gid)
        parts << QStringLiteral("gid=%1").arg(*p.gid);
    parts << QStringLiteral("at %1").arg(at(p.location));
    if (p.definition.line > 0)
        parts << QStringLiteral("defined %1").arg(at(p.definition));
    return parts.join(QLatin1Char(' '));
}

inline QString finding(const Diagnostic &d)
{
    return QStringLiteral("  finding %1 %2 %3:%4 %5")
        .arg(d.rule, severityName(d.severity))
        .arg(d.line)
        .arg(d.column)
        .arg(d.message);
}

// A reader's workloads with their facts judged as the policy judges them (DB009, DB010,
// DB017, exemptions): what the reader goldens show.
inline QVector<Workload> judged(QVector<Workload> ws, FileFormat format)
{
    for (Workload &w : ws)
        policy::judgeFacts(w, format);
    return ws;
}

// Everything the readers fill in; findings only when withFindings.
inline QString workloads(const QVector<Workload> &list, bool withFindings)
{
    QStringList out;
    for (const Workload &w : list) {
        QString head = QStringLiteral("%1 [%2] %3 rootfs=%4")
                           .arg(w.displayName(), w.kind, statusName(w.status()), rootFsName(w.rootFs));
        if (!w.rootFsRaw.isEmpty() || w.rootFsLocation.line > 0)
            head += QStringLiteral(" raw=\"%1\" at %2").arg(w.rootFsRaw, at(w.rootFsLocation));
        head += QStringLiteral(" doc=%1 loc=%2").arg(w.document).arg(at(w.location));
        out << head;
        if (!w.containerList.isEmpty())
            out << QStringLiteral("  list %1 object=%2 namespace=%3 name=%4")
                       .arg(w.containerList, w.object, w.namespaceName, w.objectName);
        if (!w.user.isEmpty())
            out << QStringLiteral("  user %1").arg(w.user);
        if (w.runAsUser)
            out << QStringLiteral("  runAsUser %1").arg(*w.runAsUser);
        if (w.windows)
            out << QStringLiteral("  windows");
        if (w.exemption.exempt)
            out << QStringLiteral("  exempt %1: %2").arg(w.exemption.tool, w.exemption.reason);
        const Provenance &p = w.rootFsProvenance;
        if (p.shared)
            out << QStringLiteral("  provenance anchor=%1 at %2 sharedBy=%3")
                       .arg(p.anchor, at(p.location), p.sharedBy.join(QLatin1Char(',')));
        for (const WritablePath &wp : w.inMemory)
            out << path(wp);
        for (const WritablePath &wp : w.persistent)
            out << path(wp);
        for (const Diagnostic &d : w.findings)
            if (withFindings || d.rule == QLatin1String("DB009") || d.rule == QLatin1String("DB010"))
                out << finding(d);
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

inline QByteArray readFile(const QString &name)
{
    QFile f(name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline ParsedFile parseFile(const QString &name)
{
    const QByteArray bytes = readFile(name);
    return parseText(bytes.toStdString(), QFileInfo(name).fileName());
}

// Adds one row per input file (*.yaml / *.yml) of a tests/data/model subfolder.
inline void addCaseRows(const QString &folder)
{
    QTest::addColumn<QString>("input");
    const QDir dir(QStringLiteral(DEADBOLT_TESTDATA "/model/") + folder);
    const auto names =
        dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable(dir.path()));
    for (const QString &n : names)
        QTest::addRow("%s", qPrintable(n)) << dir.filePath(n);
}

// Compares `actual` with input's golden file (input + ".expected"). DEADBOLT_UPDATE_GOLDEN=1
// writes it instead: review the diff before committing it.
inline void compareGolden(const QString &input, const QString &actual)
{
    const QString golden = input + QStringLiteral(".expected");
    if (qEnvironmentVariableIsSet("DEADBOLT_UPDATE_GOLDEN")) {
        QFile f(golden);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(actual.toUtf8());
        return;
    }
    const QString expected = QString::fromUtf8(readFile(golden));
    QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("missing golden file ") + golden));
    QCOMPARE(actual, expected);
}

} // namespace modeldump

#include "edit/inmemoryedit.h"

#include "edit/planner.h"
#include "model/analyzer.h"

namespace deadbolt {

bool parseTmpfsOptions(const QString &options, InMemoryPathSpec *spec, QString *error)
{
    for (const QString &part : options.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString key = part.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        bool number = true;
        if (eq < 0 || value.isEmpty()) {
            *error = QStringLiteral("option '%1' needs a value (key=value)").arg(part);
            return false;
        }
        if (key == QLatin1String("size")) {
            spec->size = value;
        } else if (key == QLatin1String("mode")) {
            value.toInt(&number, 8);
            spec->mode = value;
        } else if (key == QLatin1String("uid")) {
            spec->uid = value.toLongLong(&number);
        } else if (key == QLatin1String("gid")) {
            spec->gid = value.toLongLong(&number);
        } else {
            *error = QStringLiteral("unknown option '%1' (size, mode, uid, gid)").arg(key);
            return false;
        }
        if (!number) {
            *error = QStringLiteral("option %1 takes a number, not '%2'").arg(key, value);
            return false;
        }
    }
    return true;
}

EditResult addInMemoryPath(const ParsedFile &, const Analysis &, const Workload &, const InMemoryPathSpec &)
{
    return {false, {}, QStringLiteral("not implemented yet"), {}, {}};
}

EditResult changeInMemoryPath(const ParsedFile &, const Analysis &, const Workload &, const QString &,
                              const InMemoryPathSpec &)
{
    return {false, {}, QStringLiteral("not implemented yet"), {}, {}};
}

EditResult removeInMemoryPath(const ParsedFile &, const Analysis &, const Workload &, const QString &)
{
    return {false, {}, QStringLiteral("not implemented yet"), {}, {}};
}

} // namespace deadbolt

#include "views/statusicons.h"

namespace deadbolt {

QIcon statusIcon(Status status)
{
    switch (status) {
    case Status::Immutable:
        return QIcon(QStringLiteral(":/icons/status-immutable.svg"));
    case Status::ImmutableWithExceptions:
        return QIcon(QStringLiteral(":/icons/status-exceptions.svg"));
    case Status::Mutable:
    case Status::Defeated:
        return QIcon(QStringLiteral(":/icons/status-mutable.svg"));
    case Status::Undetermined:
    case Status::Partial:
        return QIcon(QStringLiteral(":/icons/status-undetermined.svg"));
    }
    return {};
}

QColor statusColor(Status status)
{
    switch (status) {
    case Status::Immutable:
        return QColor(0x2e, 0x8b, 0x57);
    case Status::ImmutableWithExceptions:
        return QColor(0x2a, 0x7f, 0x9e);
    case Status::Mutable:
    case Status::Defeated:
        return QColor(0xc0, 0x39, 0x2b);
    case Status::Undetermined:
    case Status::Partial:
        return QColor(0x7f, 0x8c, 0x8d);
    }
    return {};
}

} // namespace deadbolt

#include "model/workload.h"

namespace deadbolt {

QString formatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Compose2:
        return QStringLiteral("compose-2");
    case FileFormat::Compose3:
        return QStringLiteral("compose-3");
    case FileFormat::ComposeSpec:
        return QStringLiteral("compose-spec");
    case FileFormat::Kubernetes:
        return QStringLiteral("kubernetes");
    case FileFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool isCompose(FileFormat format)
{
    return format == FileFormat::Compose2 || format == FileFormat::Compose3 ||
           format == FileFormat::ComposeSpec;
}

QString statusName(Status status)
{
    switch (status) {
    case Status::Immutable:
        return QStringLiteral("immutable");
    case Status::ImmutableWithExceptions:
        return QStringLiteral("immutable-with-exceptions");
    case Status::Mutable:
        return QStringLiteral("mutable");
    case Status::Partial:
        return QStringLiteral("partial");
    case Status::Defeated:
        return QStringLiteral("immutable-defeated");
    case Status::Undetermined:
        break;
    }
    return QStringLiteral("undetermined");
}

QString originName(Origin origin)
{
    switch (origin) {
    case Origin::Own:
        break;
    case Origin::Override:
        return QStringLiteral("override");
    case Origin::Extends:
        return QStringLiteral("extends");
    case Origin::Include:
        return QStringLiteral("include");
    }
    return QStringLiteral("own");
}

QString pathKindName(PathKind kind)
{
    switch (kind) {
    case PathKind::TmpfsShort:
        return QStringLiteral("tmpfs");
    case PathKind::TmpfsLong:
        return QStringLiteral("tmpfs-mount");
    case PathKind::TmpfsVolume:
        return QStringLiteral("tmpfs-volume");
    case PathKind::EmptyDirMemory:
        return QStringLiteral("emptydir-memory");
    case PathKind::Bind:
        return QStringLiteral("bind");
    case PathKind::NamedVolume:
        return QStringLiteral("volume");
    case PathKind::HostPath:
        return QStringLiteral("hostpath");
    case PathKind::EmptyDirDisk:
        return QStringLiteral("emptydir-disk");
    case PathKind::PersistentClaim:
        return QStringLiteral("persistent-volume-claim");
    case PathKind::OtherVolume:
        break;
    }
    return QStringLiteral("other-volume");
}

bool WritablePath::inMemory() const
{
    switch (kind) {
    case PathKind::TmpfsShort:
    case PathKind::TmpfsLong:
    case PathKind::TmpfsVolume:
    case PathKind::EmptyDirMemory:
        return true;
    default:
        return false;
    }
}

Status Workload::status() const
{
    if (partial)
        return Status::Partial;
    switch (rootFs) {
    case RootFs::ReadOnly:
        if (!defeats.isEmpty())
            return Status::Defeated;
        return inMemory.isEmpty() && persistent.isEmpty() ? Status::Immutable
                                                          : Status::ImmutableWithExceptions;
    case RootFs::WritableExplicit:
    case RootFs::WritableDefault:
        return Status::Mutable;
    case RootFs::Undetermined:
        break;
    }
    return Status::Undetermined;
}

QString Workload::displayName() const
{
    if (object.isEmpty())
        return name;
    return object + QLatin1Char('/') + name;
}

} // namespace deadbolt

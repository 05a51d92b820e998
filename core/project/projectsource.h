#pragma once

#include <QString>
#include <memory>
#include <string>

namespace deadbolt {

// Where a Compose project's files are read from: the disk, or one git revision
// (review/gitsource.h), so that `diff --git` merges a project as it was committed. Paths are
// absolute and clean; a source answers for the files it holds and nothing else.
class ProjectSource
{
public:
    virtual ~ProjectSource() = default;
    virtual bool isFile(const QString &absolute) const = 0;
    // The exact bytes; false with *error a sentence naming the file and the reason.
    virtual bool read(const QString &absolute, std::string *bytes, QString *error) const = 0;
    // How reports name the file ("HEAD:deploy/compose.yaml"); empty: as the project was given.
    virtual QString label(const QString &absolute) const
    {
        Q_UNUSED(absolute);
        return {};
    }
};

// The files on disk.
std::shared_ptr<const ProjectSource> diskSource();

} // namespace deadbolt

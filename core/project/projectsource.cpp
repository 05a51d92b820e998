#include "project/projectsource.h"

#include "io/fileloader.h"

#include <QFileInfo>

namespace deadbolt {

namespace {

class DiskSource final : public ProjectSource
{
public:
    bool isFile(const QString &absolute) const override { return QFileInfo(absolute).isFile(); }
    bool read(const QString &absolute, std::string *bytes, QString *error) const override
    {
        return readFileBytes(absolute, bytes, error);
    }
};

} // namespace

std::shared_ptr<const ProjectSource> diskSource()
{
    static const auto disk = std::make_shared<const DiskSource>();
    return disk;
}

} // namespace deadbolt

#include "project/composeproject.h"

#include "io/fileloader.h"
#include "model/locate.h"
#include "model/scalars.h"
#include "policy/ruleids.h"
#include "yaml/merge.h"

#include <QDir>
#include <QFileInfo>

namespace deadbolt {

using namespace yaml;

int ComposeProject::indexOf(const QString &absolutePath) const
{
    for (std::size_t i = 0; i < files.size(); ++i)
        if (files[i].path == absolutePath)
            return int(i);
    return -1;
}

void ComposeProject::showPaths()
{
    for (Diagnostic &d : errors) {
        const int i = indexOf(QFileInfo(d.file).absoluteFilePath());
        if (i >= 0)
            d.file = files[std::size_t(i)].shown;
        else if (relative && QFileInfo(d.file).isAbsolute())
            d.file = QDir::current().relativeFilePath(d.file);
    }
}

QStringList ComposeProject::paths() const
{
    QStringList out;
    for (const ProjectFile &f : files)
        out.append(f.shown);
    return out;
}

QStringList defaultProjectFiles(const QString &dir, const ProjectSource &source)
{
    return defaultProjectFiles(dir, [&](const QString &path) {
        return source.isFile(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    });
}

QStringList defaultProjectFiles(const QString &dir, const std::function<bool(const QString &)> &exists)
{
    const QDir d(dir);
    for (const char *stem : {"compose", "docker-compose"}) {
        for (const char *ext : {"yaml", "yml"}) {
            const QString name = QStringLiteral("%1.%2").arg(QLatin1String(stem), QLatin1String(ext));
            if (!exists(d.filePath(name)))
                continue;
            QStringList files{d.filePath(name)};
            for (const char *overrideExt : {"yaml", "yml"}) {
                const QString o = d.filePath(
                    QStringLiteral("%1.override.%2").arg(QLatin1String(stem), QLatin1String(overrideExt)));
                if (exists(o)) {
                    files.append(o);
                    break;
                }
            }
            return files;
        }
    }
    return {};
}

QStringList composeFileList(const QString &composeFile, const QString &separator)
{
#ifdef Q_OS_WIN
    const QString sep = separator.isEmpty() ? QStringLiteral(";") : separator;
#else
    const QString sep = separator.isEmpty() ? QStringLiteral(":") : separator;
#endif
    QStringList out;
    for (const QString &f : composeFile.split(sep))
        if (!f.isEmpty())
            out.append(f);
    return out;
}

Diagnostic projectError(const QString &file, const Location &at, const QString &message)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.rule = QLatin1String(rules::ProjectError);
    d.message = message;
    d.file = file;
    d.line = at.line;
    d.column = at.column;
    return d;
}

namespace {

class Loader
{
public:
    Loader(ComposeProject &project, bool relative) : m_project(project), m_relative(relative) {}

    // Loads path (and first what it includes); false when it or an include failed.
    bool load(const QString &path, ProjectFile::Role role, const QString &from, const Location &at)
    {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (m_loading.contains(absolute)) {
            m_project.errors.append(projectError(
                from, at,
                QStringLiteral("include cycle: %1 includes %2, which is being read").arg(from, absolute)));
            return false;
        }
        if (m_project.indexOf(absolute) >= 0)
            return true; // included twice: its resources once
        std::string bytes;
        QString error;
        if (!m_project.source->read(absolute, &bytes, &error)) {
            m_project.errors.append(from.isEmpty() ? projectError(absolute, {}, error)
                                                   : projectError(from, at, error));
            return false;
        }
        return adopt(parseText(std::move(bytes), absolute), role);
    }

    // Takes a file already read and parsed (and first what it includes).
    bool adopt(ParsedFile parsed, ProjectFile::Role role)
    {
        const QString absolute = QFileInfo(parsed.path).absoluteFilePath();
        ProjectFile file;
        file.path = absolute;
        file.shown = m_project.source->label(absolute);
        if (file.shown.isEmpty())
            file.shown = m_relative ? QDir::current().relativeFilePath(absolute) : absolute;
        file.role = role;
        file.parsed = std::move(parsed);
        if (!file.parsed.ok()) {
            m_project.errors += file.parsed.errors;
            return false;
        }
        file.info = inspectFormat(file.parsed);
        if (!isCompose(file.info.format)) {
            m_project.errors.append(
                projectError(absolute, {},
                             QStringLiteral("%1 is not a Compose file: %2")
                                 .arg(absolute, file.info.skipReason.isEmpty() ? QStringLiteral("no services")
                                                                               : file.info.skipReason)));
            return false;
        }
        m_loading.append(absolute);
        const bool ok = loadIncludes(file);
        m_loading.removeLast();
        m_project.files.push_back(std::move(file));
        return ok;
    }

private:
    // Top-level `include:`: a list of paths, or of mappings whose `path` is one path or a list
    // (later ones override earlier ones, as -f files do); relative to the including file.
    bool loadIncludes(const ProjectFile &file)
    {
        const Document &doc = file.parsed.stream.documents[std::size_t(file.info.document)];
        const NodeId include = effectiveValue(doc, doc.resolve(doc.root), "include");
        if (include == NoNode)
            return true;
        const QDir dir = QFileInfo(file.path).dir();
        bool ok = true;
        auto one = [&](NodeId node) {
            const NodeId n = doc.resolve(node);
            const Location at = locate(file.parsed, file.info.document, n);
            if (!doc.isScalar(n) || doc.value(n).empty()) {
                m_project.errors.append(
                    projectError(file.path, at, QStringLiteral("an include path must be a string")));
                ok = false;
                return;
            }
            const QString rel = scalars::toQString(doc.value(n));
            const QString path = QDir::cleanPath(dir.absoluteFilePath(rel));
            if (!m_project.source->isFile(path)) {
                m_project.errors.append(projectError(
                    file.path, at, QStringLiteral("include: %1 does not exist (%2)").arg(rel, path)));
                ok = false;
                return;
            }
            ok = load(path, ProjectFile::Role::Included, file.path, at) && ok;
        };
        if (!doc.isSequence(include)) {
            m_project.errors.append(projectError(file.path, locate(file.parsed, file.info.document, include),
                                                 QStringLiteral("include must be a list")));
            return false;
        }
        for (NodeId raw : doc.children(include)) {
            const NodeId item = doc.resolve(raw);
            if (!doc.isMapping(item)) {
                one(item);
                continue;
            }
            const NodeId path = doc.resolve(effectiveValue(doc, item, "path"));
            if (doc.isSequence(path))
                for (NodeId p : doc.children(path))
                    one(p);
            else
                one(path == NoNode ? item : path);
        }
        return ok;
    }

    ComposeProject &m_project;
    bool m_relative;
    QStringList m_loading; // the include chain being read, for cycles
};

} // namespace

ComposeProject loadProject(const QStringList &files, const QString &directory,
                           std::shared_ptr<const ProjectSource> source)
{
    ComposeProject project;
    if (source)
        project.source = std::move(source);
    project.directory = directory.isEmpty() && !files.isEmpty() ? QFileInfo(files.first()).absolutePath()
                                                                : QFileInfo(directory).absoluteFilePath();
    const bool relative = !files.isEmpty() && QFileInfo(files.first()).isRelative();
    Loader loader(project, relative);
    for (const QString &f : files) {
        if (!project.source->isFile(QDir::cleanPath(QFileInfo(f).absoluteFilePath()))) {
            project.errors.append(projectError(f, {}, QStringLiteral("%1: no such file").arg(f)));
            continue;
        }
        loader.load(f, ProjectFile::Role::TopLevel, {}, {});
    }
    project.relative = relative;
    project.showPaths();
    return project;
}

ComposeProject projectOf(ParsedFile file)
{
    ComposeProject project;
    project.directory = QFileInfo(file.path).absolutePath();
    project.relative = QFileInfo(file.path).isRelative();
    Loader loader(project, project.relative);
    loader.adopt(std::move(file), ProjectFile::Role::TopLevel);
    project.showPaths();
    return project;
}

int loadExtendsFile(ComposeProject &project, const QString &path, const Location &at, int from)
{
    const QString &fromPath = project.files[std::size_t(from)].path;
    const QString absolute = QDir::cleanPath(QFileInfo(fromPath).dir().absoluteFilePath(path));
    if (const int known = project.indexOf(absolute); known >= 0)
        return known;
    if (!project.source->isFile(absolute)) {
        project.errors.append(projectError(
            fromPath, at, QStringLiteral("extends: %1 does not exist (%2)").arg(path, absolute)));
        return -1;
    }
    Loader loader(project, project.relative);
    const bool ok = loader.load(absolute, ProjectFile::Role::ExtendsOnly, fromPath, at);
    project.showPaths();
    return ok ? project.indexOf(absolute) : -1;
}

} // namespace deadbolt

// A Compose project's effective workloads: each service's layers (what `extends` gives it,
// then its definition in each file in order) read one by one with the one-file reader and
// merged as docker compose merges them. That is not YAML's merge key: a later layer's
// `read_only` or `user` replaces the earlier one, `tmpfs` entries are added (once per target)
// and `volumes` are merged by target, the later one winning.
#include "project/composeproject.h"

#include "model/locate.h"
#include "model/scalars.h"
#include "policy/ruleids.h"
#include "policy/rules.h"
#include "yaml/merge.h"

#include <QFileInfo>
#include <QHash>
#include <functional>

namespace deadbolt {

using namespace yaml;

namespace {

struct Layer
{
    int file = -1;
    NodeId key = NoNode;
    NodeId value = NoNode;
    Origin origin = Origin::Own;
};

Diagnostic error(const ComposeProject &project, const Location &at, const QString &message)
{
    return projectError(at.file >= 0 ? project.files[std::size_t(at.file)].shown : QString(), at, message);
}

Location at(const ComposeProject &project, int file, NodeId node)
{
    const ProjectFile &f = project.files[std::size_t(file)];
    Location l = locate(f.parsed, f.info.document, node);
    l.file = file;
    return l;
}

const Document &documentOf(const ComposeProject &project, int file)
{
    const ProjectFile &f = project.files[std::size_t(file)];
    return f.parsed.stream.documents[std::size_t(f.info.document)];
}

// The service `name` of a file: its key and value, or nothing.
std::optional<Entry> serviceIn(const ComposeProject &project, int file, std::string_view name)
{
    const ProjectFile &f = project.files[std::size_t(file)];
    if (f.info.services == NoNode)
        return std::nullopt;
    return effectiveGet(documentOf(project, file), f.info.services, name);
}

class Resolver
{
public:
    explicit Resolver(ComposeProject &project) : m_project(project) {}

    // What one definition of a service stands for: the layers its `extends` chain gives, then
    // its own. False with an error in the project when the chain is broken.
    bool layersOf(const Layer &own, std::vector<Layer> &out)
    {
        const Document &doc = documentOf(m_project, own.file);
        const NodeId svc = doc.resolve(own.value);
        const std::string name(doc.value(doc.resolve(own.key)));
        for (const auto &[file, service] : m_chain) {
            if (file == own.file && service == name) {
                // Every step with where it is written, so that both ends of the cycle can be found.
                QStringList chain;
                for (const auto &[f, s] : m_chain) {
                    const auto entry = serviceIn(m_project, f, s);
                    const Location l = entry ? at(m_project, f, entry->key) : Location{};
                    chain.append(QStringLiteral("%1 (%2:%3)")
                                     .arg(QString::fromStdString(s),
                                          QFileInfo(m_project.files[std::size_t(f)].path).fileName())
                                     .arg(l.line));
                }
                m_project.errors.append(
                    error(m_project, at(m_project, own.file, own.key),
                          QStringLiteral("extends cycle: %1 -> %2")
                              .arg(chain.join(QStringLiteral(" -> ")), QString::fromStdString(name))));
                return false;
            }
        }
        const NodeId extends = doc.isMapping(svc) ? doc.resolve(effectiveValue(doc, svc, "extends")) : NoNode;
        if (extends != NoNode) {
            std::string base;
            int baseFile = own.file;
            if (doc.isScalar(extends)) {
                base = doc.value(extends);
            } else if (doc.isMapping(extends)) {
                base = std::string(
                    scalars::trim(doc.value(doc.resolve(effectiveValue(doc, extends, "service")))));
                const NodeId file = doc.resolve(effectiveValue(doc, extends, "file"));
                if (doc.isScalar(file)) {
                    baseFile = loadExtendsFile(m_project, scalars::toQString(doc.value(file)),
                                               at(m_project, own.file, file), own.file);
                    if (baseFile < 0)
                        return false;
                }
            }
            if (base.empty()) {
                m_project.errors.append(error(m_project, at(m_project, own.file, extends),
                                              QStringLiteral("extends names no service")));
                return false;
            }
            const auto entry = serviceIn(m_project, baseFile, base);
            if (!entry) {
                m_project.errors.append(error(
                    m_project, at(m_project, own.file, extends),
                    QStringLiteral("extends: no service %1 in %2")
                        .arg(QString::fromStdString(base), m_project.files[std::size_t(baseFile)].shown)));
                return false;
            }
            m_chain.emplace_back(own.file, name);
            std::vector<Layer> inherited;
            const bool ok = layersOf({baseFile, entry->key, entry->value, Origin::Extends}, inherited);
            m_chain.pop_back();
            if (!ok)
                return false;
            for (Layer &l : inherited) {
                l.origin = Origin::Extends;
                out.push_back(l);
            }
        }
        out.push_back(own);
        return true;
    }

private:
    ComposeProject &m_project;
    std::vector<std::pair<int, std::string>> m_chain;
};

void setFile(Location &l, int file)
{
    if (l.line > 0 || l.node != NoNode)
        l.file = file;
}

// One layer as its file says it, every location naming that file.
Workload readLayer(const ComposeProject &project, const Layer &layer, FileFormat format)
{
    const ProjectFile &f = project.files[std::size_t(layer.file)];
    Workload w = readComposeService(f.parsed, f.info.document, layer.key, layer.value, format);
    setFile(w.location, layer.file);
    for (MountFact &m : w.mounts)
        setFile(m.where, layer.file);
    setFile(w.rootFsLocation, layer.file);
    setFile(w.rootFsProvenance.location, layer.file);
    setFile(w.pathsProvenance.location, layer.file);
    w.rootFsOrigin = layer.origin;
    for (Defeat &d : w.defeats)
        setFile(d.where, layer.file);
    for (QVector<WritablePath> *list : {&w.inMemory, &w.persistent}) {
        for (WritablePath &p : *list) {
            setFile(p.location, layer.file);
            setFile(p.definition, layer.file);
            p.origin = layer.origin;
        }
    }
    return w;
}

// All of one workload's paths, tmpfs entries and volumes apart (docker compose merges them
// as two lists).
void mergePaths(QVector<WritablePath> &tmpfs, QVector<WritablePath> &volumes, const Workload &layer)
{
    for (const QVector<WritablePath> *list : {&layer.inMemory, &layer.persistent}) {
        for (const WritablePath &p : *list) {
            QVector<WritablePath> &into = p.kind == PathKind::TmpfsShort ? tmpfs : volumes;
            auto same = std::find_if(into.begin(), into.end(),
                                     [&](const WritablePath &q) { return q.target == p.target; });
            if (same == into.end())
                into.append(p);
            else if (&into == &volumes)
                *same = p; // a later volume on the same target replaces the earlier one
        }
    }
}

// A later layer's defeats over the earlier ones, as docker compose merges what they come from:
// `privileged` is a scalar, so the last layer that sets it decides (privileged: false in an
// override undoes the base's true); cap_add lists are merged, each capability once; the
// mounts' defeats (the Docker socket, a host system folder) follow their volumes, merged by
// target: one whose entry a later volume replaces goes with it (see dropReplacedMounts).
void mergeDefeats(const ComposeProject &project, const Layer &layer, QVector<Defeat> &merged,
                  const QVector<Defeat> &later)
{
    const Document &doc = documentOf(project, layer.file);
    const NodeId svc = doc.resolve(layer.value);
    if (doc.isMapping(svc) && effectiveValue(doc, svc, "privileged") != NoNode)
        merged.removeIf([](const Defeat &d) { return d.kind == Defeat::Kind::Privileged; });
    for (const Defeat &d : later) {
        const bool known = std::any_of(merged.begin(), merged.end(), [&](const Defeat &m) {
            return m.kind == d.kind && m.what == d.what && m.kind == Defeat::Kind::Capability;
        });
        if (!known)
            merged.append(d);
    }
}

// Host-folder defeats whose mount did not survive the merge (a later volume on its target).
void dropReplacedMounts(Workload &merged)
{
    merged.defeats.removeIf([&](const Defeat &d) {
        if (d.kind != Defeat::Kind::HostFolder)
            return false;
        return std::none_of(merged.persistent.begin(), merged.persistent.end(), [&](const WritablePath &p) {
            return p.location.file == d.where.file && p.location.line == d.where.line &&
                   p.location.column == d.where.column;
        });
    });
}

Workload merge(const ComposeProject &project, const QString &name, const std::vector<Layer> &layers,
               FileFormat format)
{
    Workload merged;
    QVector<WritablePath> tmpfs, volumes;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        Workload w = readLayer(project, layers[i], format);
        if (i == 0) {
            merged = w;
        } else {
            merged.node = w.node;
            merged.document = w.document;
            merged.location = w.location;
            if (w.rootFsLocation.node != NoNode) {
                merged.rootFs = w.rootFs;
                merged.rootFsRaw = w.rootFsRaw;
                merged.rootFsLocation = w.rootFsLocation;
                merged.rootFsProvenance = w.rootFsProvenance;
                merged.rootFsOrigin = w.rootFsOrigin;
                merged.rootFsWriting = w.rootFsWriting; // how this layer wrote it (not a boolean?)
            }
            if (!w.image.isEmpty())
                merged.image = w.image;
            mergeDefeats(project, layers[i], merged.defeats, w.defeats);
            if (!w.user.isEmpty()) {
                merged.user = w.user;
                merged.runAsUser = w.runAsUser;
            }
            if (w.pathsProvenance.shared)
                merged.pathsProvenance = w.pathsProvenance;
        }
        if (i > 0)
            for (MountFact m : std::as_const(w.mounts)) {
                m.layer = int(i); // a target mounted twice counts within one layer
                merged.mounts.append(m);
            }
        mergePaths(tmpfs, volumes, w);
    }
    merged.name = name; // not its base's name, which an extends chain starts with
    if (merged.rootFsLocation.node == NoNode)
        merged.rootFsOrigin = Origin::Own;
    merged.inMemory.clear();
    merged.persistent.clear();
    for (QVector<WritablePath> *list : {&tmpfs, &volumes}) {
        for (WritablePath &p : *list) {
            // A named volume defined in another file of the project: the last file that
            // defines it decides whether it is a tmpfs volume.
            if ((p.kind == PathKind::NamedVolume || p.kind == PathKind::TmpfsVolume) && !p.source.isEmpty()) {
                for (int f = int(project.files.size()) - 1; f >= 0; --f) {
                    const ProjectFile &pf = project.files[std::size_t(f)];
                    if (pf.role == ProjectFile::Role::ExtendsOnly && f != p.location.file)
                        continue;
                    WritablePath probe = p;
                    probe.definition = {};
                    classifyVolume(pf.parsed, pf.info.document, probe);
                    if (probe.definition.node != NoNode) {
                        setFile(probe.definition, f);
                        p = probe;
                        break;
                    }
                }
            }
            (p.inMemory() ? merged.inMemory : merged.persistent).append(p);
        }
    }
    dropReplacedMounts(merged);
    return merged;
}

} // namespace

Analysis analyzeProject(ComposeProject &project)
{
    Analysis analysis;
    analysis.path = project.files.empty() ? QString() : project.files.front().shown;
    for (const ProjectFile &f : project.files)
        if (f.role == ProjectFile::Role::TopLevel) {
            analysis.path = f.shown;
            break;
        }
    if (!project.errors.isEmpty()) {
        analysis.errors = project.errors;
        analysis.files = project.paths();
        return analysis;
    }
    // Every definition of every service, in file order; a service defined both in an included
    // file and elsewhere is an error, as in docker compose.
    QStringList order;
    QHash<QString, std::vector<Layer>> definitions;
    QHash<QString, int> includedFrom;
    FileFormat format = FileFormat::Unknown;
    for (std::size_t i = 0; i < project.files.size(); ++i) {
        const ProjectFile &f = project.files[i];
        if (f.role == ProjectFile::Role::ExtendsOnly || f.info.services == NoNode)
            continue;
        if (format == FileFormat::Unknown)
            format = f.info.format;
        const Document &doc = documentOf(project, int(i));
        for (const Entry &e : effectiveEntries(doc, f.info.services)) {
            const QString name = scalars::toQString(doc.value(doc.resolve(e.key)));
            std::vector<Layer> &defs = definitions[name];
            const bool included = f.role == ProjectFile::Role::Included;
            if (!defs.empty() && (included || includedFrom.contains(name))) {
                project.errors.append(
                    error(project, at(project, int(i), e.key),
                          QStringLiteral("service %1 is defined in %2 and again in an "
                                         "included file: docker compose refuses that")
                              .arg(name, project.files[std::size_t(defs.front().file)].shown)));
                continue;
            }
            if (included)
                includedFrom.insert(name, int(i));
            if (defs.empty())
                order.append(name);
            defs.push_back({int(i), e.key, e.value,
                            defs.empty() ? (included ? Origin::Include : Origin::Own) : Origin::Override});
        }
    }
    Resolver resolver(project);
    QVector<Workload> workloads;
    for (const QString &name : order) {
        std::vector<Layer> layers;
        bool ok = true;
        for (const Layer &d : definitions.value(name))
            ok = resolver.layersOf(d, layers) && ok;
        if (ok)
            workloads.append(merge(project, name, layers, format));
    }
    analysis.files = project.paths();
    if (!project.errors.isEmpty()) {
        analysis.errors = project.errors;
        return analysis;
    }
    analysis.format = format;
    // A service that is nothing but fragments in every file still cannot run: say so.
    for (Workload &w : workloads) {
        const std::vector<Layer> &defs = definitions.value(w.name);
        w.partial =
            w.rootFs == RootFs::WritableDefault && std::all_of(defs.begin(), defs.end(), [&](const Layer &l) {
                return isFragment(documentOf(project, l.file), l.value);
            });
    }
    policy::applyRules(project.files.front().parsed, format, workloads);
    for (Workload &w : workloads)
        for (Diagnostic &d : w.findings)
            if (d.fileIndex >= 0)
                d.file = project.files[std::size_t(d.fileIndex)].shown;
    analysis.workloads = std::move(workloads);
    return analysis;
}

} // namespace deadbolt

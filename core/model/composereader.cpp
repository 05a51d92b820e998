#include "model/analyzer.h"
#include "model/defeats.h"
#include "model/format.h"
#include "model/locate.h"
#include "model/scalars.h"
#include "yaml/merge.h"

#include <QHash>
#include <cctype>

namespace deadbolt {

using namespace yaml;
using scalars::toQString;

namespace {

struct ComposeContext
{
    const ParsedFile &file;
    const Document &doc;
    int document;
    FileFormat format;
    NodeId topVolumes; // the top-level `volumes` mapping, resolved; NoNode if absent
};

std::string_view scalarValue(const Document &doc, NodeId node)
{
    return doc.isScalar(node) ? doc.value(node) : std::string_view();
}

// Splits "src:dst:mode" at colons, but not inside `${...}` and not after a Windows drive letter.
QVector<std::string_view> splitVolumeSpec(std::string_view spec)
{
    QVector<std::string_view> parts;
    std::size_t start = 0;
    int braces = 0;
    for (std::size_t i = 0; i < spec.size(); ++i) {
        const char c = spec[i];
        if (c == '{' && i > 0 && spec[i - 1] == '$')
            ++braces;
        else if (c == '}' && braces > 0)
            --braces;
        else if (c == ':' && braces == 0) {
            const bool driveLetter = i == start + 1 && i + 1 < spec.size() &&
                                     (spec[i + 1] == '\\' || spec[i + 1] == '/') &&
                                     std::isalpha(static_cast<unsigned char>(spec[start]));
            if (!driveLetter) {
                parts.append(spec.substr(start, i - start));
                start = i + 1;
            }
        }
    }
    parts.append(spec.substr(start));
    return parts;
}

bool looksLikePath(std::string_view source)
{
    if (source.empty())
        return false;
    const char c = source.front();
    return c == '/' || c == '.' || c == '~' || c == '$' || source.find('/') != std::string_view::npos ||
           source.find('\\') != std::string_view::npos;
}

// A named volume mounted at `path`: a tmpfs volume when its top-level definition says
// driver_opts.type tmpfs (the Compose 3.x / Swarm way), an ordinary named volume otherwise.
void classifyNamedVolume(const ComposeContext &ctx, WritablePath &path, std::string_view name)
{
    path.kind = PathKind::NamedVolume;
    if (name.empty() || !ctx.doc.isMapping(ctx.topVolumes))
        return;
    const auto entry = effectiveGet(ctx.doc, ctx.topVolumes, name);
    if (!entry)
        return;
    const NodeId def = ctx.doc.resolve(entry->value);
    path.definition = locateAt(ctx.file, ctx.document, def, entry->key);
    const NodeId opts = effectiveValue(ctx.doc, def, "driver_opts");
    const std::string_view type = scalars::trim(scalarValue(ctx.doc, effectiveValue(ctx.doc, opts, "type")));
    if (type != "tmpfs")
        return;
    path.kind = PathKind::TmpfsVolume;
    const std::string_view o = scalarValue(ctx.doc, effectiveValue(ctx.doc, opts, "o"));
    const scalars::MountOptions parsed = scalars::parseMountOptions(o);
    path.options = toQString(o);
    path.size = parsed.size;
    path.mode = parsed.mode;
    path.uid = parsed.uid;
    path.gid = parsed.gid;
}

void addPath(Workload &w, WritablePath &&path)
{
    if (path.inMemory())
        w.inMemory.append(std::move(path));
    else
        w.persistent.append(std::move(path));
}

void readShortVolume(const ComposeContext &ctx, Workload &w, NodeId item)
{
    const std::string_view spec = scalars::trim(ctx.doc.value(item));
    const QVector<std::string_view> parts = splitVolumeSpec(spec);
    WritablePath path;
    path.location = locate(ctx.file, ctx.document, item);
    std::string_view source;
    if (parts.size() == 1) {
        path.target = toQString(parts[0]); // an anonymous volume
    } else {
        source = parts[0];
        path.target = toQString(parts[1]);
    }
    w.mounts.append({path.target, path.location});
    if (parts.size() >= 3) {
        std::string_view mode = parts[2];
        while (!mode.empty()) {
            const std::size_t comma = mode.find(',');
            if (scalars::trim(mode.substr(0, comma)) == "ro")
                return;
            mode = comma == std::string_view::npos ? std::string_view() : mode.substr(comma + 1);
        }
    }
    path.source = toQString(source);
    if (looksLikePath(source))
        path.kind = PathKind::Bind;
    else
        classifyNamedVolume(ctx, path, source);
    addPath(w, std::move(path));
}

void readLongVolume(const ComposeContext &ctx, Workload &w, NodeId item)
{
    const Document &doc = ctx.doc;
    WritablePath path;
    path.location = locate(ctx.file, ctx.document, item);
    path.target = toQString(scalars::trim(scalarValue(doc, effectiveValue(doc, item, "target"))));
    w.mounts.append({path.target, path.location});
    const auto readOnly = effectiveGet(doc, item, "read_only");
    if (readOnly && scalars::readBool(doc, readOnly->value).truth == scalars::Truth::True)
        return;
    const std::string_view source = scalars::trim(scalarValue(doc, effectiveValue(doc, item, "source")));
    path.source = toQString(source);
    std::string_view type = scalars::trim(scalarValue(doc, effectiveValue(doc, item, "type")));
    if (type.empty())
        type = looksLikePath(source) ? "bind" : "volume";
    if (type == "tmpfs") {
        path.kind = PathKind::TmpfsLong;
        const NodeId tmpfs = effectiveValue(doc, item, "tmpfs");
        path.size = toQString(scalars::trim(scalarValue(doc, effectiveValue(doc, tmpfs, "size"))));
        path.mode = toQString(scalars::trim(scalarValue(doc, effectiveValue(doc, tmpfs, "mode"))));
    } else if (type == "bind") {
        path.kind = PathKind::Bind;
    } else if (type == "volume") {
        classifyNamedVolume(ctx, path, source);
    } else if (type == "npipe" || type == "image") {
        return; // a Windows pipe or an image's content: nothing the container writes to disk
    } else {
        path.kind = PathKind::OtherVolume;
    }
    addPath(w, std::move(path));
}

void readVolumes(const ComposeContext &ctx, NodeId svc, Workload &w)
{
    const NodeId volumes = effectiveValue(ctx.doc, svc, "volumes");
    if (!ctx.doc.isSequence(volumes))
        return;
    for (NodeId raw : ctx.doc.children(volumes)) {
        const NodeId item = ctx.doc.resolve(raw);
        if (ctx.doc.isScalar(item))
            readShortVolume(ctx, w, item);
        else if (ctx.doc.isMapping(item))
            readLongVolume(ctx, w, item);
    }
}

// `tmpfs: /run` or `tmpfs: [/run, "/tmp:size=64m,uid=33"]`: the options after the first
// colon go to the engine as mount options.
void readTmpfs(const ComposeContext &ctx, NodeId svc, Workload &w)
{
    const NodeId tmpfs = effectiveValue(ctx.doc, svc, "tmpfs");
    if (tmpfs == NoNode)
        return;
    auto readItem = [&](NodeId item) {
        if (!ctx.doc.isScalar(item))
            return;
        const std::string_view spec = scalars::trim(ctx.doc.value(item));
        const std::size_t colon = spec.find(':');
        WritablePath path;
        path.kind = PathKind::TmpfsShort;
        path.location = locate(ctx.file, ctx.document, item);
        path.target = toQString(spec.substr(0, colon));
        w.mounts.append({path.target, path.location});
        if (colon != std::string_view::npos) {
            const std::string_view options = spec.substr(colon + 1);
            const scalars::MountOptions parsed = scalars::parseMountOptions(options);
            if (parsed.readOnly)
                return;
            path.options = toQString(options);
            path.size = parsed.size;
            path.mode = parsed.mode;
            path.uid = parsed.uid;
            path.gid = parsed.gid;
        }
        w.inMemory.append(std::move(path));
    };
    if (ctx.doc.isSequence(tmpfs)) {
        for (NodeId item : ctx.doc.children(tmpfs))
            readItem(ctx.doc.resolve(item));
    } else {
        readItem(tmpfs);
    }
}

void readRootFs(const ComposeContext &ctx, NodeId svc, Workload &w)
{
    const auto entry = effectiveGet(ctx.doc, svc, "read_only");
    if (!entry || scalars::isNull(ctx.doc, entry->value)) {
        w.rootFs = RootFs::WritableDefault;
        return;
    }
    const NodeId value = entry->value;
    const NodeId resolved = ctx.doc.resolve(value);
    w.rootFsRaw = ctx.doc.isScalar(resolved) ? toQString(ctx.doc.value(resolved)) : QString();
    w.rootFsLocation = locate(ctx.file, ctx.document, value);
    const scalars::BoolReading reading = scalars::readBool(ctx.doc, value);
    switch (reading.truth) {
    case scalars::Truth::True:
        w.rootFs = RootFs::ReadOnly;
        break;
    case scalars::Truth::False:
        w.rootFs = RootFs::WritableExplicit;
        break;
    case scalars::Truth::Interpolated:
        w.rootFs = RootFs::Undetermined;
        break;
    }
    if (reading.notBoolean)
        w.rootFsWriting = FlagWriting::NotBoolean;
    if (entry->via != NoNode) {
        Provenance &p = w.rootFsProvenance;
        p.shared = true;
        p.block = entry->owner;
        std::string_view anchor = ctx.doc.anchored(entry->owner) ? ctx.doc.anchorName(entry->owner)
                                                                 : ctx.doc.anchorName(entry->via);
        p.anchor = toQString(anchor);
        p.location = w.rootFsLocation;
    }
}

void readPathsProvenance(const ComposeContext &ctx, NodeId svc, Workload &w)
{
    const auto entry = effectiveGet(ctx.doc, svc, ctx.format == FileFormat::Compose3 ? "volumes" : "tmpfs");
    if (!entry || entry->via == NoNode)
        return;
    Provenance &p = w.pathsProvenance;
    p.shared = true;
    p.block = entry->owner;
    p.anchor = toQString(ctx.doc.anchored(entry->owner) ? ctx.doc.anchorName(entry->owner)
                                                        : ctx.doc.anchorName(entry->via));
    p.location = locateAt(ctx.file, ctx.document, entry->value, entry->key);
}

void readUser(const ComposeContext &ctx, NodeId svc, Workload &w)
{
    const NodeId image = effectiveValue(ctx.doc, svc, "image");
    if (ctx.doc.isScalar(image))
        w.image = toQString(scalars::trim(ctx.doc.value(image)));
    const NodeId user = effectiveValue(ctx.doc, svc, "user");
    if (!ctx.doc.isScalar(user))
        return;
    const std::string_view value = scalars::trim(ctx.doc.value(user));
    w.user = toQString(value);
    if (!scalars::isInterpolated(value))
        w.runAsUser = scalars::composeUid(value);
}

} // namespace

Workload readComposeService(const ParsedFile &file, int document, NodeId key, NodeId value, FileFormat format)
{
    const Document &doc = file.stream.documents[std::size_t(document)];
    const NodeId root = doc.resolve(doc.root);
    const ComposeContext ctx{file, doc, document, format, effectiveValue(doc, root, "volumes")};
    Workload w;
    w.name = toQString(scalarValue(doc, doc.resolve(key)));
    w.kind = QStringLiteral("service");
    w.document = document;
    const NodeId svc = doc.resolve(value);
    w.node = svc;
    w.location = locateAt(file, document, svc, key);
    if (doc.isMapping(svc)) {
        readRootFs(ctx, svc, w);
        readUser(ctx, svc, w);
        readTmpfs(ctx, svc, w);
        readVolumes(ctx, svc, w);
        readPathsProvenance(ctx, svc, w);
        readComposeDefeats(file, document, svc, w);
    }
    return w;
}

void classifyVolume(const ParsedFile &file, int document, WritablePath &path)
{
    const Document &doc = file.stream.documents[std::size_t(document)];
    const ComposeContext ctx{file, doc, document, FileFormat::ComposeSpec,
                             effectiveValue(doc, doc.resolve(doc.root), "volumes")};
    classifyNamedVolume(ctx, path, path.source.toStdString());
}

QVector<Workload> readCompose(const ParsedFile &file, FileFormat format)
{
    QVector<Workload> workloads;
    const FormatInfo info = inspectFormat(file);
    if (!isCompose(info.format) || info.document < 0)
        return workloads;
    const Document &doc = file.stream.documents[std::size_t(info.document)];
    QHash<NodeId, QStringList> mergedBy; // shared block -> services merging it
    for (const Entry &entry : effectiveEntries(doc, info.services)) {
        Workload w = readComposeService(file, info.document, entry.key, entry.value, format);
        if (doc.isMapping(w.node))
            for (NodeId block : mergedMappings(doc, w.node))
                mergedBy[block].append(w.name);
        workloads.append(std::move(w));
    }
    for (Workload &w : workloads) {
        if (w.rootFsProvenance.shared)
            w.rootFsProvenance.sharedBy = mergedBy.value(w.rootFsProvenance.block);
        if (w.pathsProvenance.shared)
            w.pathsProvenance.sharedBy = mergedBy.value(w.pathsProvenance.block);
        w.mergedBy = mergedBy.value(w.node);
    }
    return workloads;
}

} // namespace deadbolt

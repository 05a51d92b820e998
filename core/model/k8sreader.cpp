#include "model/analyzer.h"
#include "model/defeats.h"
#include "model/locate.h"
#include "model/podspec.h"
#include "model/scalars.h"
#include "yaml/merge.h"

namespace deadbolt {

using namespace yaml;
using scalars::toQString;

namespace {

std::string_view scalarValue(const Document &doc, NodeId node)
{
    return doc.isScalar(node) ? scalars::trim(doc.value(node)) : std::string_view();
}

struct Pod
{
    const ParsedFile &file;
    const Document &doc;
    int document;
    QString kind;
    QString objectName = {};
    QString namespaceName = {};
    QString object = {};
    NodeId spec = NoNode;
    NodeId volumes = NoNode;
    QVector<AnnotationFact> objectAnnotations = {};
    QVector<AnnotationFact> templateAnnotations = {};
    std::optional<qint64> runAsUser = {};
    std::optional<bool> runAsNonRoot = {};
    std::optional<qint64> fsGroup = {};
    bool windows = false;
};

// Annotations as written: scalar keys, and their values when scalars (else empty).
QVector<AnnotationFact> annotationsOf(const Document &doc, NodeId annotations)
{
    QVector<AnnotationFact> out;
    annotations = annotations == NoNode ? NoNode : doc.resolve(annotations);
    if (!doc.isMapping(annotations))
        return out;
    for (const Entry &entry : effectiveEntries(doc, annotations)) {
        const NodeId key = doc.resolve(entry.key);
        const NodeId value = doc.resolve(entry.value);
        if (doc.isScalar(key))
            out.append(
                {toQString(doc.value(key)), doc.isScalar(value) ? toQString(doc.value(value)) : QString()});
    }
    return out;
}

std::optional<bool> boolField(const Document &doc, NodeId map, std::string_view key)
{
    const NodeId v = effectiveValue(doc, map, key);
    if (v == NoNode || scalars::isNull(doc, v))
        return std::nullopt;
    return scalars::readBool(doc, v).truth == scalars::Truth::True;
}

std::optional<qint64> intField(const Document &doc, NodeId map, std::string_view key)
{
    const NodeId v = effectiveValue(doc, map, key);
    return doc.isScalar(v) ? scalars::parseInt(doc.value(v)) : std::nullopt;
}

// The pod volume a volumeMount names, classified; false when it cannot be written to.
bool classifyVolume(const Pod &pod, std::string_view name, WritablePath &path)
{
    const Document &doc = pod.doc;
    path.kind = PathKind::OtherVolume;
    path.source = toQString(name);
    if (!doc.isSequence(pod.volumes))
        return true;
    for (NodeId raw : doc.children(pod.volumes)) {
        const NodeId volume = doc.resolve(raw);
        if (scalarValue(doc, effectiveValue(doc, volume, "name")) != name)
            continue;
        path.definition = locate(pod.file, pod.document, volume);
        for (const Entry &entry : effectiveEntries(doc, volume)) {
            const std::string_view type = scalarValue(doc, doc.resolve(entry.key));
            if (type == "name")
                continue;
            const NodeId source = doc.resolve(entry.value);
            if (type == "configMap" || type == "secret" || type == "downwardAPI" || type == "projected" ||
                type == "image")
                return false; // mounted read-only by the kubelet whatever the mount says
            if (boolField(doc, source, "readOnly").value_or(false))
                return false;
            if (type == "emptyDir") {
                const bool memory = scalarValue(doc, effectiveValue(doc, source, "medium")) == "Memory";
                path.kind = memory ? PathKind::EmptyDirMemory : PathKind::EmptyDirDisk;
                path.size = toQString(scalarValue(doc, effectiveValue(doc, source, "sizeLimit")));
            } else if (type == "hostPath") {
                path.kind = PathKind::HostPath;
                path.source = toQString(scalarValue(doc, effectiveValue(doc, source, "path")));
            } else if (type == "persistentVolumeClaim") {
                path.kind = PathKind::PersistentClaim;
                path.source = toQString(scalarValue(doc, effectiveValue(doc, source, "claimName")));
            }
            return true;
        }
        return true;
    }
    return true;
}

void readMounts(const Pod &pod, NodeId container, Workload &w)
{
    const Document &doc = pod.doc;
    const NodeId mounts = effectiveValue(doc, container, "volumeMounts");
    if (!doc.isSequence(mounts))
        return;
    for (NodeId raw : doc.children(mounts)) {
        const NodeId mount = doc.resolve(raw);
        if (!doc.isMapping(mount))
            continue;
        WritablePath path;
        path.location = locate(pod.file, pod.document, mount);
        path.target = toQString(scalarValue(doc, effectiveValue(doc, mount, "mountPath")));
        w.mounts.append({path.target, path.location});
        if (boolField(doc, mount, "readOnly").value_or(false))
            continue;
        if (!classifyVolume(pod, scalarValue(doc, effectiveValue(doc, mount, "name")), path))
            continue;
        if (path.kind == PathKind::EmptyDirMemory && pod.fsGroup)
            path.gid = pod.fsGroup;
        if (path.inMemory())
            w.inMemory.append(std::move(path));
        else
            w.persistent.append(std::move(path));
    }
}

void readRootFs(const Pod &pod, NodeId securityContext, Workload &w)
{
    const Document &doc = pod.doc;
    const auto entry = doc.isMapping(securityContext)
                           ? effectiveGet(doc, securityContext, "readOnlyRootFilesystem")
                           : std::nullopt;
    if (!entry || scalars::isNull(doc, entry->value))
        return; // WritableDefault
    const NodeId value = doc.resolve(entry->value);
    w.rootFsRaw = doc.isScalar(value) ? toQString(doc.value(value)) : QString();
    w.rootFsLocation = locate(pod.file, pod.document, entry->value);
    const scalars::BoolReading reading = scalars::readBool(doc, entry->value);
    w.rootFs = reading.truth == scalars::Truth::True    ? RootFs::ReadOnly
               : reading.truth == scalars::Truth::False ? RootFs::WritableExplicit
                                                        : RootFs::Undetermined;
    // The API server decodes the manifest's JSON: a quoted "true" is a string there, and a
    // plain word it does not read as YAML 1.1 boolean is one too. Either way it is refused.
    const bool quoted = doc.isScalar(value) && doc.node(value).scalarStyle != ScalarStyle::Plain;
    if (reading.truth != scalars::Truth::Interpolated && (quoted || reading.notBoolean)) {
        w.rootFs = RootFs::Undetermined;
        w.rootFsWriting = quoted ? FlagWriting::KubernetesQuoted : FlagWriting::KubernetesWord;
        return;
    }
    if (reading.notBoolean)
        w.rootFsWriting = FlagWriting::NotBoolean;
}

void readContainer(const Pod &pod, NodeId container, const char *list, QVector<Workload> &out)
{
    const Document &doc = pod.doc;
    Workload w;
    w.name = toQString(scalarValue(doc, effectiveValue(doc, container, "name")));
    w.image = toQString(scalarValue(doc, effectiveValue(doc, container, "image")));
    w.kind = pod.kind;
    w.object = pod.object;
    w.objectName = pod.objectName;
    w.namespaceName = pod.namespaceName;
    w.containerList = QLatin1String(list);
    w.document = pod.document;
    w.node = container;
    w.podSpec = pod.spec;
    w.objectAnnotations = pod.objectAnnotations;
    w.templateAnnotations = pod.templateAnnotations;
    w.windows = pod.windows;
    w.fsGroup = pod.fsGroup;
    w.location = locate(pod.file, pod.document, container);

    const NodeId sc = effectiveValue(doc, container, "securityContext");
    readRootFs(pod, sc, w);
    w.runAsUser = intField(doc, sc, "runAsUser");
    if (!w.runAsUser)
        w.runAsUser = pod.runAsUser;
    w.runAsNonRoot = boolField(doc, sc, "runAsNonRoot");
    if (!w.runAsNonRoot)
        w.runAsNonRoot = pod.runAsNonRoot;
    QStringList user;
    if (w.runAsUser)
        user << QStringLiteral("runAsUser=%1").arg(*w.runAsUser);
    if (w.runAsNonRoot)
        user << QStringLiteral("runAsNonRoot=%1").arg(*w.runAsNonRoot ? u"true" : u"false");
    if (w.fsGroup)
        user << QStringLiteral("fsGroup=%1").arg(*w.fsGroup);
    w.user = user.join(QLatin1Char(','));
    readMounts(pod, container, w);
    readKubernetesDefeats(pod.file, pod.document, container, pod.spec, w);
    out.append(std::move(w));
}

void readObject(const ParsedFile &file, const Document &doc, int document, NodeId object, int depth,
                QVector<Workload> &out)
{
    if (!doc.isMapping(object) || depth > 16)
        return;
    // Most documents of a large manifest are not workloads: decide on `kind` alone first.
    const std::string_view kind = scalarValue(doc, effectiveValue(doc, object, "kind"));
    if (kind == "List") {
        const NodeId items = effectiveValue(doc, object, "items");
        if (doc.isSequence(items))
            for (NodeId item : doc.children(items))
                readObject(file, doc, document, doc.resolve(item), depth + 1, out);
        return;
    }
    const PodSpecPath *where = podSpecPath(kind);
    if (!where)
        return;
    NodeId spec = object;
    for (int i = 0; i < where->depth && spec != NoNode; ++i)
        spec = effectiveValue(doc, spec, where->keys[std::size_t(i)]);
    if (!doc.isMapping(spec))
        return;

    Pod pod{file, doc, document, toQString(kind)};
    const NodeId metadata = effectiveValue(doc, object, "metadata");
    pod.objectName = toQString(scalarValue(doc, effectiveValue(doc, metadata, "name")));
    pod.namespaceName = toQString(scalarValue(doc, effectiveValue(doc, metadata, "namespace")));
    pod.object = pod.namespaceName.isEmpty()
                     ? pod.kind + QLatin1Char('/') + pod.objectName
                     : pod.kind + QLatin1Char('/') + pod.namespaceName + QLatin1Char('/') + pod.objectName;
    // The pod template (spec.template, spec.jobTemplate.spec.template) holds the pod spec.
    NodeId podTemplate = where->depth > 1 ? object : NoNode;
    for (int i = 0; i + 1 < where->depth && podTemplate != NoNode; ++i)
        podTemplate = effectiveValue(doc, podTemplate, where->keys[std::size_t(i)]);
    pod.objectAnnotations = annotationsOf(doc, effectiveValue(doc, metadata, "annotations"));
    pod.templateAnnotations =
        annotationsOf(doc, effectiveValue(doc, effectiveValue(doc, podTemplate, "metadata"), "annotations"));
    pod.spec = spec;
    pod.volumes = effectiveValue(doc, spec, "volumes");
    const NodeId podSc = effectiveValue(doc, spec, "securityContext");
    pod.runAsUser = intField(doc, podSc, "runAsUser");
    pod.runAsNonRoot = boolField(doc, podSc, "runAsNonRoot");
    pod.fsGroup = intField(doc, podSc, "fsGroup");
    pod.windows = scalarValue(doc, effectiveValue(doc, effectiveValue(doc, spec, "os"), "name")) == "windows";

    for (const char *list : {"initContainers", "containers", "ephemeralContainers"}) {
        const NodeId containers = effectiveValue(doc, spec, list);
        if (!doc.isSequence(containers))
            continue;
        for (NodeId item : doc.children(containers)) {
            const NodeId container = doc.resolve(item);
            if (doc.isMapping(container))
                readContainer(pod, container, list, out);
        }
    }
}

} // namespace

QVector<Workload> readKubernetes(const ParsedFile &file)
{
    QVector<Workload> workloads;
    const auto &documents = file.stream.documents;
    // Room for one workload per pod-holding document, most have one container: a list that
    // doubles its way to 20,000 workloads holds 6 MB it never uses.
    qsizetype pods = 0;
    for (const Document &doc : documents)
        if (doc.root != NoNode &&
            podSpecPath(scalarValue(doc, effectiveValue(doc, doc.resolve(doc.root), "kind"))))
            ++pods;
    workloads.reserve(pods);
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const Document &doc = documents[i];
        if (doc.root == NoNode)
            continue;
        readObject(file, doc, int(i), doc.resolve(doc.root), 0, workloads);
    }
    return workloads;
}

} // namespace deadbolt

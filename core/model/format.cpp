#include "model/format.h"

#include "model/scalars.h"
#include "yaml/merge.h"

namespace deadbolt {

using namespace yaml;

int firstContentDocument(const Stream &stream)
{
    for (std::size_t i = 0; i < stream.documents.size(); ++i) {
        const Document &doc = stream.documents[i];
        if (!scalars::isNull(doc, doc.root))
            return int(i);
    }
    return -1;
}

bool hasKubernetesObject(const Stream &stream)
{
    for (const Document &d : stream.documents) {
        const NodeId r = d.root == NoNode ? NoNode : d.resolve(d.root);
        if (d.isMapping(r) && effectiveGet(d, r, "kind"))
            return true;
    }
    return false;
}

// "2", "2.0".."2.4" and "3", "3.0".."3.9": the versions the 2.x and 3.x schemas define.
static FileFormat versionFormat(std::string_view v)
{
    if (v.empty() || (v[0] != '2' && v[0] != '3'))
        return FileFormat::Unknown;
    const bool two = v[0] == '2';
    if (v.size() == 1)
        return two ? FileFormat::Compose2 : FileFormat::Compose3;
    if (v.size() != 3 || v[1] != '.' || v[2] < '0' || v[2] > (two ? '4' : '9'))
        return FileFormat::Unknown;
    return two ? FileFormat::Compose2 : FileFormat::Compose3;
}

static void readComposeVersion(const Document &doc, NodeId root, FormatInfo &info)
{
    const auto entry = effectiveGet(doc, root, "version");
    if (!entry || scalars::isNull(doc, entry->value)) {
        info.format = FileFormat::ComposeSpec;
        return;
    }
    info.version = doc.resolve(entry->value);
    const std::string_view v =
        doc.isScalar(info.version) ? scalars::trim(doc.value(info.version)) : std::string_view();
    info.format = versionFormat(v);
    if (info.format == FileFormat::Unknown) {
        info.format = FileFormat::ComposeSpec;
        info.note = QStringLiteral("version \"%1\" is neither a Compose 2.x nor a 3.x file format: "
                                   "read as the Compose Specification, which ignores `version`")
                        .arg(scalars::toQString(v));
    }
}

FormatInfo inspectFormat(const ParsedFile &file)
{
    FormatInfo info;
    const Stream &stream = file.stream;
    const int first = firstContentDocument(stream);
    if (first < 0) {
        info.skipReason = QStringLiteral("the file holds no YAML content");
        return info;
    }
    const Document &doc = stream.documents[std::size_t(first)];
    const NodeId root = doc.resolve(doc.root);
    if (doc.isMapping(root) && !effectiveGet(doc, root, "apiVersion")) {
        const NodeId services = effectiveValue(doc, root, "services");
        if (doc.isMapping(services)) {
            info.document = first;
            info.services = services;
            readComposeVersion(doc, root, info);
            return info;
        }
    }
    if (hasKubernetesObject(stream)) {
        info.format = FileFormat::Kubernetes;
        return info;
    }
    info.skipReason = QStringLiteral("neither a Compose file (no `services:` mapping) nor a Kubernetes "
                                     "manifest (no document with `kind:`)");
    return info;
}

FileFormat detectFormat(const ParsedFile &file)
{
    return inspectFormat(file).format;
}

} // namespace deadbolt

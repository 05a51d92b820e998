#include "policy/exemptions.h"

#include "model/scalars.h"
#include "yaml/merge.h"

namespace deadbolt::policy {

using namespace yaml;
using scalars::toQString;

namespace {

bool containsIgnoreCase(std::string_view haystack, std::string_view needle)
{
    if (needle.size() > haystack.size())
        return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i)
        if (scalars::equalsIgnoreCase(haystack.substr(i, needle.size()), needle))
            return true;
    return false;
}

bool isFalseWord(std::string_view v)
{
    v = scalars::trim(v);
    return scalars::equalsIgnoreCase(v, "false") || scalars::equalsIgnoreCase(v, "no") ||
           scalars::equalsIgnoreCase(v, "off");
}

Exemption exempt(const char *tool, std::string_view reason, std::string_view key)
{
    Exemption e;
    e.exempt = true;
    e.tool = QLatin1String(tool);
    reason = scalars::trim(reason);
    e.reason = toQString(reason.empty() ? key : reason);
    return e;
}

// The exemption one annotation grants, if any.
std::optional<Exemption> fromAnnotation(std::string_view key, std::string_view value)
{
    if (key == "ignore-check.kube-linter.io/no-read-only-root-fs" || key == "kube-linter.io/ignore-all")
        return exempt("kube-linter", value, key);
    if (key == "polaris.fairwinds.com/exempt" ||
        key == "polaris.fairwinds.com/notReadOnlyRootFilesystem-exempt") {
        if (isFalseWord(value))
            return std::nullopt;
        return exempt("polaris", key, key); // the value is only "true": the key says why
    }
    if (key.substr(0, 15) == "checkov.io/skip") {
        const std::size_t at = value.find("CKV_K8S_22");
        if (at == std::string_view::npos)
            return std::nullopt;
        std::string_view rest = value.substr(at + 10);
        if (!rest.empty() && rest.front() == '=')
            rest.remove_prefix(1);
        return exempt("checkov", rest, "CKV_K8S_22");
    }
    if (key == "kube-score/ignore") {
        if (!containsIgnoreCase(value, "readonlyrootfilesystem"))
            return std::nullopt;
        return exempt("kube-score", value, key);
    }
    if (key == "monokle.io/suppress.KSV014" || key == "monokle.io/suppress.ope.no-writable-fs")
        return exempt("monokle", value, key);
    return std::nullopt;
}

} // namespace

Exemption findExemption(const Document &doc, NodeId annotations)
{
    annotations = annotations == NoNode ? NoNode : doc.resolve(annotations);
    if (!doc.isMapping(annotations))
        return {};
    for (const Entry &entry : effectiveEntries(doc, annotations)) {
        const NodeId key = doc.resolve(entry.key);
        const NodeId value = doc.resolve(entry.value);
        if (!doc.isScalar(key))
            continue;
        const std::string_view v = doc.isScalar(value) ? doc.value(value) : std::string_view();
        if (auto e = fromAnnotation(doc.value(key), v))
            return *e;
    }
    return {};
}

} // namespace deadbolt::policy

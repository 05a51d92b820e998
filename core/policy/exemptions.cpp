// Each tool's exemption read as its own source code reads it (the files and versions are in
// exemptions.h); tst_policy holds every spelling and value to that.
#include "policy/exemptions.h"

#include "model/scalars.h"
#include "yaml/merge.h"

#include <array>
#include <vector>

namespace deadbolt::policy {

using namespace yaml;
using scalars::toQString;

namespace {

struct Annotation
{
    std::string key;
    std::string value;
    bool present = true;
};
using Annotations = std::vector<Annotation>;

Annotations read(const QVector<AnnotationFact> &facts)
{
    Annotations out;
    out.reserve(std::size_t(facts.size()));
    for (const AnnotationFact &a : facts)
        out.push_back({a.key.toStdString(), a.value.toStdString()});
    return out;
}

const Annotation *find(const Annotations &list, std::string_view key)
{
    for (const Annotation &a : list)
        if (a.key == key)
            return &a;
    return nullptr;
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

// kube-linter: the key alone, whatever its value.
std::optional<Exemption> kubeLinter(const Annotations &object)
{
    for (const char *key : {"ignore-check.kube-linter.io/no-read-only-root-fs", "kube-linter.io/ignore-all"})
        if (const Annotation *a = find(object, key))
            return exempt("kube-linter", a->value, a->key);
    return std::nullopt;
}

// Polaris: "true" in any case, nothing else.
std::optional<Exemption> polaris(const Annotations &object)
{
    for (const char *key :
         {"polaris.fairwinds.com/exempt", "polaris.fairwinds.com/notReadOnlyRootFilesystem-exempt"})
        if (const Annotation *a = find(object, key); a && scalars::equalsIgnoreCase(a->value, "true"))
            return exempt("polaris", a->key, a->key); // the value is only "true": the key says why
    return std::nullopt;
}

// Checkov: any key that contains checkov.io/skip (or Bridgecrew's and Cortex's), valued
// CKV_K8S_22 or CKV_K8S_22=<comment>, the id exact.
std::optional<Exemption> checkov(const Annotations &object)
{
    for (const Annotation &a : object) {
        if (a.key.find("checkov.io/skip") == std::string_view::npos &&
            a.key.find("bridgecrew.io/skip") == std::string_view::npos &&
            a.key.find("cortex.io/skip") == std::string_view::npos)
            continue;
        const std::size_t eq = a.value.find('=');
        if (a.value.substr(0, eq) != "CKV_K8S_22")
            continue;
        if (eq != std::string_view::npos && a.value.find('=', eq + 1) != std::string_view::npos)
            continue; // Checkov fails on a second '=' rather than skipping
        return exempt("checkov", eq == std::string_view::npos ? std::string_view() : a.value.substr(eq + 1),
                      "CKV_K8S_22");
    }
    return std::nullopt;
}

// kube-score: the test's id in a comma-separated kube-score/ignore, each item trimmed; the pod
// template's ignore, then its enable, then the object's ignore, then its enable: the first
// that names the test decides.
std::optional<Exemption> kubeScore(const Annotations &object, const Annotations &podTemplate)
{
    constexpr std::string_view test = "container-security-context-readonlyrootfilesystem";
    const auto names = [&](const Annotations &list, const char *key) -> const Annotation * {
        const Annotation *a = find(list, key);
        if (!a)
            return nullptr;
        std::string_view rest = a->value;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            if (scalars::trim(rest.substr(0, comma)) == test)
                return a;
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
        return nullptr;
    };
    for (const Annotations *list : {&podTemplate, &object}) {
        if (const Annotation *a = names(*list, "kube-score/ignore"))
            return exempt("kube-score", a->value, a->key);
        if (names(*list, "kube-score/enable"))
            return std::nullopt;
    }
    return std::nullopt;
}

// Monokle: for each of its rules, the first of three spellings present decides; any value
// but an empty one or the exact "false" suppresses.
std::optional<Exemption> monokle(const Annotations &object)
{
    for (const auto &keys :
         {std::array<const char *, 3>{"monokle.io/suppress.KSV014", "monokle.io/suppress.ksv.no-writable-fs",
                                      "monokle.io/suppress.ksv014"},
          std::array<const char *, 3>{"monokle.io/suppress.KBP102", "monokle.io/suppress.kbp.no-writable-fs",
                                      "monokle.io/suppress.kbp102"}}) {
        for (const char *key : keys) {
            const Annotation *a = find(object, key);
            if (!a)
                continue;
            if (!a->value.empty() && a->value != "false")
                return exempt("monokle", a->value, a->key);
            break;
        }
    }
    return std::nullopt;
}

} // namespace

Exemption findExemption(const QVector<AnnotationFact> &objectAnnotations,
                        const QVector<AnnotationFact> &templateAnnotations)
{
    const Annotations object = read(objectAnnotations);
    const Annotations podTemplate = read(templateAnnotations);
    for (const std::optional<Exemption> &e : {kubeLinter(object), polaris(object), checkov(object),
                                              kubeScore(object, podTemplate), monokle(object)})
        if (e)
            return *e;
    return {};
}

} // namespace deadbolt::policy

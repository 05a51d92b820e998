#include "edit/readonlyedit.h"

#include "edit/inmemoryparts.h"
#include "edit/planner.h"
#include "model/analyzer.h"
#include "model/workloadmatch.h"
#include "yaml/merge.h"

#include <algorithm>
#include <functional>
#include <set>

namespace deadbolt {

using edit::Planner;
using edit::TreeValue;
using yaml::Document;
using yaml::NodeId;

namespace {

bool isTrue(std::string_view v)
{
    const QString s = QString::fromUtf8(v.data(), qsizetype(v.size())).toLower();
    return s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("on");
}

bool isFalse(std::string_view v)
{
    const QString s = QString::fromUtf8(v.data(), qsizetype(v.size())).toLower();
    return s == QLatin1String("false") || s == QLatin1String("no") || s == QLatin1String("off");
}

TreeValue boolean(bool on)
{
    return TreeValue::scalar(on ? "true" : "false", true);
}

// The scalar that holds the value already, or needs to change.
bool alreadySet(const Document &d, NodeId value, bool on)
{
    const NodeId v = d.resolve(value);
    if (!d.isScalar(v) || d.node(v).scalarStyle != yaml::ScalarStyle::Plain)
        return false;
    return on ? isTrue(d.value(v)) : isFalse(d.value(v));
}

// Workloads whose effective `key` comes from the same shared mapping.
QStringList sharers(const ParsedFile &file, const Analysis &analysis, int doc, NodeId owner, const char *key)
{
    QStringList names;
    const Document &d = file.stream.documents[std::size_t(doc)];
    for (const Workload &w : analysis.workloads) {
        if (w.document != doc || !d.isMapping(w.node))
            continue;
        const auto e = yaml::effectiveGet(d, w.node, key);
        if (e && e->owner == owner && e->via != yaml::NoNode)
            names.append(w.displayName());
    }
    return names;
}

struct Request
{
    const ParsedFile &file;
    const Analysis &analysis;
    Planner &planner;
    std::vector<NodeId> writtenInto = {}; // shared mappings the edit changes in place
};

// Plans `key: on` in `map` (a service, a container or a securityContext). `after` is the
// key a new entry follows (NoNode: last).
bool planKey(Request &r, const Workload &w, NodeId map, const char *key, bool on, Target target,
             QStringList *affected)
{
    const Document &d = r.file.stream.documents[std::size_t(w.document)];
    affected->append(w.displayName());
    if (const NodeId own = d.get(map, key); own != yaml::NoNode) {
        if (alreadySet(d, own, on))
            return true;
        if (d.node(own).begin == d.node(own).end)
            return r.planner.setEntryValue(w.document, map, d.keyNode(map, key), boolean(on));
        return r.planner.replaceScalar(w.document, own, boolean(on));
    }
    const auto merged = yaml::effectiveGet(d, map, key);
    if (merged && merged->via != yaml::NoNode) {
        if (alreadySet(d, merged->value, on))
            return true;
        if (target == Target::SharedBlock) {
            *affected = sharers(r.file, r.analysis, w.document, merged->owner, key);
            r.writtenInto.push_back(merged->owner);
            if (d.kind(merged->value) == yaml::NodeKind::Alias ||
                d.node(merged->value).begin == d.node(merged->value).end)
                return r.planner.setEntryValue(w.document, merged->owner, merged->key, boolean(on));
            return r.planner.replaceScalar(w.document, merged->value, boolean(on));
        }
    } else if (!on) {
        return true; // absent means writable already
    }
    const NodeId image = d.keyNode(map, "image");
    return r.planner.addEntry(w.document, map, key, boolean(on), image);
}

bool planWorkload(Request &r, FileFormat format, const Workload &w, bool on, Target target,
                  QStringList *affected)
{
    const Document &d = r.file.stream.documents[std::size_t(w.document)];
    if (isCompose(format) && d.kind(w.node) == yaml::NodeKind::Null && on) {
        // `web:` with nothing after it (Compose accepts it): the service gains its first key.
        affected->append(w.displayName());
        const NodeId parent = d.node(w.node).parent;
        const auto kids = d.children(parent);
        for (std::size_t i = 1; i < kids.size(); i += 2)
            if (kids[i] == w.node)
                return r.planner.setEntryValue(w.document, parent, kids[i - 1],
                                               TreeValue::mapping({{"read_only", boolean(true)}}));
    }
    if (!d.isMapping(w.node))
        return r.planner.planFailure(QStringLiteral("%1 is not written as a mapping").arg(w.displayName()));
    if (isCompose(format))
        return planKey(r, w, w.node, "read_only", on, target, affected);
    if (w.windows && on)
        return r.planner.planFailure(
            QStringLiteral("%1 runs on Windows, where Kubernetes rejects readOnlyRootFilesystem")
                .arg(w.displayName()));
    const NodeId scKey = d.keyNode(w.node, "securityContext");
    if (scKey == yaml::NoNode) {
        affected->append(w.displayName());
        if (!on)
            return true;
        const TreeValue sc = TreeValue::mapping({{"readOnlyRootFilesystem", boolean(true)}});
        return r.planner.addEntry(w.document, w.node, "securityContext", sc, d.keyNode(w.node, "image"));
    }
    const NodeId sc = d.get(w.node, "securityContext");
    if (d.isMapping(sc))
        return planKey(r, w, sc, "readOnlyRootFilesystem", on, target, affected);
    if (d.kind(sc) == yaml::NodeKind::Null) {
        affected->append(w.displayName());
        if (!on)
            return true;
        const TreeValue value = TreeValue::mapping({{"readOnlyRootFilesystem", boolean(true)}});
        return r.planner.setEntryValue(w.document, w.node, scKey, value);
    }
    return r.planner.planFailure(
        QStringLiteral("the securityContext of %1 is not a plain mapping (an alias?); edit it by hand")
            .arg(w.displayName()));
}

// Gives a Compose service that merges a mapping the edit changes its own `read_only`,
// holding what it has now, so that it stays as it is.
bool pin(Request &r, const Workload &other)
{
    const Document &d = r.file.stream.documents[std::size_t(other.document)];
    if (!isCompose(r.analysis.format) || !d.isMapping(other.node) ||
        d.get(other.node, "read_only") != yaml::NoNode)
        return r.planner.planFailure(QStringLiteral("%1 would change too").arg(other.displayName()));
    TreeValue value = boolean(false);
    const auto merged = yaml::effectiveGet(d, other.node, "read_only");
    if (other.rootFs != RootFs::WritableDefault && merged) {
        const NodeId v = d.resolve(merged->value);
        value = edit::treeValue(d, v);
        value.anchor.clear();
        if (d.isScalar(v))
            value.raw =
                std::string(r.file.text.bytes().substr(d.node(v).begin, d.node(v).end - d.node(v).begin));
    }
    return r.planner.addEntry(other.document, other.node, "read_only", value, d.keyNode(other.node, "image"));
}

using PlanAll = std::function<bool(Request &, QStringList *affected)>;

// Plans through planKeepingOthers: workloads that merge an edited mapping and would change
// with it (this workload only) get their own read_only, holding what they have now.
EditResult planReadOnly(const ParsedFile &file, const Analysis &analysis, const QString &description,
                        const edit::Effect &effect, Target target, const PlanAll &plan)
{
    auto attempt = [&](Planner &planner, const QVector<const Workload *> &pinned, QStringList *affected) {
        Request r{file, analysis, planner};
        bool ok = plan(r, affected);
        for (const Workload *other : pinned)
            ok = ok && pin(r, *other);
        planner.effect() = effect;
        if (target == Target::SharedBlock && !effect.workloads.isEmpty()) {
            const Workload *w = workloadNamed(analysis, effect.workloads.firstKey());
            for (NodeId block : r.writtenInto)
                planner.effect().sharers += edit::mergersOf(file, analysis, w->document, block, w);
            planner.effect().sharedEffect = effect.workloads.first();
        }
        return ok;
    };
    return edit::planKeepingOthers(file, analysis, description, target, QStringLiteral("read_only"), attempt);
}

} // namespace

EditResult setReadOnly(const ParsedFile &file, const Analysis &analysis, const Workload &workload, bool on,
                       Target target)
{
    const QString description =
        (on ? QStringLiteral("Make %1 read-only") : QStringLiteral("Make %1 writable"))
            .arg(workload.displayName());
    if (const auto why = edit::notEditable(file))
        return {false, {}, QStringLiteral("%1: refused: %2").arg(description, *why), description, {}};
    edit::Effect effect;
    effect.workloads[workload.displayName()].readOnly = on;
    return planReadOnly(file, analysis, description, effect, target, [&](Request &r, QStringList *affected) {
        return planWorkload(r, analysis.format, workload, on, target, affected);
    });
}

EditResult makeFileImmutable(const ParsedFile &file, const Analysis &analysis)
{
    const QString description = QStringLiteral("Make every workload read-only");
    if (const auto why = edit::notEditable(file))
        return {false, {}, QStringLiteral("%1: refused: %2").arg(description, *why), description, {}};
    edit::Effect effect;
    auto wanted = [](const Workload &w) {
        return !(w.exemption.exempt || w.rootFs == RootFs::Undetermined || w.rootFs == RootFs::ReadOnly ||
                 w.windows);
    };
    for (const Workload &w : analysis.workloads)
        if (wanted(w))
            effect.workloads[w.displayName()].readOnly = true;
    EditResult result = planReadOnly(
        file, analysis, description, effect, Target::ThisWorkload, [&](Request &r, QStringList *affected) {
            std::set<std::pair<int, NodeId>> seen;
            for (const Workload &w : analysis.workloads) {
                if (!wanted(w) || !seen.insert({w.document, w.node}).second)
                    continue;
                QStringList names;
                if (!planWorkload(r, analysis.format, w, true, Target::ThisWorkload, &names))
                    return false;
                *affected += names;
            }
            return true;
        });
    if (result.ok && !result.affectedWorkloads.isEmpty())
        result.description =
            QStringLiteral("Make %1 read-only")
                .arg(result.affectedWorkloads.size() == 1
                         ? result.affectedWorkloads.first()
                         : QStringLiteral("%1 workloads").arg(result.affectedWorkloads.size()));
    return result;
}

} // namespace deadbolt

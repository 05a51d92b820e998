#include "check/analyze.h"

#include "model/format.h"
#include "policy/ruleids.h"
#include "policy/rules.h"

namespace deadbolt {

Analysis analyze(const ParsedFile &file)
{
    Analysis analysis;
    analysis.path = file.path;
    analysis.errors = file.errors;
    analysis.notes = warningNotes(file);
    const FormatInfo info = inspectFormat(file);
    analysis.format = info.format;
    if (info.format == FileFormat::Unknown) {
        // A file we could not parse is an error, not "neither Compose nor Kubernetes".
        if (analysis.errors.isEmpty())
            analysis.skipReason = info.skipReason;
        return analysis;
    }
    if (info.format == FileFormat::Kubernetes)
        analysis.workloads = readKubernetes(file);
    else
        analysis.workloads = readCompose(file, info.format);
    if (isCompose(info.format))
        for (Workload &w : analysis.workloads)
            // A fragment that sets read_only says what runs: an override's value wins over the
            // base's, whatever the base says. Only one that leaves it unset is partial.
            w.partial = w.rootFs == RootFs::WritableDefault &&
                        isFragment(file.stream.documents[std::size_t(w.document)], w.node);
    policy::applyRules(file, info.format, analysis.workloads);
    if (!info.note.isEmpty()) {
        Diagnostic d;
        d.severity = Severity::Info;
        d.rule = QLatin1String(rules::UnknownComposeVersion);
        d.message = info.note;
        d.file = file.path;
        if (info.version != yaml::NoNode) {
            const auto &doc = file.stream.documents[std::size_t(info.document)];
            const LineCol lc = file.text.lineCol(doc.node(info.version).begin);
            d.line = lc.line;
            d.column = lc.column;
        }
        analysis.notes.append(d);
    }
    return analysis;
}

} // namespace deadbolt

#include "check/checkrun.h"
#include "check/analyze.h"

#include "check/piecewise.h"
#include "io/fileloader.h"
#include "model/format.h"
#include "policy/ruleids.h"
#include "project/composeproject.h"
#include "yaml/merge.h"

#include <QFileInfo>
#include <algorithm>

namespace deadbolt {

// A Compose file with a service that says `extends:`.
static bool usesExtends(const ParsedFile &parsed)
{
    if (!parsed.ok())
        return false;
    const FormatInfo info = inspectFormat(parsed);
    if (!isCompose(info.format) || info.services == yaml::NoNode)
        return false;
    const yaml::Document &doc = parsed.stream.documents[std::size_t(info.document)];
    for (const yaml::Entry &e : yaml::effectiveEntries(doc, info.services))
        if (yaml::effectiveValue(doc, doc.resolve(e.value), "extends") != yaml::NoNode)
            return true;
    return false;
}

Analysis checkFile(const QString &path)
{
    std::string bytes;
    QString error;
    if (!readFileBytes(path, &bytes, &error)) {
        Analysis analysis;
        analysis.path = path;
        Diagnostic d;
        d.severity = Severity::Error;
        d.rule = QStringLiteral("load");
        d.message = error;
        d.file = path;
        analysis.errors.append(d);
        return analysis;
    }
    // A big Kubernetes stream is read piece by piece, its trees dropped as it goes (peak
    // memory); anything else is parsed whole, as the editor parses it.
    const SourceText text(std::move(bytes));
    PiecewiseKubernetes reading(text, path);
    ParsedFile parsed = parseText(text, path, nullptr, reading.pieces(), reading.reader());
    if (std::optional<Analysis> analysis = reading.analysis(parsed))
        return *std::move(analysis);
    if (!parsed.stream.pieceStarts.empty())
        parsed = parseText(text, path, nullptr, yaml::Pieces()); // not Kubernetes after all: read it whole
    if (usesExtends(parsed)) {
        // `extends:` is docker compose's merging, not the file's text alone: read the file as
        // a project of one (a base in another file is read too).
        ComposeProject project = projectOf(std::move(parsed));
        Analysis analysis = analyzeProject(project);
        analysis.path = path;
        const bool unresolved =
            !analysis.errors.isEmpty() &&
            std::all_of(analysis.errors.begin(), analysis.errors.end(),
                        [](const Diagnostic &d) { return d.rule == QLatin1String(rules::ProjectError); });
        const int own = project.indexOf(QFileInfo(path).absoluteFilePath());
        if (!unresolved || own < 0)
            return analysis;
        // A file read alone whose `extends` cannot be followed (a base file that is not there):
        // read as its text says, with a warning. `check -f` makes the same an error.
        Analysis alone = analyze(project.files[std::size_t(own)].parsed);
        alone.path = path;
        for (Diagnostic d : analysis.errors) {
            d.severity = Severity::Warning;
            d.message += QStringLiteral(": read without it (check -f makes this an error)");
            alone.notes.append(d);
        }
        return alone;
    }
    Analysis analysis = analyze(parsed);
    analysis.path = path;
    return analysis;
}

Analysis checkProject(const QStringList &files, const QString &directory)
{
    ComposeProject project = loadProject(files, directory);
    return analyzeProject(project);
}

QVector<Analysis> checkFiles(const QStringList &files)
{
    // Sequential on purpose: the parser already splits a file's documents across the
    // thread pool, and nesting blocking QtConcurrent calls inside it could starve the pool.
    QVector<Analysis> out;
    out.reserve(files.size());
    for (const QString &f : files)
        out.append(checkFile(f));
    return out;
}

CheckSummary summarize(const QVector<Analysis> &analyses)
{
    CheckSummary s;
    for (const Analysis &a : analyses) {
        ++s.files;
        if (!a.errors.isEmpty())
            ++s.failed;
        else if (!a.skipReason.isEmpty())
            ++s.skipped;
        for (const Workload &w : a.workloads) {
            ++s.workloads;
            switch (w.status()) {
            case Status::Immutable:
                ++s.immutable;
                break;
            case Status::ImmutableWithExceptions:
                ++s.immutableWithExceptions;
                break;
            case Status::Mutable:
                ++s.mutableCount;
                break;
            case Status::Undetermined:
                ++s.undetermined;
                break;
            case Status::Partial:
                ++s.partial;
                break;
            case Status::Defeated:
                ++s.defeated;
                break;
            }
            if (w.exemption.exempt)
                ++s.exempt;
            for (const Diagnostic &d : w.findings) {
                switch (d.severity) {
                case Severity::Error:
                    ++s.errors;
                    break;
                case Severity::Warning:
                    ++s.warnings;
                    break;
                case Severity::Info:
                    ++s.notes;
                    break;
                }
            }
        }
    }
    return s;
}

int checkExitCode(const QVector<Analysis> &analyses, Severity failOn)
{
    bool findings = false;
    for (const Analysis &a : analyses) {
        if (!a.errors.isEmpty())
            return ExitFileErrors;
        for (const Workload &w : a.workloads) {
            // The policy reports a writable root filesystem as an error; this also holds
            // if a rule set ever forgets to, since it is the one thing the tool is for.
            // Windows pods cannot have a read-only root (Kubernetes rejects the field there).
            if (w.status() == Status::Mutable && !w.exemption.exempt && !w.windows)
                findings = true;
            for (const Diagnostic &d : w.findings)
                findings = findings || int(d.severity) >= int(failOn);
        }
    }
    return findings ? ExitFindings : ExitClean;
}

} // namespace deadbolt

#include "report/checkrun.h"

#include "io/fileloader.h"

namespace deadbolt {

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
    const ParsedFile parsed = parseText(std::move(bytes), path);
    Analysis analysis = analyze(parsed);
    analysis.path = path;
    return analysis;
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

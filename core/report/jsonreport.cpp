#include "report/jsonreport.h"

#include "check/checkrun.h"
#include "report/jsontext.h"

namespace deadbolt {

// The file a location is in: in a project one of its files, else the analysis's own.
static QString fileOf(const Analysis &a, const Location &l)
{
    return l.file >= 0 && l.file < a.files.size() ? a.files[l.file] : a.path;
}

// How the read-only value got where it is: docker compose's merging, or a YAML merge key.
static QString rootFsVia(const Workload &w)
{
    return w.rootFsProvenance.shared && w.rootFsOrigin == Origin::Own ? QStringLiteral("merge-key")
                                                                      : originName(w.rootFsOrigin);
}

static bool hasRootFsSource(const Workload &w)
{
    return w.rootFsLocation.line > 0;
}

// The report, keys in sorted order as QJsonDocument writes them.
static void writePaths(JsonText &json, const Analysis &a, const char *key, const QVector<WritablePath> &paths)
{
    json.key(key).beginArray();
    for (const WritablePath &p : paths) {
        json.beginObject();
        json.key("file").value(fileOf(a, p.location));
        json.key("gid").value(p.gid);
        json.key("kind").value(pathKindName(p.kind));
        json.key("line").value(p.location.line);
        json.key("mode").value(p.mode);
        json.key("options").value(p.options);
        json.key("size").value(p.size);
        json.key("source").value(p.source);
        json.key("target").value(p.target);
        json.key("uid").value(p.uid);
        json.key("via").value(originName(p.origin));
        json.endObject();
    }
    json.endArray();
}

enum DiagnosticFields { Hint = 1, WithSeverity = 2 };

// One finding, note or error (errors only name their file).
static void writeDiagnostic(JsonText &json, const Diagnostic &d, const QString *file, int fields)
{
    json.beginObject();
    json.key("column").value(d.column);
    if (file)
        json.key("file").value(*file);
    if (fields & Hint)
        json.key("hint").value(d.hint);
    json.key("line").value(d.line);
    json.key("message").value(d.message);
    json.key("rule").value(d.rule);
    if (fields & WithSeverity)
        json.key("severity").value(severityName(d.severity));
    json.endObject();
}

static void writeWorkload(JsonText &json, const Analysis &a, const Workload &w)
{
    json.beginObject();
    json.key("exempt").value(w.exemption.exempt);
    if (w.exemption.exempt) {
        json.key("exemption").beginObject();
        json.key("reason").value(w.exemption.reason);
        json.key("tool").value(w.exemption.tool);
        json.endObject();
    }
    json.key("findings").beginArray();
    for (const Diagnostic &d : w.findings)
        writeDiagnostic(json, d, nullptr, Hint | WithSeverity);
    json.endArray();
    writePaths(json, a, "inMemoryPaths", w.inMemory);
    json.key("kind").value(w.kind);
    json.key("line").value(w.location.line);
    json.key("name").value(w.name);
    json.key("object").value(w.object);
    writePaths(json, a, "persistentPaths", w.persistent);
    json.key("readOnly");
    if (w.rootFs == RootFs::Undetermined)
        json.null();
    else
        json.value(w.rootFs == RootFs::ReadOnly);
    json.key("readOnlySource");
    if (hasRootFsSource(w)) {
        json.beginObject();
        json.key("file").value(fileOf(a, w.rootFsLocation));
        json.key("line").value(w.rootFsLocation.line);
        json.key("via").value(rootFsVia(w));
        json.endObject();
    } else {
        json.null();
    }
    json.key("status").value(statusName(w.status()));
    json.endObject();
}

// A file's members before "workloads", its last.
static void writeFileHead(JsonText &json, const Analysis &a)
{
    json.key("errors").beginArray();
    for (const Diagnostic &d : a.errors)
        writeDiagnostic(json, d, d.file.isEmpty() ? &a.path : &d.file, 0);
    json.endArray();
    if (!a.files.isEmpty()) {
        json.key("files").beginArray();
        for (const QString &f : a.files)
            json.value(f);
        json.endArray();
    }
    json.key("format").value(formatName(a.format));
    json.key("notes").beginArray();
    for (const Diagnostic &d : a.notes)
        writeDiagnostic(json, d, nullptr, WithSeverity);
    json.endArray();
    json.key("path").value(a.path);
    if (!a.skipReason.isEmpty() && a.errors.isEmpty())
        json.key("skipped").value(a.skipReason);
}

static void writeSummary(JsonText &json, const QVector<Analysis> &analyses)
{
    const CheckSummary s = summarize(analyses);
    json.key("summary").beginObject(); // keys in QJsonDocument's (sorted) order
    json.key("defeated").value(s.defeated);
    json.key("errors").value(s.errors);
    json.key("exempt").value(s.exempt);
    json.key("failedFiles").value(s.failed);
    json.key("files").value(s.files);
    json.key("immutable").value(s.immutable);
    json.key("immutableWithExceptions").value(s.immutableWithExceptions);
    json.key("mutable").value(s.mutableCount);
    json.key("notes").value(s.notes);
    json.key("partial").value(s.partial);
    json.key("skippedFiles").value(s.skipped);
    json.key("undetermined").value(s.undetermined);
    json.key("warnings").value(s.warnings);
    json.key("workloads").value(s.workloads);
    json.endObject();
}

void writeJsonReport(const QVector<Analysis> &analyses, const std::function<void(const QByteArray &)> &write)
{
    // Byte for byte what QJsonDocument(jsonReport(analyses)).toJson(Indented) gives, handed
    // to write() about every 64 KB so that 20,000 workloads never sit in memory as one text.
    constexpr qsizetype Part = 64 * 1024;
    QByteArray buffer;
    buffer.reserve(Part + 4096);
    JsonText json(&buffer);
    const auto flush = [&](qsizetype atLeast) {
        if (buffer.size() >= atLeast) {
            write(buffer);
            buffer.clear();
        }
    };
    json.beginObject();
    json.key("files").beginArray();
    for (const Analysis &a : analyses) {
        json.beginObject();
        writeFileHead(json, a);
        json.key("workloads").beginArray();
        for (const Workload &w : a.workloads) {
            writeWorkload(json, a, w);
            flush(Part);
        }
        json.endArray();
        json.endObject();
        flush(Part);
    }
    json.endArray();
    writeSummary(json, analyses);
    json.endObject();
    buffer.append('\n');
    flush(1);
}

QByteArray jsonReportText(const QVector<Analysis> &analyses)
{
    QByteArray text;
    writeJsonReport(analyses, [&text](const QByteArray &part) { text += part; });
    return text;
}

} // namespace deadbolt

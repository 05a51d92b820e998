#include "report/tablereport.h"

#include <QFileInfo>

#include "check/checkrun.h"

#include <QStringList>

namespace deadbolt {

namespace {

QString plural(int n, const QString &noun)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(noun, n == 1 ? QString() : QStringLiteral("s"));
}

QString shortKind(PathKind kind)
{
    switch (kind) {
    case PathKind::TmpfsShort:
    case PathKind::TmpfsLong:
        return QStringLiteral("tmpfs");
    case PathKind::TmpfsVolume:
        return QStringLiteral("tmpfs volume");
    case PathKind::EmptyDirMemory:
        return QStringLiteral("emptyDir Memory");
    case PathKind::Bind:
        return QStringLiteral("bind");
    case PathKind::NamedVolume:
        return QStringLiteral("volume");
    case PathKind::HostPath:
        return QStringLiteral("hostPath");
    case PathKind::EmptyDirDisk:
        return QStringLiteral("emptyDir");
    case PathKind::PersistentClaim:
        return QStringLiteral("pvc");
    case PathKind::OtherVolume:
        break;
    }
    return QStringLiteral("volume");
}

QString pathsCell(const Workload &w)
{
    QStringList parts;
    for (const WritablePath &p : w.inMemory)
        parts << QStringLiteral("%1 (%2)").arg(p.target, shortKind(p.kind));
    for (const WritablePath &p : w.persistent)
        parts << QStringLiteral("%1 (%2)").arg(p.target, shortKind(p.kind));
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

QString findingsCell(const Workload &w)
{
    int errors = 0, warnings = 0, notes = 0;
    for (const Diagnostic &d : w.findings) {
        if (d.severity == Severity::Error)
            ++errors;
        else if (d.severity == Severity::Warning)
            ++warnings;
        else
            ++notes;
    }
    QStringList parts;
    if (errors)
        parts << plural(errors, QStringLiteral("error"));
    if (warnings)
        parts << plural(warnings, QStringLiteral("warning"));
    if (notes)
        parts << plural(notes, QStringLiteral("note"));
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

QString statusCell(const Workload &w)
{
    QString s = statusName(w.status());
    if (w.exemption.exempt)
        s += QStringLiteral(" (exempt)");
    return s;
}

// Collects text and hands it on as UTF-8 in parts, so that a long report never sits in
// memory whole (a 20,000-row table is 11 MB as a QString).
class Sink
{
public:
    explicit Sink(const std::function<void(const QByteArray &)> &write) : m_write(write) {}
    ~Sink() { flush(); }
    Sink &operator<<(const QString &text)
    {
        m_text += text;
        if (m_text.size() > 64 * 1024)
            flush();
        return *this;
    }
    Sink &operator<<(QChar c) { return *this << QString(c); }
    void flush()
    {
        if (!m_text.isEmpty())
            m_write(m_text.toUtf8());
        m_text.clear();
    }

private:
    const std::function<void(const QByteArray &)> &m_write;
    QString m_text;
};

// Left-aligned columns; the last one is not padded so lines carry no trailing spaces.
void writeTable(const QVector<QStringList> &rows, Sink &out)
{
    QVector<qsizetype> widths;
    for (const QStringList &row : rows) {
        widths.resize(qMax(widths.size(), row.size()));
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    }
    for (const QStringList &row : rows) {
        QString line = QStringLiteral("  ");
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out << line + QLatin1Char('\n');
    }
}

QString diagnosticLine(const Diagnostic &d, const QString &workload, const QString &sectionPath)
{
    // In a project, a finding in another file than the one the section is named after names its file.
    const QString file = d.fileIndex >= 0 && !d.file.isEmpty() && d.file != sectionPath
                             ? QFileInfo(d.file).fileName() + QLatin1Char(':')
                             : QString();
    QString line = QStringLiteral("  %1%2:%3  %4  %5  ")
                       .arg(file)
                       .arg(d.line)
                       .arg(d.column)
                       .arg(severityName(d.severity), d.rule);
    if (!workload.isEmpty() && !d.message.contains(workload))
        line += workload + QStringLiteral(": ");
    line += d.message + QLatin1Char('\n');
    if (!d.hint.isEmpty())
        line += QStringLiteral("      hint: ") + d.hint + QLatin1Char('\n');
    return line;
}

// One file's section.
void writeSection(const Analysis &a, Sink &out)
{
    out << a.path;
    for (const QString &f : a.files) // a project: its other files (included, extended), by name
        if (f != a.path)
            out << QStringLiteral(" + ") + QFileInfo(f).fileName();
    if (a.format != FileFormat::Unknown)
        out << QStringLiteral(" (") + formatName(a.format) + QLatin1Char(')');
    out << QLatin1Char('\n');
    if (!a.errors.isEmpty()) {
        for (const Diagnostic &d : a.errors) {
            out << QStringLiteral("  error: %1").arg(d.message);
            if (d.line > 0 && !d.file.isEmpty() && d.file != a.path)
                out << QStringLiteral(" (%1, line %2, column %3)")
                           .arg(QFileInfo(d.file).fileName())
                           .arg(d.line)
                           .arg(d.column);
            else if (d.line > 0)
                out << QStringLiteral(" (line %1, column %2)").arg(d.line).arg(d.column);
            out << QLatin1Char('\n');
        }
        return;
    }
    if (!a.skipReason.isEmpty()) {
        out << QStringLiteral("  skipped: ") + a.skipReason + QLatin1Char('\n');
        return;
    }
    if (a.workloads.isEmpty()) {
        out << QStringLiteral("  no workloads\n");
        return;
    }

    QVector<QStringList> rows{{QStringLiteral("WORKLOAD"), QStringLiteral("STATUS"),
                               QStringLiteral("WRITABLE PATHS"), QStringLiteral("FINDINGS")}};
    rows.reserve(a.workloads.size() + 1);
    for (const Workload &w : a.workloads)
        rows.append({w.displayName(), statusCell(w), pathsCell(w), findingsCell(w)});
    writeTable(rows, out);
    rows = {};

    bool details = false;
    auto detail = [&](const Diagnostic &d, const QString &workload) {
        if (!details)
            out << QLatin1Char('\n');
        details = true;
        out << diagnosticLine(d, workload, a.path);
    };
    for (const Workload &w : a.workloads) {
        for (const Diagnostic &d : w.findings)
            detail(d, w.displayName());
    }
    // File-level notes (duplicate keys, an unknown Compose version) belong to no workload.
    for (const Diagnostic &d : a.notes)
        detail(d, QString());

    const CheckSummary s = summarize({a});
    QString summary = QStringLiteral("  %1 of %2 workloads immutable").arg(s.readOnly()).arg(s.workloads);
    if (s.immutableWithExceptions > 0)
        summary += QStringLiteral(" (%1 with exceptions)").arg(s.immutableWithExceptions);
    if (s.undetermined > 0)
        summary += QStringLiteral(", %1 undetermined").arg(s.undetermined);
    if (s.exempt > 0)
        summary += QStringLiteral(", %1 exempt").arg(s.exempt);
    out << summary + QLatin1Char('\n');
}

} // namespace

void writeTableReport(const QVector<Analysis> &analyses, const std::function<void(const QByteArray &)> &write)
{
    Sink out(write);
    for (qsizetype i = 0; i < analyses.size(); ++i) {
        if (i > 0)
            out << QLatin1Char('\n');
        writeSection(analyses[i], out);
    }
    if (analyses.size() > 1) {
        const CheckSummary s = summarize(analyses);
        out << QStringLiteral(
                   "\n%1 files (%2 skipped, %3 with errors): %4 of %5 workloads immutable, %6, %7\n")
                   .arg(s.files)
                   .arg(s.skipped)
                   .arg(s.failed)
                   .arg(s.readOnly())
                   .arg(s.workloads)
                   .arg(plural(s.errors, QStringLiteral("error")),
                        plural(s.warnings, QStringLiteral("warning")));
    }
}

QString tableReport(const QVector<Analysis> &analyses)
{
    QByteArray text;
    writeTableReport(analyses, [&text](const QByteArray &part) { text += part; });
    return QString::fromUtf8(text);
}

QString tableReport(const Analysis &analysis)
{
    return tableReport(QVector<Analysis>{analysis});
}

} // namespace deadbolt

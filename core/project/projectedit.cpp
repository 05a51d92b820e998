// Edits of a Compose project: where each goes, the one-file edit there, and the check of its
// effect on the merged project (projectedit.h).
#include "project/projectedit.h"
#include "check/analyze.h"

#include "edit/effect.h"
#include "edit/inmemoryparts.h"
#include "io/fileloader.h"
#include "model/scalars.h"
#include "model/workloadmatch.h"
#include "yaml/merge.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace deadbolt {

using namespace yaml;

namespace {

std::string text(const ProjectFile &f)
{
    return f.parsed.text.bytes();
}

// The files that define the service (not through `extends` only), in merge order.
std::vector<int> definers(const ComposeProject &project, const QString &service)
{
    std::vector<int> out;
    const std::string name = service.toStdString();
    for (std::size_t i = 0; i < project.files.size(); ++i) {
        const ProjectFile &f = project.files[i];
        if (f.role == ProjectFile::Role::ExtendsOnly || f.info.services == NoNode)
            continue;
        const Document &doc = f.parsed.stream.documents[std::size_t(f.info.document)];
        if (effectiveGet(doc, f.info.services, name))
            out.push_back(int(i));
    }
    return out;
}

// The project's file that is `path`, by its canonical path where it exists (a symlink or
// ../x/compose.yaml names the same file), else by its absolute path; -1 when none.
int fileOf(const ComposeProject &project, const QString &path)
{
    const QFileInfo wanted(path);
    const QString canonical = wanted.canonicalFilePath();
    for (std::size_t i = 0; i < project.files.size(); ++i) {
        const QFileInfo f(project.files[i].path);
        if (canonical.isEmpty() ? f.absoluteFilePath() == wanted.absoluteFilePath()
                                : f.canonicalFilePath() == canonical)
            return int(i);
    }
    return -1;
}

const WritablePath *pathAt(const Workload &w, const QString &target)
{
    for (const WritablePath &p : w.inMemory)
        if (p.target == target)
            return &p;
    return nullptr;
}

edit::WorkloadEffect declared(const EditOp &op)
{
    edit::WorkloadEffect e;
    switch (op.kind) {
    case EditOp::Kind::SetReadOnly:
        e.readOnly = op.readOnly;
        break;
    case EditOp::Kind::AddPath:
        e.paths.append({edit::PathChange::Kind::Add, op.spec.target, op.spec});
        break;
    case EditOp::Kind::ChangePath:
        e.paths.append({edit::PathChange::Kind::Change, op.path, op.spec});
        break;
    case EditOp::Kind::RemovePath:
        e.paths.append({edit::PathChange::Kind::Remove, op.path, {}});
        break;
    case EditOp::Kind::MakeAllImmutable:
        break;
    }
    return e;
}

// The lines of a new service entry that carries the operation's one change, indented by
// `inner` under the service's key; empty with *error when it cannot be written that way.
std::string serviceBody(const EditOp &op, FileFormat format, const std::string &inner, const char *nl,
                        QString *error)
{
    if (op.kind == EditOp::Kind::SetReadOnly)
        return inner + "read_only: " + (op.readOnly ? "true" : "false") + nl;
    if (op.kind != EditOp::Kind::AddPath) {
        *error = QStringLiteral("the file does not define %1").arg(op.workload);
        return {};
    }
    const std::string target = op.spec.target.toStdString();
    const std::string options = edit::composeOptions(op.spec);
    if (format == FileFormat::Compose3) {
        // 3.x has no options in `tmpfs:`: a tmpfs volume, whose options this form cannot carry.
        if (!options.empty()) {
            *error = QStringLiteral("a Compose 3.x tmpfs with options in a file that does not define %1: "
                                    "add it in a file that does")
                         .arg(op.workload);
            return {};
        }
        return inner + "volumes:" + nl + inner + "  - type: tmpfs" + nl + inner + "    target: " + target +
               nl;
    }
    return inner + "tmpfs:" + nl + inner + "  - " + target + (options.empty() ? "" : ":" + options) + nl;
}

// The text with a new entry for the service at the end of the file's `services:` mapping
// (or a new `services:` at the end of the file).
bool insertService(const ProjectFile &f, const EditOp &op, FileFormat format, std::string *out,
                   QString *error)
{
    const SourceText &t = f.parsed.text;
    const char *nl = t.newline();
    std::string bytes = t.bytes();
    const std::string name = op.workload.toStdString();
    if (f.info.services != NoNode) {
        const Document &doc = f.parsed.stream.documents[std::size_t(f.info.document)];
        const Node &services = doc.node(f.info.services);
        const auto children = doc.children(f.info.services);
        if (services.collectionStyle == CollectionStyle::Flow || children.empty()) {
            *error = QStringLiteral("%1: its `services:` is a flow mapping; add %2 there by hand")
                         .arg(f.shown, op.workload);
            return false;
        }
        const std::size_t indent = t.indentOfLineAt(doc.node(children[0]).begin);
        const std::string inner(indent * 2, ' ');
        const std::string body = serviceBody(op, format, inner, nl, error);
        if (body.empty())
            return false;
        // After the line where the last service ends, and after the comments indented into
        // it that follow (they belong to that service, not to the new one).
        int line = t.lineOf(std::max<std::size_t>(doc.node(children.back()).end, 1) - 1);
        auto lineText = [&](int i) {
            const std::size_t begin = t.lineStart(i);
            const std::size_t end = i < t.lineCount() ? t.lineStart(i + 1) : t.size(); // 1-based lines
            return t.view().substr(begin, end - begin);
        };
        auto ownComment = [&](int i) {
            const std::string_view l = lineText(i);
            const std::size_t first = l.find_first_not_of(' ');
            return first != std::string_view::npos && first > indent && l[first] == '#';
        };
        auto blank = [&](int i) {
            return lineText(i).find_first_not_of(" \t\r\n") == std::string_view::npos;
        };
        for (int next = line + 1; next <= t.lineCount();) {
            int k = next;
            while (k <= t.lineCount() && blank(k))
                ++k;
            if (k > t.lineCount() || !ownComment(k))
                break;
            line = k;
            next = k + 1;
        }
        std::size_t at = line >= t.lineCount() ? t.size() : t.lineStart(line + 1);
        std::string insert = std::string(indent, ' ') + name + ":" + nl + body;
        if (at == t.size() && !t.endsWithNewline())
            insert = nl + insert;
        bytes.insert(at, insert);
        *out = std::move(bytes);
        return true;
    }
    // No services mapping: a file with none yet, or with `services:` left empty.
    const Document *doc =
        f.info.document >= 0 ? &f.parsed.stream.documents[std::size_t(f.info.document)] : nullptr;
    if (!doc && !f.parsed.stream.documents.empty())
        doc = &f.parsed.stream.documents.front();
    const NodeId root = doc ? doc->resolve(doc->root) : NoNode;
    if (root != NoNode && !doc->isMapping(root)) {
        *error = QStringLiteral("%1 is not a mapping of Compose keys").arg(f.shown);
        return false;
    }
    if (root != NoNode && doc->node(root).collectionStyle == CollectionStyle::Flow) {
        *error = QStringLiteral("%1 is a flow mapping; add %2 there by hand").arg(f.shown, op.workload);
        return false;
    }
    const NodeId empty = root != NoNode ? doc->get(root, "services") : NoNode;
    const std::string body = serviceBody(op, format, "    ", nl, error);
    if (body.empty())
        return false;
    const std::string entry = std::string("  ") + name + ":" + nl + body;
    if (empty != NoNode) {
        if (!scalars::isNull(*doc, empty)) {
            *error = QStringLiteral("%1: `services:` is not a mapping").arg(f.shown);
            return false;
        }
        const Node &null = doc->node(empty);
        const int line = t.lineOf(null.begin);
        const std::size_t at = line >= t.lineCount() ? t.size() : t.lineStart(line + 1);
        bytes.insert(at, (at == t.size() && !t.endsWithNewline() ? std::string(nl) : std::string()) + entry);
        // `services: ~` or `services: null`: the token goes, or the entries would follow a null.
        if (null.end > null.begin) {
            std::size_t from = null.begin;
            const bool lineEnds = null.end >= t.size() || bytes[null.end] == '\n' || bytes[null.end] == '\r';
            if (lineEnds && from > 0 && bytes[from - 1] == ' ')
                --from;
            bytes.erase(from, null.end - from);
        }
    } else {
        if (!bytes.empty() && !t.endsWithNewline())
            bytes += nl;
        bytes += std::string("services:") + nl + entry;
    }
    *out = std::move(bytes);
    return true;
}

// The `version:` line of the first file that has one: docker-compose 1.x refuses an override
// of another version.
std::string versionLine(const ComposeProject &project)
{
    for (const ProjectFile &f : project.files) {
        if (f.info.version == NoNode)
            continue;
        const Document &doc = f.parsed.stream.documents[std::size_t(f.info.document)];
        const Node &n = doc.node(f.info.version);
        return "version: " + text(f).substr(n.begin, n.end - n.begin) + "\n";
    }
    return {};
}

} // namespace

std::string overrideHeader(const QStringList &baseFiles, const QString &overrideFile)
{
    QString minusF;
    for (const QString &f : baseFiles)
        minusF += QStringLiteral(" -f ") + f;
    return QStringLiteral(
               "# Read-only root filesystems and the in-memory paths they need, written by deadbolt-cli\n"
               "# fix --override and kept apart from the files above it. Use it as the last file:\n"
               "#   docker compose%1 -f %2 up\n")
        .arg(minusF, overrideFile)
        .toStdString();
}

ProjectEditor::ProjectEditor(ComposeProject project) : m_project(std::move(project))
{
    m_analysis = analyzeProject(m_project);
    for (const ProjectFile &f : m_project.files)
        m_original.push_back(text(f));
    m_created.assign(m_project.files.size(), false);
}

bool ProjectEditor::setText(ComposeProject &project, int file, std::string bytes, QString *error) const
{
    ProjectFile &f = project.files[std::size_t(file)];
    ParsedFile parsed = parseText(std::move(bytes), f.parsed.path);
    if (!parsed.ok()) {
        const Diagnostic &d = parsed.errors.front();
        *error = QStringLiteral("%1:%2:%3: the edit leaves it unreadable: %4")
                     .arg(f.shown)
                     .arg(d.line)
                     .arg(d.column)
                     .arg(d.message);
        return false;
    }
    f.info = inspectFormat(parsed);
    f.parsed = std::move(parsed);
    return true;
}

int ProjectEditor::overrideFile(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (const int i = fileOf(m_project, path); i >= 0)
        return i;
    ProjectFile f;
    f.path = absolute;
    f.shown = path;
    f.role = ProjectFile::Role::TopLevel;
    std::string bytes;
    bool created = false;
    if (m_project.source->isFile(absolute)) {
        QString readError;
        if (!m_project.source->read(absolute, &bytes, &readError)) {
            *error = readError;
            return -1;
        }
    } else {
        // Named from the override's folder, where one runs docker compose with it.
        const QDir folder = QFileInfo(absolute).absoluteDir();
        QStringList bases;
        for (const ProjectFile &p : m_project.files)
            if (p.role == ProjectFile::Role::TopLevel)
                bases << folder.relativeFilePath(p.path);
        bytes = overrideHeader(bases, folder.relativeFilePath(absolute)) + versionLine(m_project);
        created = true;
    }
    f.parsed = parseText(bytes, path);
    if (!f.parsed.ok()) {
        const Diagnostic &d = f.parsed.errors.front();
        *error = QStringLiteral("%1:%2:%3: %4").arg(path).arg(d.line).arg(d.column).arg(d.message);
        return -1;
    }
    f.info = inspectFormat(f.parsed);
    m_project.files.push_back(std::move(f));
    m_original.push_back(created ? std::string() : bytes);
    m_created.push_back(created);
    return int(m_project.files.size()) - 1;
}

int ProjectEditor::chooseFile(const Workload &w, const EditOp &op, const Placement &placement, QString *error)
{
    const bool onPath = op.kind == EditOp::Kind::ChangePath || op.kind == EditOp::Kind::RemovePath;
    const WritablePath *path = onPath ? pathAt(w, op.path) : nullptr;
    if (onPath && !path) {
        *error = QStringLiteral("%1 has no in-memory path %2").arg(w.name, op.path);
        return -1;
    }
    const auto shown = [&](int f) { return m_project.files[std::size_t(f)].shown; };
    int file = -1;
    if (placement.kind == Placement::Kind::Override) {
        file = overrideFile(placement.file, error);
    } else if (placement.kind == Placement::Kind::Into) {
        file = fileOf(m_project, placement.file);
        if (file < 0)
            *error = QStringLiteral("%1 is not a file of the project (%2)")
                         .arg(placement.file, m_project.paths().join(QStringLiteral(", ")));
    } else if (onPath) {
        file = path->location.file;
    } else if (op.kind == EditOp::Kind::SetReadOnly && w.rootFsLocation.file >= 0 &&
               w.rootFsOrigin != Origin::Extends) {
        file = w.rootFsLocation.file; // where the value the edit changes is written
    } else {
        const std::vector<int> defs = definers(m_project, w.name);
        file = defs.empty() ? -1 : defs.back();
        if (file < 0)
            *error = QStringLiteral("no file of the project defines %1").arg(w.name);
    }
    if (file < 0)
        return -1;
    if (onPath && (path->origin == Origin::Extends || path->location.file != file)) {
        // docker compose adds a later file's tmpfs entries to the earlier ones: a path can only
        // be changed or removed where it is written, and not at all through `extends`.
        *error = QStringLiteral("%1 of %2 is written in %3%4; docker compose cannot take it away or "
                                "replace it from another file: change it there")
                     .arg(op.path, w.name, shown(path->location.file),
                          path->origin == Origin::Extends ? QStringLiteral(" (through extends)") : QString());
        return -1;
    }
    return file;
}

bool ProjectEditor::edit(int file, const EditOp &op, std::string *out, QStringList *affected,
                         QString *error) const
{
    const ProjectFile &f = m_project.files[std::size_t(file)];
    const Analysis alone = analyze(f.parsed);
    *affected = QStringList{op.workload};
    if (!workloadNamed(alone, op.workload))
        return insertService(f, op, m_analysis.format, out, error);
    const EditResult r = planEdit(f.parsed, alone, op);
    if (r.ok && !r.affectedWorkloads.isEmpty())
        *affected = r.affectedWorkloads;
    if (!r.ok) {
        *error = f.shown + QStringLiteral(": ") + r.error;
        return false;
    }
    *out = text(f);
    if (!applyReplacements(*out, r.replacements)) {
        *error = f.shown + QStringLiteral(": the replacements do not apply");
        return false;
    }
    return true;
}

bool ProjectEditor::applyOp(const EditOp &op, const Placement &placement, QStringList *notes, QString *error)
{
    const Workload *w = workloadNamed(m_analysis, op.workload);
    if (!w) {
        *error = QStringLiteral("there is no service %1 in the project").arg(op.workload);
        return false;
    }
    const int file = chooseFile(*w, op, placement, error);
    if (file < 0)
        return false;
    std::string bytes;
    QStringList affected;
    if (!edit(file, op, &bytes, &affected, error))
        return false;
    if (bytes == text(m_project.files[std::size_t(file)]))
        return true; // nothing to do
    ComposeProject next = m_project;
    if (!setText(next, file, std::move(bytes), error))
        return false;
    Analysis after = analyzeProject(next);
    if (!after.errors.isEmpty()) {
        *error = QStringLiteral("the edit leaves the project unreadable: ") + after.errors.front().message;
        return false;
    }
    // Verified by meaning over the merged project: this workload (with --shared, every one that
    // merges the block) changes as declared, no other.
    edit::Effect effect;
    for (const QString &name : std::as_const(affected))
        effect.workloads.insert(name, declared(op));
    QVector<const Workload *> before;
    for (const Workload &b : m_analysis.workloads)
        before.append(&b);
    const edit::MeaningCheck check = edit::checkMeaning(before, after.workloads, effect);
    if (!check.ok()) {
        *error =
            QStringLiteral("refused: in %1 the edit would not do exactly what it says to the project: %2")
                .arg(m_project.files[std::size_t(file)].shown, check.problems.join(QStringLiteral("; ")));
        if (affected.size() > 1)
            *error += QStringLiteral(" (the shared block changes %1, and each must change over the merged "
                                     "project; a later file may set the value for one of them)")
                          .arg(affected.join(QStringLiteral(", ")));
        return false;
    }
    if (notes)
        notes->append(QStringLiteral("%1: %2").arg(next.files[std::size_t(file)].shown, op.workload));
    m_project = std::move(next);
    m_analysis = std::move(after);
    return true;
}

bool ProjectEditor::apply(const EditRequest &request, const Placement &placement, QStringList *notes,
                          QString *error)
{
    if (!m_analysis.errors.isEmpty()) {
        *error = m_analysis.errors.front().message;
        return false;
    }
    QVector<EditOp> ops;
    if (!resolveRequest(m_analysis, request, m_target, &ops, error))
        return false;
    // All of a request or none of it.
    const ComposeProject project = m_project;
    const Analysis analysis = m_analysis;
    const auto original = m_original;
    const auto created = m_created;
    for (const EditOp &op : std::as_const(ops)) {
        if (!applyOp(op, placement, notes, error)) {
            m_project = project;
            m_analysis = analysis;
            m_original = original;
            m_created = created;
            return false;
        }
    }
    return true;
}

bool ProjectEditor::makeAllImmutable(const Placement &placement, QStringList *notes, QString *error)
{
    QStringList names;
    for (const Workload &w : m_analysis.workloads)
        if (!(w.exemption.exempt || w.rootFs == RootFs::Undetermined || w.rootFs == RootFs::ReadOnly ||
              w.windows))
            names << w.name;
    for (const QString &name : std::as_const(names)) {
        EditRequest r;
        r.kind = EditRequest::Kind::ReadOnly;
        r.name = name;
        if (!apply(r, placement, notes, error))
            return false;
    }
    return true;
}

std::vector<ProjectEditor::Change> ProjectEditor::changes() const
{
    std::vector<Change> out;
    for (std::size_t i = 0; i < m_project.files.size(); ++i) {
        const ProjectFile &f = m_project.files[i];
        std::string now = text(f);
        if (!m_created[i] ? now == m_original[i] : f.info.services == NoNode)
            continue; // unchanged, or an override file no edit went into
        out.push_back({f.path, f.shown, m_original[i], std::move(now), m_created[i]});
    }
    return out;
}

} // namespace deadbolt

#include "edit/editop.h"

#include "edit/inmemoryedit.h"
#include "edit/readonlyedit.h"
#include "model/analyzer.h"
#include "model/workloadmatch.h"

namespace deadbolt {

EditResult planEdit(const ParsedFile &file, const Analysis &analysis, const EditOp &op)
{
    if (op.kind == EditOp::Kind::MakeAllImmutable)
        return makeFileImmutable(file, analysis);
    const Workload *w = workloadNamed(analysis, op.workload);
    if (!w) {
        EditResult none;
        none.error = QStringLiteral("there is no workload %1 in the file").arg(op.workload);
        return none;
    }
    switch (op.kind) {
    case EditOp::Kind::SetReadOnly:
        return setReadOnly(file, analysis, *w, op.readOnly, op.target);
    case EditOp::Kind::AddPath:
        return addInMemoryPath(file, analysis, *w, op.spec, op.target);
    case EditOp::Kind::ChangePath:
        return changeInMemoryPath(file, analysis, *w, op.path, op.spec, op.target);
    case EditOp::Kind::RemovePath:
        return removeInMemoryPath(file, analysis, *w, op.path, op.target);
    case EditOp::Kind::MakeAllImmutable:
        break;
    }
    return {};
}

bool parseEditRequest(EditRequest::Kind kind, const QString &value, EditRequest *out, QString *error)
{
    out->kind = kind;
    if (kind == EditRequest::Kind::ReadOnly || kind == EditRequest::Kind::Writable) {
        out->name = value;
        if (value.isEmpty())
            *error = QStringLiteral("expected a workload name");
        return !value.isEmpty();
    }
    // NAME:/PATH[:OPTIONS]. A Kubernetes display name has no colon, nor does a service name.
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    out->name = value.left(colon);
    const QString rest = colon < 0 ? QString() : value.mid(colon + 1);
    const qsizetype optionsColon = rest.indexOf(QLatin1Char(':'));
    out->path = optionsColon < 0 ? rest : rest.left(optionsColon);
    out->options = optionsColon < 0 ? QString() : rest.mid(optionsColon + 1);
    if (colon <= 0 || !out->path.startsWith(QLatin1Char('/'))) {
        *error = kind == EditRequest::Kind::Tmpfs ? QStringLiteral("expected SERVICE:/PATH[:OPTIONS]")
                                                  : QStringLiteral("expected SERVICE:/PATH");
        return false;
    }
    if (kind == EditRequest::Kind::NoTmpfs && optionsColon >= 0) {
        *error = QStringLiteral("takes no options: expected SERVICE:/PATH");
        return false;
    }
    InMemoryPathSpec check;
    return parseTmpfsOptions(out->options, &check, error);
}

bool parseEditArguments(const QStringList &args, QVector<EditRequest> *requests, bool *shared, QString *error)
{
    *shared = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--shared")) {
            *shared = true;
            continue;
        }
        EditRequest::Kind kind;
        if (a == QLatin1String("--service"))
            kind = EditRequest::Kind::ReadOnly;
        else if (a == QLatin1String("--writable"))
            kind = EditRequest::Kind::Writable;
        else if (a == QLatin1String("--tmpfs"))
            kind = EditRequest::Kind::Tmpfs;
        else if (a == QLatin1String("--no-tmpfs"))
            kind = EditRequest::Kind::NoTmpfs;
        else {
            *error = QStringLiteral("unknown option %1").arg(a);
            return false;
        }
        EditRequest r;
        if (i + 1 >= args.size() || !parseEditRequest(kind, args[i + 1], &r, error)) {
            if (error->isEmpty())
                *error = QStringLiteral("%1 needs a value").arg(a);
            *error = QStringLiteral("%1: %2").arg(a, *error);
            return false;
        }
        requests->append(r);
        ++i;
    }
    return true;
}

namespace {

// The settings a path has now, as the spec that writes it again.
InMemoryPathSpec specOf(const WritablePath &p)
{
    InMemoryPathSpec s;
    s.target = p.target;
    s.size = p.size;
    s.mode = p.mode;
    s.uid = p.uid;
    s.gid = p.gid;
    return s;
}

} // namespace

bool resolveRequest(const Analysis &analysis, const EditRequest &request, Target target, QVector<EditOp> *ops,
                    QString *error)
{
    const QVector<int> found = matchWorkloads(analysis, request.name);
    if (found.isEmpty()) {
        *error = QStringLiteral("no workload named '%1'").arg(request.name);
        return false;
    }
    for (int i : found) {
        const Workload &w = analysis.workloads[i];
        EditOp op;
        op.workload = w.displayName();
        op.target = target;
        switch (request.kind) {
        case EditRequest::Kind::ReadOnly:
        case EditRequest::Kind::Writable:
            op.kind = EditOp::Kind::SetReadOnly;
            op.readOnly = request.kind == EditRequest::Kind::ReadOnly;
            break;
        case EditRequest::Kind::Tmpfs: {
            const WritablePath *existing = nullptr;
            for (const WritablePath &p : w.inMemory)
                if (p.target == request.path)
                    existing = &p;
            op.kind = existing ? EditOp::Kind::ChangePath : EditOp::Kind::AddPath;
            op.path = request.path;
            op.spec = existing ? specOf(*existing) : InMemoryPathSpec{};
            op.spec.target = request.path;
            if (!parseTmpfsOptions(request.options, &op.spec, error))
                return false;
            break;
        }
        case EditRequest::Kind::NoTmpfs:
            op.kind = EditOp::Kind::RemovePath;
            op.path = request.path;
            if (std::none_of(w.inMemory.begin(), w.inMemory.end(),
                             [&](const WritablePath &p) { return p.target == request.path; })) {
                *error = QStringLiteral("%1 has no in-memory path %2").arg(w.displayName(), request.path);
                return false;
            }
            break;
        }
        ops->append(op);
    }
    return true;
}

} // namespace deadbolt

#include "editcontroller.h"

#include "commands/editcommand.h"
#include "document.h"
#include "edit/findingfixes.h"
#include "edit/suggested.h"
#include "model/workloadmatch.h"

namespace deadbolt {

EditController::EditController(Document *document, QObject *parent) : QObject(parent), m_document(document)
{}

bool EditController::fail(const QString &message)
{
    m_lastError = message;
    emit editFailed(message);
    return false;
}

bool EditController::push(const EditOp &op, const EditResult &result)
{
    if (!result.ok)
        return fail(result.error.isEmpty() ? tr("The edit could not be planned.") : result.error);
    if (result.replacements.empty())
        return true; // already so: nothing to record
    m_document->pushEdit(new EditCommand(m_document, op, result));
    m_lastError.clear();
    return true;
}

bool EditController::deferred(std::function<void()> retry)
{
    if (!m_waitForAnalysis || m_document->isAnalysisCurrent() || m_document->hasCurrentParseErrors())
        return false;
    m_document->whenAnalysisCurrent(this, std::move(retry));
    return true;
}

bool EditController::edit(const EditOp &op)
{
    if (deferred([this, op] { editNow(op); }))
        return true;
    return editNow(op);
}

bool EditController::editNow(const EditOp &op)
{
    if (!m_document->ensureAnalysisCurrent())
        return fail(tr("The YAML has an error; fix it before editing through the form."));
    // The caller may hold a workload from an older analysis: it is looked up again by name.
    if (op.kind != EditOp::Kind::MakeAllImmutable && !workloadNamed(m_document->analysis(), op.workload))
        return fail(tr("There is no workload %1 in the file any more.").arg(op.workload));
    return push(op, planEdit(*m_document->parsed(), m_document->analysis(), op));
}

bool EditController::setReadOnly(const QString &workload, bool on, Target target)
{
    EditOp op{EditOp::Kind::SetReadOnly, workload};
    op.readOnly = on;
    op.target = target;
    return edit(op);
}

bool EditController::applyFix(const QString &workload, const FindingFix &fix, Target target)
{
    if (deferred([this, workload, fix, target] { applyFix(workload, fix, target); }))
        return true;
    if (fix.kind == FindingFix::MakeReadOnly)
        return setReadOnly(workload, true, target);
    if (fix.kind == FindingFix::WithImagePaths || fix.kind == FindingFix::AddImagePath)
        return applySuggested(workload, fix.kind == FindingFix::AddImagePath ? fix.target : QString());
    if (!m_document->ensureAnalysisCurrent())
        return fail(tr("The YAML has an error; fix it before editing through the form."));
    const Workload *w = workloadNamed(m_document->analysis(), workload);
    if (!w)
        return fail(tr("There is no workload %1 in the file any more.").arg(workload));
    for (const WritablePath &p : w->inMemory) {
        if (p.target == fix.target) {
            EditOp op(EditOp::Kind::ChangePath, workload);
            op.path = fix.target;
            op.spec = fixedSpec(fix, p);
            op.target = target;
            return edit(op);
        }
    }
    return fail(tr("%1 has no in-memory path %2 any more.").arg(workload, fix.target));
}

bool EditController::applySuggested(const QString &workload, const QString &onlyPath)
{
    if (deferred([this, workload, onlyPath] { applySuggested(workload, onlyPath); }))
        return true;
    if (!m_document->ensureAnalysisCurrent())
        return fail(tr("The YAML has an error; fix it before editing through the form."));
    const Workload *w = workloadNamed(m_document->analysis(), workload);
    if (!w)
        return fail(tr("There is no workload %1 in the file any more.").arg(workload));
    QVector<EditOp> ops = suggestedOps(*w);
    if (!onlyPath.isEmpty())
        ops.erase(std::remove_if(ops.begin(), ops.end(),
                                 [&](const EditOp &op) {
                                     return op.kind != EditOp::Kind::AddPath || op.spec.target != onlyPath;
                                 }),
                  ops.end());
    return editAll(ops, onlyPath.isEmpty() ? tr("Make %1 read-only with the paths it needs").arg(workload)
                                           : tr("Add %1 to %2").arg(onlyPath, workload));
}

bool EditController::editAll(const QVector<EditOp> &ops, const QString &description)
{
    if (deferred([this, ops, description] { editAll(ops, description); }))
        return true;
    // One undo step: each edit is planned on the text the one before left (that text is
    // analysed here, on the spot: the macro cannot wait between its steps).
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(description);
    bool ok = true;
    for (const EditOp &op : ops)
        if (!(ok = editNow(op)))
            break;
    stack->endMacro();
    if (!ok && stack->canUndo())
        stack->undo(); // all of it or none: the macro's done steps go back
    return ok;
}

EditResult EditController::planMakeImmutable()
{
    if (!m_document->ensureAnalysisCurrent()) {
        EditResult r;
        r.error = tr("The YAML has an error; fix it first.");
        return r;
    }
    return planEdit(*m_document->parsed(), m_document->analysis(), EditOp{EditOp::Kind::MakeAllImmutable});
}

bool EditController::apply(const EditResult &plan, quint64 plannedOn)
{
    if (plannedOn != m_document->generation())
        return fail(tr("The text changed since the preview; run Make All Immutable again."));
    return push(EditOp{EditOp::Kind::MakeAllImmutable}, plan);
}

} // namespace deadbolt

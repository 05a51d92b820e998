#include "editcontroller.h"

#include "commands/addremovepathcommand.h"
#include "commands/setreadonlycommand.h"
#include "document.h"
#include "edit/inmemoryedit.h"
#include "edit/readonlyedit.h"
#include "panels/findingfixes.h"

namespace deadbolt {

namespace {
enum Kind { ReadOnlyKind, PathKindEdit };
}

EditController::EditController(Document *document, QObject *parent) : QObject(parent), m_document(document)
{}

bool EditController::fail(const QString &message)
{
    m_lastError = message;
    emit editFailed(message);
    return false;
}

const Workload *EditController::current(const QString &workload)
{
    if (!m_document->ensureAnalysisCurrent()) {
        fail(tr("The YAML has an error; fix it before editing through the form."));
        return nullptr;
    }
    for (const Workload &w : m_document->analysis().workloads)
        if (w.displayName() == workload)
            return &w;
    fail(tr("There is no workload %1 in the file any more.").arg(workload));
    return nullptr;
}

bool EditController::push(const EditResult &result, int kind)
{
    if (!result.ok)
        return fail(result.error.isEmpty() ? tr("The edit could not be planned.") : result.error);
    if (result.replacements.empty())
        return true; // already so: nothing to record
    ReplaceCommand *command = nullptr;
    if (kind == ReadOnlyKind)
        command = new SetReadOnlyCommand(m_document, result.replacements, result.description);
    else
        command = new AddRemovePathCommand(m_document, result.replacements, result.description);
    m_document->pushEdit(command);
    m_lastError.clear();
    return true;
}

bool EditController::setReadOnly(const QString &workload, bool on, Target target)
{
    const Workload *w = current(workload);
    if (!w)
        return false;
    return push(deadbolt::setReadOnly(*m_document->parsed(), m_document->analysis(), *w, on, target),
                ReadOnlyKind);
}

bool EditController::addPath(const QString &workload, const InMemoryPathSpec &spec)
{
    const Workload *w = current(workload);
    if (!w)
        return false;
    return push(addInMemoryPath(*m_document->parsed(), m_document->analysis(), *w, spec), PathKindEdit);
}

bool EditController::changePath(const QString &workload, const QString &oldTarget,
                                const InMemoryPathSpec &spec)
{
    const Workload *w = current(workload);
    if (!w)
        return false;
    return push(changeInMemoryPath(*m_document->parsed(), m_document->analysis(), *w, oldTarget, spec),
                PathKindEdit);
}

bool EditController::removePath(const QString &workload, const QString &target)
{
    const Workload *w = current(workload);
    if (!w)
        return false;
    return push(removeInMemoryPath(*m_document->parsed(), m_document->analysis(), *w, target), PathKindEdit);
}

bool EditController::applyFix(const QString &workload, const FindingFix &fix, Target target)
{
    if (fix.kind == FindingFix::MakeReadOnly)
        return setReadOnly(workload, true, target);
    const Workload *w = current(workload);
    if (!w)
        return false;
    for (const WritablePath &p : w->inMemory)
        if (p.target == fix.target)
            return push(changeInMemoryPath(*m_document->parsed(), m_document->analysis(), *w, fix.target,
                                           fixedSpec(fix, p)),
                        PathKindEdit);
    return fail(tr("%1 has no in-memory path %2 any more.").arg(workload, fix.target));
}

EditResult EditController::planMakeImmutable()
{
    if (!m_document->ensureAnalysisCurrent()) {
        EditResult r;
        r.error = tr("The YAML has an error; fix it first.");
        return r;
    }
    return makeFileImmutable(*m_document->parsed(), m_document->analysis());
}

bool EditController::apply(const EditResult &plan, quint64 plannedOn)
{
    if (plannedOn != m_document->generation())
        return fail(tr("The text changed since the preview; run Make All Immutable again."));
    return push(plan, ReadOnlyKind);
}

} // namespace deadbolt

#pragma once

#include "edit/editop.h"
#include "model/workload.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace deadbolt {

class Document;

// Turns a user's request ("make web read-only") into a core edit on the document's
// current text and pushes it as a named command. The core plans and verifies; this class
// only makes sure the plan is made on the text it will be applied to, and reports a
// refusal as a message instead of changing anything.
struct FindingFix;

class EditController : public QObject
{
    Q_OBJECT
public:
    explicit EditController(Document *document, QObject *parent = nullptr);

    Document *document() const { return m_document; }

    // Workloads are named by Workload::displayName(): the caller may hold a workload from
    // an older analysis, so the controller looks it up again in the current one.
    // Plans op on the current text with the core's one entry point and pushes it.
    bool edit(const EditOp &op);
    bool setReadOnly(const QString &workload, bool on, Target target);
    // A finding's one-click fix, planned on the current text (see fixedSpec).
    bool applyFix(const QString &workload, const FindingFix &fix, Target target);
    // Read-only with the paths the workload's image needs (edit/suggested.h), one undo step;
    // with onlyPath, that path alone.
    bool applySuggested(const QString &workload, const QString &onlyPath = {});
    // Several edits as one undo step, all or none.
    bool editAll(const QVector<EditOp> &ops, const QString &description);

    // Plans "make every workload read-only" without applying it (for the preview).
    EditResult planMakeImmutable();
    // Applies a plan made by planMakeImmutable() if the text has not changed since.
    bool apply(const EditResult &plan, quint64 plannedOn);

    const QString &lastError() const { return m_lastError; }

    // On (the window): an edit asked for while an analysis is pending waits for it (the call
    // returns true at once, the edit follows, a refusal comes as editFailed) instead of
    // deriving on the GUI thread. Off (the default, for callers that need the result now).
    void setWaitForAnalysis(bool wait) { m_waitForAnalysis = wait; }

signals:
    // A refused or impossible edit; the window shows it (the text did not change).
    void editFailed(const QString &message);

private:
    bool fail(const QString &message);
    // True when `retry` was queued until the analysis describes the text.
    bool deferred(std::function<void()> retry);
    bool editNow(const EditOp &op);
    bool push(const EditOp &op, const EditResult &result);

    QPointer<Document> m_document;
    QString m_lastError;
    bool m_waitForAnalysis = false;
};

} // namespace deadbolt

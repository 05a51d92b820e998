#include "commands/edittextcommand.h"

#include "document.h"

#include <QCoreApplication>

namespace deadbolt {

EditTextCommand::EditTextCommand(Document *document, Replacement replacement)
    : QUndoCommand(QCoreApplication::translate("EditTextCommand", "Edit text")), m_document(document)
{
    m_steps.push_back({{std::move(replacement)}, {}});
    m_sizeBefore = document->text().size();
    m_hashBefore = std::hash<std::string>{}(document->text());
}

void EditTextCommand::redo()
{
    for (Step &step : m_steps) {
        step.inverse = invertReplacements(m_document->text(), step.forward);
        m_document->replaceText(step.forward);
    }
}

void EditTextCommand::undo()
{
    for (auto it = m_steps.rbegin(); it != m_steps.rend(); ++it)
        m_document->replaceText(it->inverse);
}

bool EditTextCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    const auto *next = static_cast<const EditTextCommand *>(other);
    if (next->m_document != m_document)
        return false;
    m_steps.insert(m_steps.end(), next->m_steps.begin(), next->m_steps.end());
    // Typing a character and deleting it again leaves nothing to undo. mergeWith runs after
    // the merged step's redo, so the document holds the net result now.
    const std::string &now = m_document->text();
    if (now.size() == m_sizeBefore && std::hash<std::string>{}(now) == m_hashBefore)
        setObsolete(true);
    return true;
}

} // namespace deadbolt

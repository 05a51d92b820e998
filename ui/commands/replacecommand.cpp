#include "commands/replacecommand.h"

#include "document.h"

namespace deadbolt {

ReplaceCommand::ReplaceCommand(Document *document, Replacements replacements, const QString &text,
                               QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_forward(std::move(replacements))
{
    if (m_forward.empty())
        setObsolete(true);
}

void ReplaceCommand::redo()
{
    // The inverse is computed against the text redo actually sees, so it is exact even if
    // the command was planned a moment before.
    const Replacements inverse = invertReplacements(m_document->text(), m_forward);
    m_applied = m_document->replaceText(m_forward);
    if (m_applied)
        m_inverse = inverse;
    else
        setObsolete(true);
}

void ReplaceCommand::undo()
{
    if (m_applied)
        m_document->replaceText(m_inverse);
}

} // namespace deadbolt

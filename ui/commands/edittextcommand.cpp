#include "commands/edittextcommand.h"

#include "document.h"

#include <QCoreApplication>

namespace deadbolt {

EditTextCommand::EditTextCommand(Document *document, Replacement replacement)
    : QUndoCommand(QCoreApplication::translate("EditTextCommand", "Edit text")), m_document(document)
{
    m_steps.push_back({{std::move(replacement)}, {}});
}

void EditTextCommand::redo()
{
    for (Step &step : m_steps) {
        step.inverse = invertReplacements(m_document->text(), step.forward);
        m_document->replaceText(step.forward);
    }
    if (m_steps.size() == 1 && m_steps.front().forward.size() == 1) {
        const Replacement &r = m_steps.front().forward.front();
        m_net = {true, r.offset, m_steps.front().inverse.front().text, r.text};
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
    // Compose the net replacement with the new step's (on the text the net left): the step
    // at p replaced L bytes (`gone`, from its inverse) with X.
    const Net &step = next->m_net;
    if (m_net.known && step.known) {
        const std::size_t o = m_net.offset, ne = o + m_net.inserted.size();
        const std::size_t p = step.offset, e = p + step.removed.size();
        if (p <= ne && e >= o) {
            const std::string &gone = step.removed;
            const std::string before = p < o ? gone.substr(0, o - p) : std::string();
            const std::string after = e > ne ? gone.substr(gone.size() - (e - ne)) : std::string();
            std::string inserted = (p > o ? m_net.inserted.substr(0, p - o) : std::string()) + step.inserted +
                                   (e < ne ? m_net.inserted.substr(e - o) : std::string());
            m_net = {true, std::min(o, p), before + m_net.removed + after, std::move(inserted)};
        } else {
            m_net.known = false;
        }
    } else {
        m_net.known = false;
    }
    // Typing a character and deleting it again leaves nothing to undo.
    if (m_net.known && m_net.removed == m_net.inserted)
        setObsolete(true);
    return true;
}

} // namespace deadbolt

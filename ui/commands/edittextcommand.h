#pragma once

#include "commands/commandids.h"
#include "edit/replacement.h"

#include <QUndoCommand>
#include <string>
#include <vector>

namespace deadbolt {

class Document;

// "Edit text": typing in the YAML view. Consecutive keystrokes merge into one entry; the
// entry keeps each step (forward and inverse) because every step was planned on the text
// left by the one before.
class EditTextCommand : public QUndoCommand
{
public:
    EditTextCommand(Document *document, Replacement replacement);

    void redo() override;
    void undo() override;
    int id() const override { return EditTextCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    struct Step
    {
        Replacements forward;
        Replacements inverse;
    };
    Document *m_document;
    std::vector<Step> m_steps;
    std::size_t m_sizeBefore = 0; // of the text before the first step, to spot a net no-op
    std::size_t m_hashBefore = 0;
};

} // namespace deadbolt

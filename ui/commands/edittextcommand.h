#pragma once

#include "commands/commandids.h"
#include "source/replacement.h"

#include <QUndoCommand>
#include <string>
#include <vector>

namespace deadbolt {

class Document;

// "Edit text": typing in the YAML view. Consecutive keystrokes merge into one entry; the
// entry keeps each step (forward and inverse) because every step was planned on the text
// left by the one before. Nothing in it costs in proportion to the file: a keystroke is one
// small replacement, and whether the merged steps undo each other (a character typed and
// deleted again) is told by their net replacement, composed step by step.
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
    // What the steps do together, as one replacement of the text before the first: at
    // `offset`, `removed` (the original bytes) became `inserted`. Unknown once two steps
    // touch places apart (typing at two spots), which is never a no-op worth finding.
    struct Net
    {
        bool known = false;
        std::size_t offset = 0;
        std::string removed;
        std::string inserted;
    };
    Document *m_document;
    std::vector<Step> m_steps;
    Net m_net;
};

} // namespace deadbolt

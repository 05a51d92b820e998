#pragma once

#include "source/replacement.h"

#include <QUndoCommand>

namespace deadbolt {

class Document;

// The common part of every edit: a list of replacements planned on the text as it was
// when the command was made. redo() applies them, undo() applies their inverse; the
// document derives everything else again. Subclasses only name the edit (Tiled's one
// class per verb), which keeps the history readable and lets tests tell them apart.
class ReplaceCommand : public QUndoCommand
{
public:
    ReplaceCommand(Document *document, Replacements replacements, const QString &text,
                   QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    const Replacements &replacements() const { return m_forward; }
    // False when redo found the replacements did not fit the text (the command did nothing).
    bool applied() const { return m_applied; }

protected:
    Document *m_document;
    Replacements m_forward;
    Replacements m_inverse;
    bool m_applied = false;
};

} // namespace deadbolt

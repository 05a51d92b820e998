#pragma once

#include "commands/replacecommand.h"

#include <string>

namespace deadbolt {

// "Reload from disk" / "Revert": replaces the whole text with the file's, and stays
// undoable so that reloading never loses the edits it replaced (STYLE.md, Undo).
class ReloadCommand : public ReplaceCommand
{
public:
    ReloadCommand(Document *document, const std::string &currentText, std::string diskText,
                  const QString &description);
};

} // namespace deadbolt

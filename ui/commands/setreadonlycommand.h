#pragma once

#include "commands/replacecommand.h"

namespace deadbolt {

// "Make web read-only" / "Make web writable", or for a bulk action
// "Make 7 workloads immutable" (the core plans the whole file in one list).
class SetReadOnlyCommand : public ReplaceCommand
{
public:
    SetReadOnlyCommand(Document *document, Replacements replacements, const QString &description);
};

} // namespace deadbolt

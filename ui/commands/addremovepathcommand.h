#pragma once

#include "commands/replacecommand.h"

namespace deadbolt {

// "Add /var/run to web", "Change /tmp in web", "Remove /tmp from web".
class AddRemovePathCommand : public ReplaceCommand
{
public:
    AddRemovePathCommand(Document *document, Replacements replacements, const QString &description);
};

} // namespace deadbolt

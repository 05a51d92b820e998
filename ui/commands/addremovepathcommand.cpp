#include "commands/addremovepathcommand.h"

namespace deadbolt {

AddRemovePathCommand::AddRemovePathCommand(Document *document, Replacements replacements,
                                           const QString &description)
    : ReplaceCommand(document, std::move(replacements), description)
{}

} // namespace deadbolt

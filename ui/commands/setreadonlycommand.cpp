#include "commands/setreadonlycommand.h"

namespace deadbolt {

SetReadOnlyCommand::SetReadOnlyCommand(Document *document, Replacements replacements,
                                       const QString &description)
    : ReplaceCommand(document, std::move(replacements), description)
{}

} // namespace deadbolt

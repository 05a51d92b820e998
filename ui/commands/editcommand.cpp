#include "commands/editcommand.h"

namespace deadbolt {

EditCommand::EditCommand(Document *document, EditOp op, const EditResult &result)
    : ReplaceCommand(document, result.replacements, result.description), m_op(std::move(op))
{}

} // namespace deadbolt

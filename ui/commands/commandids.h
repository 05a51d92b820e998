#pragma once

namespace deadbolt {

// The one list of merge ids for QUndoCommand::id(). Only typing merges: form edits are
// separate steps a user wants to undo one by one.
enum CommandId { EditTextCommandId = 1 };

} // namespace deadbolt

#pragma once

#include "commands/replacecommand.h"
#include "edit/editop.h"

namespace deadbolt {

// Every form edit: "Make web read-only", "Add /var/run to web", "Make 7 workloads read-only".
// It carries the operation it was planned from (what tests and the history show) and the
// core's verified replacements.
class EditCommand : public ReplaceCommand
{
public:
    EditCommand(Document *document, EditOp op, const EditResult &result);

    const EditOp &op() const { return m_op; }

private:
    EditOp m_op;
};

} // namespace deadbolt

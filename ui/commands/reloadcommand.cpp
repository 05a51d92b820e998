#include "commands/reloadcommand.h"

#include <QObject>

namespace deadbolt {

namespace {

// Only the differing middle is replaced, so the undo step stays small and the YAML view
// keeps its scroll position.
Replacements difference(const std::string &from, const std::string &to)
{
    Replacement middle = differingMiddle(from, to);
    if (middle.length == 0 && middle.text.empty())
        return {};
    return {std::move(middle)};
}

} // namespace

ReloadCommand::ReloadCommand(Document *document, const std::string &currentText, std::string diskText,
                             const QString &description)
    : ReplaceCommand(document, difference(currentText, diskText), description)
{}

} // namespace deadbolt

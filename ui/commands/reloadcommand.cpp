#include "commands/reloadcommand.h"

#include <QObject>

namespace deadbolt {

namespace {

// Only the differing middle is replaced, so the undo step stays small and the YAML view
// keeps its scroll position.
Replacements difference(const std::string &from, std::string to)
{
    std::size_t prefix = 0;
    const std::size_t common = std::min(from.size(), to.size());
    while (prefix < common && from[prefix] == to[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < common - prefix && from[from.size() - 1 - suffix] == to[to.size() - 1 - suffix])
        ++suffix;
    if (prefix == from.size() && prefix == to.size())
        return {};
    return {
        Replacement{prefix, from.size() - prefix - suffix, to.substr(prefix, to.size() - prefix - suffix)}};
}

} // namespace

ReloadCommand::ReloadCommand(Document *document, const std::string &currentText, std::string diskText,
                             const QString &description)
    : ReplaceCommand(document, difference(currentText, std::move(diskText)), description)
{}

} // namespace deadbolt

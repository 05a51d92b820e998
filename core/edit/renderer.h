#pragma once

#include "edit/filestyle.h"
#include "edit/treevalue.h"

#include <string>

namespace deadbolt::edit {

// Writes new values as YAML text in a file's style: block lines at a given column, or
// flow `{...}` / `[...]`; strings plain where YAML reads them back as the same string,
// else quoted with the file's quote. Only new text: existing nodes are never re-written.
class Renderer
{
public:
    explicit Renderer(const FileStyle &style) : m_style(style) {}

    // The value tree a string becomes: plain where that reads back as the same string.
    static TreeValue text(const std::string &s);
    // Marks plain scalars that would not survive in the context (flow or block) as quoted.
    void normalize(TreeValue &v, bool flow) const;
    std::string scalar(const TreeValue &v) const;
    std::string flow(const TreeValue &v) const;
    // What follows `key:` when the key sits at keyColumn: " value", or nested lines.
    std::string blockValue(const TreeValue &v, std::size_t keyColumn) const;
    // What follows `- ` when the item's content starts at contentColumn.
    std::string blockItem(const TreeValue &v, std::size_t contentColumn) const;

private:
    FileStyle m_style;
};

} // namespace deadbolt::edit

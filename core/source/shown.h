#pragma once

#include <string>
#include <string_view>

namespace deadbolt {

// A text editor shows a file without its BOM and with "\n" for every line break ("\r\n" and
// a lone "\r" too). After the user edits that shown text, these are the file's new bytes:
// the file's own bytes (BOM, and each line's own ending) wherever the shown text did not
// change, and the file's first line ending on the lines that did. So typing into a file
// with mixed line endings changes what was typed and nothing else.
std::string fileBytesAfterEdit(std::string_view file, std::string_view shown);

// What such an editor shows for a file's bytes: no BOM, "\n" for every line break.
std::string shownText(std::string_view file);

} // namespace deadbolt

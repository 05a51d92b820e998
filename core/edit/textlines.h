#pragma once

#include <cstddef>
#include <string>

namespace deadbolt::edit {

// Byte-level line helpers for planning edits. They work on the raw text (a UTF-8 BOM at
// the start counts as part of no line's indentation) and understand both LF and CRLF.

std::size_t lineStartAt(const std::string &text, std::size_t offset);
// Offset of the line break ending the line that holds offset ('\r' of a CRLF), or text end.
std::size_t lineEndAt(const std::string &text, std::size_t offset);
// Offset just past the line break ending that line, or text end when there is none.
std::size_t nextLineStart(const std::string &text, std::size_t offset);
std::size_t columnOf(const std::string &text, std::size_t offset);
// Only spaces between the start of the line and offset.
bool startsLine(const std::string &text, std::size_t offset);
// The '-' of the block sequence entry whose content starts at offset, or npos.
std::size_t dashBefore(const std::string &text, std::size_t offset);
// Whether the line at offset holds nothing but spaces and maybe a comment.
bool blankOrComment(const std::string &text, std::size_t lineStart);

} // namespace deadbolt::edit

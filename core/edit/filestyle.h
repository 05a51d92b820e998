#pragma once

#include "yaml/yamltree.h"

#include <string>
#include <vector>

namespace deadbolt {
class SourceText;
}

namespace deadbolt::edit {

// How a file is written, so that new text looks like the text around it (DESIGN.md,
// principle 2). Detected from the file, never configured.
struct FileStyle
{
    int indent = 2;                // columns a nested block mapping steps in
    bool indentedSequences = true; // `key:\n  - x` (true) or `key:\n- x` (flush)
    char quote = '"';              // quote used for strings that need quoting
    std::string newline = "\n";    // "\r\n" when the file uses CRLF
    bool finalNewline = true;      // kept as it was: edits never add or remove it
};

// Looks at block mappings and sequences of the given documents (the first few hundred
// nodes of each suffice) and takes the majority; ties and files without evidence get the
// defaults above, which are what `docker compose config` and kubectl write.
FileStyle detectStyle(const SourceText &text, const std::vector<yaml::Document> &documents);

} // namespace deadbolt::edit

#pragma once

#include "model/analyzer.h"

namespace deadbolt {

// One file checked: format detection, reading (model/, which records facts) and the policy
// rules (policy/, which judges them) in one call, with the file-level notes.
Analysis analyze(const ParsedFile &file);

} // namespace deadbolt

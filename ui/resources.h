#pragma once

namespace deadbolt {

// deadbolt_ui is a static library: the linker drops its resource initialiser unless
// something calls it. MainWindow does; tests that build panels alone call it too.
void initResources();

} // namespace deadbolt

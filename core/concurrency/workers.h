#pragma once

class QThreadPool;

namespace deadbolt {

// The threads for the core's CPU-bound work: parsing the documents of a file in parallel and
// verifying an edit's documents. Never QThreadPool::globalInstance(): Qt Gui's raster engine
// paints with the global pool, so work queued there freezes the editor's window until it
// ends (seen: 4 s without a repaint while a 14 MB manifest was parsed).
QThreadPool *parseWorkers();

} // namespace deadbolt

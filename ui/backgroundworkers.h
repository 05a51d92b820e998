#pragma once

class QThreadPool;

namespace deadbolt {

// The editor's background threads: analysing a document's text and laying out a big text
// off the GUI thread. Not QThreadPool::globalInstance(), which Qt Gui's raster engine uses
// to paint: a long job there keeps the window from repainting until it ends.
QThreadPool *backgroundWorkers();

} // namespace deadbolt

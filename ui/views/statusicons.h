#pragma once

#include "model/workload.h"

#include <QColor>
#include <QIcon>

namespace deadbolt {

// The look of a status, shared by the list's badge, the inspector and the summary.
// Colour is never the only signal: every use pairs it with the icon's shape and a word.
QIcon statusIcon(Status status);
QColor statusColor(Status status);

} // namespace deadbolt

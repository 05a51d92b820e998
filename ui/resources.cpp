#include "resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initDeadboltResources()
{
    Q_INIT_RESOURCE(deadbolt);
}

namespace deadbolt {

void initResources()
{
    initDeadboltResources();
}

} // namespace deadbolt

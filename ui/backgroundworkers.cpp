#include "backgroundworkers.h"

#include <QThreadPool>

namespace deadbolt {

QThreadPool *backgroundWorkers()
{
    static QThreadPool pool;
    return &pool;
}

} // namespace deadbolt

#include "concurrency/workers.h"

#include <QThreadPool>

namespace deadbolt {

QThreadPool *parseWorkers()
{
    static QThreadPool pool;
    return &pool;
}

} // namespace deadbolt

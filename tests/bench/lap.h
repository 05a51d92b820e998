#pragma once
// The benchmarks' stopwatch: milliseconds since the timer's last lap, and a new lap begins.

#include <QElapsedTimer>

namespace bench {

inline double lapMs(QElapsedTimer &timer)
{
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    return ms;
}

} // namespace bench

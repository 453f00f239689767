#pragma once

#include <QtGlobal>

#include <chrono>

namespace Madf {

/** Milliseconds on the monotonic clock: deadlines, waits and timings of the
 *  LLM gateway (never wall-clock time, which can jump). */
inline qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace Madf

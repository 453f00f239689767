#include "core/llm/simulatorcpu.h"

#include <atomic>
#include <ctime>

namespace Madf::SimulatorCpu {

namespace {

std::atomic<bool> g_enabled{false};
thread_local qint64 t_totalNs = 0;
thread_local int t_depth = 0;

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

} // namespace

void setEnabled(bool enabled)
{
    g_enabled.store(enabled, std::memory_order_relaxed);
}

qint64 threadNs()
{
    return t_totalNs;
}

Scope::Scope()
{
    // Nested scopes (a reply built from dictated JSON) count once.
    if (t_depth++ == 0 && g_enabled.load(std::memory_order_relaxed))
        m_startNs = threadCpuNs();
}

Scope::~Scope()
{
    --t_depth;
    if (m_startNs >= 0)
        t_totalNs += threadCpuNs() - m_startNs;
}

} // namespace Madf::SimulatorCpu

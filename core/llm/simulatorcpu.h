#pragma once

#include <QtGlobal>

namespace Madf {

/** The CPU time a thread spends standing in for a model: the simulated
 *  provider writing a reply, the agents computing the JSON they dictate to
 *  it. Benchmarks subtract it from the engine's CPU in the same pass, so
 *  the engine's own cost is not lost in the machine's drift between one
 *  measurement and the next (on a shared VM, the same work can take twice
 *  as long a few seconds later).
 *
 *  Off unless a benchmark switches it on: measuring costs two clock reads
 *  (system calls under a VM) per scope. */
namespace SimulatorCpu {

void setEnabled(bool enabled);
/** This thread's simulator CPU so far, in nanoseconds. */
qint64 threadNs();

/** Counts the CPU of its lifetime for this thread, unless already inside one. */
class Scope
{
public:
    Scope();
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

private:
    qint64 m_startNs = -1;
};

} // namespace SimulatorCpu

} // namespace Madf

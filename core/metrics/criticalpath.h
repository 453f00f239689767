#pragma once

#include "core/metrics/timelinecall.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>

namespace Madf {

struct Workflow;

/** Which workflow stages wait for which: a call can only have waited for a
 *  call of its own stage (an earlier phase of it, a retry, the quality
 *  loop's previous round) or of a stage its stage depends on, directly or
 *  not. A call of a parallel branch never holds up another branch. */
class StageDependencies
{
public:
    /** research → outline → write → executive_summary → edit → verify: the
     *  built-in workflows, when the document's own workflow is unknown. */
    static StageDependencies linear();
    /** The stages' depends_on, closed transitively. */
    static StageDependencies fromWorkflow(const Workflow &workflow);

    /** True when a call of stage @p earlier may be one a call of stage
     *  @p later waited for. Unknown stages (nullopt) may wait for anything. */
    bool mayWaitFor(std::optional<StageKind> later, std::optional<StageKind> earlier) const;

private:
    QHash<int, QSet<int>> m_ancestors;   ///< StageKind -> every StageKind it depends on
};

/**
 * The chain of calls that set a document's end time, and where that time
 * went.
 *
 * Built backwards from the call that ended last: each call's predecessor is
 * the latest-ending call it may have waited for (StageDependencies) that
 * ended before it started (within ToleranceMs, for clock rounding). Time on
 * the path is credited to the stage of the call it falls in; time between
 * the path's calls (the engine's own work, assembling the document) and
 * before the first or after the last call is `gapMs`. The parts add up to
 * the wall time.
 */
struct CriticalPath
{
    /** Calls whose end and the next call's start are this close still count as one after the other. */
    static constexpr qint64 ToleranceMs = 2;

    QList<int> calls;              ///< indexes into the call list, earliest first
    qint64 startMs = 0;            ///< the document's start
    qint64 endMs = 0;              ///< the document's end
    QMap<QString, qint64> stageMs; ///< record stage -> its calls' time on the path
    qint64 gapMs = 0;
    qint64 queuedMs = 0;           ///< of the path's call time, waiting in queues (and back-off)
    qint64 retriedMs = 0;          ///< of the path's call time, attempts that were retried

    qint64 wallMs() const { return qMax<qint64>(0, endMs - startMs); }
    bool contains(int index) const { return calls.contains(index); }
    /** The stage's share of the wall time, 0..1. */
    double share(const QString &stage) const;

    /** @p startMs / @p endMs: the document's span; 0 takes the first call's
     *  start / the last call's end (a span narrower than the calls is widened). */
    static CriticalPath compute(const QList<TimelineCall> &calls, const StageDependencies &dependencies,
                                qint64 startMs = 0, qint64 endMs = 0);
};

} // namespace Madf

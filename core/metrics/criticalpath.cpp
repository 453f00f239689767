#include "core/metrics/criticalpath.h"

#include "core/orchestration/workflow.h"

#include <algorithm>

namespace Madf {

namespace {
const QList<StageKind> &pipelineOrder()
{
    static const QList<StageKind> order = {StageKind::Research, StageKind::Outline,          StageKind::Write,
                                           StageKind::ExecutiveSummary, StageKind::Edit, StageKind::Verify,
                                           StageKind::Finalize};
    return order;
}
} // namespace

StageDependencies StageDependencies::linear()
{
    StageDependencies d;
    const QList<StageKind> &order = pipelineOrder();
    for (int i = 0; i < order.size(); ++i)
        for (int j = 0; j < i; ++j)
            d.m_ancestors[int(order[i])].insert(int(order[j]));
    return d;
}

StageDependencies StageDependencies::fromWorkflow(const Workflow &workflow)
{
    StageDependencies d;
    for (const WorkflowStage &stage : workflow.stages) {
        QSet<int> &ancestors = d.m_ancestors[int(stage.kind)];
        QStringList todo = stage.dependsOn;
        QSet<QString> seen;
        while (!todo.isEmpty()) {
            const QString name = todo.takeLast();
            if (seen.contains(name))
                continue; // a cycle would have failed validation; never loop on one anyway
            seen.insert(name);
            if (const WorkflowStage *dep = workflow.stage(name)) {
                ancestors.insert(int(dep->kind));
                todo += dep->dependsOn;
            }
        }
    }
    return d;
}

bool StageDependencies::mayWaitFor(std::optional<StageKind> later, std::optional<StageKind> earlier) const
{
    if (!later || !earlier || *later == *earlier)
        return true;
    return m_ancestors.value(int(*later)).contains(int(*earlier));
}

double CriticalPath::share(const QString &stage) const
{
    const qint64 wall = wallMs();
    return wall > 0 ? double(stageMs.value(stage)) / double(wall) : 0.0;
}

CriticalPath CriticalPath::compute(const QList<TimelineCall> &calls, const StageDependencies &dependencies,
                                   qint64 startMs, qint64 endMs)
{
    CriticalPath path;
    if (calls.isEmpty()) {
        path.startMs = startMs;
        path.endMs = qMax(startMs, endMs);
        path.gapMs = path.wallMs();
        return path;
    }

    QList<std::optional<StageKind>> kinds;
    kinds.reserve(calls.size());
    qint64 firstStart = calls.first().startMs;
    int last = 0;
    for (int i = 0; i < calls.size(); ++i) {
        kinds << stageKindForStepKey(calls[i].stepKey);
        firstStart = qMin(firstStart, calls[i].startMs);
        if (calls[i].endMs() > calls[last].endMs())
            last = i;
    }
    path.startMs = startMs > 0 ? qMin(startMs, firstStart) : firstStart;
    path.endMs = qMax(endMs, calls[last].endMs());

    // "Started before" must be a strict order, so that calls shorter than the
    // tolerance can never be each other's predecessor.
    auto startsBefore = [&](int a, int b) {
        return calls[a].startMs < calls[b].startMs || (calls[a].startMs == calls[b].startMs && a < b);
    };
    QSet<int> onPath;
    for (int current = last; current >= 0;) {
        path.calls.prepend(current);
        onPath.insert(current);
        int best = -1;
        for (int i = 0; i < calls.size(); ++i) {
            if (onPath.contains(i) || !startsBefore(i, current)
                || calls[i].endMs() > calls[current].startMs + ToleranceMs
                || !dependencies.mayWaitFor(kinds[current], kinds[i]))
                continue;
            // Latest end wins; on a tie the later start, the one that waited least.
            if (best < 0 || calls[i].endMs() > calls[best].endMs()
                || (calls[i].endMs() == calls[best].endMs() && startsBefore(best, i)))
                best = i;
        }
        current = best;
    }

    // Credit each instant of the wall time once: a call's time from where
    // the previous one ended (overlaps within the tolerance are not counted twice).
    qint64 cursor = path.startMs;
    for (int index : std::as_const(path.calls)) {
        const TimelineCall &c = calls[index];
        const qint64 from = qMax(cursor, c.startMs);
        const qint64 to = qMax(from, c.endMs());
        path.gapMs += qMax<qint64>(0, c.startMs - cursor);
        path.stageMs[c.stage] += to - from;
        // The queued and retried parts come first in a call; clip them to the part credited.
        const qint64 skipped = from - c.startMs;
        const qint64 queued = qMax<qint64>(0, c.queuedPartMs() - skipped);
        const qint64 retried = qMax<qint64>(0, c.queuedPartMs() + c.retriedPartMs() - qMax(skipped, c.queuedPartMs()));
        path.queuedMs += qMin(queued, to - from);
        path.retriedMs += qMin(retried, to - from - qMin(queued, to - from));
        cursor = to;
    }
    path.gapMs += qMax<qint64>(0, path.endMs - cursor);
    return path;
}

} // namespace Madf

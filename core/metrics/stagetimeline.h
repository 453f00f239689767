#pragma once

#include "core/metrics/criticalpath.h"
#include "core/metrics/timelinecall.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Madf {

/** The settings the hints compare against; 0 = unknown. */
struct TimelineContext
{
    int maxConcurrentTasks = 0;
    int maxAgents = 0;
};

/** The stage that takes the largest share of a document's latency. */
struct Bottleneck
{
    QString stage;       ///< record stage: "editing"
    qint64 ms = 0;       ///< its time on the critical path
    double share = 0;    ///< of the wall time, 0..1
    QString text;        ///< "Editing is 54% of this document's latency (…)"
};

/** Advice drawn from the seed's troubleshooting list; the text names the
 *  figure that triggered it. */
struct TimelineHint
{
    enum class Kind {
        RaiseConcurrency,   ///< calls on the critical path waited in queues
        RaiseAgents,        ///< …and the agent pool, not max_concurrent_tasks, was the limit
        SpareCapacity,      ///< few calls in flight for the limit: the pipeline is sequential
        LowerConcurrency,   ///< many 429s or retries
        FasterModel,        ///< one stage dominates and its calls were running, not waiting
    };
    Kind kind;
    QString text;
};

/**
 * One document's calls as a Gantt chart sees them: bars grouped by stage,
 * the critical path, the bottleneck stage in words and what to do about it.
 *
 * GUI-free so that the CLI, tests and the timeline view share it. Calls can
 * be appended as they are recorded (the critical path and everything drawn
 * from it are recomputed on the next query) or set at once from the store.
 */
class StageTimeline
{
    Q_DECLARE_TR_FUNCTIONS(Madf::StageTimeline)

public:
    /** One row group: a stage and its calls (indexes), in start order. */
    struct StageRows
    {
        QString stage;
        QList<int> calls;
    };

    /** Thresholds of the hints (shares are of the wall time). */
    static constexpr double QueuedShareHint = 0.20;
    static constexpr double SpareCapacityHint = 0.25;
    static constexpr double RetriedCallsHint = 0.10;
    static constexpr double SlowStageHint = 0.40;

    StageTimeline();

    void setDependencies(const StageDependencies &dependencies);
    void setContext(const TimelineContext &context);
    /** The document's own start and end (ms since the epoch); 0 = from the calls. */
    void setDocumentSpan(qint64 startMs, qint64 endMs);

    void clear();
    void append(const TimelineCall &call);
    void setCalls(const QList<TimelineCall> &calls);
    const QList<TimelineCall> &calls() const { return m_calls; }
    bool isEmpty() const { return m_calls.isEmpty(); }

    /** The document's start and end: the span given, widened to the calls. */
    qint64 startMs() const;
    qint64 endMs() const;

    /** Stages in the order their first call started. */
    QList<StageRows> rows() const;
    const CriticalPath &criticalPath() const;
    std::optional<Bottleneck> bottleneck() const;
    QList<TimelineHint> hints() const;

    /** Most calls in their attempts (not queued) at the same instant. */
    int peakInFlight() const;
    /** Calls in their attempts on average over the wall time. */
    double meanInFlight() const;

    /** "850 ms", "12.3 s", "2 min 5 s". */
    static QString formatDuration(qint64 ms);
    /** The translated name of a record stage ("editing"). */
    static QString stageLabel(const QString &stage);

private:
    std::optional<TimelineHint> queueHint() const;
    std::optional<TimelineHint> spareCapacityHint() const;
    std::optional<TimelineHint> rateLimitHint() const;
    std::optional<TimelineHint> slowStageHint() const;

    QList<TimelineCall> m_calls;
    StageDependencies m_dependencies;
    TimelineContext m_context;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    mutable std::optional<CriticalPath> m_path;
};

} // namespace Madf

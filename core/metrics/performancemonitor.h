#pragma once

#include "statistics.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QString>

#include <functional>
#include <optional>

namespace Madf {

/** One model call as the monitor sees it (filled from an LlmResult). */
struct CallSample
{
    QString agent;
    QString stage;
    QString provider;
    QString model;
    qint64 latencyMs = 0;    ///< whole call, queueing and retries included
    qint64 ttftMs = -1;      ///< time to first token of the last attempt; -1 = none
    qint64 queuedMs = 0;     ///< waiting for a slot or a retry back-off
    int attempts = 1;
    QString errorKind;       ///< toString(LlmErrorKind), e.g. "rate_limited"; empty = ok
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    bool fromCache = false;  ///< answered by our response cache: no model was called
};

/** Count, mean and percentiles of one rolling series (unit as the caller's). */
struct LatencySummary
{
    qint64 count = 0;  ///< all-time number of samples
    double mean = 0;   ///< over the rolling window
    double p50 = 0;
    double p95 = 0;
};

/** The seed's rolling performance monitor: latency, quality, throughput and
 *  success of documents over the last `windowSize` documents, plus per-stage
 *  and per-call timings for the dashboard and troubleshooting ("check API
 *  response times", "bottlenecks in sequential stages").
 *
 *  Thread-safe: the engine thread records, the GUI reads snapshots. */
class PerformanceMonitor
{
public:
    /** The seed's `get_stats()`, extended. Latency in seconds. */
    struct Stats
    {
        double avgLatency = 0;     ///< over successful documents in the window
        double stdLatency = 0;     ///< sample standard deviation (the benchmark's std_latency)
        double p50Latency = 0;
        double p95Latency = 0;
        std::optional<double> avgQuality;  ///< over documents in the window that have a score; none = no score yet
        qint64 totalDocuments = 0; ///< all time, like the seed
        qint64 successful = 0;
        qint64 failed = 0;
        double uptime = 0;         ///< seconds since start (or reset)
        double throughput = 0;     ///< total_documents / uptime · 3600, docs/hour
        double totalCostUsd = 0;   ///< all time
        double avgCostPerDocument = 0;
    };

    /** Model calls, all time except the latency percentiles (rolling window). */
    struct CallStats
    {
        qint64 calls = 0;
        qint64 failedCalls = 0;
        qint64 cacheHits = 0;
        qint64 retries = 0;                 ///< attempts beyond the first
        LatencySummary latencyMs;           ///< successful, uncached calls
        LatencySummary ttftMs;              ///< successful, uncached calls that streamed text
        QMap<QString, qint64> errorsByKind;
        qint64 totalQueuedMs = 0;
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        double tokensPerSecond = 0;         ///< output tokens per second of generation (queueing excluded)
    };

    explicit PerformanceMonitor(int windowSize = 100);

    /** Replaces the clock (milliseconds since the epoch) and restarts the
     *  uptime from its current reading. For tests. */
    void setClock(std::function<qint64()> msSinceEpoch);
    /** Forgets everything and restarts the uptime. */
    void reset();
    int windowSize() const;
    /** Resizes the rolling windows; shrinking drops the oldest samples. */
    void setWindowSize(int windowSize);

    void recordDocument(const QString &docId, double latencySeconds, std::optional<double> quality,
                        bool success, double costUsd);
    void recordStage(const QString &stage, double seconds);
    void recordCall(const CallSample &sample);

    Stats stats() const;
    /** stage → durations in seconds. */
    QMap<QString, LatencySummary> stageStats() const;
    CallStats callStats() const;
    /** model → latency in ms of its successful, uncached calls. */
    QMap<QString, LatencySummary> callLatencyByModel() const;

    /** Everything above, with the seed's snake_case keys (avg_latency,
     *  p95_latency, throughput, ...; avg_quality is null with no score). */
    QJsonObject toJson() const;

private:
    struct DocumentSample
    {
        double latency = 0;
        std::optional<double> quality;
        bool success = false;
    };
    struct Series
    {
        qint64 count = 0;
        RollingSeries window;
    };

    static LatencySummary summarize(const Series &series);
    void addTo(QHash<QString, Series> *map, const QString &key, double value);

    mutable QMutex m_mutex;
    std::function<qint64()> m_clock;
    qint64 m_startMs = 0;
    int m_windowSize;

    RollingWindow<DocumentSample> m_documents;
    qint64 m_totalDocuments = 0;
    qint64 m_successful = 0;
    double m_totalCost = 0;

    QHash<QString, Series> m_stages;
    QHash<QString, Series> m_modelLatency;
    Series m_callLatency;
    Series m_ttft;
    CallStats m_calls;          // all-time counters; its summaries are filled on read
    qint64 m_generationMs = 0;  // the denominator of tokensPerSecond
    qint64 m_generatedTokens = 0;
};

} // namespace Madf

#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace Madf {

/** The time span the dashboard shows. */
enum class MetricsWindow { Last5Minutes, LastHour, ThisRun, AllHistory };

/** "last_5_minutes", "last_hour", "this_run", "all" (for exports). */
QString toString(MetricsWindow window);

/** One bar of a histogram: values in [from, to). */
struct HistogramBin
{
    double from = 0;
    double to = 0;
    int count = 0;
};

/** Cumulative values of several keys (models, agents) over one shared time
 *  axis, ready to stack: `cumulative[k][i]` is key k's total up to
 *  `timesMs[i]`. Keys are ordered by their final total, largest first. */
struct StackedSeries
{
    QList<double> timesMs;
    QStringList keys;
    QList<QList<double>> cumulative;

    bool isEmpty() const { return timesMs.isEmpty(); }
    double total(int key) const { return cumulative.value(key).isEmpty() ? 0 : cumulative[key].last(); }
};

/** Everything the dashboard draws for one time window, computed by
 *  MetricsTimeline::series(). Time is x in milliseconds since the epoch
 *  (what QDateTimeAxis takes); units are in the member names. */
struct DashboardSeries
{
    Q_DECLARE_TR_FUNCTIONS(Madf::DashboardSeries)

public:
    MetricsWindow window = MetricsWindow::ThisRun;
    qint64 fromMs = 0;
    qint64 toMs = 0;

    // Latency of completed documents.
    QList<QPointF> latencySeconds;     ///< one point per document, at its end
    QList<QPointF> latencyP50Seconds;  ///< rolling over the last `rollingCount` documents
    QList<QPointF> latencyP95Seconds;
    double p50Seconds = 0;             ///< over the whole window
    double p95Seconds = 0;
    QList<HistogramBin> latencyHistogram;  ///< seconds, from 0, "nice" bin width
    int rollingCount = 20;

    // Time to first token of streamed, uncached calls, per model.
    QMap<QString, QList<QPointF>> ttftMsByModel;
    QMap<QString, double> ttftP50MsByModel;

    // Quality of verified documents.
    QList<QPointF> quality;            ///< 0..1, one point per document with a score
    double qualityThreshold = 0.85;
    int belowThreshold = 0;

    // Resources.
    QList<QPointF> agentUtilizationPercent;  ///< in_use / max_agents, a step line
    int agentPeak = 0;                       ///< most agents in use at once in the window
    int maxAgents = 0;
    QList<QPointF> callsInFlight;            ///< a step line
    int callsInFlightPeak = 0;
    int maxConcurrentTasks = 0;

    // Cost (USD), known costs only; simulated ones included and flagged.
    StackedSeries costByModel;
    StackedSeries costByAgent;
    double costUsd = 0;
    double simulatedUsd = 0;
    qint64 unknownCostCalls = 0;

    // Response cache.
    qint64 calls = 0;
    qint64 cacheHits = 0;
    double savedUsd = 0;
    QList<QPointF> cacheHitRatePercent;  ///< cumulative within the window, at each call

    // Throughput.
    int documents = 0;                   ///< finished in the window, whatever their status
    int completedDocuments = 0;
    double docsPerHour = 0;
    double tokensPerSecond = 0;          ///< output tokens over wall-clock time
    qint64 outputTokens = 0;
    double bucketSeconds = 0;            ///< width of the two series below
    QList<QPointF> docsPerHourSeries;    ///< at each bucket's middle
    QList<QPointF> tokensPerSecondSeries;

    // Errors and queueing.
    QMap<QString, int> errorsByKind;     ///< failed calls by LlmErrorKind name
    int failedCalls = 0;
    QList<QPointF> queuedSeconds;        ///< one point per call, at its start
    double totalQueuedSeconds = 0;
    double queuedP95Seconds = 0;

    bool hasDocuments() const { return documents > 0; }
    bool hasCalls() const { return calls > 0; }
    bool isSimulated() const { return simulatedUsd > 0; }
    double cacheHitRate() const { return calls > 0 ? double(cacheHits) / double(calls) : 0; }

    /** "$0.48", "at least $0.48", "$0.48 (simulated)"; translated. */
    QString costLabel(double usd) const;

    /** The figures and every series, as one JSON object (times as ms since
     *  the epoch and ISO 8601 UTC). */
    QJsonObject toJson() const;
    /** The same in long form, one value per row:
     *  `series,key,time_ms,time,value` (UTF-8, RFC 4180 quoting). */
    QByteArray toCsv() const;
};

} // namespace Madf

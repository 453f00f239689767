#pragma once

#include "dashboardseries.h"

#include "core/model/documentstatus.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace Madf {

struct CallRecord;
struct CallRecordEvent;
struct Document;
struct DocumentSummary;

/** One finished document as the dashboard counts it. */
struct DocumentMetric
{
    QString id;
    qint64 finishedAtMs = 0;
    qint64 latencyMs = 0;
    DocumentStatus status = DocumentStatus::Complete;
    std::optional<double> quality;
    double costUsd = 0;  ///< known cost of its calls (simulated included)

    /** From a history row; nullopt for a document that has not finished. */
    static std::optional<DocumentMetric> fromSummary(const DocumentSummary &summary);
};

/** One model call as the dashboard counts it. */
struct CallMetric
{
    QString documentId;
    QString agent;
    QString provider;
    QString model;
    qint64 startedAtMs = 0;    ///< when the step asked for an agent
    qint64 endedAtMs = 0;
    qint64 queuedMs = 0;
    qint64 firstTokenMs = -1;
    bool ok = true;
    bool fromCache = false;
    bool simulated = false;
    QString errorKind;         ///< toString(LlmErrorKind); empty when ok
    qint64 tokensOut = 0;      ///< generated tokens (0 for cache hits)
    std::optional<double> costUsd;  ///< what was spent; 0 for a cache hit; nullopt = unknown price
    double savedUsd = 0;       ///< a cache hit: what the call would have cost

    static CallMetric fromEvent(const CallRecordEvent &event);
    /** A stored call (its cost column holds the saving for cache hits). */
    static CallMetric fromRecord(const CallRecord &record);
};

/** What the documents database holds from before this run, loaded in a
 *  worker thread by MetricsHistory::load(). */
struct MetricsHistory
{
    QList<DocumentMetric> documents;
    QList<CallMetric> calls;
    QString error;  ///< empty when loaded (or when there was no database yet)

    /** Reads the finished documents and their calls from `dbPath`, keeping
     *  only what ended before `beforeMs` (later ones arrive live). Opens its
     *  own connection: safe to call from any thread, and meant for one that
     *  is not the GUI's. */
    static MetricsHistory load(const QString &dbPath, qint64 beforeMs);
};

/** The dashboard's memory: every finished document, model call and pool
 *  sample of this run (fed from the engine's events) plus what the history
 *  holds, and the series of any time window computed from them on demand.
 *  GUI-free and single-threaded: it lives where the events are received
 *  (the GUI thread) and series() is cheap enough to call a few times a
 *  second for thousands of documents.
 *
 *  ```cpp
 *  MetricsTimeline timeline;
 *  timeline.addCall(CallMetric::fromEvent(event));
 *  timeline.addDocument(document, QDateTime::currentMSecsSinceEpoch());
 *  const DashboardSeries s = timeline.series(MetricsWindow::ThisRun, now);
 *  ``` */
class MetricsTimeline
{
public:
    /** Prices what a cache hit would have cost (the engine's events carry
     *  no saving); nullopt when unknown. */
    using SavingsPricer = std::function<std::optional<double>(const CallRecordEvent &call)>;

    explicit MetricsTimeline(qint64 runStartMs = -1);

    qint64 runStartMs() const { return m_runStartMs; }
    void setRunStartMs(qint64 ms) { m_runStartMs = ms; touch(); }
    void setLimits(int maxAgents, int maxConcurrentTasks);
    void setQualityThreshold(double threshold);
    /** Documents in the rolling p50/p95 (default 20). */
    void setRollingCount(int documents);
    void setSavingsPricer(SavingsPricer pricer) { m_pricer = std::move(pricer); }

    /** A document began now (its latency is measured from here). */
    void addDocumentStarted(const QString &documentId, qint64 atMs);
    /** A document ended at `finishedAtMs`; its cost is the sum of its calls
     *  added so far. */
    void addDocument(const Document &document, qint64 finishedAtMs);
    void addDocument(const DocumentMetric &document);
    void addCall(const CallRecordEvent &event);
    void addCall(const CallMetric &call);
    /** ResourceManager::getStats() of the agent pool. */
    void addResourceStats(const QVariantMap &stats, qint64 atMs);
    /** Model calls in flight now (the engine's madf_calls_in_flight gauge);
     *  kept only when it changed. */
    void addInFlightSample(int inFlight, qint64 atMs);
    /** Adds the history, without what this run already has. */
    void addHistory(const MetricsHistory &history);
    /** Forgets everything (history included) and starts a new run now. */
    void clear(qint64 runStartMs = -1);

    int documentCount() const { return int(m_documents.size()); }
    int callCount() const { return int(m_calls.size()); }
    /** Bumped by every change: a view redraws when it moved. */
    quint64 revision() const { return m_revision; }

    /** The bounds of `window` at `nowMs`. */
    QPair<qint64, qint64> bounds(MetricsWindow window, qint64 nowMs) const;
    DashboardSeries series(MetricsWindow window, qint64 nowMs) const;

    /** Nice histogram bin width for values up to `maxValue`: 1, 2 or 5 × 10ⁿ
     *  giving at most `maxBins` bins from 0. */
    static double binWidth(double maxValue, int maxBins = 12);

private:
    struct GaugeSample
    {
        qint64 atMs = 0;
        int value = 0;
        int capacity = 0;
    };

    void touch() { ++m_revision; }
    void fillLatency(DashboardSeries *s, qint64 from, qint64 to) const;
    void fillCalls(DashboardSeries *s, qint64 from, qint64 to) const;
    void fillGauges(DashboardSeries *s, qint64 from, qint64 to) const;
    void fillThroughput(DashboardSeries *s, qint64 from, qint64 to) const;

    qint64 m_runStartMs;
    quint64 m_revision = 0;
    int m_maxAgents = 0;
    int m_maxConcurrentTasks = 0;
    double m_qualityThreshold = 0.85;
    int m_rollingCount = 20;
    SavingsPricer m_pricer;

    QList<DocumentMetric> m_documents;   // sorted by finishedAtMs
    QList<CallMetric> m_calls;           // sorted by endedAtMs
    QList<GaugeSample> m_agents;         // sorted by atMs
    QList<GaugeSample> m_inFlight;
    QHash<QString, qint64> m_started;    // document id → start, this run
    QHash<QString, double> m_documentCost;
    int m_peakUsage = 0;
};

} // namespace Madf

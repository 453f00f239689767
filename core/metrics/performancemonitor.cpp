#include "performancemonitor.h"

#include <QDateTime>
#include <QMutexLocker>

namespace Madf {

namespace {

QJsonObject summaryJson(const LatencySummary &s)
{
    return QJsonObject{{QStringLiteral("count"), double(s.count)},
                       {QStringLiteral("mean"), s.mean},
                       {QStringLiteral("p50"), s.p50},
                       {QStringLiteral("p95"), s.p95}};
}

} // namespace

PerformanceMonitor::PerformanceMonitor(int windowSize)
    : m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_windowSize(qMax(1, windowSize))
    , m_documents(m_windowSize)
{
    m_startMs = m_clock();
    m_callLatency.window.setCapacity(m_windowSize);
    m_ttft.window.setCapacity(m_windowSize);
}

void PerformanceMonitor::setClock(std::function<qint64()> msSinceEpoch)
{
    QMutexLocker lock(&m_mutex);
    m_clock = std::move(msSinceEpoch);
    m_startMs = m_clock();
}

void PerformanceMonitor::reset()
{
    QMutexLocker lock(&m_mutex);
    m_startMs = m_clock();
    m_documents.clear();
    m_totalDocuments = 0;
    m_successful = 0;
    m_totalCost = 0;
    m_stages.clear();
    m_modelLatency.clear();
    m_callLatency = Series{0, RollingSeries(m_windowSize)};
    m_ttft = Series{0, RollingSeries(m_windowSize)};
    m_calls = CallStats{};
    m_generationMs = 0;
    m_generatedTokens = 0;
}

int PerformanceMonitor::windowSize() const
{
    QMutexLocker lock(&m_mutex);
    return m_windowSize;
}

void PerformanceMonitor::setWindowSize(int windowSize)
{
    QMutexLocker lock(&m_mutex);
    m_windowSize = qMax(1, windowSize);
    m_documents.setCapacity(m_windowSize);
    m_callLatency.window.setCapacity(m_windowSize);
    m_ttft.window.setCapacity(m_windowSize);
    for (auto *map : {&m_stages, &m_modelLatency}) {
        for (Series &s : *map)
            s.window.setCapacity(m_windowSize);
    }
}

void PerformanceMonitor::recordDocument(const QString &docId, double latencySeconds,
                                        std::optional<double> quality, bool success, double costUsd)
{
    Q_UNUSED(docId)
    QMutexLocker lock(&m_mutex);
    m_documents.add(DocumentSample{latencySeconds, quality, success});
    ++m_totalDocuments;
    if (success)
        ++m_successful;
    m_totalCost += costUsd;
}

void PerformanceMonitor::addTo(QHash<QString, Series> *map, const QString &key, double value)
{
    auto it = map->find(key);
    if (it == map->end())
        it = map->insert(key, Series{0, RollingSeries(m_windowSize)});
    ++it->count;
    it->window.add(value);
}

void PerformanceMonitor::recordStage(const QString &stage, double seconds)
{
    QMutexLocker lock(&m_mutex);
    addTo(&m_stages, stage, seconds);
}

void PerformanceMonitor::recordCall(const CallSample &sample)
{
    QMutexLocker lock(&m_mutex);
    ++m_calls.calls;
    m_calls.retries += qMax(0, sample.attempts - 1);
    m_calls.totalQueuedMs += qMax<qint64>(0, sample.queuedMs);
    if (sample.fromCache) {
        ++m_calls.cacheHits;
        return;
    }
    // Failed calls still consumed whatever tokens the provider billed.
    m_calls.tokensIn += sample.tokensIn;
    m_calls.tokensOut += sample.tokensOut;
    if (!sample.errorKind.isEmpty()) {
        ++m_calls.failedCalls;
        ++m_calls.errorsByKind[sample.errorKind];
        return;
    }
    // Only answered, uncached calls say how fast the provider is; cache hits
    // and errors would drag the percentiles towards 0 or the timeout.
    ++m_callLatency.count;
    m_callLatency.window.add(double(sample.latencyMs));
    if (sample.ttftMs >= 0) {
        ++m_ttft.count;
        m_ttft.window.add(double(sample.ttftMs));
    }
    addTo(&m_modelLatency, sample.model, double(sample.latencyMs));
    m_generationMs += qMax<qint64>(0, sample.latencyMs - sample.queuedMs);
    m_generatedTokens += sample.tokensOut;
}

LatencySummary PerformanceMonitor::summarize(const Series &series)
{
    const QList<double> values = series.window.values();
    return LatencySummary{series.count, Statistics::mean(values), Statistics::percentile(values, 50),
                          Statistics::percentile(values, 95)};
}

PerformanceMonitor::Stats PerformanceMonitor::stats() const
{
    QMutexLocker lock(&m_mutex);
    Stats s;
    QList<double> latencies;
    QList<double> qualities;
    for (const DocumentSample &d : m_documents) {
        // A document that failed after 0.2 s says nothing about how long a
        // document takes: latency is "request to completion".
        if (d.success)
            latencies.append(d.latency);
        if (d.quality)
            qualities.append(*d.quality);
    }
    s.avgLatency = Statistics::mean(latencies);
    s.stdLatency = Statistics::stdev(latencies);
    s.p50Latency = Statistics::percentile(latencies, 50);
    s.p95Latency = Statistics::percentile(latencies, 95);
    if (!qualities.isEmpty())
        s.avgQuality = Statistics::mean(qualities);
    s.totalDocuments = m_totalDocuments;
    s.successful = m_successful;
    s.failed = m_totalDocuments - m_successful;
    s.uptime = qMax<qint64>(0, m_clock() - m_startMs) / 1000.0;
    s.throughput = s.uptime > 0 ? double(m_totalDocuments) / s.uptime * 3600.0 : 0.0;
    s.totalCostUsd = m_totalCost;
    s.avgCostPerDocument = m_totalDocuments > 0 ? m_totalCost / double(m_totalDocuments) : 0.0;
    return s;
}

QMap<QString, LatencySummary> PerformanceMonitor::stageStats() const
{
    QMutexLocker lock(&m_mutex);
    QMap<QString, LatencySummary> result;
    for (auto it = m_stages.cbegin(); it != m_stages.cend(); ++it)
        result.insert(it.key(), summarize(it.value()));
    return result;
}

PerformanceMonitor::CallStats PerformanceMonitor::callStats() const
{
    QMutexLocker lock(&m_mutex);
    CallStats s = m_calls;
    s.latencyMs = summarize(m_callLatency);
    s.ttftMs = summarize(m_ttft);
    s.tokensPerSecond = m_generationMs > 0 ? double(m_generatedTokens) * 1000.0 / double(m_generationMs) : 0.0;
    return s;
}

QMap<QString, LatencySummary> PerformanceMonitor::callLatencyByModel() const
{
    QMutexLocker lock(&m_mutex);
    QMap<QString, LatencySummary> result;
    for (auto it = m_modelLatency.cbegin(); it != m_modelLatency.cend(); ++it)
        result.insert(it.key(), summarize(it.value()));
    return result;
}

QJsonObject PerformanceMonitor::toJson() const
{
    const Stats s = stats();
    const CallStats c = callStats();
    const auto stages = stageStats();
    const auto models = callLatencyByModel();

    QJsonObject json{
        {QStringLiteral("avg_latency"), s.avgLatency},
        {QStringLiteral("std_latency"), s.stdLatency},
        {QStringLiteral("p50_latency"), s.p50Latency},
        {QStringLiteral("p95_latency"), s.p95Latency},
        {QStringLiteral("avg_quality"), s.avgQuality ? QJsonValue(*s.avgQuality) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("total_documents"), double(s.totalDocuments)},
        {QStringLiteral("successful"), double(s.successful)},
        {QStringLiteral("failed"), double(s.failed)},
        {QStringLiteral("uptime"), s.uptime},
        {QStringLiteral("throughput"), s.throughput},
        {QStringLiteral("total_cost_usd"), s.totalCostUsd},
        {QStringLiteral("avg_cost_per_document"), s.avgCostPerDocument},
    };

    QJsonObject stageJson;
    for (auto it = stages.cbegin(); it != stages.cend(); ++it)
        stageJson.insert(it.key(), summaryJson(it.value()));
    json.insert(QStringLiteral("stages"), stageJson);

    QJsonObject errors;
    for (auto it = c.errorsByKind.cbegin(); it != c.errorsByKind.cend(); ++it)
        errors.insert(it.key(), double(it.value()));
    QJsonObject modelJson;
    for (auto it = models.cbegin(); it != models.cend(); ++it)
        modelJson.insert(it.key(), summaryJson(it.value()));
    json.insert(QStringLiteral("calls"),
                QJsonObject{{QStringLiteral("count"), double(c.calls)},
                            {QStringLiteral("failed"), double(c.failedCalls)},
                            {QStringLiteral("cache_hits"), double(c.cacheHits)},
                            {QStringLiteral("retries"), double(c.retries)},
                            {QStringLiteral("latency_ms"), summaryJson(c.latencyMs)},
                            {QStringLiteral("ttft_ms"), summaryJson(c.ttftMs)},
                            {QStringLiteral("errors"), errors},
                            {QStringLiteral("total_queued_ms"), double(c.totalQueuedMs)},
                            {QStringLiteral("tokens_in"), double(c.tokensIn)},
                            {QStringLiteral("tokens_out"), double(c.tokensOut)},
                            {QStringLiteral("tokens_per_second"), c.tokensPerSecond},
                            {QStringLiteral("latency_ms_by_model"), modelJson}});
    return json;
}

} // namespace Madf

#include "metricstimeline.h"

#include "statistics.h"

#include "core/model/document.h"
#include "core/orchestration/engineevents.h"
#include "core/storage/storerecords.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace Madf {

namespace {

constexpr qint64 FiveMinutesMs = 5 * 60 * 1000;
constexpr qint64 HourMs = 60 * 60 * 1000;

template<typename T, typename Key>
void insertSorted(QList<T> *list, const T &value, Key key)
{
    // Events arrive nearly in order: appending is the common case.
    if (list->isEmpty() || key(list->last()) <= key(value)) {
        list->append(value);
        return;
    }
    auto at = std::upper_bound(list->begin(), list->end(), value,
                               [&key](const T &a, const T &b) { return key(a) < key(b); });
    list->insert(at, value);
}

template<typename T, typename Key>
qsizetype lowerIndex(const QList<T> &list, qint64 ms, Key key)
{
    return std::lower_bound(list.cbegin(), list.cend(), ms,
                            [&key](const T &a, qint64 t) { return key(a) < t; })
           - list.cbegin();
}

auto docTime = [](const DocumentMetric &d) { return d.finishedAtMs; };
auto callTime = [](const CallMetric &c) { return c.endedAtMs; };

StackedSeries stack(const QList<QPair<double, QPair<QString, double>>> &costs)
{
    // costs: (time, (key, usd)) in time order.
    StackedSeries s;
    QHash<QString, double> totals;
    for (const auto &c : costs)
        totals[c.second.first] += c.second.second;
    s.keys = totals.keys();
    std::sort(s.keys.begin(), s.keys.end(), [&totals](const QString &a, const QString &b) {
        return totals[a] != totals[b] ? totals[a] > totals[b] : a < b;
    });
    QHash<QString, int> index;
    for (int k = 0; k < s.keys.size(); ++k)
        index.insert(s.keys[k], k);
    s.cumulative.resize(s.keys.size());
    QList<double> running(s.keys.size(), 0.0);
    for (const auto &c : costs) {
        running[index[c.second.first]] += c.second.second;
        s.timesMs.append(c.first);
        for (int k = 0; k < s.keys.size(); ++k)
            s.cumulative[k].append(running[k]);
    }
    return s;
}

// A step line through gauge samples: flat until the next sample, then up or down.
template<typename Sample>
QList<QPointF> stepLine(const QList<Sample> &samples, qint64 from, qint64 to, int *peak,
                        const std::function<double(const Sample &)> &value)
{
    QList<QPointF> out;
    *peak = 0;
    qsizetype i = lowerIndex(samples, from, [](const Sample &s) { return s.atMs; });
    std::optional<Sample> current;
    if (i > 0)
        current = samples[i - 1];
    if (current) {
        out.append(QPointF(double(from), value(*current)));
        *peak = current->value;
    }
    for (; i < samples.size() && samples[i].atMs <= to; ++i) {
        const Sample &s = samples[i];
        if (current)
            out.append(QPointF(double(s.atMs), value(*current)));
        out.append(QPointF(double(s.atMs), value(s)));
        *peak = qMax(*peak, s.value);
        current = s;
    }
    if (current)
        out.append(QPointF(double(to), value(*current)));
    return out;
}

} // namespace

std::optional<DocumentMetric> DocumentMetric::fromSummary(const DocumentSummary &summary)
{
    if (!isTerminal(summary.status))
        return std::nullopt;
    DocumentMetric d;
    d.id = summary.id;
    d.finishedAtMs = summary.updatedAt.toMSecsSinceEpoch();
    d.latencyMs = summary.latencyMs;
    d.status = summary.status;
    d.quality = summary.qualityScore;
    d.costUsd = summary.costUsd;
    return d;
}

CallMetric CallMetric::fromEvent(const CallRecordEvent &event)
{
    CallMetric c;
    c.documentId = event.documentId;
    c.agent = event.agent;
    c.provider = event.provider;
    c.model = event.model;
    c.startedAtMs = event.startedAtMs;
    c.endedAtMs = event.startedAtMs + event.totalMs;
    c.queuedMs = event.queuedMs;
    c.firstTokenMs = event.firstTokenMs;
    c.ok = event.ok;
    c.fromCache = event.fromCache;
    c.simulated = event.simulated;
    c.errorKind = event.ok ? QString() : toString(event.errorKind);
    c.tokensOut = event.fromCache ? 0 : event.usage.completionTokens;
    c.costUsd = event.fromCache ? std::optional<double>(0.0) : event.costUsd;
    return c;
}

CallMetric CallMetric::fromRecord(const CallRecord &record)
{
    CallMetric c;
    c.documentId = record.documentId;
    c.agent = record.agent;
    c.provider = record.provider;
    c.model = record.model;
    c.endedAtMs = record.createdAt.toMSecsSinceEpoch();
    c.startedAtMs = c.endedAtMs - record.latencyMs;
    c.queuedMs = record.queuedMs;
    c.firstTokenMs = record.ttftMs;
    c.ok = record.errorKind.isEmpty();
    c.fromCache = record.fromCache;
    c.simulated = record.simulated;
    c.errorKind = record.errorKind;
    c.tokensOut = record.fromCache ? 0 : record.usage.completionTokens;
    c.costUsd = record.fromCache ? std::optional<double>(0.0) : record.costUsd;
    c.savedUsd = record.fromCache ? record.costUsd.value_or(0.0) : 0.0;
    return c;
}

MetricsTimeline::MetricsTimeline(qint64 runStartMs)
    : m_runStartMs(runStartMs >= 0 ? runStartMs : QDateTime::currentMSecsSinceEpoch())
{
}

void MetricsTimeline::setLimits(int maxAgents, int maxConcurrentTasks)
{
    m_maxAgents = maxAgents;
    m_maxConcurrentTasks = maxConcurrentTasks;
    touch();
}

void MetricsTimeline::setQualityThreshold(double threshold)
{
    m_qualityThreshold = threshold;
    touch();
}

void MetricsTimeline::setRollingCount(int documents)
{
    m_rollingCount = qMax(1, documents);
    touch();
}

void MetricsTimeline::addDocumentStarted(const QString &documentId, qint64 atMs)
{
    if (!m_started.contains(documentId))
        m_started.insert(documentId, atMs);
}

void MetricsTimeline::addDocument(const Document &document, qint64 finishedAtMs)
{
    DocumentMetric d;
    d.id = document.id;
    d.finishedAtMs = finishedAtMs;
    const qint64 start = m_started.value(document.id, document.createdAt.toMSecsSinceEpoch());
    d.latencyMs = qMax<qint64>(0, finishedAtMs - start);
    d.status = document.status;
    d.quality = document.qualityScore;
    d.costUsd = m_documentCost.value(document.id);
    addDocument(d);
}

void MetricsTimeline::addDocument(const DocumentMetric &document)
{
    insertSorted(&m_documents, document, docTime);
    touch();
}

void MetricsTimeline::addCall(const CallRecordEvent &event)
{
    CallMetric c = CallMetric::fromEvent(event);
    if (c.fromCache && m_pricer)
        c.savedUsd = m_pricer(event).value_or(0.0);
    addCall(c);
}

void MetricsTimeline::addCall(const CallMetric &call)
{
    if (call.costUsd)
        m_documentCost[call.documentId] += *call.costUsd;
    insertSorted(&m_calls, call, callTime);
    touch();
}

void MetricsTimeline::addResourceStats(const QVariantMap &stats, qint64 atMs)
{
    GaugeSample s;
    s.atMs = atMs;
    s.value = stats.value(QStringLiteral("in_use")).toInt();
    s.capacity = stats.value(QStringLiteral("max_agents"), m_maxAgents).toInt();
    m_peakUsage = qMax(m_peakUsage, stats.value(QStringLiteral("peak_usage")).toInt());
    if (s.capacity > 0)
        m_maxAgents = s.capacity;
    if (!m_agents.isEmpty() && m_agents.last().value == s.value && m_agents.last().capacity == s.capacity)
        return;
    insertSorted(&m_agents, s, [](const GaugeSample &g) { return g.atMs; });
    touch();
}

void MetricsTimeline::addInFlightSample(int inFlight, qint64 atMs)
{
    if (!m_inFlight.isEmpty() && m_inFlight.last().value == inFlight
        && m_inFlight.last().capacity == m_maxConcurrentTasks)
        return;
    insertSorted(&m_inFlight, GaugeSample{atMs, inFlight, m_maxConcurrentTasks},
                 [](const GaugeSample &g) { return g.atMs; });
    touch();
}

void MetricsTimeline::addHistory(const MetricsHistory &history)
{
    // What ended before this run is history; a reload replaces it.
    m_documents.erase(m_documents.begin(), m_documents.begin() + lowerIndex(m_documents, m_runStartMs, docTime));
    m_calls.erase(m_calls.begin(), m_calls.begin() + lowerIndex(m_calls, m_runStartMs, callTime));
    QList<DocumentMetric> docs;
    for (const DocumentMetric &d : history.documents)
        if (d.finishedAtMs < m_runStartMs)
            docs.append(d);
    std::stable_sort(docs.begin(), docs.end(),
                     [](const DocumentMetric &a, const DocumentMetric &b) { return a.finishedAtMs < b.finishedAtMs; });
    m_documents = docs + m_documents;
    QList<CallMetric> calls;
    for (const CallMetric &c : history.calls)
        if (c.endedAtMs < m_runStartMs)
            calls.append(c);
    std::stable_sort(calls.begin(), calls.end(),
                     [](const CallMetric &a, const CallMetric &b) { return a.endedAtMs < b.endedAtMs; });
    m_calls = calls + m_calls;
    touch();
}

void MetricsTimeline::clear(qint64 runStartMs)
{
    m_runStartMs = runStartMs >= 0 ? runStartMs : QDateTime::currentMSecsSinceEpoch();
    m_documents.clear();
    m_calls.clear();
    m_agents.clear();
    m_inFlight.clear();
    m_started.clear();
    m_documentCost.clear();
    m_peakUsage = 0;
    touch();
}

QPair<qint64, qint64> MetricsTimeline::bounds(MetricsWindow window, qint64 nowMs) const
{
    switch (window) {
    case MetricsWindow::Last5Minutes: return {nowMs - FiveMinutesMs, nowMs};
    case MetricsWindow::LastHour: return {nowMs - HourMs, nowMs};
    case MetricsWindow::ThisRun: return {m_runStartMs, nowMs};
    case MetricsWindow::AllHistory: break;
    }
    qint64 from = m_runStartMs;
    if (!m_documents.isEmpty())
        from = qMin(from, m_documents.first().finishedAtMs - m_documents.first().latencyMs);
    if (!m_calls.isEmpty())
        from = qMin(from, m_calls.first().startedAtMs);
    return {qMin(from, nowMs), nowMs};
}

double MetricsTimeline::binWidth(double maxValue, int maxBins)
{
    maxBins = qMax(1, maxBins);
    if (!(maxValue > 0))
        return 1;
    double magnitude = std::pow(10.0, std::floor(std::log10(maxValue / maxBins)));
    for (;;) {
        for (double m : {1.0, 2.0, 5.0}) {
            const double w = m * magnitude;
            if (std::floor(maxValue / w) + 1 <= maxBins)
                return w;
        }
        magnitude *= 10;
    }
}

DashboardSeries MetricsTimeline::series(MetricsWindow window, qint64 nowMs) const
{
    DashboardSeries s;
    s.window = window;
    const auto [from, to] = bounds(window, nowMs);
    s.fromMs = from;
    s.toMs = to;
    s.rollingCount = m_rollingCount;
    s.qualityThreshold = m_qualityThreshold;
    s.maxAgents = m_maxAgents;
    s.maxConcurrentTasks = m_maxConcurrentTasks;
    fillLatency(&s, from, to);
    fillCalls(&s, from, to);
    fillGauges(&s, from, to);
    fillThroughput(&s, from, to);
    return s;
}

void MetricsTimeline::fillLatency(DashboardSeries *s, qint64 from, qint64 to) const
{
    QList<double> latencies;
    for (qsizetype i = lowerIndex(m_documents, from, docTime); i < m_documents.size(); ++i) {
        const DocumentMetric &d = m_documents[i];
        if (d.finishedAtMs > to)
            break;
        ++s->documents;
        if (d.quality) {
            s->quality.append(QPointF(double(d.finishedAtMs), *d.quality));
            if (*d.quality < m_qualityThreshold - 1e-9)
                ++s->belowThreshold;
        }
        if (d.status != DocumentStatus::Complete)
            continue;
        ++s->completedDocuments;
        const double seconds = double(d.latencyMs) / 1000.0;
        latencies.append(seconds);
        s->latencySeconds.append(QPointF(double(d.finishedAtMs), seconds));
        const QList<double> recent = latencies.mid(qMax<qsizetype>(0, latencies.size() - m_rollingCount));
        s->latencyP50Seconds.append(QPointF(double(d.finishedAtMs), Statistics::percentile(recent, 50)));
        s->latencyP95Seconds.append(QPointF(double(d.finishedAtMs), Statistics::percentile(recent, 95)));
    }
    if (latencies.isEmpty())
        return;
    s->p50Seconds = Statistics::percentile(latencies, 50);
    s->p95Seconds = Statistics::percentile(latencies, 95);
    const double maxLatency = *std::max_element(latencies.cbegin(), latencies.cend());
    const double width = binWidth(maxLatency);
    const int bins = int(std::floor(maxLatency / width)) + 1;
    for (int b = 0; b < bins; ++b)
        s->latencyHistogram.append(HistogramBin{b * width, (b + 1) * width, 0});
    for (double l : latencies)
        ++s->latencyHistogram[qMin(bins - 1, int(std::floor(l / width)))].count;
}

void MetricsTimeline::fillCalls(DashboardSeries *s, qint64 from, qint64 to) const
{
    QList<QPair<double, QPair<QString, double>>> byModel, byAgent;
    QMap<QString, QList<double>> ttft;
    QList<double> queued;
    for (qsizetype i = lowerIndex(m_calls, from, callTime); i < m_calls.size(); ++i) {
        const CallMetric &c = m_calls[i];
        if (c.endedAtMs > to)
            break;
        const double t = double(c.endedAtMs);
        ++s->calls;
        if (c.fromCache) {
            ++s->cacheHits;
            s->savedUsd += c.savedUsd;
        }
        s->cacheHitRatePercent.append(QPointF(t, 100.0 * double(s->cacheHits) / double(s->calls)));
        if (!c.costUsd && !c.fromCache)
            ++s->unknownCostCalls;
        if (c.costUsd && *c.costUsd > 0) {
            s->costUsd += *c.costUsd;
            if (c.simulated)
                s->simulatedUsd += *c.costUsd;
            byModel.append({t, {c.model, *c.costUsd}});
            byAgent.append({t, {c.agent, *c.costUsd}});
        }
        if (c.ok && !c.fromCache && c.firstTokenMs >= 0) {
            s->ttftMsByModel[c.model].append(QPointF(t, double(c.firstTokenMs)));
            ttft[c.model].append(double(c.firstTokenMs));
        }
        if (!c.ok) {
            ++s->failedCalls;
            ++s->errorsByKind[c.errorKind.isEmpty() ? QStringLiteral("unknown") : c.errorKind];
        }
        s->outputTokens += c.tokensOut;
        if (!c.fromCache) {
            s->queuedSeconds.append(QPointF(double(c.startedAtMs), double(c.queuedMs) / 1000.0));
            queued.append(double(c.queuedMs) / 1000.0);
            s->totalQueuedSeconds += double(c.queuedMs) / 1000.0;
        }
    }
    s->costByModel = stack(byModel);
    s->costByAgent = stack(byAgent);
    for (auto it = ttft.cbegin(); it != ttft.cend(); ++it)
        s->ttftP50MsByModel.insert(it.key(), Statistics::percentile(it.value(), 50));
    std::sort(s->queuedSeconds.begin(), s->queuedSeconds.end(),
              [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    s->queuedP95Seconds = Statistics::percentile(queued, 95);
}

void MetricsTimeline::fillGauges(DashboardSeries *s, qint64 from, qint64 to) const
{
    s->agentUtilizationPercent = stepLine<GaugeSample>(m_agents, from, to, &s->agentPeak, [](const GaugeSample &g) {
        return g.capacity > 0 ? 100.0 * g.value / g.capacity : 0.0;
    });
    s->callsInFlight = stepLine<GaugeSample>(m_inFlight, from, to, &s->callsInFlightPeak,
                                             [](const GaugeSample &g) { return double(g.value); });
}

void MetricsTimeline::fillThroughput(DashboardSeries *s, qint64 from, qint64 to) const
{
    // Measured from when there was anything to measure: a run that began
    // a minute ago has not been idle for the rest of the last hour.
    qint64 start = bounds(MetricsWindow::AllHistory, to).first;
    start = qMax(from, start);
    const qint64 spanMs = qMax<qint64>(1000, to - start);
    s->docsPerHour = double(s->documents) * double(HourMs) / double(spanMs);
    s->tokensPerSecond = double(s->outputTokens) * 1000.0 / double(spanMs);

    const qint64 bucketMs = qMax<qint64>(10000, qint64(binWidth(double(spanMs) / 1000.0, 30) * 1000.0));
    s->bucketSeconds = double(bucketMs) / 1000.0;
    const qint64 first = (start / bucketMs) * bucketMs;
    const int buckets = int((to - first) / bucketMs) + 1;
    QList<int> docs(buckets, 0);
    QList<qint64> tokens(buckets, 0);
    for (qsizetype i = lowerIndex(m_documents, start, docTime); i < m_documents.size(); ++i) {
        if (m_documents[i].finishedAtMs > to)
            break;
        ++docs[int((m_documents[i].finishedAtMs - first) / bucketMs)];
    }
    for (qsizetype i = lowerIndex(m_calls, start, callTime); i < m_calls.size(); ++i) {
        if (m_calls[i].endedAtMs > to)
            break;
        tokens[int((m_calls[i].endedAtMs - first) / bucketMs)] += m_calls[i].tokensOut;
    }
    for (int b = 0; b < buckets; ++b) {
        const qint64 b0 = first + b * bucketMs;
        // Partial buckets at the ends are rated over the time they cover (at
        // least half a bucket, so one early document is not a spike).
        const qint64 covered = qMax<qint64>(bucketMs / 2, qMin(b0 + bucketMs, to) - qMax(b0, start));
        const double middle = double(b0) + double(bucketMs) / 2.0;
        s->docsPerHourSeries.append(QPointF(middle, double(docs[b]) * double(HourMs) / double(covered)));
        s->tokensPerSecondSeries.append(QPointF(middle, double(tokens[b]) * 1000.0 / double(covered)));
    }
}

} // namespace Madf

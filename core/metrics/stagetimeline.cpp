#include "core/metrics/stagetimeline.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Madf {

namespace {
int percent(double share)
{
    return int(std::lround(share * 100));
}

// The value seen most often; ties go to the first seen.
QString mostCommon(const QStringList &values)
{
    QHash<QString, int> counts;
    QString best;
    for (const QString &v : values) {
        const int n = ++counts[v];
        if (n > counts.value(best))
            best = v;
    }
    return best;
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}
} // namespace

StageTimeline::StageTimeline()
    : m_dependencies(StageDependencies::linear())
{
}

void StageTimeline::setDependencies(const StageDependencies &dependencies)
{
    m_dependencies = dependencies;
    m_path.reset();
}

void StageTimeline::setContext(const TimelineContext &context)
{
    m_context = context;
}

void StageTimeline::setDocumentSpan(qint64 startMs, qint64 endMs)
{
    m_startMs = startMs;
    m_endMs = endMs;
    m_path.reset();
}

void StageTimeline::clear()
{
    m_calls.clear();
    m_startMs = m_endMs = 0;
    m_path.reset();
}

void StageTimeline::append(const TimelineCall &call)
{
    m_calls.append(call);
    m_path.reset();
}

void StageTimeline::setCalls(const QList<TimelineCall> &calls)
{
    m_calls = calls;
    m_path.reset();
}

qint64 StageTimeline::startMs() const
{
    return criticalPath().startMs;
}

qint64 StageTimeline::endMs() const
{
    return criticalPath().endMs;
}

QList<StageTimeline::StageRows> StageTimeline::rows() const
{
    QList<int> order(m_calls.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return m_calls[a].startMs < m_calls[b].startMs; });
    QList<StageRows> groups;
    for (int index : std::as_const(order)) {
        const QString &stage = m_calls[index].stage;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const StageRows &g) { return g.stage == stage; });
        if (it == groups.end())
            groups.append({stage, {index}});
        else
            it->calls.append(index);
    }
    return groups;
}

const CriticalPath &StageTimeline::criticalPath() const
{
    if (!m_path)
        m_path = CriticalPath::compute(m_calls, m_dependencies, m_startMs, m_endMs);
    return *m_path;
}

std::optional<Bottleneck> StageTimeline::bottleneck() const
{
    const CriticalPath &path = criticalPath();
    if (path.calls.isEmpty() || path.wallMs() <= 0)
        return std::nullopt;
    Bottleneck b;
    for (auto it = path.stageMs.constBegin(); it != path.stageMs.constEnd(); ++it)
        if (it.value() > b.ms)
            b = {it.key(), it.value(), 0, {}};
    if (b.stage.isEmpty())
        return std::nullopt;
    b.share = path.share(b.stage);
    b.text = tr("%1 is %2% of this document's latency (%3 of %4 on the critical path).")
                 .arg(capitalized(stageLabel(b.stage)))
                 .arg(percent(b.share))
                 .arg(formatDuration(b.ms), formatDuration(path.wallMs()));
    return b;
}

QList<TimelineHint> StageTimeline::hints() const
{
    QList<TimelineHint> out;
    const std::optional<TimelineHint> rateLimits = rateLimitHint();
    // Waiting caused by 429s and back-off is not cured by more concurrency:
    // then only the rate-limit advice is given.
    const std::optional<TimelineHint> queue = rateLimits ? std::nullopt : queueHint();
    for (const std::optional<TimelineHint> &h :
         {queue, queue ? std::nullopt : spareCapacityHint(), rateLimits, slowStageHint()})
        if (h)
            out.append(*h);
    return out;
}

std::optional<TimelineHint> StageTimeline::queueHint() const
{
    const CriticalPath &path = criticalPath();
    const double share = path.wallMs() > 0 ? double(path.queuedMs) / double(path.wallMs()) : 0;
    if (path.queuedMs <= 0 || share < QueuedShareHint)
        return std::nullopt;
    const QString waited = tr("Calls on the critical path waited %1 in queues (%2% of the latency) with at most %3 "
                              "calls in flight")
                               .arg(formatDuration(path.queuedMs))
                               .arg(percent(share))
                               .arg(peakInFlight());
    // The agent pool holds a call as long as max_concurrent_tasks does; the smaller one is the limit.
    if (m_context.maxAgents > 0 && m_context.maxAgents < m_context.maxConcurrentTasks)
        return TimelineHint{TimelineHint::Kind::RaiseAgents,
                            tr("%1: raise max_agents (now %2).").arg(waited).arg(m_context.maxAgents)};
    const QString now = m_context.maxConcurrentTasks > 0 ? tr(" (now %1)").arg(m_context.maxConcurrentTasks)
                                                         : QString();
    return TimelineHint{TimelineHint::Kind::RaiseConcurrency,
                        tr("%1: raise max_concurrent_tasks%2.").arg(waited, now)};
}

std::optional<TimelineHint> StageTimeline::spareCapacityHint() const
{
    const int limit = m_context.maxConcurrentTasks;
    if (limit <= 1 || m_calls.size() < 2 || criticalPath().wallMs() <= 0)
        return std::nullopt;
    const double mean = meanInFlight();
    if (mean / limit >= SpareCapacityHint)
        return std::nullopt;
    return TimelineHint{TimelineHint::Kind::SpareCapacity,
                        tr("On average %1 calls were in flight, %2% of max_concurrent_tasks (%3): this document's "
                           "stages mostly wait for one another, so raising the limit will not speed it up; "
                           "generate several documents at once to use the spare capacity.")
                            .arg(mean, 0, 'f', 1)
                            .arg(percent(mean / limit))
                            .arg(limit)};
}

std::optional<TimelineHint> StageTimeline::rateLimitHint() const
{
    int affected = 0;
    int retries = 0;
    QStringList providers;
    for (const TimelineCall &c : m_calls) {
        if (!c.rateLimited() && c.attempts <= 1)
            continue;
        ++affected;
        retries += qMax(0, c.attempts - 1);
        providers << c.provider;
    }
    if (affected < 2 || affected < RetriedCallsHint * m_calls.size())
        return std::nullopt;
    return TimelineHint{TimelineHint::Kind::LowerConcurrency,
                        tr("%1 of %2 calls were rate limited (429) or retried (%3 retries in all): lower "
                           "max_concurrent_tasks or add a replica endpoint for %4.")
                            .arg(affected)
                            .arg(m_calls.size())
                            .arg(retries)
                            .arg(mostCommon(providers))};
}

std::optional<TimelineHint> StageTimeline::slowStageHint() const
{
    const std::optional<Bottleneck> b = bottleneck();
    if (!b || b->share < SlowStageHint)
        return std::nullopt;
    qint64 running = 0;
    QStringList agents, models;
    for (int index : criticalPath().calls) {
        const TimelineCall &c = m_calls[index];
        if (c.stage != b->stage)
            continue;
        running += c.retriedPartMs() + c.runningPartMs();
        agents << c.agent;
        models << c.model;
    }
    // A stage that mostly waited is a queueing problem, not a slow model.
    if (running * 2 < b->ms || agents.isEmpty())
        return std::nullopt;
    return TimelineHint{TimelineHint::Kind::FasterModel,
                        tr("%1 is %2% of the latency and its calls on the critical path ran for %3 on %4: use a "
                           "faster model for the %5 agent.")
                            .arg(capitalized(stageLabel(b->stage)))
                            .arg(percent(b->share))
                            .arg(formatDuration(running), mostCommon(models), mostCommon(agents))};
}

int StageTimeline::peakInFlight() const
{
    // +1 at an attempt's start, -1 at its end; ends sort before starts at the same instant.
    QList<std::pair<qint64, int>> edges;
    for (const TimelineCall &c : m_calls) {
        const qint64 from = c.startMs + c.queuedPartMs();
        if (c.endMs() <= from)
            continue;
        edges.append({from, +1});
        edges.append({c.endMs(), -1});
    }
    std::sort(edges.begin(), edges.end());
    int current = 0, peak = 0;
    for (const auto &e : std::as_const(edges))
        peak = qMax(peak, current += e.second);
    return peak;
}

double StageTimeline::meanInFlight() const
{
    const qint64 wall = criticalPath().wallMs();
    if (wall <= 0)
        return 0;
    qint64 busy = 0;
    for (const TimelineCall &c : m_calls)
        busy += c.retriedPartMs() + c.runningPartMs();
    return double(busy) / double(wall);
}

QString StageTimeline::formatDuration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(ms / 1000.0, 0, 'f', ms < 10000 ? 2 : 1);
    return tr("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QString StageTimeline::stageLabel(const QString &stage)
{
    if (stage == QLatin1String("research"))
        return tr("research");
    if (stage == QLatin1String("outline"))
        return tr("outline");
    if (stage == QLatin1String("writing"))
        return tr("writing");
    if (stage == QLatin1String("editing"))
        return tr("editing");
    if (stage == QLatin1String("verification"))
        return tr("verification");
    if (stage == QLatin1String("revision"))
        return tr("revision");
    return stage.isEmpty() ? tr("other") : stage;
}

} // namespace Madf

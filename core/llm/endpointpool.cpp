#include "core/llm/endpointpool.h"
#include "core/llm/monotonicclock.h"

#include <QTimerEvent>

#include <algorithm>
#include <tuple>

namespace Madf {

namespace {

QString normalizedUrl(QString url)
{
    url = url.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

constexpr int kStatusIntervalMs = 100;

} // namespace

EndpointPool::EndpointPool(const ProviderConfig &config, QObject *parent)
    : QObject(parent)
{
    applyConfig(config); // nothing to signal yet
}

EndpointPool::~EndpointPool()
{
    // Calls still waiting would otherwise hear nothing: they hold a QPointer to us.
    std::deque<Waiter> queue;
    queue.swap(m_queue);
    for (const Waiter &w : queue)
        w.waiter->onEndpointUnavailable(LlmErrorKind::NoProvider, tr("The provider '%1' was removed.").arg(m_config.name));
}

void EndpointPool::setConfig(const ProviderConfig &config)
{
    applyConfig(config);
    noteChange();
    pump();
}

void EndpointPool::applyConfig(const ProviderConfig &config)
{
    const qint64 now = monotonicMs();
    m_config = config;
    QList<std::shared_ptr<Endpoint>> kept;
    for (const QString &raw : config.baseUrls) {
        const QString url = normalizedUrl(raw);
        if (url.isEmpty())
            continue;
        auto same = [&](const std::shared_ptr<Endpoint> &e) { return e->baseUrl() == url; };
        if (std::any_of(kept.cbegin(), kept.cend(), same))
            continue;
        auto it = std::find_if(m_endpoints.begin(), m_endpoints.end(), same);
        std::shared_ptr<Endpoint> endpoint = it != m_endpoints.end() ? *it : std::make_shared<Endpoint>(url);
        endpoint->configure(config, now);
        kept.append(endpoint);
    }
    for (const std::shared_ptr<Endpoint> &old : std::as_const(m_endpoints)) {
        if (!kept.contains(old))
            old->retired = true; // grants keep it alive until its requests end
    }
    m_endpoints = kept;
}

EndpointGrant EndpointPool::tryGrant(qint64 tokens, qint64 nowMs)
{
    Endpoint *best = nullptr;
    qsizetype bestIndex = -1;
    for (qsizetype i = 0; i < m_endpoints.size(); ++i) {
        Endpoint *e = m_endpoints.at(i).get();
        if (!e->canStart(tokens, nowMs))
            continue;
        // A replica whose cool-down is over gets its probe first, or it would never come back.
        if (e->breaker.state(nowMs) == CircuitState::HalfOpen) {
            best = e;
            bestIndex = i;
            break;
        }
        // Least outstanding requests; on a tie the one failing least (a retry
        // moves away from the replica that just failed), then the most headroom.
        const auto rank = [](const Endpoint *x) {
            return std::make_tuple(x->inFlight, x->breaker.consecutiveFailures(), -x->concurrency.limit());
        };
        if (!best || rank(e) < rank(best)) {
            best = e;
            bestIndex = i;
        }
    }
    if (!best)
        return {};
    EndpointGrant grant;
    grant.endpoint = m_endpoints.at(bestIndex);
    grant.probe = best->breaker.onRequestStarted(nowMs);
    grant.generation = best->concurrency.generation();
    grant.tokens = tokens;
    best->limiter.onRequestStarted(tokens, nowMs);
    ++best->inFlight;
    if (best->usesNetworkManagers())
        grant.manager = best->managers.acquire();
    return grant;
}

bool EndpointPool::allOpen(qint64 nowMs, qint64 *reopenAtMs, LlmErrorKind *lastKind) const
{
    qint64 earliest = -1;
    *lastKind = LlmErrorKind::None;
    for (const std::shared_ptr<Endpoint> &e : m_endpoints) {
        if (e->breaker.state(nowMs) != CircuitState::Open)
            return false;
        const qint64 at = e->breaker.halfOpenAtMs();
        if (earliest < 0 || at < earliest) {
            earliest = at;
            *lastKind = e->lastErrorKind;
        }
    }
    if (earliest < 0)
        return false; // no replica at all: handled by the caller
    *reopenAtMs = earliest;
    return true;
}

QString EndpointPool::unavailableMessage(LlmErrorKind lastKind, qint64 reopenInMs) const
{
    return tr("Every replica of provider '%1' is failing (last error: %2); the next try is in %3 s, after this "
              "call's deadline.")
        .arg(m_config.name, toString(lastKind))
        .arg(double(reopenInMs) / 1000.0, 0, 'f', 1);
}

EndpointPool::AcquireResult EndpointPool::acquire(EndpointWaiter *waiter, qint64 tokens, qint64 deadlineMs)
{
    const qint64 now = monotonicMs();
    AcquireResult result;
    if (m_endpoints.isEmpty()) {
        result.errorKind = LlmErrorKind::NoProvider;
        result.message = tr("The provider '%1' has no base URL.").arg(m_config.name);
        return result;
    }
    // First come, first served: nobody overtakes a queued call.
    if (m_queue.empty()) {
        if (EndpointGrant grant = tryGrant(tokens, now)) {
            result.status = AcquireStatus::Granted;
            result.grant = std::move(grant);
            noteChange();
            return result;
        }
    }
    qint64 reopenAt = 0;
    LlmErrorKind lastKind = LlmErrorKind::None;
    if (allOpen(now, &reopenAt, &lastKind) && reopenAt > deadlineMs) {
        result.errorKind = lastKind == LlmErrorKind::None ? LlmErrorKind::Network : lastKind;
        result.message = unavailableMessage(result.errorKind, reopenAt - now);
        return result;
    }
    m_queue.push_back({waiter, tokens, deadlineMs, now});
    result.status = AcquireStatus::Queued;
    noteChange();
    scheduleWake(now);
    return result;
}

void EndpointPool::cancelWait(EndpointWaiter *waiter)
{
    const auto it = std::find_if(m_queue.begin(), m_queue.end(), [waiter](const Waiter &w) { return w.waiter == waiter; });
    if (it == m_queue.end())
        return;
    const bool wasHead = it == m_queue.begin();
    m_queue.erase(it);
    noteChange();
    // The head may have blocked the ones behind it (strict FIFO).
    if (wasHead)
        pump();
}

void EndpointPool::release(EndpointGrant &grant, const EndpointOutcome &outcome)
{
    if (!grant)
        return;
    const std::shared_ptr<Endpoint> endpoint = std::move(grant.endpoint);
    QNetworkAccessManager *manager = grant.manager;
    const int generation = grant.generation;
    const bool probe = grant.probe;
    grant = EndpointGrant();

    Endpoint &e = *endpoint;
    const qint64 now = monotonicMs();
    e.inFlight = qMax(0, e.inFlight - 1);
    if (manager)
        e.managers.release(manager);
    if (outcome.rateLimits)
        e.limiter.onRateLimitInfo(*outcome.rateLimits, now);
    const LlmErrorKind kind = outcome.kind;
    // A server that asks one caller to wait means everyone sending there.
    if (outcome.retryAfterMs && *outcome.retryAfterMs > 0
        && (kind == LlmErrorKind::RateLimited || kind == LlmErrorKind::Overloaded)) {
        e.limiter.holdUntil(now + *outcome.retryAfterMs);
    }
    if (outcome.neutral || kind == LlmErrorKind::Cancelled) {
        e.breaker.onNeutral(probe);
    } else {
        switch (kind) {
        case LlmErrorKind::None:
            e.breaker.onSuccess();
            e.concurrency.onSuccess();
            break;
        case LlmErrorKind::RateLimited:
            e.breaker.onSuccess(); // it answered: alive, only busy
            e.concurrency.onOverload(generation);
            break;
        case LlmErrorKind::Overloaded:
            e.breaker.onFailure(now, probe);
            e.concurrency.onOverload(generation);
            e.lastErrorKind = kind;
            break;
        case LlmErrorKind::Timeout:
        case LlmErrorKind::Network:
        case LlmErrorKind::ServerError:
        case LlmErrorKind::MalformedReply:
            e.breaker.onFailure(now, probe);
            e.lastErrorKind = kind;
            break;
        default:
            // A 4xx proves the server is up and answering; the request was at fault.
            e.breaker.onSuccess();
            break;
        }
    }
    noteChange();
    pump();
}

void EndpointPool::pump()
{
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    qint64 now = monotonicMs();
    do {
        m_pumpAgain = false;
        now = monotonicMs();
        while (!m_queue.empty()) {
            const Waiter head = m_queue.front();
            EndpointGrant grant = tryGrant(head.tokens, now);
            if (!grant)
                break;
            m_queue.pop_front();
            noteChange();
            // May re-enter (release, acquire, cancelWait): the loop re-reads the queue.
            head.waiter->onEndpointGranted(std::move(grant), now - head.enqueuedMs);
        }
        failHopeless(now);
    } while (m_pumpAgain);
    m_pumping = false;
    scheduleWake(now);
}

void EndpointPool::failHopeless(qint64 nowMs)
{
    if (m_queue.empty())
        return;
    QList<Waiter> hopeless;
    LlmErrorKind kind = LlmErrorKind::NoProvider;
    QString message;
    if (m_endpoints.isEmpty()) {
        hopeless = QList<Waiter>(m_queue.begin(), m_queue.end());
        m_queue.clear();
        message = tr("The provider '%1' has no base URL.").arg(m_config.name);
    } else {
        qint64 reopenAt = 0;
        LlmErrorKind lastKind = LlmErrorKind::None;
        if (!allOpen(nowMs, &reopenAt, &lastKind))
            return;
        kind = lastKind == LlmErrorKind::None ? LlmErrorKind::Network : lastKind;
        message = unavailableMessage(kind, reopenAt - nowMs);
        for (auto it = m_queue.begin(); it != m_queue.end();) {
            if (it->deadlineMs < reopenAt) {
                hopeless.append(*it);
                it = m_queue.erase(it);
            } else {
                ++it;
            }
        }
    }
    if (hopeless.isEmpty())
        return;
    noteChange();
    for (const Waiter &w : std::as_const(hopeless))
        w.waiter->onEndpointUnavailable(kind, message);
}

void EndpointPool::scheduleWake(qint64 nowMs)
{
    if (m_queue.empty()) {
        m_wakeTimer.stop();
        return;
    }
    const qint64 tokens = m_queue.front().tokens;
    qint64 wake = -1;
    for (const std::shared_ptr<Endpoint> &e : std::as_const(m_endpoints)) {
        const qint64 in = e->wakeInMs(tokens, nowMs);
        if (in >= 0 && (wake < 0 || in < wake))
            wake = in;
    }
    if (wake < 0) {
        m_wakeTimer.stop(); // a release will pump
        return;
    }
    m_wakeTimer.start(int(qBound<qint64>(0, wake, qint64(24) * 3600 * 1000)), Qt::PreciseTimer, this);
}

void EndpointPool::noteChange()
{
    if (!m_statusTimer.isActive())
        m_statusTimer.start(kStatusIntervalMs, Qt::CoarseTimer, this);
}

void EndpointPool::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_wakeTimer.timerId()) {
        m_wakeTimer.stop();
        pump();
    } else if (event->timerId() == m_statusTimer.timerId()) {
        m_statusTimer.stop();
        Q_EMIT statusChanged();
    } else {
        QObject::timerEvent(event);
    }
}

QList<EndpointStatus> EndpointPool::status() const
{
    const qint64 now = monotonicMs();
    QList<EndpointStatus> list;
    list.reserve(m_endpoints.size());
    for (const std::shared_ptr<Endpoint> &e : m_endpoints)
        list.append(e->status(now, int(m_queue.size())));
    return list;
}

} // namespace Madf

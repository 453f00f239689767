#include "core/llm/endpoint.h"

#include "core/config/providerconfig.h"
#include "core/llm/httpconnectionpool.h"
#include "core/llm/httpexchange.h"

#include <QUrl>

namespace Madf {

Endpoint::Endpoint(const QString &baseUrl)
    : m_baseUrl(baseUrl)
    , m_socketTransport(HttpExchange::isDirectHttp(QUrl(baseUrl)))
{
}

Endpoint::~Endpoint() = default;

bool Endpoint::usesNetworkManagers() const
{
    return !m_socketTransport || HttpExchange::isNetworkAccessManagerForced();
}

std::shared_ptr<HttpConnectionPool> Endpoint::connectionPool()
{
    if (!m_connections)
        m_connections = std::make_shared<HttpConnectionPool>();
    return m_connections;
}

void Endpoint::configure(const ProviderConfig &config, qint64 nowMs)
{
    concurrency.setMaximum(config.maxInFlight);
    limiter.configure(config.requestsPerMinute, config.tokensPerMinute, nowMs);
    breaker.configure(config.circuitFailures, qint64(config.circuitCooldown) * 1000);
}

bool Endpoint::canStart(qint64 tokens, qint64 nowMs) const
{
    return !retired && inFlight < concurrency.limit() && breaker.allowsRequest(nowMs)
        && limiter.delayMs(tokens, nowMs) == 0;
}

qint64 Endpoint::wakeInMs(qint64 tokens, qint64 nowMs) const
{
    if (retired)
        return -1;
    qint64 wait = limiter.delayMs(tokens, nowMs);
    if (breaker.state(nowMs) == CircuitState::Open)
        wait = qMax(wait, breaker.halfOpenAtMs() - nowMs);
    if (wait > 0)
        return wait;
    // Nothing time-bound stands in the way: a slot or the probe's answer will.
    return canStart(tokens, nowMs) ? 0 : -1;
}

EndpointStatus Endpoint::status(qint64 nowMs, int queued) const
{
    EndpointStatus s;
    s.baseUrl = m_baseUrl;
    s.inFlight = inFlight;
    s.queued = queued;
    s.effectiveLimit = concurrency.limit();
    s.maxInFlight = concurrency.maximum();
    s.circuitState = breaker.state(nowMs);
    s.consecutiveFailures = breaker.consecutiveFailures();
    s.remainingRequests = limiter.remainingRequests(nowMs);
    s.remainingTokens = limiter.remainingTokens(nowMs);
    s.rateLimitWaitMs = limiter.delayMs(1, nowMs);
    s.networkManagers = managers.managerCount();
    s.connections = m_connections ? m_connections->openCount() : 0;
    s.lastErrorKind = lastErrorKind;
    return s;
}

} // namespace Madf

#pragma once

#include "core/llm/adaptiveconcurrency.h"
#include "core/llm/circuitbreaker.h"
#include "core/llm/endpointstatus.h"
#include "core/llm/llmtypes.h"
#include "core/llm/networkmanagerpool.h"
#include "core/llm/ratelimiter.h"
#include "core/llm/ratelimitheaders.h"

#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace Madf {

class HttpConnectionPool;
struct ProviderConfig;

/** One replica (base URL) of a provider with everything that decides whether
 *  it may take one more request: requests in flight against its adaptive
 *  limit, its rate budget, its circuit breaker, and its connections: our own
 *  keep-alive pool for plain http, network managers for https (and when a
 *  proxy applies). Owned by an EndpointPool (and kept alive by grants while
 *  requests run); lives in the engine thread. */
class Endpoint
{
public:
    explicit Endpoint(const QString &baseUrl);
    ~Endpoint();
    Endpoint(const Endpoint &) = delete;
    Endpoint &operator=(const Endpoint &) = delete;

    const QString &baseUrl() const { return m_baseUrl; }
    void configure(const ProviderConfig &config, qint64 nowMs);

    /** May a request of @p tokens start here now? */
    bool canStart(qint64 tokens, qint64 nowMs) const;
    /** Milliseconds until time alone could let a request start (cool-down,
     *  rate budget); -1 when only a finishing request can free a slot, 0 now. */
    qint64 wakeInMs(qint64 tokens, qint64 nowMs) const;

    EndpointStatus status(qint64 nowMs, int queued) const;

    /** Requests go through `managers` (QNetworkAccessManager) rather than
     *  connectionPool(): https, a proxy, or the test hook. */
    bool usesNetworkManagers() const;
    /** The keep-alive connections of plain-http requests; made on first use,
     *  in the calling thread. */
    std::shared_ptr<HttpConnectionPool> connectionPool();

    int inFlight = 0;
    bool retired = false;
    LlmErrorKind lastErrorKind = LlmErrorKind::None;
    AdaptiveConcurrency concurrency;
    RateLimiter limiter;
    CircuitBreaker breaker;
    NetworkManagerPool managers;

private:
    QString m_baseUrl;
    bool m_socketTransport = false; // plain http with no proxy
    std::shared_ptr<HttpConnectionPool> m_connections;
};

/** A slot on an endpoint, held by a call for one attempt. */
struct EndpointGrant
{
    std::shared_ptr<Endpoint> endpoint;
    QNetworkAccessManager *manager = nullptr; ///< null: our own connections (Endpoint::connectionPool())
    int generation = 0;  ///< AdaptiveConcurrency generation at start
    bool probe = false;  ///< the half-open breaker's probe
    qint64 tokens = 0;

    explicit operator bool() const { return bool(endpoint); }
};

/** What an attempt's end says about the endpoint that served it. */
struct EndpointOutcome
{
    LlmErrorKind kind = LlmErrorKind::None; ///< None: success
    /** Says nothing about the endpoint's health (cancelled, the call's own deadline). */
    bool neutral = false;
    std::optional<RateLimitInfo> rateLimits;
    std::optional<qint64> retryAfterMs;     ///< a 429/503 asked everyone to wait this long
};

/** Someone waiting in an EndpointPool's queue (an HTTP call). */
class EndpointWaiter
{
public:
    virtual ~EndpointWaiter() = default;
    /** A slot was granted after @p waitedMs in the queue. */
    virtual void onEndpointGranted(EndpointGrant grant, qint64 waitedMs) = 0;
    /** Every replica is out and stays out past the waiter's deadline. */
    virtual void onEndpointUnavailable(LlmErrorKind kind, const QString &message) = 0;
};

} // namespace Madf

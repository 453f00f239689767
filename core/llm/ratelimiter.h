#pragma once

#include <QtGlobal>

#include <optional>

namespace Madf {

struct RateLimitInfo;

/** The request and token budget of one replica: our own per-minute limits
 *  (token buckets from ProviderConfig requests_per_minute / tokens_per_minute)
 *  tightened by what the provider's rate-limit headers say (remaining 0 →
 *  hold until the reset it announced) and by a 429's retry-after.
 *
 *  Plain state: the caller passes the time (milliseconds on a monotonic
 *  clock). */
class RateLimiter
{
public:
    /** 0 = no limit of our own. Keeps what the provider said. */
    void configure(int requestsPerMinute, int tokensPerMinute, qint64 nowMs);

    /** Milliseconds until a request estimated at @p tokens may start; 0 = now. */
    qint64 delayMs(qint64 tokens, qint64 nowMs) const;
    /** A request of @p tokens starts: takes it from every budget. */
    void onRequestStarted(qint64 tokens, qint64 nowMs);
    /** What a reply's rate-limit headers said. */
    void onRateLimitInfo(const RateLimitInfo &info, qint64 nowMs);
    /** No request before @p untilMs (a 429 asked to wait). */
    void holdUntil(qint64 untilMs);

    /** What the provider last said is left, while its reset has not passed. */
    std::optional<qint64> remainingRequests(qint64 nowMs) const;
    std::optional<qint64> remainingTokens(qint64 nowMs) const;

private:
    /** A token bucket holding at most one minute's allowance. */
    struct Bucket
    {
        double capacity = 0; // 0: unlimited
        double level = 0;
        qint64 updatedMs = 0;

        void configure(int perMinute, qint64 nowMs);
        double levelAt(qint64 nowMs) const;
        qint64 delayFor(double amount, qint64 nowMs) const;
        void take(double amount, qint64 nowMs);
    };

    Bucket m_requests;
    Bucket m_tokens;

    std::optional<qint64> m_remainingRequests;
    std::optional<qint64> m_remainingTokens;
    qint64 m_requestsResetAtMs = 0;
    qint64 m_tokensResetAtMs = 0;
    qint64 m_holdUntilMs = 0;
};

} // namespace Madf

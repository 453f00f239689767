#include "core/llm/ratelimiter.h"

#include "core/llm/ratelimitheaders.h"

#include <cmath>

namespace Madf {

void RateLimiter::Bucket::configure(int perMinute, qint64 nowMs)
{
    const double capacity_ = qMax(0, perMinute);
    if (capacity_ == capacity)
        return;
    // A changed limit starts from the same fill ratio, so a lowered one bites at once.
    const double ratio = capacity > 0 ? levelAt(nowMs) / capacity : 1.0;
    capacity = capacity_;
    level = capacity * ratio;
    updatedMs = nowMs;
}

double RateLimiter::Bucket::levelAt(qint64 nowMs) const
{
    if (capacity <= 0)
        return 0;
    const double refill = double(qMax<qint64>(0, nowMs - updatedMs)) * capacity / 60000.0;
    return qMin(capacity, level + refill);
}

qint64 RateLimiter::Bucket::delayFor(double amount, qint64 nowMs) const
{
    if (capacity <= 0)
        return 0;
    // A request larger than a whole minute's allowance waits for a full bucket, not forever.
    const double need = qMin(amount, capacity);
    const double missing = need - levelAt(nowMs);
    if (missing <= 0)
        return 0;
    return qint64(std::ceil(missing * 60000.0 / capacity));
}

void RateLimiter::Bucket::take(double amount, qint64 nowMs)
{
    if (capacity <= 0)
        return;
    level = levelAt(nowMs) - qMin(amount, capacity);
    updatedMs = nowMs;
}

void RateLimiter::configure(int requestsPerMinute, int tokensPerMinute, qint64 nowMs)
{
    m_requests.configure(requestsPerMinute, nowMs);
    m_tokens.configure(tokensPerMinute, nowMs);
}

qint64 RateLimiter::delayMs(qint64 tokens, qint64 nowMs) const
{
    qint64 delay = qMax<qint64>(0, m_holdUntilMs - nowMs);
    if (m_remainingRequests && *m_remainingRequests <= 0 && nowMs < m_requestsResetAtMs)
        delay = qMax(delay, m_requestsResetAtMs - nowMs);
    if (m_remainingTokens && *m_remainingTokens < qMax<qint64>(1, tokens) && nowMs < m_tokensResetAtMs)
        delay = qMax(delay, m_tokensResetAtMs - nowMs);
    delay = qMax(delay, m_requests.delayFor(1, nowMs));
    delay = qMax(delay, m_tokens.delayFor(double(tokens), nowMs));
    return delay;
}

void RateLimiter::onRequestStarted(qint64 tokens, qint64 nowMs)
{
    m_requests.take(1, nowMs);
    m_tokens.take(double(tokens), nowMs);
    // Requests already in flight are not in the provider's last count yet.
    if (m_remainingRequests && nowMs < m_requestsResetAtMs)
        *m_remainingRequests -= 1;
    if (m_remainingTokens && nowMs < m_tokensResetAtMs)
        *m_remainingTokens -= tokens;
}

void RateLimiter::onRateLimitInfo(const RateLimitInfo &info, qint64 nowMs)
{
    // Without a reset time a "remaining" cannot be acted on: it would hold forever.
    if (info.remainingRequests && info.resetRequestsMs) {
        m_remainingRequests = info.remainingRequests;
        m_requestsResetAtMs = nowMs + qMax<qint64>(0, *info.resetRequestsMs);
    }
    if (info.remainingTokens && info.resetTokensMs) {
        m_remainingTokens = info.remainingTokens;
        m_tokensResetAtMs = nowMs + qMax<qint64>(0, *info.resetTokensMs);
    }
}

void RateLimiter::holdUntil(qint64 untilMs)
{
    m_holdUntilMs = qMax(m_holdUntilMs, untilMs);
}

std::optional<qint64> RateLimiter::remainingRequests(qint64 nowMs) const
{
    if (!m_remainingRequests || nowMs >= m_requestsResetAtMs)
        return std::nullopt;
    return qMax<qint64>(0, *m_remainingRequests);
}

std::optional<qint64> RateLimiter::remainingTokens(qint64 nowMs) const
{
    if (!m_remainingTokens || nowMs >= m_tokensResetAtMs)
        return std::nullopt;
    return qMax<qint64>(0, *m_remainingTokens);
}

} // namespace Madf

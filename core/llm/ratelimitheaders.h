#pragma once

#include "core/llm/httpheaders.h"

#include <QDateTime>

#include <optional>

namespace Madf {

/** A provider's rate-limit headers, read from any reply: what is left and
 *  when it refills. Absent headers stay nullopt. */
struct RateLimitInfo
{
    std::optional<qint64> limitRequests, remainingRequests, limitTokens, remainingTokens;
    std::optional<qint64> resetRequestsMs, resetTokensMs; ///< from now
};

/** Reads OpenAI's `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
 *  (resets as durations: "12ms", "1s", "6m0s", "1h2m3.5s") and Anthropic's
 *  `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`
 *  (resets as RFC 3339 times). For Anthropic the token figures come from the
 *  tightest bucket: the one with the fewest tokens remaining (on a tie, the
 *  later reset). A reset also reads as RFC 3339 or plain seconds in either
 *  family. Names are case-insensitive. */
RateLimitInfo parseRateLimitHeaders(const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &now);

/** A Go-style duration ("1h2m3.5s", "12ms", "0.5s", "250us") in ms; nullopt if unreadable. */
std::optional<qint64> parseDurationMs(QByteArrayView text);

} // namespace Madf

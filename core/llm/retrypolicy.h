#pragma once

#include "core/llm/httpheaders.h"
#include "core/llm/wireformat.h"

#include <QDateTime>
#include <QNetworkReply>

#include <optional>

/** When and how long to wait before retrying a model call: the official
 *  OpenAI and Anthropic SDKs' rules, which users trust.
 *
 *  What the transport feeds in:
 *  - an HTTP error reply: WireFormat::parseError() (status, body, `x-should-retry`);
 *  - no HTTP status at all (refused, reset, DNS, TLS, transfer timeout):
 *    networkError(). Qt 6.4 reports both QNetworkReply::abort() and a
 *    QNetworkRequest::setTransferTimeout() expiry as OperationCanceledError,
 *    so the transport must remember why it aborted: pass TimeoutError when its
 *    own deadline or the transfer timeout fired, OperationCanceledError only
 *    when the caller cancelled (never retried, never billed);
 *  - an `error` event or `{"error":...}` line inside a 2xx stream: the
 *    ApiError the StreamDecoder set.
 *  Then isRetryable() decides and delayMs() says how long to wait. */
namespace Madf::RetryPolicy {

/** The SDKs' longest honoured server-requested delay. */
constexpr qint64 kMaxRetryAfterMs = 60000;
constexpr qint64 kInitialBackoffMs = 500;
constexpr qint64 kMaxBackoffMs = 8000;

/** Whether another attempt may succeed. Cancelled and None never are. */
bool isRetryable(const ApiError &error);

/** The delay the server asked for: `retry-after-ms`, else `retry-after` as
 *  seconds (may be fractional) or an HTTP date. Honoured only when
 *  0 < value <= 60 s; nullopt otherwise (or when absent or unreadable). */
std::optional<qint64> retryAfterMs(const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &now);

/** Exponential back-off for retry number @p attempt (0 = first retry):
 *  500 ms * 2^attempt capped at 8000 ms, times (1 - 0.25 * random01). */
qint64 backoffMs(int attempt, double random01);

/** retryAfterMs() when the server asked for a usable delay, else backoffMs(). */
qint64 delayMs(int attempt, const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &now,
               double random01);

/** Classifies a failure that has no HTTP status. Connection errors are
 *  Network and timeouts Timeout, both retryable (as the SDKs do), except
 *  failures that no retry can fix (unsupported scheme, TLS certificate).
 *  OperationCanceledError is Cancelled, never retried. HTTP-level codes
 *  (ContentNotFoundError...) are mapped too, but prefer parseError() with the
 *  status when there is one. */
ApiError networkError(QNetworkReply::NetworkError code, const QString &message);

} // namespace Madf::RetryPolicy

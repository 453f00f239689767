#pragma once

#include "core/model/tokenusage.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace Madf {

/** Why a model call failed. Drives retries, user messages and the
 *  dashboard's error chart. */
enum class LlmErrorKind {
    None,
    Timeout,          ///< connect, inactivity or total deadline passed
    RateLimited,      ///< 429 rate limit (retryable)
    QuotaExceeded,    ///< 429 insufficient_quota: out of credit, never retried
    Auth,             ///< 401 bad or missing key
    PermissionDenied, ///< 403
    NotFound,         ///< 404 (unknown model or path)
    InvalidRequest,   ///< 400, 413, 422: the request itself is wrong
    ServerError,      ///< 5xx
    Overloaded,       ///< 529 / overloaded_error / 503 overload
    Network,          ///< connection refused, reset, DNS, TLS...
    MalformedReply,   ///< the reply could not be understood
    Cancelled,        ///< the caller cancelled
    NoProvider,       ///< the provider named by the agent is not configured/usable (e.g. no key)
};

/** Stable lower-case name: "rate_limited", "quota_exceeded", ... */
QString toString(LlmErrorKind kind);
/** A short translated explanation with what to do about it. */
QString llmErrorAdvice(LlmErrorKind kind);
/** The kind named by toString() (case-insensitive; "canceled" accepted).
 *  Unknown names give None and set *ok to false. */
LlmErrorKind llmErrorKindFromString(const QString &name, bool *ok = nullptr);

struct LlmMessage
{
    QString role;     ///< "user" or "assistant" ("system" goes in LlmRequest::system)
    QString content;
};

/** One model request, independent of the wire format. */
struct LlmRequest
{
    QString provider;              ///< name of a `providers` entry
    QString model;
    QString system;                ///< system prompt; empty for none
    QList<LlmMessage> messages;
    std::optional<double> temperature;
    int maxTokens = 1024;
    bool stream = true;
    int timeoutMs = 120000;        ///< total deadline for the call, retries included
    int maxRetries = 2;
    QString apiKey;                ///< resolved by the caller from the config; never logged
    QVariantMap extraBody;         ///< merged into the JSON body (per-model options)
    QString tag;                   ///< who asks (e.g. "doc123/research"), for logs and metrics
};

struct LlmTimings
{
    qint64 queuedMs = 0;        ///< waiting for a concurrency/rate-limit slot and retry back-off
    qint64 firstTokenMs = -1;   ///< from start of the last attempt to the first text; -1 = none
    qint64 totalMs = 0;         ///< from start() to finished()
    int attempts = 0;
};

/** The plain result of one model call. */
struct LlmResult
{
    enum Status { Ok, Failed, Cancelled };
    Status status = Failed;
    LlmErrorKind errorKind = LlmErrorKind::None;
    QString errorMessage;          ///< provider's message or ours; never contains a key
    QString text;
    QString finishReason;          ///< normalised: "stop", "length", "content_filter", "tool_calls", ...
    TokenUsage usage;              ///< billed once: only replies that arrived count
    LlmTimings timings;
    int httpStatus = 0;
    QString requestId;
    QString provider;
    QString model;
    QString endpoint;              ///< base URL that served the final attempt
    bool simulated = false;        ///< true for the built-in simulated provider

    bool ok() const { return status == Ok; }
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::LlmResult)

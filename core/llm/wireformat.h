#pragma once

#include "core/llm/httpheaders.h"
#include "core/llm/llmtypes.h"
#include "core/llm/sseparser.h"
#include "core/model/tokenusage.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace Madf {

/** One HTTP request to send, without the base URL: the transport prefixes
 *  the endpoint's base URL to `path`. */
struct HttpRequestSpec
{
    QByteArray method = "POST";
    QString path;                                 ///< e.g. "/chat/completions" or "/v1/messages"
    QList<QPair<QByteArray, QByteArray>> headers; ///< auth included; never log them
    QByteArray body;                              ///< JSON; empty for GET
};

/** What a (complete or streamed) reply said. */
struct ParsedReply
{
    QString text;
    QString finishReason;  ///< normalised: "stop", "length", "content_filter", "tool_calls", ...
    TokenUsage usage;      ///< when hasUsage is false it holds what was reported so far (may be zero)
    bool hasUsage = false; ///< the provider reported the final usage
    QString requestId;
    QString model;         ///< the model the provider says answered
};

/** A failure the provider reported, classified. */
struct ApiError
{
    LlmErrorKind kind = LlmErrorKind::None;
    QString message;       ///< the provider's message, or ours
    QString type;          ///< provider's error type, e.g. "invalid_request_error"
    QString code;          ///< provider's error code, e.g. "insufficient_quota"
    bool retryable = false;
};

/** Decodes one streamed reply, event by event (events come from SseParser). */
class StreamDecoder
{
public:
    virtual ~StreamDecoder();
    /** Returns text deltas of this event (may be empty); sets *error on an
     *  in-stream error event (and on a data line that is not JSON). */
    virtual QString onEvent(const SseEvent &event, ApiError *error) = 0;
    /** `[DONE]` (OpenAI) or `message_stop` (Anthropic) was seen. */
    virtual bool isComplete() const = 0;
    /** Text so far, finish reason, usage (hasUsage=false if the usage never came). */
    virtual ParsedReply reply() const = 0;
};

/** One provider wire format: builds requests and reads replies and errors.
 *  Pure functions, no I/O: the transport (LlmClient) does the HTTP. */
class WireFormat
{
public:
    virtual ~WireFormat();
    /** "openai" or "anthropic". */
    virtual QString name() const = 0;
    /** The chat request, with auth headers from request.apiKey (omitted when
     *  empty), Content-Type, Accept (text/event-stream when streaming) and the
     *  format's version headers. request.extraBody is merged into the JSON
     *  last; a null value there removes that key from the body. */
    virtual HttpRequestSpec buildRequest(const LlmRequest &request) const = 0;
    /** Parses a non-streamed reply. On failure sets *malformed to a reason. */
    virtual ParsedReply parseReply(const QByteArray &body, QString *malformed) const = 0;
    virtual std::unique_ptr<StreamDecoder> streamDecoder() const = 0;
    /** Classifies a non-2xx reply by status, error body and `x-should-retry`.
     *  Both formats' error bodies are understood by the shared rules. */
    virtual ApiError parseError(int httpStatus, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers) const;
    /** GET /models (OpenAI) or GET /v1/models (Anthropic). */
    virtual HttpRequestSpec modelsRequest(const QString &apiKey) const = 0;
    /** Model ids from a models list; also understands Ollama's /api/tags
     *  ({models:[{name}]}). Empty when the body is not such a list. */
    virtual QStringList parseModels(const QByteArray &body) const;
};

/** "openai" or "anthropic" (case-insensitive); nullptr otherwise. */
std::unique_ptr<WireFormat> createWireFormat(const QString &api);

} // namespace Madf

#pragma once

#include "core/llm/wireformat.h"

namespace Madf {

/** Anthropic Messages: POST {base}/v1/messages with `x-api-key` and
 *  `anthropic-version: 2023-06-01`.
 *
 *  Usage is folded into TokenUsage's OpenAI-like shape: promptTokens =
 *  input_tokens + cache_read_input_tokens + cache_creation_input_tokens,
 *  cachedPromptTokens = cache reads, cacheWriteTokens = cache writes.
 *  LlmRequest::extraBody is merged last (a null value removes a key). */
class AnthropicFormat : public WireFormat
{
public:
    QString name() const override { return QStringLiteral("anthropic"); }
    HttpRequestSpec buildRequest(const LlmRequest &request) const override;
    ParsedReply parseReply(const QByteArray &body, QString *malformed) const override;
    std::unique_ptr<StreamDecoder> streamDecoder() const override;
    HttpRequestSpec modelsRequest(const QString &apiKey) const override;

    /** end_turn and stop_sequence become "stop", max_tokens "length"; others are kept. */
    static QString normaliseStopReason(const QString &reason);

    static constexpr const char *kVersion = "2023-06-01";
    /** max_tokens is required by the API: sent when the request sets none. */
    static constexpr int kDefaultMaxTokens = 1024;
};

} // namespace Madf

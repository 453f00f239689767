#pragma once

#include "core/llm/wireformat.h"

namespace Madf {

/** OpenAI Chat Completions: POST {base}/chat/completions with a Bearer key.
 *  The same API serves Azure OpenAI, Ollama, llama.cpp, vLLM, LM Studio,
 *  OpenRouter, Groq and others.
 *
 *  Per-model body options come from LlmRequest::extraBody, merged last:
 *  - `max_tokens_field: max_completion_tokens` sends the token limit under
 *    that name (the helper key itself is never sent);
 *  - a null value removes a key, e.g. `temperature: null` for models that
 *    reject temperature.
 *  Without `max_tokens_field`, models named o1*, o3*, o4* and gpt-5* get
 *  `max_completion_tokens` (they answer 400 to `max_tokens`); every other
 *  model gets `max_tokens`, which all the compatible servers understand. */
class OpenAiFormat : public WireFormat
{
public:
    QString name() const override { return QStringLiteral("openai"); }
    HttpRequestSpec buildRequest(const LlmRequest &request) const override;
    ParsedReply parseReply(const QByteArray &body, QString *malformed) const override;
    std::unique_ptr<StreamDecoder> streamDecoder() const override;
    HttpRequestSpec modelsRequest(const QString &apiKey) const override;

    /** True for the models that want `max_completion_tokens` (o1, o3, o4, gpt-5 families). */
    static bool wantsMaxCompletionTokens(const QString &model);
    /** stop, length, content_filter, tool_calls; other servers' synonyms folded in. */
    static QString normaliseFinishReason(const QString &reason);
};

} // namespace Madf

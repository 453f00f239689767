#pragma once

#include <QtGlobal>

namespace Madf {

/** Tokens one model call consumed, as the provider reported them (or as we
 *  estimated them when the reply never said, e.g. a stream cut short).
 *  `promptTokens` includes `cachedPromptTokens` (OpenAI's convention);
 *  Anthropic's separate counters are folded into the same shape. */
struct TokenUsage
{
    qint64 promptTokens = 0;        ///< all input tokens, cached ones included
    qint64 cachedPromptTokens = 0;  ///< input tokens read from the provider's prompt cache
    qint64 cacheWriteTokens = 0;    ///< input tokens written to the provider's prompt cache
    qint64 completionTokens = 0;    ///< output tokens, reasoning included
    qint64 reasoningTokens = 0;     ///< part of completionTokens spent on hidden reasoning
    bool estimated = false;         ///< true when counted by us, not reported by the provider

    qint64 uncachedPromptTokens() const { return qMax<qint64>(0, promptTokens - cachedPromptTokens - cacheWriteTokens); }
    qint64 totalTokens() const { return promptTokens + completionTokens; }

    TokenUsage &operator+=(const TokenUsage &o)
    {
        promptTokens += o.promptTokens;
        cachedPromptTokens += o.cachedPromptTokens;
        cacheWriteTokens += o.cacheWriteTokens;
        completionTokens += o.completionTokens;
        reasoningTokens += o.reasoningTokens;
        estimated = estimated || o.estimated;
        return *this;
    }
    bool operator==(const TokenUsage &) const = default;
};

} // namespace Madf

#pragma once

#include "mocktextgenerator.h"
#include "mockserverstate.h"

#include <QJsonObject>

namespace Madf::Test {

struct HttpRequest;

/** One chat request as both API handlers see it: the parsed body, the server
 *  configuration at arrival, the fault to inject and the timing and usage
 *  figures after the per-request `x-mock-*` overrides. */
struct MockRequestContext
{
    const HttpRequest &request;
    QJsonObject json;
    bool jsonValid = false;
    MockLlmConfig config;
    QByteArray fault;
    QByteArray requestId;
    qint64 createdSecs = 0;

    int ttftMs = 0;
    double tokensPerSecond = 0;
    int replyTokens = 60;
    int cachedTokens = 0;      ///< x-mock-cached-tokens: prompt tokens reported as read from cache
    int cacheWriteTokens = 0;  ///< x-mock-cache-write-tokens (Anthropic cache_creation_input_tokens)
    int reasoningTokens = 0;   ///< x-mock-reasoning-tokens, added to the completion tokens

    MockRequestContext(const HttpRequest &request, const QJsonObject &json, bool jsonValid,
                       const MockLlmConfig &config, const QByteArray &fault, const QByteArray &requestId);

    /** Milliseconds to produce @p tokens at the configured pace (0 when unpaced). */
    qint64 generationMs(qint64 tokens) const;
};

/** The conversation of a chat request, reduced to what the mock needs. */
struct MockPrompt
{
    QString lastUserText;
    int promptTokens = 0;
    quint64 seed = 0;

    /** @p system: Anthropic's top-level system (string or text blocks), or null. */
    static MockPrompt fromMessages(const QJsonArray &messages, const QJsonValue &system);
    /** Text of a message content: a string, or the text of its parts. */
    static QString contentText(const QJsonValue &content);

    /** The reply: the MOCK_REPLY text if the last user message dictates one,
     *  else generated text seeded by the prompt. */
    MockReply reply(int replyTokens, int maxTokens) const;
};

} // namespace Madf::Test

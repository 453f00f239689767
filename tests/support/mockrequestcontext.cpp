#include "mockrequestcontext.h"

#include "httpconnection.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace Madf::Test {

namespace {
int headerInt(const HttpRequest &request, QByteArrayView name, int fallback)
{
    bool ok = false;
    const int value = request.header(name).toInt(&ok);
    return ok ? value : fallback;
}
} // namespace

MockRequestContext::MockRequestContext(const HttpRequest &request, const QJsonObject &json, bool jsonValid,
                                       const MockLlmConfig &config, const QByteArray &fault,
                                       const QByteArray &requestId)
    : request(request)
    , json(json)
    , jsonValid(jsonValid)
    , config(config)
    , fault(fault)
    , requestId(requestId)
    , createdSecs(QDateTime::currentSecsSinceEpoch())
{
    ttftMs = qMax(0, headerInt(request, "x-mock-ttft-ms", config.timeToFirstTokenMs));
    bool ok = false;
    const double tps = request.header("x-mock-tps").toDouble(&ok);
    tokensPerSecond = ok ? tps : config.tokensPerSecond;
    replyTokens = qMax(1, headerInt(request, "x-mock-reply-tokens", config.defaultReplyTokens));
    cachedTokens = qMax(0, headerInt(request, "x-mock-cached-tokens", 0));
    cacheWriteTokens = qMax(0, headerInt(request, "x-mock-cache-write-tokens", 0));
    reasoningTokens = qMax(0, headerInt(request, "x-mock-reasoning-tokens", 0));
}

qint64 MockRequestContext::generationMs(qint64 tokens) const
{
    return tokensPerSecond > 0 ? qint64(std::llround(double(tokens) * 1000.0 / tokensPerSecond)) : 0;
}

QString MockPrompt::contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    const QJsonArray array = content.toArray();
    for (const QJsonValue &part : array) {
        if (part.isString())
            parts << part.toString();
        else
            parts << part.toObject().value(QLatin1String("text")).toString();
    }
    return parts.join(QLatin1Char('\n'));
}

MockPrompt MockPrompt::fromMessages(const QJsonArray &messages, const QJsonValue &system)
{
    MockPrompt prompt;
    // Every role and text goes into the seed, so any change of the conversation changes the reply.
    QByteArray canonical;
    int tokens = 3; // the reply primer, as OpenAI counts it
    const QString systemText = contentText(system);
    if (!systemText.isEmpty()) {
        canonical += "system\x1f" + systemText.toUtf8() + '\x1e';
        tokens += 4 + MockTextGenerator::countTokens(systemText);
    }
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        const QString role = message.value(QLatin1String("role")).toString();
        const QString text = contentText(message.value(QLatin1String("content")));
        canonical += role.toUtf8() + '\x1f' + text.toUtf8() + '\x1e';
        tokens += 4 + MockTextGenerator::countTokens(text);
        if (role == QLatin1String("user"))
            prompt.lastUserText = text;
    }
    prompt.promptTokens = tokens;
    prompt.seed = MockTextGenerator::fingerprint(canonical);
    return prompt;
}

MockReply MockPrompt::reply(int replyTokens, int maxTokens) const
{
    if (const auto dictated = MockTextGenerator::mockReplyDirective(lastUserText))
        return MockTextGenerator::exact(*dictated, maxTokens);
    return MockTextGenerator::generate(seed, replyTokens, maxTokens);
}

} // namespace Madf::Test

#include "anthropichandler.h"

#include "httpconnection.h"
#include "mockfaults.h"
#include "mockresponses.h"
#include "streamtimeline.h"

#include <QJsonArray>

namespace Madf::Test {

namespace {

using L = QLatin1String;

ResponsePlan invalidRequest(const QString &message)
{
    return MockResponses::error(ApiFormat::Anthropic, 400, QStringLiteral("invalid_request_error"), message);
}

std::optional<ResponsePlan> checkRequest(const MockRequestContext &context)
{
    const QString key = context.config.requiredApiKey;
    if (!key.isEmpty() && context.request.header("x-api-key") != key.toUtf8())
        return MockResponses::error(ApiFormat::Anthropic, 401, QStringLiteral("authentication_error"),
                                    QStringLiteral("invalid x-api-key"));
    if (context.request.header("anthropic-version").isEmpty())
        return invalidRequest(QStringLiteral("anthropic-version: header is required"));

    const QJsonObject &body = context.json;
    const QJsonValue model = body.value(L("model"));
    if (!model.isString() || model.toString().isEmpty())
        return invalidRequest(QStringLiteral("model: Field required"));
    const QJsonValue messages = body.value(L("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return invalidRequest(QStringLiteral("messages: at least one message is required"));
    const QJsonValue maxTokens = body.value(L("max_tokens"));
    if (maxTokens.isUndefined() || maxTokens.isNull())
        return invalidRequest(QStringLiteral("max_tokens: Field required"));
    if (!maxTokens.isDouble() || maxTokens.toDouble() < 1 || maxTokens.toDouble() != double(maxTokens.toInteger()))
        return invalidRequest(QStringLiteral("max_tokens: Input should be a valid integer greater than or equal to 1"));
    return std::nullopt;
}

} // namespace

ResponsePlan AnthropicHandler::messages(const MockRequestContext &context)
{
    const QJsonObject &body = context.json;
    if (!context.jsonValid)
        return invalidRequest(QStringLiteral("There was an issue with your request body: it is not valid JSON."));
    const bool streamed = body.value(L("stream")).toBool();
    if (auto fault = MockFaults::errorPlan(context.fault, ApiFormat::Anthropic, streamed, context.request, context.config))
        return *fault;
    if (auto invalid = checkRequest(context))
        return *invalid;

    const QString model = body.value(L("model")).toString();
    const int maxTokens = int(qMin<qint64>(body.value(L("max_tokens")).toInteger(), 1 << 24));
    const MockPrompt prompt = MockPrompt::fromMessages(body.value(L("messages")).toArray(), body.value(L("system")));
    const MockReply reply = prompt.reply(context.replyTokens, maxTokens);
    const QString stopReason = reply.truncated ? QStringLiteral("max_tokens") : QStringLiteral("end_turn");
    const int outputTokens = reply.tokens + context.reasoningTokens;
    // Anthropic counts cache reads and writes apart from input_tokens.
    const int cacheRead = qMin(context.cachedTokens, prompt.promptTokens);
    const int cacheWrite = qMin(context.cacheWriteTokens, prompt.promptTokens - cacheRead);
    const int inputTokens = prompt.promptTokens - cacheRead - cacheWrite;
    const QString id = QStringLiteral("msg_mock") + QString::fromLatin1(context.requestId.sliced(4));
    auto usage = [&](int output) {
        return QJsonObject{{L("input_tokens"), inputTokens},
                           {L("cache_creation_input_tokens"), cacheWrite},
                           {L("cache_read_input_tokens"), cacheRead},
                           {L("output_tokens"), output}};
    };

    if (!streamed) {
        ResponsePlan plan = MockResponses::json(200, QJsonObject{
            {L("id"), id},
            {L("type"), L("message")},
            {L("role"), L("assistant")},
            {L("model"), model},
            {L("content"), QJsonArray{QJsonObject{{L("type"), L("text")}, {L("text"), reply.text}}}},
            {L("stop_reason"), stopReason},
            {L("stop_sequence"), QJsonValue()},
            {L("usage"), usage(outputTokens)},
        });
        plan.delayMs = context.ttftMs + context.generationMs(outputTokens);
        plan.tokensServed = prompt.promptTokens + outputTokens;
        return plan;
    }

    ResponsePlan plan;
    plan.streamed = true;
    MockResponses::addSseHeaders(plan);
    plan.tokensServed = prompt.promptTokens + outputTokens;

    const QByteArray ping = MockResponses::sseEvent("ping", QJsonObject{{L("type"), L("ping")}});
    StreamTimeline timeline(context.ttftMs + context.generationMs(context.reasoningTokens), context.tokensPerSecond);
    timeline.addNow(MockResponses::sseEvent(
        "message_start",
        QJsonObject{{L("type"), L("message_start")},
                    {L("message"), QJsonObject{{L("id"), id},
                                               {L("type"), L("message")},
                                               {L("role"), L("assistant")},
                                               {L("model"), model},
                                               {L("content"), QJsonArray()},
                                               {L("stop_reason"), QJsonValue()},
                                               {L("stop_sequence"), QJsonValue()},
                                               {L("usage"), usage(1)}}}}));
    timeline.addNow(MockResponses::sseEvent(
        "content_block_start",
        QJsonObject{{L("type"), L("content_block_start")},
                    {L("index"), 0},
                    {L("content_block"), QJsonObject{{L("type"), L("text")}, {L("text"), QString()}}}}));
    timeline.setKeepAlive(ping, context.config.keepAliveIntervalMs);

    auto delta = [](const QString &text) {
        return MockResponses::sseEvent(
            "content_block_delta",
            QJsonObject{{L("type"), L("content_block_delta")},
                        {L("index"), 0},
                        {L("delta"), QJsonObject{{L("type"), L("text_delta")}, {L("text"), text}}}});
    };

    const QByteArray &fault = context.fault;
    const qsizetype pieces = reply.pieces.size();
    // Some tokens reach the client before a stream fault strikes.
    const qsizetype faultAt = MockFaults::isStreamFault(fault) ? qMin(pieces, qMax<qsizetype>(1, pieces / 2)) : -1;
    for (qsizetype i = 0; i <= pieces; ++i) {
        if (i == faultAt) {
            if (fault == "stall") {
                plan.ending = ResponsePlan::Ending::Stall;
                plan.steps = timeline.steps();
                return plan;
            }
            if (fault == "cut") {
                plan.ending = ResponsePlan::Ending::Cut;
                if (context.request.header("x-mock-cut-at") != "boundary")
                    plan.cutPartial = i < pieces ? delta(reply.pieces.at(i)) : delta(QString());
                plan.steps = timeline.steps();
                return plan;
            }
            if (fault == "malformed") {
                timeline.addNow("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                                "\"delta\":{\"type\":\"text_delta\",\"text\":\"\n\n");
            } else if (fault == "midstream-error") {
                timeline.addNow(MockResponses::sseEvent(
                    "error", MockResponses::errorBody(ApiFormat::Anthropic, QStringLiteral("overloaded_error"),
                                                      QStringLiteral("Overloaded"))));
                plan.steps = timeline.steps();
                return plan;
            }
        }
        if (i == pieces)
            break;
        timeline.addTokens(delta(reply.pieces.at(i)), reply.pieceTokens.at(i));
    }
    timeline.addAfterTokens(MockResponses::sseEvent(
        "content_block_stop", QJsonObject{{L("type"), L("content_block_stop")}, {L("index"), 0}}));
    timeline.addAfterTokens(MockResponses::sseEvent(
        "message_delta",
        QJsonObject{{L("type"), L("message_delta")},
                    {L("delta"), QJsonObject{{L("stop_reason"), stopReason}, {L("stop_sequence"), QJsonValue()}}},
                    {L("usage"), QJsonObject{{L("output_tokens"), outputTokens}}}}));
    timeline.addAfterTokens(MockResponses::sseEvent("message_stop", QJsonObject{{L("type"), L("message_stop")}}));
    plan.steps = timeline.steps();
    return plan;
}

} // namespace Madf::Test

#include "openaihandler.h"

#include "httpconnection.h"
#include "mockfaults.h"
#include "mockresponses.h"
#include "streamtimeline.h"

#include <QJsonArray>

namespace Madf::Test {

namespace {

using L = QLatin1String;

ResponsePlan invalidRequest(const QString &message, const QString &param = {}, const QString &code = {})
{
    return MockResponses::error(ApiFormat::OpenAi, 400, QStringLiteral("invalid_request_error"), message, code, param);
}

// Models that, like OpenAI's reasoning models, take max_completion_tokens and only the default temperature.
bool isReasoningModel(const QString &model)
{
    static const char *const prefixes[] = {"mock-reasoning", "o1", "o3", "o4", "gpt-5"};
    for (const char *prefix : prefixes) {
        if (model.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

std::optional<ResponsePlan> validate(const QJsonObject &body, int *maxTokens)
{
    const QJsonValue model = body.value(L("model"));
    if (!model.isString() || model.toString().isEmpty())
        return invalidRequest(QStringLiteral("you must provide a model parameter"), QStringLiteral("model"));
    const QJsonValue messages = body.value(L("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return invalidRequest(QStringLiteral("'messages' must be a non-empty array."), QStringLiteral("messages"));
    const bool hasMaxTokens = body.contains(L("max_tokens")) && !body.value(L("max_tokens")).isNull();
    const bool hasMaxCompletion = body.contains(L("max_completion_tokens")) && !body.value(L("max_completion_tokens")).isNull();
    if (hasMaxTokens && hasMaxCompletion) {
        return invalidRequest(QStringLiteral("max_tokens and max_completion_tokens cannot both be set. Use max_completion_tokens."),
                              QStringLiteral("max_tokens"));
    }
    if (isReasoningModel(model.toString())) {
        if (hasMaxTokens) {
            // Word for word what OpenAI answers (shared/reference/recorded/openai-error-unsupported-parameter.json).
            return invalidRequest(QStringLiteral("Unsupported parameter: 'max_tokens' is not supported with this model. "
                                                 "Use 'max_completion_tokens' instead."),
                                  QStringLiteral("max_tokens"), QStringLiteral("unsupported_parameter"));
        }
        const QJsonValue temperature = body.value(L("temperature"));
        if (temperature.isDouble() && temperature.toDouble() != 1.0) {
            return invalidRequest(QStringLiteral("Unsupported value: 'temperature' does not support %1 with this model. "
                                                 "Only the default (1) value is supported.")
                                      .arg(temperature.toDouble()),
                                  QStringLiteral("temperature"), QStringLiteral("unsupported_value"));
        }
    }
    const QJsonValue limit = hasMaxCompletion ? body.value(L("max_completion_tokens")) : body.value(L("max_tokens"));
    *maxTokens = 0;
    if (hasMaxTokens || hasMaxCompletion) {
        if (!limit.isDouble() || limit.toDouble() < 1 || limit.toDouble() != double(limit.toInteger())) {
            return invalidRequest(QStringLiteral("Invalid '%1': expected an integer of at least 1.")
                                      .arg(hasMaxCompletion ? L("max_completion_tokens") : L("max_tokens")),
                                  hasMaxCompletion ? QStringLiteral("max_completion_tokens") : QStringLiteral("max_tokens"));
        }
        *maxTokens = int(qMin<qint64>(limit.toInteger(), 1 << 24));
    }
    return std::nullopt;
}

QJsonObject usageObject(int promptTokens, int completionTokens, int cachedTokens, int reasoningTokens)
{
    return QJsonObject{
        {L("prompt_tokens"), promptTokens},
        {L("completion_tokens"), completionTokens},
        {L("total_tokens"), promptTokens + completionTokens},
        {L("prompt_tokens_details"), QJsonObject{{L("cached_tokens"), cachedTokens}, {L("audio_tokens"), 0}}},
        {L("completion_tokens_details"), QJsonObject{{L("reasoning_tokens"), reasoningTokens},
                                                     {L("audio_tokens"), 0},
                                                     {L("accepted_prediction_tokens"), 0},
                                                     {L("rejected_prediction_tokens"), 0}}},
    };
}

struct ChunkWriter
{
    QJsonObject base;

    QByteArray chunk(const QJsonArray &choices, const QJsonValue &usage) const
    {
        QJsonObject c = base;
        c.insert(L("choices"), choices);
        c.insert(L("usage"), usage);
        return MockResponses::sseData(c);
    }
    QByteArray delta(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue()) const
    {
        return chunk(QJsonArray{QJsonObject{{L("index"), 0},
                                            {L("delta"), delta},
                                            {L("logprobs"), QJsonValue()},
                                            {L("finish_reason"), finishReason}}},
                     QJsonValue());
    }
};

} // namespace

std::optional<ResponsePlan> OpenAiHandler::checkAuthorization(const MockRequestContext &context)
{
    const QString key = context.config.requiredApiKey;
    if (key.isEmpty())
        return std::nullopt;
    const QByteArray authorization = context.request.header("authorization");
    if (authorization == "Bearer " + key.toUtf8())
        return std::nullopt;
    const QString message = authorization.isEmpty()
        ? QStringLiteral("You didn't provide an API key. You need to provide your API key in an Authorization header "
                         "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")
        : QStringLiteral("Incorrect API key provided.");
    return MockResponses::error(ApiFormat::OpenAi, 401, QStringLiteral("invalid_request_error"), message,
                                QStringLiteral("invalid_api_key"));
}

ResponsePlan OpenAiHandler::chatCompletions(const MockRequestContext &context)
{
    const QJsonObject &body = context.json;
    if (!context.jsonValid) {
        return invalidRequest(QStringLiteral("We could not parse the JSON body of your request. (HINT: This likely means "
                                             "you aren't using your HTTP library correctly.)"));
    }
    const bool streamed = body.value(L("stream")).toBool();
    if (auto fault = MockFaults::errorPlan(context.fault, ApiFormat::OpenAi, streamed, context.request, context.config))
        return *fault;
    if (auto denied = checkAuthorization(context))
        return *denied;
    int maxTokens = 0;
    if (auto invalid = validate(body, &maxTokens))
        return *invalid;

    const QString model = body.value(L("model")).toString();
    const MockPrompt prompt = MockPrompt::fromMessages(body.value(L("messages")).toArray(), QJsonValue());
    const MockReply reply = prompt.reply(context.replyTokens, maxTokens);
    const QString finishReason = reply.truncated ? QStringLiteral("length") : QStringLiteral("stop");
    const int completionTokens = reply.tokens + context.reasoningTokens;
    const int cached = qMin(context.cachedTokens, prompt.promptTokens);
    const QJsonObject usage = usageObject(prompt.promptTokens, completionTokens, cached, context.reasoningTokens);
    const QString id = QStringLiteral("chatcmpl-mock") + QString::fromLatin1(context.requestId.sliced(4));

    if (!streamed) {
        QJsonObject reply_{
            {L("id"), id},
            {L("object"), L("chat.completion")},
            {L("created"), context.createdSecs},
            {L("model"), model},
            {L("choices"), QJsonArray{QJsonObject{
                               {L("index"), 0},
                               {L("message"), QJsonObject{{L("role"), L("assistant")},
                                                          {L("content"), reply.text},
                                                          {L("refusal"), QJsonValue()}}},
                               {L("logprobs"), QJsonValue()},
                               {L("finish_reason"), finishReason}}}},
            {L("usage"), usage},
            {L("system_fingerprint"), L("fp_mock")},
        };
        ResponsePlan plan = MockResponses::json(200, reply_);
        // A model answers in one piece only once it has generated everything.
        plan.delayMs = context.ttftMs + context.generationMs(completionTokens);
        plan.tokensServed = prompt.promptTokens + completionTokens;
        return plan;
    }

    ResponsePlan plan;
    plan.streamed = true;
    MockResponses::addSseHeaders(plan);
    plan.tokensServed = prompt.promptTokens + completionTokens;

    const bool includeUsage = body.value(L("stream_options")).toObject().value(L("include_usage")).toBool();
    ChunkWriter writer{QJsonObject{{L("id"), id},
                                   {L("object"), L("chat.completion.chunk")},
                                   {L("created"), context.createdSecs},
                                   {L("model"), model},
                                   {L("system_fingerprint"), L("fp_mock")}}};
    // Hidden reasoning happens before the first visible token.
    StreamTimeline timeline(context.ttftMs + context.generationMs(context.reasoningTokens), context.tokensPerSecond);
    timeline.setKeepAlive(": keep-alive\n\n", context.config.keepAliveIntervalMs);
    timeline.addTokens(writer.delta(QJsonObject{{L("role"), L("assistant")}, {L("content"), QString()},
                                                {L("refusal"), QJsonValue()}}),
                       0);

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
                if (context.request.header("x-mock-cut-at") != "boundary") {
                    plan.cutPartial = i < pieces ? writer.delta(QJsonObject{{L("content"), reply.pieces.at(i)}})
                                                 : writer.delta(QJsonObject(), finishReason);
                }
                plan.steps = timeline.steps();
                return plan;
            }
            if (fault == "malformed") {
                timeline.addNow("data: {\"id\":\"" + id.toUtf8() + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"\n\n");
            } else if (fault == "midstream-error") {
                timeline.addNow(MockResponses::sseData(MockResponses::errorBody(
                    ApiFormat::OpenAi, QStringLiteral("server_error"),
                    QStringLiteral("The server had an error while processing your request. Sorry about that!"))));
                plan.steps = timeline.steps();
                return plan;
            }
        }
        if (i == pieces)
            break;
        timeline.addTokens(writer.delta(QJsonObject{{L("content"), reply.pieces.at(i)}}), reply.pieceTokens.at(i));
    }
    timeline.addAfterTokens(writer.delta(QJsonObject(), finishReason));
    if (includeUsage)
        timeline.addAfterTokens(writer.chunk(QJsonArray(), usage));
    timeline.addAfterTokens("data: [DONE]\n\n");
    plan.steps = timeline.steps();
    return plan;
}

ResponsePlan OpenAiHandler::models(const MockRequestContext &context)
{
    const bool anthropic = context.request.hasHeader("anthropic-version");
    if (!anthropic) {
        if (auto denied = checkAuthorization(context))
            return *denied;
    }
    QJsonArray data;
    for (const QString &model : context.config.models) {
        if (anthropic) {
            data.append(QJsonObject{{L("type"), L("model")},
                                    {L("id"), model},
                                    {L("display_name"), model},
                                    {L("created_at"), L("2024-10-22T00:00:00Z")}});
        } else {
            data.append(QJsonObject{{L("id"), model},
                                    {L("object"), L("model")},
                                    {L("created"), 1700000000},
                                    {L("owned_by"), L("madf-mock")}});
        }
    }
    if (anthropic) {
        const QJsonValue first = context.config.models.isEmpty() ? QJsonValue() : QJsonValue(context.config.models.first());
        const QJsonValue last = context.config.models.isEmpty() ? QJsonValue() : QJsonValue(context.config.models.last());
        return MockResponses::json(200, QJsonObject{{L("data"), data},
                                                    {L("has_more"), false},
                                                    {L("first_id"), first},
                                                    {L("last_id"), last}});
    }
    return MockResponses::json(200, QJsonObject{{L("object"), L("list")}, {L("data"), data}});
}

ResponsePlan OpenAiHandler::ollamaTags(const MockRequestContext &context)
{
    QJsonArray models;
    for (const QString &model : context.config.models) {
        const QString name = model.contains(QLatin1Char(':')) ? model : model + QStringLiteral(":latest");
        const QByteArray digest = QByteArray::number(MockTextGenerator::fingerprint(name.toUtf8()), 16).rightJustified(16, '0');
        models.append(QJsonObject{
            {L("name"), name},
            {L("model"), name},
            {L("modified_at"), L("2024-06-01T12:00:00.000000000Z")},
            {L("size"), 4661224676.0},
            {L("digest"), QString::fromLatin1(digest.repeated(4))},
            {L("details"), QJsonObject{{L("parent_model"), QString()},
                                       {L("format"), L("gguf")},
                                       {L("family"), L("llama")},
                                       {L("families"), QJsonArray{L("llama")}},
                                       {L("parameter_size"), L("8.0B")},
                                       {L("quantization_level"), L("Q4_0")}}},
        });
    }
    return MockResponses::json(200, QJsonObject{{L("models"), models}});
}

ResponsePlan OpenAiHandler::health(const MockRequestContext &)
{
    return MockResponses::json(200, QJsonObject{{L("status"), L("ok")}});
}

} // namespace Madf::Test

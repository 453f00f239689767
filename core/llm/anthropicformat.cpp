#include "core/llm/anthropicformat.h"

#include "core/llm/wirehelpers.h"

#include <QJsonArray>

namespace Madf {

namespace {

// Anthropic's counters, each replaced (never added) when a later event repeats it.
struct AnthropicUsage
{
    qint64 input = 0;
    qint64 cacheRead = 0;
    qint64 cacheWrite = 0;
    qint64 output = 0;

    void absorb(const QJsonObject &u)
    {
        const auto take = [&u](const char *key, qint64 &into) {
            const QJsonValue v = u.value(QLatin1String(key));
            if (v.isDouble())
                into = Wire::count(v);
        };
        take("input_tokens", input);
        take("cache_read_input_tokens", cacheRead);
        take("cache_creation_input_tokens", cacheWrite);
        take("output_tokens", output);
    }

    TokenUsage toTokenUsage() const
    {
        TokenUsage usage;
        usage.promptTokens = input + cacheRead + cacheWrite;
        usage.cachedPromptTokens = cacheRead;
        usage.cacheWriteTokens = cacheWrite;
        usage.completionTokens = output;
        return usage;
    }
};

class AnthropicStreamDecoder : public StreamDecoder
{
public:
    QString onEvent(const SseEvent &event, ApiError *error) override
    {
        const QByteArray data = event.data.trimmed();
        if (data.isEmpty())
            return {};
        QString parseError;
        const QJsonObject payload = Wire::parseObject(data, &parseError);
        if (!parseError.isEmpty()) {
            if (error) {
                *error = ApiError{LlmErrorKind::MalformedReply,
                                  QStringLiteral("stream event is %1").arg(parseError), {}, {}, false};
            }
            return {};
        }
        QString type = payload.value(QLatin1String("type")).toString();
        if (type.isEmpty())
            type = QString::fromUtf8(event.type());

        if (type == QLatin1String("content_block_delta")) {
            const QJsonObject delta = payload.value(QLatin1String("delta")).toObject();
            // thinking_delta, input_json_delta and signature_delta are not document text.
            if (delta.value(QLatin1String("type")).toString() != QLatin1String("text_delta"))
                return {};
            const QString text = delta.value(QLatin1String("text")).toString();
            m_reply.text += text;
            return text;
        }
        if (type == QLatin1String("message_start")) {
            const QJsonObject message = payload.value(QLatin1String("message")).toObject();
            m_reply.requestId = message.value(QLatin1String("id")).toString();
            m_reply.model = message.value(QLatin1String("model")).toString();
            m_usage.absorb(message.value(QLatin1String("usage")).toObject());
            m_reply.usage = m_usage.toTokenUsage();
        } else if (type == QLatin1String("message_delta")) {
            const QString reason = payload.value(QLatin1String("delta")).toObject()
                                       .value(QLatin1String("stop_reason")).toString();
            if (!reason.isEmpty())
                m_reply.finishReason = AnthropicFormat::normaliseStopReason(reason);
            const QJsonValue usage = payload.value(QLatin1String("usage"));
            if (usage.isObject()) {
                m_usage.absorb(usage.toObject());
                m_reply.usage = m_usage.toTokenUsage();
                m_reply.hasUsage = true;
            }
        } else if (type == QLatin1String("message_stop")) {
            m_done = true;
        } else if (type == QLatin1String("error")) {
            QString message;
            QString errorType;
            QString code;
            Wire::errorFields(payload, &message, &errorType, &code);
            if (message.isEmpty())
                message = QString::fromUtf8(data);
            if (error)
                *error = Wire::classify(0, errorType, code, message);
        }
        // ping, content_block_start/stop and event types added later carry no text.
        return {};
    }

    bool isComplete() const override { return m_done; }
    ParsedReply reply() const override { return m_reply; }

private:
    ParsedReply m_reply;
    AnthropicUsage m_usage;
    bool m_done = false;
};

void addCommonHeaders(HttpRequestSpec &spec, const QString &apiKey)
{
    if (!apiKey.isEmpty())
        spec.headers.emplaceBack("x-api-key", apiKey.toUtf8());
    spec.headers.emplaceBack("anthropic-version", AnthropicFormat::kVersion);
}

} // namespace

QString AnthropicFormat::normaliseStopReason(const QString &reason)
{
    if (reason == QLatin1String("end_turn") || reason == QLatin1String("stop_sequence"))
        return QStringLiteral("stop");
    if (reason == QLatin1String("max_tokens"))
        return QStringLiteral("length");
    return reason;
}

HttpRequestSpec AnthropicFormat::buildRequest(const LlmRequest &request) const
{
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/v1/messages");
    addCommonHeaders(spec, request.apiKey);
    spec.headers.emplaceBack("Content-Type", "application/json");
    spec.headers.emplaceBack("Accept", request.stream ? "text/event-stream" : "application/json");

    // The Messages API has no "system" role: such a message joins the system prompt.
    QStringList system;
    if (!request.system.isEmpty())
        system.append(request.system);
    QJsonArray messages;
    for (const LlmMessage &m : request.messages) {
        if (m.role == QLatin1String("system"))
            system.append(m.content);
        else
            messages.append(QJsonObject{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}});
    }

    QJsonObject body;
    body.insert(QStringLiteral("model"), request.model);
    body.insert(QStringLiteral("max_tokens"), request.maxTokens > 0 ? request.maxTokens : kDefaultMaxTokens);
    if (!system.isEmpty())
        body.insert(QStringLiteral("system"), system.join(QStringLiteral("\n\n")));
    body.insert(QStringLiteral("messages"), messages);
    if (request.temperature)
        body.insert(QStringLiteral("temperature"), *request.temperature);
    body.insert(QStringLiteral("stream"), request.stream);
    Wire::mergeExtraBody(body, request.extraBody, {QStringLiteral("max_tokens_field")});

    spec.body = Wire::toJson(body);
    return spec;
}

ParsedReply AnthropicFormat::parseReply(const QByteArray &body, QString *malformed) const
{
    ParsedReply reply;
    QString error;
    const QJsonObject root = Wire::parseObject(body, &error);
    QString message;
    QString type;
    QString code;
    if (error.isEmpty() && Wire::errorFields(root, &message, &type, &code))
        error = QStringLiteral("the reply is an error: %1").arg(message.isEmpty() ? type : message);
    const QJsonValue content = root.value(QLatin1String("content"));
    if (error.isEmpty() && !content.isArray())
        error = QStringLiteral("the reply has no content");
    if (!error.isEmpty()) {
        if (malformed)
            *malformed = error;
        return reply;
    }

    for (const QJsonValue &block : content.toArray()) {
        const QJsonObject b = block.toObject();
        if (b.value(QLatin1String("type")).toString() == QLatin1String("text"))
            reply.text += b.value(QLatin1String("text")).toString();
    }
    reply.finishReason = normaliseStopReason(root.value(QLatin1String("stop_reason")).toString());
    const QJsonValue usage = root.value(QLatin1String("usage"));
    if (usage.isObject()) {
        AnthropicUsage counters;
        counters.absorb(usage.toObject());
        reply.usage = counters.toTokenUsage();
        reply.hasUsage = true;
    }
    reply.requestId = root.value(QLatin1String("id")).toString();
    reply.model = root.value(QLatin1String("model")).toString();
    return reply;
}

std::unique_ptr<StreamDecoder> AnthropicFormat::streamDecoder() const
{
    return std::make_unique<AnthropicStreamDecoder>();
}

HttpRequestSpec AnthropicFormat::modelsRequest(const QString &apiKey) const
{
    HttpRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/v1/models");
    addCommonHeaders(spec, apiKey);
    spec.headers.emplaceBack("Accept", "application/json");
    return spec;
}

} // namespace Madf

#include "core/llm/openaiformat.h"

#include "core/llm/wirehelpers.h"

#include <QJsonArray>

namespace Madf {

namespace {

const QString kMaxTokensField = QStringLiteral("max_tokens_field");

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

TokenUsage usageFrom(const QJsonObject &u)
{
    // Reported as is, even Ollama's prompt_tokens 0 for a cached prompt:
    // an invented figure would be worse than a visibly odd one.
    TokenUsage usage;
    usage.promptTokens = Wire::count(u.value(QLatin1String("prompt_tokens")));
    usage.completionTokens = Wire::count(u.value(QLatin1String("completion_tokens")));
    usage.cachedPromptTokens = Wire::count(obj(u, "prompt_tokens_details").value(QLatin1String("cached_tokens")));
    usage.reasoningTokens = Wire::count(obj(u, "completion_tokens_details").value(QLatin1String("reasoning_tokens")));
    return usage;
}

// Content is a string, null (refusals, tool calls), or on some servers a list of parts.
QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    if (content.isArray()) {
        for (const QJsonValue &part : content.toArray()) {
            const QJsonObject p = part.toObject();
            if (p.value(QLatin1String("type")).toString() == QLatin1String("text"))
                text += p.value(QLatin1String("text")).toString();
        }
    }
    return text;
}

// Choice 0 of a reply or chunk: with n > 1 the choices may come in any order.
QJsonObject firstChoice(const QJsonArray &choices)
{
    for (const QJsonValue &c : choices) {
        const QJsonObject choice = c.toObject();
        if (choice.value(QLatin1String("index")).toInt(0) == 0)
            return choice;
    }
    return {};
}

class OpenAiStreamDecoder : public StreamDecoder
{
public:
    QString onEvent(const SseEvent &event, ApiError *error) override
    {
        const QByteArray data = event.data.trimmed();
        if (data.isEmpty())
            return {};
        if (data == "[DONE]") {
            m_done = true;
            return {};
        }
        QString parseError;
        const QJsonObject chunk = Wire::parseObject(data, &parseError);
        if (!parseError.isEmpty()) {
            if (error) {
                *error = ApiError{LlmErrorKind::MalformedReply,
                                  QStringLiteral("stream chunk is %1").arg(parseError), {}, {}, false};
            }
            return {};
        }
        QString message;
        QString type;
        QString code;
        if (Wire::errorFields(chunk, &message, &type, &code) || event.type() == "error") {
            if (message.isEmpty())
                message = QString::fromUtf8(data);
            if (error)
                *error = Wire::classify(0, type, code, message);
            return {};
        }

        // Azure's first chunk has empty id and model (and only prompt_filter_results).
        if (m_reply.requestId.isEmpty())
            m_reply.requestId = chunk.value(QLatin1String("id")).toString();
        if (m_reply.model.isEmpty())
            m_reply.model = chunk.value(QLatin1String("model")).toString();

        const QJsonValue usage = chunk.value(QLatin1String("usage"));
        if (usage.isObject()) {
            m_reply.usage = usageFrom(usage.toObject());
            m_reply.hasUsage = true;
        }

        const QJsonObject choice = firstChoice(chunk.value(QLatin1String("choices")).toArray());
        const QString reason = choice.value(QLatin1String("finish_reason")).toString();
        if (!reason.isEmpty())
            m_reply.finishReason = OpenAiFormat::normaliseFinishReason(reason);
        const QString delta = contentText(obj(choice, "delta").value(QLatin1String("content")));
        m_reply.text += delta;
        return delta;
    }

    bool isComplete() const override { return m_done; }
    ParsedReply reply() const override { return m_reply; }

private:
    ParsedReply m_reply;
    bool m_done = false;
};

void addCommonHeaders(HttpRequestSpec &spec, const QString &apiKey)
{
    if (!apiKey.isEmpty())
        spec.headers.emplaceBack("Authorization", QByteArray("Bearer ").append(apiKey.toUtf8()));
}

} // namespace

bool OpenAiFormat::wantsMaxCompletionTokens(const QString &model)
{
    for (const char *prefix : {"o1", "o3", "o4", "gpt-5"}) {
        if (model.startsWith(QLatin1String(prefix), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString OpenAiFormat::normaliseFinishReason(const QString &reason)
{
    const QString r = reason.trimmed().toLower();
    if (r == QLatin1String("eos") || r == QLatin1String("end_turn") || r == QLatin1String("stop_sequence"))
        return QStringLiteral("stop");
    if (r == QLatin1String("max_tokens") || r == QLatin1String("model_length"))
        return QStringLiteral("length");
    if (r == QLatin1String("function_call") || r == QLatin1String("tool_use"))
        return QStringLiteral("tool_calls");
    return r;
}

HttpRequestSpec OpenAiFormat::buildRequest(const LlmRequest &request) const
{
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/chat/completions");
    addCommonHeaders(spec, request.apiKey);
    spec.headers.emplaceBack("Content-Type", "application/json");
    spec.headers.emplaceBack("Accept", request.stream ? "text/event-stream" : "application/json");

    QJsonArray messages;
    if (!request.system.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.system}});
    for (const LlmMessage &m : request.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}});

    QJsonObject body;
    body.insert(QStringLiteral("model"), request.model);
    body.insert(QStringLiteral("messages"), messages);
    if (request.temperature)
        body.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.maxTokens > 0) {
        QString field = wantsMaxCompletionTokens(request.model) ? QStringLiteral("max_completion_tokens")
                                                                 : QStringLiteral("max_tokens");
        const QString configured = request.extraBody.value(kMaxTokensField).toString().trimmed();
        if (!configured.isEmpty())
            field = configured;
        body.insert(field, request.maxTokens);
    }
    body.insert(QStringLiteral("stream"), request.stream);
    if (request.stream)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    Wire::mergeExtraBody(body, request.extraBody, {kMaxTokensField});

    spec.body = Wire::toJson(body);
    return spec;
}

ParsedReply OpenAiFormat::parseReply(const QByteArray &body, QString *malformed) const
{
    ParsedReply reply;
    QString error;
    const QJsonObject root = Wire::parseObject(body, &error);
    QString message;
    QString type;
    QString code;
    if (error.isEmpty() && Wire::errorFields(root, &message, &type, &code))
        error = QStringLiteral("the reply is an error: %1").arg(message.isEmpty() ? type : message);
    const QJsonArray choices = root.value(QLatin1String("choices")).toArray();
    if (error.isEmpty() && choices.isEmpty())
        error = QStringLiteral("the reply has no choices");
    if (!error.isEmpty()) {
        if (malformed)
            *malformed = error;
        return reply;
    }

    const QJsonObject choice = firstChoice(choices);
    reply.text = contentText(obj(choice, "message").value(QLatin1String("content")));
    reply.finishReason = normaliseFinishReason(choice.value(QLatin1String("finish_reason")).toString());
    const QJsonValue usage = root.value(QLatin1String("usage"));
    if (usage.isObject()) {
        reply.usage = usageFrom(usage.toObject());
        reply.hasUsage = true;
    }
    // llama.cpp's `timings` carry speed, not billing: nothing to read there.
    reply.requestId = root.value(QLatin1String("id")).toString();
    reply.model = root.value(QLatin1String("model")).toString();
    return reply;
}

std::unique_ptr<StreamDecoder> OpenAiFormat::streamDecoder() const
{
    return std::make_unique<OpenAiStreamDecoder>();
}

HttpRequestSpec OpenAiFormat::modelsRequest(const QString &apiKey) const
{
    HttpRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/models");
    addCommonHeaders(spec, apiKey);
    spec.headers.emplaceBack("Accept", "application/json");
    return spec;
}

} // namespace Madf

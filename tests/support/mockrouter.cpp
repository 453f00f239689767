#include "mockrouter.h"

#include "anthropichandler.h"
#include "httpconnection.h"
#include "mockfaults.h"
#include "mockresponses.h"
#include "mockserverstate.h"
#include "openaihandler.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

namespace Madf::Test {

namespace {

enum class Endpoint { ChatCompletions, Messages, Models, OllamaTags, Health, Stats, Unknown };

Endpoint endpointFor(const QByteArray &rawPath)
{
    QByteArray path = rawPath;
    while (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    // Clients differ in whether the base URL carries /v1: accept both.
    if (path == "/v1/chat/completions" || path == "/chat/completions")
        return Endpoint::ChatCompletions;
    if (path == "/v1/messages" || path == "/messages")
        return Endpoint::Messages;
    if (path == "/v1/models" || path == "/models")
        return Endpoint::Models;
    if (path == "/api/tags")
        return Endpoint::OllamaTags;
    if (path == "/health" || path == "/v1/health")
        return Endpoint::Health;
    if (path == "/mock/stats")
        return Endpoint::Stats;
    return Endpoint::Unknown;
}

QByteArray expectedMethod(Endpoint endpoint)
{
    return endpoint == Endpoint::ChatCompletions || endpoint == Endpoint::Messages ? "POST" : "GET";
}

void addRateLimitHeaders(ResponsePlan &plan, ApiFormat format, const MockRateLimits &limits, qint64 serial,
                         qint64 tokensServed)
{
    const qint64 requestsRemaining = limits.requestsRemaining >= 0 ? limits.requestsRemaining
                                                                   : qMax<qint64>(0, limits.requestsLimit - serial);
    const qint64 tokensRemaining = limits.tokensRemaining >= 0 ? limits.tokensRemaining
                                                               : qMax<qint64>(0, limits.tokensLimit - tokensServed);
    if (format == ApiFormat::OpenAi) {
        plan.addHeader("x-ratelimit-limit-requests", QByteArray::number(limits.requestsLimit));
        plan.addHeader("x-ratelimit-remaining-requests", QByteArray::number(requestsRemaining));
        plan.addHeader("x-ratelimit-reset-requests", MockResponses::goDuration(limits.resetRequestsMs));
        plan.addHeader("x-ratelimit-limit-tokens", QByteArray::number(limits.tokensLimit));
        plan.addHeader("x-ratelimit-remaining-tokens", QByteArray::number(tokensRemaining));
        plan.addHeader("x-ratelimit-reset-tokens", MockResponses::goDuration(limits.resetTokensMs));
        return;
    }
    const QByteArray resetRequests = MockResponses::rfc3339FromNow(limits.resetRequestsMs);
    const QByteArray resetTokens = MockResponses::rfc3339FromNow(limits.resetTokensMs);
    plan.addHeader("anthropic-ratelimit-requests-limit", QByteArray::number(limits.requestsLimit));
    plan.addHeader("anthropic-ratelimit-requests-remaining", QByteArray::number(requestsRemaining));
    plan.addHeader("anthropic-ratelimit-requests-reset", resetRequests);
    for (const char *kind : {"tokens", "input-tokens", "output-tokens"}) {
        const QByteArray prefix = QByteArray("anthropic-ratelimit-") + kind;
        plan.addHeader(prefix + "-limit", QByteArray::number(limits.tokensLimit));
        plan.addHeader(prefix + "-remaining", QByteArray::number(tokensRemaining));
        plan.addHeader(prefix + "-reset", resetTokens);
    }
}

/** The counters as JSON, for tests that run madf-mock-llm as a separate
 *  process. A "conversation" is a chat request's model, system prompt and
 *  messages: the same step asked twice gives the same conversation twice. */
QJsonObject statsJson(const MockServerState &state)
{
    QJsonObject paths;
    QHash<QByteArray, int> conversations;
    int chat = 0;
    for (const RecordedRequest &r : state.requests()) {
        paths.insert(QString::fromUtf8(r.path), paths.value(QString::fromUtf8(r.path)).toInt() + 1);
        if (endpointFor(r.path) != Endpoint::ChatCompletions && endpointFor(r.path) != Endpoint::Messages)
            continue;
        ++chat;
        const QJsonObject key{{QStringLiteral("model"), r.json.value(QStringLiteral("model"))},
                              {QStringLiteral("system"), r.json.value(QStringLiteral("system"))},
                              {QStringLiteral("messages"), r.json.value(QStringLiteral("messages"))}};
        ++conversations[QCryptographicHash::hash(QJsonDocument(key).toJson(QJsonDocument::Compact),
                                                 QCryptographicHash::Sha1)];
    }
    int repeated = 0;
    for (const int n : std::as_const(conversations))
        repeated += n - 1;
    return QJsonObject{{QStringLiteral("requests"), state.requestCount()},
                       {QStringLiteral("paths"), paths},
                       {QStringLiteral("chat_requests"), chat},
                       {QStringLiteral("distinct_conversations"), int(conversations.size())},
                       {QStringLiteral("repeated_conversations"), repeated},
                       {QStringLiteral("peak_concurrent"), state.peakConcurrent()},
                       {QStringLiteral("current_concurrent"), state.currentConcurrent()},
                       {QStringLiteral("tokens_served"), state.tokensServed()}};
}

} // namespace

ResponsePlan MockRouter::route(const HttpRequest &request, const QJsonObject &json, bool jsonValid, qint64 serial,
                               MockServerState &state)
{
    const MockLlmConfig config = state.config();
    const Endpoint endpoint = endpointFor(request.path);
    const ApiFormat format = endpoint == Endpoint::Messages ? ApiFormat::Anthropic : ApiFormat::OpenAi;
    const bool chat = endpoint == Endpoint::ChatCompletions || endpoint == Endpoint::Messages;
    // Models pick faults only where there is a model; the header works everywhere.
    const QByteArray fault = MockFaults::select(request, chat ? json : QJsonObject(), state);
    const QByteArray requestId = "req_" + QByteArray::number(serial, 16).rightJustified(8, '0')
        + QByteArray::number(quint64(QDateTime::currentMSecsSinceEpoch()), 16);
    MockRequestContext context(request, json, jsonValid, config, fault, requestId);

    ResponsePlan plan;
    if (endpoint == Endpoint::Unknown) {
        plan = MockResponses::error(format, 404, QStringLiteral("invalid_request_error"),
                                    QStringLiteral("Invalid URL (%1 %2)")
                                        .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.path)));
    } else if (request.method != expectedMethod(endpoint)) {
        plan = MockResponses::error(format, 405, QStringLiteral("invalid_request_error"),
                                    QStringLiteral("Method %1 not allowed on %2")
                                        .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.path)));
        plan.addHeader("allow", expectedMethod(endpoint));
    } else if (auto faultPlan = chat ? std::nullopt
                                     : MockFaults::errorPlan(fault, format, false, request, config)) {
        plan = *faultPlan;
    } else {
        switch (endpoint) {
        case Endpoint::ChatCompletions: plan = OpenAiHandler::chatCompletions(context); break;
        case Endpoint::Messages: plan = AnthropicHandler::messages(context); break;
        case Endpoint::Models: plan = OpenAiHandler::models(context); break;
        case Endpoint::OllamaTags: plan = OpenAiHandler::ollamaTags(context); break;
        case Endpoint::Stats: plan = MockResponses::json(200, statsJson(state)); break;
        default: plan = OpenAiHandler::health(context); break;
        }
    }

    MockFaults::applyToPlan(fault, plan, request, config);
    if (plan.tokensServed > 0)
        state.addTokensServed(plan.tokensServed);
    plan.addHeader(format == ApiFormat::Anthropic ? "request-id" : "x-request-id", requestId);
    addRateLimitHeaders(plan, format, config.rateLimits, serial, state.tokensServed());
    return plan;
}

} // namespace Madf::Test

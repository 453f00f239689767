#include "mockfaults.h"

#include "httpconnection.h"

namespace Madf::Test {

namespace {

struct ErrorFault
{
    const char *name;
    int status;
    const char *openAiType;
    const char *openAiCode;
    const char *openAiMessage;
    int anthropicStatus;
    const char *anthropicType;
    const char *anthropicMessage;
};

// OpenAI shapes follow its API reference; Anthropic's its error table. Anthropic has
// no quota error code: an exhausted balance is a 400 that must not be retried.
constexpr ErrorFault kErrorFaults[] = {
    {"400", 400, "invalid_request_error", nullptr, "Mock fault: the request is invalid.",
     400, "invalid_request_error", "Mock fault: the request is invalid."},
    {"401", 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.",
     401, "authentication_error", "invalid x-api-key"},
    {"403", 403, "permission_error", "permission_denied", "You are not allowed to use this model.",
     403, "permission_error", "Your API key does not have permission to use the specified resource."},
    {"404", 404, "invalid_request_error", "model_not_found", "The model does not exist or you do not have access to it.",
     404, "not_found_error", "The requested resource could not be found."},
    {"408", 408, "server_error", "timeout", "Request timed out.",
     408, "timeout_error", "Request timed out."},
    {"409", 409, "invalid_request_error", "conflict", "Mock fault: conflict.",
     409, "api_error", "Mock fault: conflict."},
    {"413", 413, "invalid_request_error", "request_too_large", "Request too large.",
     413, "request_too_large", "Request exceeds the maximum allowed number of bytes."},
    {"422", 422, "invalid_request_error", "unprocessable_entity", "Mock fault: unprocessable entity.",
     422, "invalid_request_error", "Mock fault: unprocessable entity."},
    {"429", 429, "requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again in 1s.",
     429, "rate_limit_error", "Number of requests has exceeded your rate limit. Please try again later."},
    {"quota", 429, "insufficient_quota", "insufficient_quota",
     "You exceeded your current quota, please check your plan and billing details.",
     400, "invalid_request_error", "Your credit balance is too low to access the Anthropic API."},
    {"500", 500, "server_error", nullptr, "The server had an error while processing your request. Sorry about that!",
     500, "api_error", "Internal server error"},
    {"502", 502, "server_error", nullptr, "Bad gateway.",
     502, "api_error", "Bad gateway."},
    {"503", 503, "server_error", nullptr, "The engine is currently overloaded, please try again later.",
     503, "api_error", "Service unavailable."},
    {"529", 529, "server_error", "overloaded", "The server is overloaded.",
     529, "overloaded_error", "Overloaded"},
    {"should-retry-false", 500, "server_error", nullptr, "Mock fault: a server error not to retry.",
     500, "api_error", "Mock fault: a server error not to retry."},
    {"should-retry-true", 400, "invalid_request_error", nullptr, "Mock fault: a client error to retry.",
     400, "invalid_request_error", "Mock fault: a client error to retry."},
};

const char *const kBehaviourFaults[] = {"stall", "cut", "malformed", "midstream-error", "slow-headers", "drop"};

const ErrorFault *findErrorFault(const QByteArray &fault)
{
    for (const ErrorFault &f : kErrorFaults) {
        if (fault == f.name)
            return &f;
    }
    return nullptr;
}

QString str(const char *s)
{
    return s ? QString::fromLatin1(s) : QString();
}

void addRetryAfter(ResponsePlan &plan, const HttpRequest &request, const MockLlmConfig &config, bool always)
{
    const QByteArray retryAfter = request.header("x-mock-retry-after");
    if (!retryAfter.isEmpty())
        plan.addHeader("retry-after", retryAfter);
    else if (always)
        plan.addHeader("retry-after", QByteArray::number(config.retryAfterSeconds));
    const QByteArray retryAfterMs = request.header("x-mock-retry-after-ms");
    if (!retryAfterMs.isEmpty())
        plan.addHeader("retry-after-ms", retryAfterMs);
}

} // namespace

QByteArray MockFaults::select(const HttpRequest &request, const QJsonObject &body, MockServerState &state)
{
    QByteArray fault = request.header("x-mock-fault").trimmed().toLower();
    if (fault.isEmpty()) {
        const QByteArray model = body.value(QLatin1String("model")).toString().toUtf8();
        if (model.startsWith("mock-fault-"))
            fault = model.sliced(int(qstrlen("mock-fault-")));
    }
    if (fault.isEmpty())
        return {};
    bool ok = false;
    const int count = request.header("x-mock-fault-count").toInt(&ok);
    const QByteArray key = fault + '|' + request.header("x-mock-fault-key");
    return state.takeFault(key, ok ? count : -1) ? fault : QByteArray();
}

bool MockFaults::isKnown(const QByteArray &fault)
{
    if (findErrorFault(fault))
        return true;
    for (const char *name : kBehaviourFaults) {
        if (fault == name)
            return true;
    }
    return false;
}

bool MockFaults::isStreamFault(const QByteArray &fault)
{
    return fault == "stall" || fault == "cut" || fault == "malformed" || fault == "midstream-error";
}

std::optional<ResponsePlan> MockFaults::errorPlan(const QByteArray &fault, ApiFormat format, bool streamed,
                                                  const HttpRequest &request, const MockLlmConfig &config)
{
    if (fault.isEmpty())
        return std::nullopt;
    const bool anthropic = format == ApiFormat::Anthropic;
    if (!isKnown(fault)) {
        return MockResponses::error(format, 400, QStringLiteral("invalid_request_error"),
                                    QStringLiteral("Mock server: unknown fault '%1'.").arg(QString::fromUtf8(fault)));
    }
    // A reply that is not streamed has no middle: the overload comes as a status instead.
    const QByteArray effective = (fault == "midstream-error" && !streamed) ? QByteArray(anthropic ? "529" : "503") : fault;
    const ErrorFault *f = findErrorFault(effective);
    if (!f)
        return std::nullopt;

    ResponsePlan plan = anthropic
        ? MockResponses::error(format, f->anthropicStatus, str(f->anthropicType), str(f->anthropicMessage))
        : MockResponses::error(format, f->status, str(f->openAiType), str(f->openAiMessage), str(f->openAiCode));
    addRetryAfter(plan, request, config, effective == "429");
    if (effective == "should-retry-false")
        plan.addHeader("x-should-retry", "false");
    else if (effective == "should-retry-true")
        plan.addHeader("x-should-retry", "true");
    return plan;
}

void MockFaults::applyToPlan(const QByteArray &fault, ResponsePlan &plan, const HttpRequest &request,
                             const MockLlmConfig &config)
{
    if (fault == "slow-headers") {
        bool ok = false;
        const int delay = request.header("x-mock-delay-ms").toInt(&ok);
        const qint64 extra = ok ? delay : config.slowHeadersMs;
        plan.delayMs += extra;
        for (StreamStep &step : plan.steps)
            step.atMs += extra;
    } else if (fault == "drop") {
        plan.ending = ResponsePlan::Ending::Drop;
    } else if (!plan.streamed) {
        if (fault == "stall") {
            plan.ending = ResponsePlan::Ending::Stall;
        } else if (fault == "cut") {
            plan.ending = ResponsePlan::Ending::Cut;
            plan.cutAfterBytes = plan.body.size() / 2;
        } else if (fault == "malformed") {
            plan.body = plan.body.first(plan.body.size() / 2);
        }
    }
}

} // namespace Madf::Test

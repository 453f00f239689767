#include "core/llm/retrypolicy.h"
#include "core/llm/wireformat.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

using namespace Madf;

Q_DECLARE_METATYPE(Madf::LlmErrorKind)

// Madf::toString(LlmErrorKind) returns a QString, which QCOMPARE's own toString
// lookup cannot use: compare the names, which also reads well on failure.
#define QCOMPARE_KIND(actual, expected) QCOMPARE(Madf::toString(actual), Madf::toString(expected))

using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

QByteArray recorded(const QString &fileName)
{
    QFile file(QStringLiteral(MADF_SHARED_DIR "/reference/recorded/") + fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray openAiError(const char *message, const char *type, const char *code)
{
    return QByteArray(R"({"error":{"message":")") + message + R"(","type":")" + type + R"(","param":null,"code":)"
        + (code ? QByteArray("\"") + code + "\"" : QByteArray("null")) + "}}";
}

QByteArray anthropicError(const char *type, const char *message)
{
    return QByteArray(R"({"type":"error","error":{"type":")") + type + R"(","message":")" + message
        + R"("},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"})";
}

} // namespace

class TestApiErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void recordedUnsupportedParameter();
    void errorKindNames();
    void adviceIsActionable();
};

void TestApiErrors::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<LlmErrorKind>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("message");

    const Headers none;
    // OpenAI bodies.
    QTest::newRow("400 openai invalid request")
        << 400 << openAiError("Invalid value for 'temperature'", "invalid_request_error", "invalid_value") << none
        << LlmErrorKind::InvalidRequest << false << QStringLiteral("Invalid value for 'temperature'");
    QTest::newRow("400 context length")
        << 400 << openAiError("This model's maximum context length is 128000 tokens.", "invalid_request_error", "context_length_exceeded")
        << none << LlmErrorKind::InvalidRequest << false << QString();
    QTest::newRow("401 openai bad key")
        << 401 << openAiError("Incorrect API key provided: sk-abc***.", "invalid_request_error", "invalid_api_key") << none
        << LlmErrorKind::Auth << false << QStringLiteral("Incorrect API key provided: sk-abc***.");
    QTest::newRow("403 openai region")
        << 403 << openAiError("Country, region, or territory not supported", "request_forbidden", "unsupported_country_region_territory")
        << none << LlmErrorKind::PermissionDenied << false << QString();
    QTest::newRow("404 openai model")
        << 404 << openAiError("The model `gpt-9` does not exist", "invalid_request_error", "model_not_found") << none
        << LlmErrorKind::NotFound << false << QStringLiteral("The model `gpt-9` does not exist");
    QTest::newRow("408") << 408 << openAiError("Request timed out.", "server_error", "timeout") << none
                         << LlmErrorKind::Timeout << true << QString();
    QTest::newRow("409") << 409 << openAiError("Conflict.", "invalid_request_error", "conflict") << none
                         << LlmErrorKind::ServerError << true << QString();
    QTest::newRow("422") << 422 << openAiError("Unprocessable.", "invalid_request_error", nullptr) << none
                         << LlmErrorKind::InvalidRequest << false << QString();
    QTest::newRow("429 openai rate limit")
        << 429 << openAiError("Rate limit reached for gpt-4o on tokens per min (TPM).", "tokens", "rate_limit_exceeded")
        << none << LlmErrorKind::RateLimited << true << QString();
    QTest::newRow("429 insufficient_quota (code)")
        << 429 << openAiError("You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota")
        << none << LlmErrorKind::QuotaExceeded << false << QString();
    QTest::newRow("429 insufficient_quota (type only)")
        << 429 << openAiError("You exceeded your current quota.", "insufficient_quota", nullptr) << none
        << LlmErrorKind::QuotaExceeded << false << QString();
    QTest::newRow("429 insufficient_quota (code only)")
        << 429 << openAiError("You exceeded your current quota.", "requests", "insufficient_quota") << none
        << LlmErrorKind::QuotaExceeded << false << QString();
    QTest::newRow("500 openai") << 500 << openAiError("The server had an error while processing your request.", "server_error", nullptr)
                                << none << LlmErrorKind::ServerError << true << QString();
    QTest::newRow("503 overloaded") << 503 << openAiError("The engine is currently overloaded, please try again later.", "server_error", nullptr)
                                    << none << LlmErrorKind::Overloaded << true << QString();
    QTest::newRow("503 plain unavailable") << 503 << openAiError("Service temporarily unavailable.", "server_error", nullptr)
                                           << none << LlmErrorKind::ServerError << true << QString();
    QTest::newRow("504") << 504 << openAiError("Gateway timeout.", "server_error", nullptr) << none
                         << LlmErrorKind::ServerError << true << QString();
    QTest::newRow("other 5xx (520)") << 520 << QByteArray() << none << LlmErrorKind::ServerError << true
                                     << QStringLiteral("HTTP 520");

    // Anthropic bodies.
    QTest::newRow("400 anthropic") << 400 << anthropicError("invalid_request_error", "max_tokens: Field required") << none
                                   << LlmErrorKind::InvalidRequest << false << QStringLiteral("max_tokens: Field required");
    QTest::newRow("400 anthropic credit balance")
        << 400 << anthropicError("invalid_request_error", "Your credit balance is too low to access the Anthropic API.")
        << none << LlmErrorKind::QuotaExceeded << false << QString();
    QTest::newRow("401 anthropic") << 401 << anthropicError("authentication_error", "invalid x-api-key") << none
                                   << LlmErrorKind::Auth << false << QStringLiteral("invalid x-api-key");
    QTest::newRow("403 anthropic") << 403 << anthropicError("permission_error", "Your API key does not have permission")
                                   << none << LlmErrorKind::PermissionDenied << false << QString();
    QTest::newRow("404 anthropic") << 404 << anthropicError("not_found_error", "model: claude-9") << none
                                   << LlmErrorKind::NotFound << false << QString();
    QTest::newRow("413 anthropic") << 413 << anthropicError("request_too_large", "Request exceeds the maximum allowed number of bytes.")
                                   << none << LlmErrorKind::InvalidRequest << false << QString();
    QTest::newRow("429 anthropic") << 429 << anthropicError("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
                                   << Headers{{"retry-after", "12"}} << LlmErrorKind::RateLimited << true << QString();
    QTest::newRow("500 anthropic") << 500 << anthropicError("api_error", "Internal server error") << none
                                   << LlmErrorKind::ServerError << true << QStringLiteral("Internal server error");
    QTest::newRow("529 anthropic") << 529 << anthropicError("overloaded_error", "Overloaded") << none
                                   << LlmErrorKind::Overloaded << true << QStringLiteral("Overloaded");
    QTest::newRow("402 OpenRouter credits") << 402 << QByteArray(R"({"error":{"message":"Insufficient credits","code":402}})")
                                            << none << LlmErrorKind::QuotaExceeded << false << QStringLiteral("Insufficient credits");

    // x-should-retry overrides the status, both ways, whatever the case of name and value.
    QTest::newRow("500 with x-should-retry: false")
        << 500 << anthropicError("api_error", "Internal server error") << Headers{{"x-should-retry", "false"}}
        << LlmErrorKind::ServerError << false << QString();
    QTest::newRow("400 with x-should-retry: true")
        << 400 << anthropicError("invalid_request_error", "try again") << Headers{{"x-should-retry", "true"}}
        << LlmErrorKind::InvalidRequest << true << QString();
    QTest::newRow("429 with X-Should-Retry: FALSE")
        << 429 << openAiError("Rate limit reached", "requests", "rate_limit_exceeded")
        << Headers{{"Content-Type", "application/json"}, {"X-Should-Retry", "FALSE"}} << LlmErrorKind::RateLimited
        << false << QString();
    QTest::newRow("insufficient_quota with x-should-retry: true")
        << 429 << openAiError("quota", "insufficient_quota", "insufficient_quota") << Headers{{"x-should-retry", " true "}}
        << LlmErrorKind::QuotaExceeded << true << QString();
    QTest::newRow("x-should-retry garbage ignored")
        << 503 << QByteArray() << Headers{{"x-should-retry", "maybe"}} << LlmErrorKind::ServerError << true
        << QStringLiteral("HTTP 503 Service Unavailable");

    // Bodies that are not OpenAI's or Anthropic's, or not JSON at all.
    QTest::newRow("502 HTML from a proxy") << 502 << QByteArray("<html><head><title>502 Bad Gateway</title></head></html>")
                                           << none << LlmErrorKind::ServerError << true
                                           << QStringLiteral("HTTP 502 Bad Gateway");
    QTest::newRow("401 plain text") << 401 << QByteArray("Unauthorized") << none << LlmErrorKind::Auth << false
                                    << QStringLiteral("HTTP 401 Unauthorized");
    QTest::newRow("429 empty body") << 429 << QByteArray() << none << LlmErrorKind::RateLimited << true
                                    << QStringLiteral("HTTP 429 Too Many Requests");
    QTest::newRow("529 empty body") << 529 << QByteArray() << none << LlmErrorKind::Overloaded << true
                                    << QStringLiteral("HTTP 529 Overloaded");
    QTest::newRow("413 from nginx") << 413 << QByteArray("<html>413 Request Entity Too Large</html>") << none
                                    << LlmErrorKind::InvalidRequest << false << QStringLiteral("HTTP 413 Content Too Large");
    QTest::newRow("404 Ollama string error")
        << 404 << QByteArray(R"({"error":"model \"llama9\" not found, try pulling it first"})") << none
        << LlmErrorKind::NotFound << false << QStringLiteral("model \"llama9\" not found, try pulling it first");
    QTest::newRow("400 vLLM error object")
        << 400 << QByteArray(R"({"object":"error","message":"max_tokens is too large","type":"BadRequestError","param":null,"code":400})")
        << none << LlmErrorKind::InvalidRequest << false << QStringLiteral("max_tokens is too large");
    QTest::newRow("404 FastAPI detail") << 404 << QByteArray(R"({"detail":"Not Found"})") << none
                                        << LlmErrorKind::NotFound << false << QStringLiteral("Not Found");
    QTest::newRow("503 llama.cpp loading")
        << 503 << QByteArray(R"({"error":{"code":503,"message":"Loading model","type":"unavailable_error"}})") << none
        << LlmErrorKind::ServerError << true << QStringLiteral("Loading model");
    QTest::newRow("405 other 4xx") << 405 << QByteArray() << none << LlmErrorKind::InvalidRequest << false
                                   << QStringLiteral("HTTP 405 Method Not Allowed");
}

void TestApiErrors::classify()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Headers, headers);
    QFETCH(LlmErrorKind, kind);
    QFETCH(bool, retryable);
    QFETCH(QString, message);

    // Either format must understand any error body: proxies mix them up.
    for (const char *api : {"openai", "anthropic"}) {
        const auto format = createWireFormat(QLatin1String(api));
        QVERIFY(format);
        const ApiError error = format->parseError(status, body, headers);
        QCOMPARE_KIND(error.kind, kind);
        QCOMPARE(error.retryable, retryable);
        QCOMPARE(RetryPolicy::isRetryable(error), retryable);
        QVERIFY(!error.message.isEmpty());
        if (!message.isEmpty())
            QCOMPARE(error.message, message);
    }
}

void TestApiErrors::recordedUnsupportedParameter()
{
    const QByteArray body = recorded(QStringLiteral("openai-error-unsupported-parameter.json"));
    QVERIFY(!body.isEmpty());
    const ApiError error = createWireFormat(QStringLiteral("openai"))->parseError(400, body, {});
    QCOMPARE_KIND(error.kind, LlmErrorKind::InvalidRequest);
    QVERIFY(!error.retryable);
    QVERIFY(!RetryPolicy::isRetryable(error));
    QCOMPARE(error.type, QStringLiteral("invalid_request_error"));
    QCOMPARE(error.code, QStringLiteral("unsupported_parameter"));
    QVERIFY(error.message.contains(QLatin1String("Use 'max_completion_tokens' instead.")));
}

void TestApiErrors::errorKindNames()
{
    const QList<QPair<LlmErrorKind, QString>> names{
        {LlmErrorKind::None, "none"},
        {LlmErrorKind::Timeout, "timeout"},
        {LlmErrorKind::RateLimited, "rate_limited"},
        {LlmErrorKind::QuotaExceeded, "quota_exceeded"},
        {LlmErrorKind::Auth, "auth"},
        {LlmErrorKind::PermissionDenied, "permission_denied"},
        {LlmErrorKind::NotFound, "not_found"},
        {LlmErrorKind::InvalidRequest, "invalid_request"},
        {LlmErrorKind::ServerError, "server_error"},
        {LlmErrorKind::Overloaded, "overloaded"},
        {LlmErrorKind::Network, "network"},
        {LlmErrorKind::MalformedReply, "malformed_reply"},
        {LlmErrorKind::Cancelled, "cancelled"},
        {LlmErrorKind::NoProvider, "no_provider"},
    };
    for (const auto &[kind, name] : names) {
        QCOMPARE(toString(kind), name);
        bool ok = false;
        QCOMPARE_KIND(llmErrorKindFromString(name, &ok), kind);
        QVERIFY(ok);
        QCOMPARE_KIND(llmErrorKindFromString(name.toUpper()), kind);
    }
    bool ok = true;
    QCOMPARE_KIND(llmErrorKindFromString(QStringLiteral("canceled"), &ok), LlmErrorKind::Cancelled);
    QVERIFY(ok);
    QCOMPARE_KIND(llmErrorKindFromString(QStringLiteral("exploded"), &ok), LlmErrorKind::None);
    QVERIFY(!ok);
}

void TestApiErrors::adviceIsActionable()
{
    QVERIFY(llmErrorAdvice(LlmErrorKind::None).isEmpty());
    QVERIFY(llmErrorAdvice(LlmErrorKind::QuotaExceeded).contains(QLatin1String("billing")));
    QVERIFY(llmErrorAdvice(LlmErrorKind::QuotaExceeded).contains(QLatin1String("Not retried")));
    QVERIFY(llmErrorAdvice(LlmErrorKind::Auth).contains(QLatin1String("key")));
    QVERIFY(llmErrorAdvice(LlmErrorKind::NotFound).contains(QLatin1String("model name")));
    QVERIFY(llmErrorAdvice(LlmErrorKind::RateLimited).contains(QLatin1String("Retried")));
    QStringList seen;
    for (int k = int(LlmErrorKind::Timeout); k <= int(LlmErrorKind::NoProvider); ++k) {
        const QString advice = llmErrorAdvice(LlmErrorKind(k));
        QVERIFY2(!advice.isEmpty(), qPrintable(toString(LlmErrorKind(k))));
        QVERIFY2(advice.size() < 200, qPrintable(advice)); // short enough for a status line
        QVERIFY(!seen.contains(advice));
        seen.append(advice);
    }
}

QTEST_GUILESS_MAIN(TestApiErrors)
#include "tst_apierrors.moc"

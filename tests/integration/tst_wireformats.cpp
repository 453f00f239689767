// The wire formats against the project's mock LLM server over real HTTP:
// what OpenAiFormat/AnthropicFormat send is what the server accepts, and
// what it answers (replies, streams, errors, faults) is what they read.

#include "core/llm/retrypolicy.h"
#include "core/llm/wireformat.h"
#include "mockllmserver.h"
#include "testhttpclient.h"

#include <QTest>

#include <memory>

using namespace Madf;
using Madf::Test::MockLlmServer;
using Madf::Test::TestHttpClient;
using Madf::Test::TestHttpReply;

Q_DECLARE_METATYPE(Madf::LlmErrorKind)

// QCOMPARE cannot print an LlmErrorKind (ADL finds Madf::toString, which returns a QString).
#define QCOMPARE_KIND(actual, expected) QCOMPARE(Madf::toString(actual), Madf::toString(expected))

namespace {

const QString kReply = QStringLiteral("The capital of Denmark is Copenhagen, on the island of Zealand.");

LlmRequest request(const QString &model, bool stream)
{
    LlmRequest r;
    r.model = model;
    r.system = QStringLiteral("You answer geography questions in one sentence.");
    r.messages = {LlmMessage{QStringLiteral("user"),
                             QStringLiteral("What is the capital of Denmark?\nMOCK_REPLY: ") + kReply}};
    r.maxTokens = 200;
    r.stream = stream;
    return r;
}

struct Exchange
{
    TestHttpReply http;
    ParsedReply reply;
    ApiError error;     ///< from parseError (HTTP status) or the stream decoder
    QString malformed;
    bool complete = false;
};

} // namespace

class TestWireFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void reasoningModelOptions();
    void faults_data();
    void faults();
    void streamFaults_data();
    void streamFaults();
    void modelLists();
    void qtTransferTimeoutLooksLikeCancel();

private:
    Exchange send(const WireFormat &format, const LlmRequest &request, const Test::HttpHeaders &extra = {});
    QUrl base(const WireFormat &format) const;

    std::unique_ptr<MockLlmServer> m_server;
    TestHttpClient m_client;
};

void TestWireFormats::init()
{
    m_server = std::make_unique<MockLlmServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_server->setTimeToFirstTokenMs(0);
    m_server->setTokensPerSecond(0); // as fast as it can
}

void TestWireFormats::cleanup()
{
    m_server.reset();
}

QUrl TestWireFormats::base(const WireFormat &format) const
{
    // OpenAI clients are configured with .../v1; Anthropic's path carries /v1 itself.
    return format.name() == QLatin1String("openai") ? m_server->openAiBaseUrl() : m_server->baseUrl();
}

Exchange TestWireFormats::send(const WireFormat &format, const LlmRequest &request, const Test::HttpHeaders &extra)
{
    const HttpRequestSpec spec = format.buildRequest(request);
    Exchange x;
    x.http = m_client.send(spec.method, QUrl(base(format).toString() + spec.path), spec.body, spec.headers + extra, 20000);
    if (x.http.status != 200) {
        x.error = format.parseError(x.http.status, x.http.body, x.http.headers);
        return x;
    }
    if (!request.stream) {
        x.reply = format.parseReply(x.http.body, &x.malformed);
        return x;
    }
    const auto decoder = format.streamDecoder();
    for (const SseEvent &event : std::as_const(x.http.events)) {
        ApiError error;
        decoder->onEvent(event, &error);
        if (error.kind != LlmErrorKind::None && x.error.kind == LlmErrorKind::None)
            x.error = error;
    }
    x.reply = decoder->reply();
    x.complete = decoder->isComplete();
    return x;
}

void TestWireFormats::roundTrip_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");

    QTest::newRow("openai") << QStringLiteral("openai") << QStringLiteral("mock-gpt-4o") << false;
    QTest::newRow("openai streamed") << QStringLiteral("openai") << QStringLiteral("mock-gpt-4o") << true;
    QTest::newRow("openai gpt-5 streamed") << QStringLiteral("openai") << QStringLiteral("gpt-5-nano") << true;
    QTest::newRow("anthropic") << QStringLiteral("anthropic") << QStringLiteral("claude-3-5-sonnet") << false;
    QTest::newRow("anthropic streamed") << QStringLiteral("anthropic") << QStringLiteral("claude-3-5-sonnet") << true;
}

void TestWireFormats::roundTrip()
{
    QFETCH(QString, api);
    QFETCH(QString, model);
    QFETCH(bool, stream);

    const auto format = createWireFormat(api);
    LlmRequest r = request(model, stream);
    r.apiKey = QStringLiteral("sk-test-key");
    m_server->setRequiredApiKey(r.apiKey);
    const Exchange x = send(*format, r, {{"x-mock-cached-tokens", "8"}});

    QCOMPARE(x.http.status, 200);
    QVERIFY2(x.malformed.isEmpty(), qPrintable(x.malformed));
    QCOMPARE_KIND(x.error.kind, LlmErrorKind::None);
    QCOMPARE(x.reply.text, kReply);
    QCOMPARE(x.reply.finishReason, QStringLiteral("stop"));
    QVERIFY(x.reply.hasUsage);
    QVERIFY(x.reply.usage.promptTokens > 8);
    QCOMPARE(x.reply.usage.cachedPromptTokens, 8);
    QVERIFY(x.reply.usage.completionTokens > 0);
    QVERIFY(!x.reply.requestId.isEmpty());
    QCOMPARE(x.complete, stream);

    // A wrong key is refused, and read as such.
    r.apiKey = QStringLiteral("sk-wrong");
    const Exchange refused = send(*format, r);
    QCOMPARE(refused.http.status, 401);
    QCOMPARE_KIND(refused.error.kind, LlmErrorKind::Auth);
    QVERIFY(!refused.error.retryable);
}

void TestWireFormats::reasoningModelOptions()
{
    const auto format = createWireFormat(QStringLiteral("openai"));

    // A model the name rule does not know answers max_tokens with the recorded 400...
    LlmRequest r = request(QStringLiteral("mock-reasoning-large"), false);
    Exchange x = send(*format, r);
    QCOMPARE(x.http.status, 400);
    QCOMPARE_KIND(x.error.kind, LlmErrorKind::InvalidRequest);
    QVERIFY(!RetryPolicy::isRetryable(x.error));
    QCOMPARE(x.error.code, QStringLiteral("unsupported_parameter"));

    // ...which the per-model option fixes.
    r.extraBody.insert(QStringLiteral("max_tokens_field"), QStringLiteral("max_completion_tokens"));
    x = send(*format, r);
    QCOMPARE(x.http.status, 200);
    QCOMPARE(x.reply.text, kReply);

    // gpt-5 gets max_completion_tokens by name, but rejects a temperature...
    r = request(QStringLiteral("gpt-5-mini"), true);
    r.temperature = 0.3;
    x = send(*format, r);
    QCOMPARE(x.http.status, 400);
    QCOMPARE_KIND(x.error.kind, LlmErrorKind::InvalidRequest);
    QVERIFY(x.error.message.contains(QLatin1String("temperature")));

    // ...which `temperature: null` drops.
    r.extraBody.insert(QStringLiteral("temperature"), QVariant());
    x = send(*format, r);
    QCOMPARE(x.http.status, 200);
    QCOMPARE(x.reply.text, kReply);
    QVERIFY(x.complete);
}

void TestWireFormats::faults_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<LlmErrorKind>("kind");
    QTest::addColumn<bool>("retryable");

    struct Row { const char *fault; int status; LlmErrorKind kind; bool retryable; };
    const Row rows[] = {
        {"400", 400, LlmErrorKind::InvalidRequest, false},
        {"401", 401, LlmErrorKind::Auth, false},
        {"403", 403, LlmErrorKind::PermissionDenied, false},
        {"404", 404, LlmErrorKind::NotFound, false},
        {"408", 408, LlmErrorKind::Timeout, true},
        {"409", 409, LlmErrorKind::ServerError, true},
        {"413", 413, LlmErrorKind::InvalidRequest, false},
        {"422", 422, LlmErrorKind::InvalidRequest, false},
        {"429", 429, LlmErrorKind::RateLimited, true},
        {"quota", 429, LlmErrorKind::QuotaExceeded, false},
        {"500", 500, LlmErrorKind::ServerError, true},
        {"502", 502, LlmErrorKind::ServerError, true},
        {"503", 503, LlmErrorKind::Overloaded, true},
        {"529", 529, LlmErrorKind::Overloaded, true},
        {"should-retry-false", 500, LlmErrorKind::ServerError, false},
        {"should-retry-true", 400, LlmErrorKind::InvalidRequest, true},
    };
    for (const char *api : {"openai", "anthropic"}) {
        for (const Row &row : rows) {
            if (qstrcmp(api, "anthropic") == 0 && (qstrcmp(row.fault, "quota") == 0 || qstrcmp(row.fault, "503") == 0))
                continue;
            QTest::addRow("%s %s", api, row.fault)
                << QString::fromLatin1(api) << QByteArray(row.fault) << row.status << row.kind << row.retryable;
        }
    }
    // Anthropic has no quota code: an empty balance is a 400 "credit balance is too low".
    QTest::newRow("anthropic quota") << QStringLiteral("anthropic") << QByteArray("quota") << 400
                                     << LlmErrorKind::QuotaExceeded << false;
    // Its 503 says "Service unavailable", not overloaded (529 is its overload).
    QTest::newRow("anthropic 503") << QStringLiteral("anthropic") << QByteArray("503") << 503
                                   << LlmErrorKind::ServerError << true;
}

void TestWireFormats::faults()
{
    QFETCH(QString, api);
    QFETCH(QByteArray, fault);
    QFETCH(int, status);
    QFETCH(LlmErrorKind, kind);
    QFETCH(bool, retryable);

    const auto format = createWireFormat(api);
    const Exchange x = send(*format, request(QStringLiteral("mock-model"), false), {{"x-mock-fault", fault}});
    QCOMPARE(x.http.status, status);
    QCOMPARE_KIND(x.error.kind, kind);
    QCOMPARE(RetryPolicy::isRetryable(x.error), retryable);
    QVERIFY(!x.error.message.isEmpty());
    if (fault == "429")
        QCOMPARE(RetryPolicy::retryAfterMs(x.http.headers, QDateTime::currentDateTimeUtc()).value_or(-1), 1000);
}

void TestWireFormats::streamFaults_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QByteArray>("fault");
    QTest::newRow("openai midstream-error") << QStringLiteral("openai") << QByteArray("midstream-error");
    QTest::newRow("anthropic midstream-error") << QStringLiteral("anthropic") << QByteArray("midstream-error");
    QTest::newRow("openai cut") << QStringLiteral("openai") << QByteArray("cut");
    QTest::newRow("anthropic cut") << QStringLiteral("anthropic") << QByteArray("cut");
}

void TestWireFormats::streamFaults()
{
    QFETCH(QString, api);
    QFETCH(QByteArray, fault);

    const auto format = createWireFormat(api);
    const Exchange x = send(*format, request(QStringLiteral("mock-model"), true), {{"x-mock-fault", fault}});
    QCOMPARE(x.http.status, 200);
    QVERIFY(!x.complete);
    QVERIFY(!x.reply.hasUsage); // to be estimated by the caller
    QVERIFY(!x.reply.text.isEmpty());
    QVERIFY(kReply.startsWith(x.reply.text));
    QVERIFY(x.reply.text != kReply);
    if (fault == "midstream-error") {
        QVERIFY(x.error.kind == LlmErrorKind::ServerError || x.error.kind == LlmErrorKind::Overloaded);
        QVERIFY(RetryPolicy::isRetryable(x.error));
    } else {
        QCOMPARE_KIND(x.error.kind, LlmErrorKind::None);
        QVERIFY(x.http.ssePending || x.http.error != QNetworkReply::NoError);
    }
}

void TestWireFormats::modelLists()
{
    m_server->setModels({QStringLiteral("mock-gpt-4o"), QStringLiteral("mock-claude")});
    for (const char *api : {"openai", "anthropic"}) {
        const auto format = createWireFormat(QLatin1String(api));
        const HttpRequestSpec spec = format->modelsRequest(QStringLiteral("sk-test"));
        const TestHttpReply http = m_client.send(spec.method, QUrl(base(*format).toString() + spec.path), spec.body,
                                                 spec.headers, 10000);
        QCOMPARE(http.status, 200);
        QCOMPARE(format->parseModels(http.body), QStringList({"mock-gpt-4o", "mock-claude"}));
    }
    const TestHttpReply tags = m_client.get(QUrl(m_server->baseUrl().toString() + QStringLiteral("/api/tags")));
    QCOMPARE(tags.status, 200);
    // Ollama names carry a tag.
    QCOMPARE(createWireFormat(QStringLiteral("openai"))->parseModels(tags.body),
             QStringList({"mock-gpt-4o:latest", "mock-claude:latest"}));
}

void TestWireFormats::qtTransferTimeoutLooksLikeCancel()
{
    // RetryPolicy tells the transport to remember why it aborted, because Qt 6.4
    // reports an expired transfer timeout as a cancel. This pins that fact down.
    const auto format = createWireFormat(QStringLiteral("openai"));
    const HttpRequestSpec spec = format->buildRequest(request(QStringLiteral("mock-model"), true));
    Test::HttpHeaders headers = spec.headers;
    headers.emplaceBack("x-mock-fault", "stall");
    const TestHttpReply http = m_client.send(spec.method, QUrl(base(*format).toString() + spec.path), spec.body,
                                             headers, 20000, 300);
    QVERIFY(!http.timedOut);
    QCOMPARE(http.error, QNetworkReply::OperationCanceledError);
    QCOMPARE_KIND(RetryPolicy::networkError(http.error, http.errorString).kind, LlmErrorKind::Cancelled);
    QCOMPARE_KIND(RetryPolicy::networkError(QNetworkReply::TimeoutError, http.errorString).kind, LlmErrorKind::Timeout);
}

QTEST_GUILESS_MAIN(TestWireFormats)
#include "tst_wireformats.moc"

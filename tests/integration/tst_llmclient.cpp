// LlmClient against the mock LLM server over loopback: replies in both wire
// formats, streaming, every error kind, usage and billing, timeouts,
// cancellation, unusable providers and discovery.
#include "tests/integration/llmtesting.h"
#include "tests/support/mockllmserver.h"

#include "core/llm/llmclient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

using namespace Madf;
using Madf::Test::MockLlmServer;
using Madf::Test::llmConfig;
using Madf::Test::llmRequest;
using Madf::Test::runCall;
using Madf::Test::waitForResult;

class TestLlmClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void replyInBothFormats_data();
    void replyInBothFormats();
    void streamingUnderArbitraryChunking_data();
    void streamingUnderArbitraryChunking();
    void everyErrorKind_data();
    void everyErrorKind();
    void unusableProviderFailsOnTheNextTurn();
    void usageWithCachedTokens();
    void completeStreamWithoutUsageIsEstimated();
    void cutStreamYieldsEstimatedUsage();
    void cancelMidStreamBillsOnlyWhatArrived();
    void cancelBeforeAnyByteCostsNothing();
    void stallHitsTheInactivityTimeout();
    void slowHeadersHitTheInactivityTimeout();
    void totalDeadline();
    void connectTimeout();
    void listModelsAndTestConnection();
    void testConnectionReportsARefusedKey();
    void testConnectionOfAnUnreachableServer();
    void simulatedProviderThroughTheClient();
    void droppedEndpointsAreAnnounced();

private:
    std::unique_ptr<MockLlmServer> m_mock;
};

void TestLlmClient::init()
{
    m_mock = std::make_unique<MockLlmServer>();
    QVERIFY(m_mock->start());
}

void TestLlmClient::cleanup()
{
    m_mock.reset();
}

void TestLlmClient::replyInBothFormats_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai") << "openai" << false;
    QTest::newRow("openai streamed") << "openai" << true;
    QTest::newRow("anthropic") << "anthropic" << false;
    QTest::newRow("anthropic streamed") << "anthropic" << true;
}

void TestLlmClient::replyInBothFormats()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    const QString base = api == "openai" ? m_mock->openAiBaseUrl().toString() : m_mock->baseUrl().toString();
    LlmClient client(llmConfig("mock", {base}, api));
    const QString model = api == "openai" ? "mock-gpt-4o" : "mock-claude-3-5-sonnet";
    const auto result = runCall(client, llmRequest("mock", "MOCK_REPLY: The report is ready for review.", stream, model));
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Ok);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::None);
    QCOMPARE(result->text, QStringLiteral("The report is ready for review."));
    QCOMPARE(result->finishReason, QStringLiteral("stop"));
    QCOMPARE(result->httpStatus, 200);
    QVERIFY(!result->requestId.isEmpty());
    QCOMPARE(result->endpoint, base);
    QCOMPARE(result->timings.attempts, 1);
    QVERIFY(!result->simulated);
    // The usage is the provider's, not ours.
    QVERIFY(!result->usage.estimated);
    QVERIFY(result->usage.promptTokens > 0);
    QVERIFY(result->usage.completionTokens > 0);
    QCOMPARE(m_mock->tokensServed(), result->usage.totalTokens());
    // The request carried what the API wants.
    const auto sent = m_mock->lastRequest();
    QCOMPARE(sent.json.value("stream").toBool(), stream);
    if (api == "anthropic")
        QCOMPARE(sent.header("anthropic-version"), QByteArray("2023-06-01"));
}

void TestLlmClient::streamingUnderArbitraryChunking_data()
{
    QTest::addColumn<QString>("api");
    QTest::newRow("openai") << "openai";
    QTest::newRow("anthropic") << "anthropic";
}

void TestLlmClient::streamingUnderArbitraryChunking()
{
    QFETCH(QString, api);
    // The mock paces tokens (x-mock-tps) and sends keep-alives: the client gets
    // many small reads, with lines split anywhere by TCP.
    const QString base = api == "openai" ? m_mock->openAiBaseUrl().toString() : m_mock->baseUrl().toString();
    LlmClient client(llmConfig("mock", {base}, api,
                               {{"x-mock-tps", "400"}, {"x-mock-ttft-ms", "100"}, {"x-mock-reply-tokens", "80"}}));
    m_mock->setKeepAliveIntervalMs(30);
    LlmCall *call = client.start(llmRequest("mock", "Tell me about the plan.", true,
                                            api == "openai" ? "mock-gpt-4o" : "mock-claude-3-5-sonnet"));
    QStringList deltas;
    connect(call, &LlmCall::textReceived, this, [&](const QString &d) { deltas << d; });
    const auto result = waitForResult(call);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Ok);
    QVERIFY2(deltas.size() > 10, qPrintable(QString::number(deltas.size())));
    QCOMPARE(deltas.join(QString()), result->text);
    QVERIFY(result->timings.firstTokenMs >= 90);
    QVERIFY(result->timings.firstTokenMs < result->timings.totalMs);
    QVERIFY(!result->usage.estimated);
}

void TestLlmClient::everyErrorKind_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("requests"); // with max_retries 1

    QTest::newRow("400") << "400" << false << "invalid_request" << 400 << 1;
    QTest::newRow("401") << "401" << false << "auth" << 401 << 1;
    QTest::newRow("403") << "403" << false << "permission_denied" << 403 << 1;
    QTest::newRow("404") << "404" << false << "not_found" << 404 << 1;
    QTest::newRow("408") << "408" << false << "timeout" << 408 << 2;
    QTest::newRow("413") << "413" << false << "invalid_request" << 413 << 1;
    QTest::newRow("422") << "422" << false << "invalid_request" << 422 << 1;
    QTest::newRow("429") << "429" << false << "rate_limited" << 429 << 2;
    QTest::newRow("quota") << "quota" << false << "quota_exceeded" << 429 << 1;
    QTest::newRow("500") << "500" << false << "server_error" << 500 << 2;
    QTest::newRow("502") << "502" << false << "server_error" << 502 << 2;
    QTest::newRow("503") << "503" << false << "overloaded" << 503 << 2;
    QTest::newRow("529") << "529" << false << "overloaded" << 529 << 2;
    QTest::newRow("malformed body") << "malformed" << false << "malformed_reply" << 200 << 1;
    QTest::newRow("cut body") << "cut" << false << "network" << 200 << 2;
    QTest::newRow("dropped connection") << "drop" << false << "network" << 0 << 2;
    QTest::newRow("cut stream") << "cut" << true << "network" << 200 << 2;
    QTest::newRow("midstream error") << "midstream-error" << true << "server_error" << 200 << 2;
    QTest::newRow("malformed stream") << "malformed" << true << "malformed_reply" << 200 << 1;
}

void TestLlmClient::everyErrorKind()
{
    QFETCH(QString, fault);
    QFETCH(bool, stream);
    QFETCH(QString, kind);
    QFETCH(int, httpStatus);
    QFETCH(int, requests);
    // retry-after-ms keeps the retries of this table quick.
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai",
                               {{"x-mock-fault", fault}, {"x-mock-retry-after-ms", "20"}}));
    LlmRequest request = llmRequest("mock", "Write the summary.", stream);
    request.maxRetries = 1;
    const auto result = runCall(client, request);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Failed);
    QCOMPARE(toString(result->errorKind), kind);
    QCOMPARE(result->httpStatus, httpStatus);
    QVERIFY(!result->errorMessage.isEmpty());
    QCOMPARE(result->timings.attempts, requests);
    if (fault == "drop") {
        // Qt resends a request once by itself when a reused keep-alive
        // connection closes before any byte of an answer (a stale connection).
        QVERIFY(m_mock->requestCount() >= requests);
    } else {
        QCOMPARE(m_mock->requestCount(), requests);
    }
    // Errors are not billed; only text that arrived is.
    if (!stream)
        QCOMPARE(result->usage.totalTokens(), 0);
}

void TestLlmClient::unusableProviderFailsOnTheNextTurn()
{
    Config config = llmConfig("mock", {m_mock->openAiBaseUrl().toString()});
    config.providers["mock"].local = false;
    config.providers["mock"].apiKeyEnv = "MADF_TEST_KEY_THAT_IS_NOT_SET";
    LlmClient client(config);

    LlmCall *noKey = client.start(llmRequest("mock", "Hi"));
    QSignalSpy noKeySpy(noKey, &LlmCall::finished);
    LlmCall *unknown = client.start(llmRequest("nonesuch", "Hi"));
    QSignalSpy unknownSpy(unknown, &LlmCall::finished);
    QCOMPARE(noKeySpy.count(), 0); // never before start() returned and we connected
    QVERIFY(noKeySpy.wait(2000));
    if (unknownSpy.isEmpty())
        QVERIFY(unknownSpy.wait(2000));

    const auto noKeyResult = noKeySpy.first().first().value<LlmResult>();
    QCOMPARE_KIND(noKeyResult.errorKind, LlmErrorKind::NoProvider);
    QVERIFY(noKeyResult.errorMessage.contains("mock"));
    QVERIFY(noKeyResult.errorMessage.contains("MADF_TEST_KEY_THAT_IS_NOT_SET"));
    const auto unknownResult = unknownSpy.first().first().value<LlmResult>();
    QCOMPARE_KIND(unknownResult.errorKind, LlmErrorKind::NoProvider);
    QVERIFY(unknownResult.errorMessage.contains("nonesuch"));
    QCOMPARE(m_mock->requestCount(), 0);

    // A key in the request makes it usable.
    LlmRequest withKey = llmRequest("mock", "MOCK_REPLY: fine");
    withKey.apiKey = "sk-test-1234567890";
    const auto ok = runCall(client, withKey);
    QVERIFY(ok && ok->ok());
    QCOMPARE(m_mock->lastRequest().header("authorization"), QByteArray("Bearer sk-test-1234567890"));
}

void TestLlmClient::usageWithCachedTokens()
{
    LlmClient openai(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai",
                               {{"x-mock-cached-tokens", "8"}, {"x-mock-reasoning-tokens", "5"}}));
    const auto a = runCall(openai, llmRequest("mock", "A long prompt that the provider has seen before, word for word."));
    QVERIFY(a && a->ok());
    QCOMPARE(a->usage.cachedPromptTokens, 8);
    QCOMPARE(a->usage.reasoningTokens, 5);
    QCOMPARE(a->usage.uncachedPromptTokens(), a->usage.promptTokens - 8);

    LlmClient anthropic(llmConfig("anth", {m_mock->baseUrl().toString()}, "anthropic",
                                  {{"x-mock-cached-tokens", "6"}, {"x-mock-cache-write-tokens", "4"}}));
    const auto b = runCall(anthropic, llmRequest("anth", "The same long prompt again, word for word.", true,
                                                 "mock-claude-3-5-sonnet"));
    QVERIFY(b && b->ok());
    QCOMPARE(b->usage.cachedPromptTokens, 6);
    QCOMPARE(b->usage.cacheWriteTokens, 4);
    QVERIFY(b->usage.promptTokens >= 10);
}

void TestLlmClient::completeStreamWithoutUsageIsEstimated()
{
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}));
    LlmRequest request = llmRequest("mock", "MOCK_REPLY: Five words of plain text.", true);
    request.extraBody.insert("stream_options", QVariant()); // a server that never sends the usage chunk
    const auto result = runCall(client, request);
    QVERIFY(result && result->ok());
    QVERIFY(!m_mock->lastRequest().json.contains("stream_options"));
    QVERIFY(result->usage.estimated);
    QVERIFY(result->usage.promptTokens > 0);
    QVERIFY(result->usage.completionTokens >= 4 && result->usage.completionTokens <= 12);
}

void TestLlmClient::cutStreamYieldsEstimatedUsage()
{
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai",
                               {{"x-mock-fault", "cut"}, {"x-mock-reply-tokens", "40"}}));
    LlmRequest request = llmRequest("mock", "Write the introduction.", true);
    request.maxRetries = 0;
    QString received;
    LlmCall *call = client.start(request);
    connect(call, &LlmCall::textReceived, this, [&](const QString &d) { received += d; });
    const auto result = waitForResult(call);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Failed);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Network);
    QVERIFY(!received.isEmpty());
    // What arrived is billed, estimated and said to be.
    QVERIFY(result->usage.estimated);
    QVERIFY(result->usage.promptTokens > 0);
    QVERIFY(result->usage.completionTokens > 0);
    QVERIFY(result->usage.completionTokens < 40);
}

void TestLlmClient::cancelMidStreamBillsOnlyWhatArrived()
{
    // 60 tokens at 20 a second: three seconds of stream.
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai",
                               {{"x-mock-tps", "20"}, {"x-mock-reply-tokens", "60"}}));
    LlmCall *call = client.start(llmRequest("mock", "Write the conclusion.", true));
    QString received;
    connect(call, &LlmCall::textReceived, call, [&](const QString &d) {
        received += d;
        if (received.split(' ', Qt::SkipEmptyParts).size() >= 3)
            call->cancel();
    });
    QSignalSpy retrying(call, &LlmCall::retrying);
    QElapsedTimer timer;
    timer.start();
    const auto result = waitForResult(call);
    QVERIFY(result);
    QVERIFY(timer.elapsed() < 2500);
    QCOMPARE(result->status, LlmResult::Cancelled);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Cancelled);
    QCOMPARE(retrying.count(), 0);
    QTest::qWait(300);
    QCOMPARE(m_mock->requestCount(), 1); // never retried
    QVERIFY(result->usage.estimated);
    QVERIFY(result->usage.completionTokens >= 1);
    QVERIFY2(result->usage.completionTokens <= 10, qPrintable(QString::number(result->usage.completionTokens)));
}

void TestLlmClient::cancelBeforeAnyByteCostsNothing()
{
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai", {{"x-mock-ttft-ms", "2000"}}));
    LlmCall *call = client.start(llmRequest("mock", "Write the conclusion.", true));
    QTimer::singleShot(150, call, [call] { call->cancel(); });
    const auto result = waitForResult(call);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Cancelled);
    QCOMPARE(result->usage, TokenUsage());
    QVERIFY(result->timings.totalMs < 1000);
}

void TestLlmClient::stallHitsTheInactivityTimeout()
{
    Config config = llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai", {{"x-mock-fault", "stall"}});
    config.providers["mock"].inactivityTimeout = 1;
    m_mock->setKeepAliveIntervalMs(60000); // no keep-alive either
    LlmClient client(config);
    LlmRequest request = llmRequest("mock", "Write the methods section.", true);
    request.maxRetries = 0;
    QElapsedTimer timer;
    timer.start();
    const auto result = runCall(client, request);
    QVERIFY(result);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Timeout);
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(result->errorMessage.contains("1 s"));
    QVERIFY(result->usage.estimated); // the half that arrived
}

void TestLlmClient::slowHeadersHitTheInactivityTimeout()
{
    Config config = llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai",
                              {{"x-mock-fault", "slow-headers"}, {"x-mock-delay-ms", "3000"}});
    config.providers["mock"].inactivityTimeout = 1;
    LlmClient client(config);
    LlmRequest request = llmRequest("mock", "Write the methods section.");
    request.maxRetries = 0;
    QElapsedTimer timer;
    timer.start();
    const auto result = runCall(client, request);
    QVERIFY(result);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Timeout);
    QVERIFY(timer.elapsed() < 2800);
}

void TestLlmClient::totalDeadline()
{
    // Each attempt stalls past the deadline; no retry may start after it.
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai", {{"x-mock-ttft-ms", "5000"}}));
    LlmRequest request = llmRequest("mock", "Write the abstract.");
    request.timeoutMs = 1000;
    request.maxRetries = 5;
    QElapsedTimer timer;
    timer.start();
    const auto result = runCall(client, request);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Failed);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Timeout);
    QVERIFY2(timer.elapsed() >= 950 && timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(result->timings.attempts, 1);
    QTest::qWait(200);
    QCOMPARE(m_mock->requestCount(), 1);
}

void TestLlmClient::connectTimeout()
{
    // A listening socket whose accept queue is full drops new SYNs: the
    // connection never comes up, as with a host that does not answer.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    QCOMPARE(::listen(fd, 0), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    const quint16 port = ntohs(addr.sin_port);
    QList<int> fillers;
    for (int i = 0; i < 3; ++i) {
        const int f = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        ::connect(f, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        fillers << f;
    }
    QTest::qWait(100);

    Config config = llmConfig("dead", {QStringLiteral("http://127.0.0.1:%1/v1").arg(port)});
    config.providers["dead"].connectTimeout = 1;
    LlmClient client(config);
    LlmRequest request = llmRequest("dead", "Hello?");
    request.maxRetries = 0;
    QElapsedTimer timer;
    timer.start();
    const auto result = runCall(client, request);
    for (int f : fillers)
        ::close(f);
    ::close(fd);
    QVERIFY(result);
    if (result->errorKind != LlmErrorKind::Timeout && timer.elapsed() < 500)
        QSKIP("This kernel refuses instead of dropping SYNs on a full accept queue.");
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Timeout);
    QVERIFY(result->errorMessage.contains("connect"));
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void TestLlmClient::listModelsAndTestConnection()
{
    m_mock->setModels({"mock-gpt-4o", "mock-llama3:8b"});
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}));
    QStringList models;
    QString error;
    bool listed = false;
    client.listModels("mock", this, [&](QStringList m, QString e) {
        models = m;
        error = e;
        listed = true;
    });
    QVERIFY(!listed); // reported from the event loop
    QTRY_VERIFY(listed);
    QCOMPARE(models, QStringList({"mock-gpt-4o", "mock-llama3:8b"}));
    QVERIFY(error.isEmpty());

    std::optional<ConnectionReport> report;
    client.testConnection("mock", this, [&](ConnectionReport r) { report = r; });
    QTRY_VERIFY(report.has_value());
    QVERIFY(report->reachable);
    QVERIFY(report->keyAccepted);
    QVERIFY(report->ok());
    QVERIFY(report->latencyMs >= 0 && report->latencyMs < 5000);
    QCOMPARE(report->models.size(), 2);
    QCOMPARE(m_mock->requestCount("/v1/models"), 2);

    // Ollama's own list, when the server sits on Ollama's port.
    MockLlmServer ollama;
    if (!ollama.start(11434))
        QSKIP("port 11434 is taken on this machine");
    ollama.setModels({"llama3:8b"});
    LlmClient local(llmConfig("ollama", {"http://127.0.0.1:11434/v1"}));
    report.reset();
    local.testConnection("ollama", this, [&](ConnectionReport r) { report = r; });
    QTRY_VERIFY(report.has_value());
    QCOMPARE(ollama.requestCount("/api/tags"), 1);
    QVERIFY(report->models.contains("llama3:8b"));
}

void TestLlmClient::testConnectionReportsARefusedKey()
{
    m_mock->setRequiredApiKey("sk-right-key-0000");
    Config config = llmConfig("mock", {m_mock->openAiBaseUrl().toString()});
    config.providers["mock"].local = false;
    config.providers["mock"].apiKeyEnv = "MADF_TEST_WRONG_KEY";
    qputenv("MADF_TEST_WRONG_KEY", "sk-wrong-key-1234");
    LlmClient client(config);
    std::optional<ConnectionReport> report;
    client.testConnection("mock", this, [&](ConnectionReport r) { report = r; });
    QTRY_VERIFY(report.has_value());
    qunsetenv("MADF_TEST_WRONG_KEY");
    QVERIFY(report->reachable);
    QVERIFY(!report->keyAccepted);
    QCOMPARE_KIND(report->errorKind, LlmErrorKind::Auth);
    QVERIFY(!report->error.isEmpty());
    QVERIFY(!report->error.contains("sk-wrong-key-1234"));
    QVERIFY(!report->ok());
}

void TestLlmClient::testConnectionOfAnUnreachableServer()
{
    const quint16 port = m_mock->port();
    m_mock->stop(); // nothing listens there now
    LlmClient client(llmConfig("gone", {QStringLiteral("http://127.0.0.1:%1/v1").arg(port)}));
    std::optional<ConnectionReport> report;
    client.testConnection("gone", this, [&](ConnectionReport r) { report = r; });
    QTRY_VERIFY(report.has_value());
    QVERIFY(!report->reachable);
    QCOMPARE_KIND(report->errorKind, LlmErrorKind::Network);
    QVERIFY(report->error.contains(QString::number(port)));
}

void TestLlmClient::simulatedProviderThroughTheClient()
{
    Config config = Config::defaults();
    config.providers["simulated"].speed = 0;
    LlmClient client(config);
    LlmRequest request = llmRequest("simulated", "Write about 50 words on harbour logistics.", true, "gpt-4o");
    const auto result = runCall(client, request);
    QVERIFY(result && result->ok());
    QVERIFY(result->simulated);
    QCOMPARE(result->endpoint, QStringLiteral("simulated"));
    QVERIFY(result->usage.completionTokens > 20);
    QVERIFY(client.endpointStatus("simulated").isEmpty());
}

void TestLlmClient::droppedEndpointsAreAnnounced()
{
    // A view of the endpoints (the dashboard's Endpoints tab) hears when a
    // provider's go away, and reads an empty list, after any earlier report.
    Config config = llmConfig("mock", {m_mock->openAiBaseUrl().toString()});
    LlmClient client(config);
    QCOMPARE(client.endpointStatus("mock").size(), 1);
    QSignalSpy changed(&client, &LlmClient::endpointStatusChanged);
    client.setConfig(config);   // the same provider: its pool stays, nothing is dropped
    QVERIFY(changed.isEmpty());
    QCOMPARE(client.endpointStatus("mock").size(), 1);

    Config simulated = config;
    simulated.providers["mock"].api = "simulated";
    client.setConfig(simulated);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toString(), QStringLiteral("mock"));
    QVERIFY(client.endpointStatus("mock").isEmpty());

    client.setConfig(config);   // HTTP again: a new pool, then removed altogether
    QCOMPARE(client.endpointStatus("mock").size(), 1);
    changed.clear();
    Config gone = config;
    gone.providers.remove("mock");
    client.setConfig(gone);
    QCOMPARE(changed.size(), 1);
    QVERIFY(client.endpointStatus("mock").isEmpty());
}

QTEST_GUILESS_MAIN(TestLlmClient)
#include "tst_llmclient.moc"

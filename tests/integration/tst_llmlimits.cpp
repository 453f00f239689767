// The endpoint pool against mock LLM servers: real concurrency beyond Qt's
// six connections, in-flight limits, replica failover, circuit breakers,
// rate-limit headers and adaptive concurrency.
#include "tests/integration/llmtesting.h"
#include "tests/support/mockllmserver.h"

#include "core/llm/httpexchange.h"
#include "core/llm/llmclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Madf;
using Madf::Test::MockLlmServer;
using Madf::Test::llmConfig;
using Madf::Test::llmRequest;
using Madf::Test::runCall;
using Madf::Test::waitForResult;

namespace {

/** Starts @p count calls at once and waits for all of them. */
QList<LlmResult> runConcurrently(LlmClient &client, const LlmRequest &request, int count, int ms = 30000)
{
    QList<LlmResult> results;
    for (int i = 0; i < count; ++i) {
        LlmCall *call = client.start(request);
        QObject::connect(call, &LlmCall::finished, &client, [&results](const LlmResult &r) { results.append(r); });
    }
    if (!QTest::qWaitFor([&] { return results.size() == count; }, ms))
        qWarning("only %d of %d calls finished", int(results.size()), count);
    return results;
}

int okCount(const QList<LlmResult> &results)
{
    return int(std::count_if(results.cbegin(), results.cend(), [](const LlmResult &r) { return r.ok(); }));
}

} // namespace

class TestLlmLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void moreThanSixRequestsReallyRunAtOnce();
    void maxInFlightIsHonouredAndQueueingReported();
    void failoverToTheHealthyReplica();
    void circuitFailsFastWhenEveryReplicaIsOut();
    void circuitWaitsForTheCooldownWhenTheDeadlineAllows();
    void rateLimitHeadersHoldTheNextCall();
    void concurrencyHalvesOn429AndRecoversSlowly();
    void statusChangesAreSignalled();
};

void TestLlmLimits::moreThanSixRequestsReallyRunAtOnce()
{
    MockLlmServer mock;
    QVERIFY(mock.start());
    const QString base = mock.openAiBaseUrl().toString();

    // What one QNetworkAccessManager does on Qt 6.4: six at a time, the rest queued unseen.
    {
        QNetworkAccessManager manager;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 16; ++i) {
            QNetworkRequest request(QUrl(base + "/chat/completions"));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("x-mock-ttft-ms", "300");
            replies << manager.post(request, R"({"model":"m","messages":[{"role":"user","content":"hi"}]})");
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }), 10000);
        qDeleteAll(replies);
        QCOMPARE(mock.peakConcurrent(), 6);
    }
    mock.reset();

    // The gateway: plain http over its own connections (no cap per host), and
    // the QNetworkAccessManager path (https) with one manager per 6 requests.
    for (const bool qnam : {false, true}) {
        mock.reset();
        HttpExchange::setNetworkAccessManagerForced(qnam);
        Config config = llmConfig("mock", {base}, "openai", {{"x-mock-ttft-ms", "300"}});
        config.providers["mock"].maxInFlight = 16;
        LlmClient client(config);
        const QList<LlmResult> results = runConcurrently(client, llmRequest("mock", "Write a line."), 16);
        HttpExchange::setNetworkAccessManagerForced(false);
        QCOMPARE(okCount(results), 16);
        QCOMPARE(mock.peakConcurrent(), 16);
        for (const LlmResult &r : results)
            QCOMPARE(r.timings.queuedMs, 0);
        const QList<EndpointStatus> status = client.endpointStatus("mock");
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.first().networkManagers, qnam ? 3 : 0); // 16 requests, 6 per manager
        if (!qnam)
            QCOMPARE(status.first().connections, 16); // kept alive for the next calls
        QCOMPARE(status.first().inFlight, 0);
    }
}

void TestLlmLimits::maxInFlightIsHonouredAndQueueingReported()
{
    MockLlmServer mock;
    QVERIFY(mock.start());
    Config config = llmConfig("mock", {mock.openAiBaseUrl().toString()}, "openai", {{"x-mock-ttft-ms", "200"}});
    config.providers["mock"].maxInFlight = 4;
    LlmClient client(config);
    const QList<LlmResult> results = runConcurrently(client, llmRequest("mock", "Write a line."), 12);
    QCOMPARE(okCount(results), 12);
    QCOMPARE(mock.peakConcurrent(), 4);
    // Three waves of 200 ms: the later calls say they waited.
    qint64 maxQueued = 0;
    for (const LlmResult &r : results)
        maxQueued = qMax(maxQueued, r.timings.queuedMs);
    QVERIFY2(maxQueued >= 350, qPrintable(QString::number(maxQueued)));
}

void TestLlmLimits::failoverToTheHealthyReplica()
{
    MockLlmServer healthy;
    QVERIFY(healthy.start());
    MockLlmServer flaky;
    QVERIFY(flaky.start());
    const quint16 flakyPort = flaky.port();
    flaky.stop(); // connections refused

    const QString flakyUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(flakyPort);
    Config config = llmConfig("mock", {flakyUrl, healthy.openAiBaseUrl().toString()});
    config.providers["mock"].circuitFailures = 2;
    config.providers["mock"].circuitCooldown = 1;
    LlmClient client(config);
    LlmRequest request = llmRequest("mock", "MOCK_REPLY: served");
    request.maxRetries = 2;
    // Spread over both replicas; the ones sent to the dead one are retried on the other.
    const QList<LlmResult> results = runConcurrently(client, request, 8);
    QCOMPARE(okCount(results), 8);
    for (const LlmResult &r : results)
        QCOMPARE(r.endpoint, healthy.openAiBaseUrl().toString());
    QCOMPARE(healthy.requestCount(), 8);
    EndpointStatus flakyStatus = client.endpointStatus("mock").first();
    QCOMPARE(flakyStatus.baseUrl, flakyUrl);
    QCOMPARE(circuitStateName(flakyStatus.circuitState), QStringLiteral("open"));
    QVERIFY(flakyStatus.consecutiveFailures >= 2);
    QCOMPARE_KIND(flakyStatus.lastErrorKind, LlmErrorKind::Network);

    // It comes back: after the cool-down one probe goes there, and its success closes the circuit.
    QVERIFY(flaky.start(flakyPort));
    QTest::qWait(1100);
    for (int i = 0; i < 4; ++i)
        QVERIFY(runCall(client, request)->ok());
    QVERIFY(flaky.requestCount() >= 1);
    flakyStatus = client.endpointStatus("mock").first();
    QCOMPARE(circuitStateName(flakyStatus.circuitState), QStringLiteral("closed"));
    QCOMPARE(flakyStatus.consecutiveFailures, 0);
}

void TestLlmLimits::circuitFailsFastWhenEveryReplicaIsOut()
{
    MockLlmServer mock;
    QVERIFY(mock.start());
    const quint16 port = mock.port();
    mock.stop();
    Config config = llmConfig("mock", {QStringLiteral("http://127.0.0.1:%1/v1").arg(port)});
    config.providers["mock"].circuitFailures = 3;
    config.providers["mock"].circuitCooldown = 30;
    LlmClient client(config);
    LlmRequest request = llmRequest("mock", "Hello?");
    request.maxRetries = 0;
    for (int i = 0; i < 3; ++i)
        QCOMPARE_KIND(runCall(client, request)->errorKind, LlmErrorKind::Network);
    QCOMPARE(circuitStateName(client.endpointStatus("mock").first().circuitState), QStringLiteral("open"));

    // The cool-down (30 s) ends after this call's deadline (5 s): fail at once, with the last error.
    request.timeoutMs = 5000;
    QElapsedTimer timer;
    timer.start();
    const auto result = runCall(client, request);
    QVERIFY(result);
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Network);
    QCOMPARE(result->timings.attempts, 0);
    QVERIFY(result->errorMessage.contains("mock"));
}

void TestLlmLimits::circuitWaitsForTheCooldownWhenTheDeadlineAllows()
{
    MockLlmServer mock;
    QVERIFY(mock.start());
    const quint16 port = mock.port();
    mock.stop();
    Config config = llmConfig("mock", {QStringLiteral("http://127.0.0.1:%1/v1").arg(port)});
    config.providers["mock"].circuitFailures = 2;
    config.providers["mock"].circuitCooldown = 1;
    LlmClient client(config);
    LlmRequest request = llmRequest("mock", "MOCK_REPLY: back");
    request.maxRetries = 0;
    for (int i = 0; i < 2; ++i)
        QVERIFY(!runCall(client, request)->ok());
    QVERIFY(mock.start(port)); // the server is back; the circuit does not know yet

    request.timeoutMs = 10000;
    const auto result = runCall(client, request);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->errorMessage));
    // It waited for the cool-down, and says so.
    QVERIFY2(result->timings.queuedMs >= 500, qPrintable(QString::number(result->timings.queuedMs)));
    QCOMPARE(circuitStateName(client.endpointStatus("mock").first().circuitState), QStringLiteral("closed"));
}

void TestLlmLimits::rateLimitHeadersHoldTheNextCall()
{
    MockLlmServer mock;
    QVERIFY(mock.start());
    Madf::Test::MockRateLimits limits;
    limits.requestsRemaining = 0;
    limits.resetRequestsMs = 1000;
    mock.setRateLimits(limits);
    LlmClient client(llmConfig("mock", {mock.openAiBaseUrl().toString()}));

    const auto first = runCall(client, llmRequest("mock", "One."));
    QVERIFY(first && first->ok());
    QCOMPARE(first->timings.queuedMs, 0);
    const EndpointStatus status = client.endpointStatus("mock").first();
    QCOMPARE(status.remainingRequests.value_or(-1), 0);
    QVERIFY(status.rateLimitWaitMs > 500);

    QElapsedTimer timer;
    timer.start();
    const auto second = runCall(client, llmRequest("mock", "Two."));
    QVERIFY(second && second->ok());
    QVERIFY2(timer.elapsed() >= 850, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(second->timings.queuedMs >= 850, qPrintable(QString::number(second->timings.queuedMs)));
}

void TestLlmLimits::concurrencyHalvesOn429AndRecoversSlowly()
{
    MockLlmServer mock;
    QVERIFY(mock.start());
    // Eight calls at once: all eight first answers are 429s, the retries succeed.
    Config config = llmConfig("mock", {mock.openAiBaseUrl().toString()}, "openai",
                              {{"x-mock-fault", "429"}, {"x-mock-fault-count", "8"}, {"x-mock-retry-after-ms", "300"},
                               {"x-mock-ttft-ms", "50"}});
    config.providers["mock"].maxInFlight = 8;
    LlmClient client(config);
    int limitAtFirstRetry = -1;
    int retries = 0;
    QList<LlmResult> results;
    for (int i = 0; i < 8; ++i) {
        LlmCall *call = client.start(llmRequest("mock", "Write a line."));
        connect(call, &LlmCall::retrying, this, [&] {
            if (++retries == 8)
                limitAtFirstRetry = client.endpointStatus("mock").first().effectiveLimit;
        });
        connect(call, &LlmCall::finished, this, [&](const LlmResult &r) { results.append(r); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 8, 15000);
    QCOMPARE(okCount(results), 8);
    // A burst of 429s from requests sent under the same limit halves it once, not eight times.
    QCOMPARE(limitAtFirstRetry, 4);
    // Eight successes add about 1/limit each: back to 5, not to 8.
    const EndpointStatus status = client.endpointStatus("mock").first();
    QCOMPARE(status.effectiveLimit, 5);
    QCOMPARE(status.maxInFlight, 8);
}

void TestLlmLimits::statusChangesAreSignalled()
{
    MockLlmServer mock;
    QVERIFY(mock.start());
    LlmClient client(llmConfig("mock", {mock.openAiBaseUrl().toString()}));
    QStringList changed;
    connect(&client, &LlmClient::endpointStatusChanged, this, [&](const QString &provider) { changed << provider; });
    QTest::qWait(300);
    changed.clear();
    QVERIFY(runCall(client, llmRequest("mock", "One."))->ok());
    QTRY_VERIFY(changed.contains("mock"));
    QVERIFY(!changed.contains("openai")); // untouched providers stay quiet
}

QTEST_GUILESS_MAIN(TestLlmLimits)
#include "tst_llmlimits.moc"

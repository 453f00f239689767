// Retries as the official SDKs do them, against the mock LLM server: which
// errors are retried, how long the client waits, and that a retried call is
// billed only for what arrived.
#include "tests/integration/llmtesting.h"
#include "tests/support/mockllmserver.h"

#include "core/llm/llmclient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Madf;
using Madf::Test::MockLlmServer;
using Madf::Test::llmConfig;
using Madf::Test::llmRequest;
using Madf::Test::runCall;
using Madf::Test::waitForResult;

class TestLlmRetries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void retryAfterIsHonoured_data();
    void retryAfterIsHonoured();
    void exponentialBackoffWithoutRetryAfter();
    void neverRetried_data();
    void neverRetried();
    void shouldRetryHeaderOverrides_data();
    void shouldRetryHeaderOverrides();
    void retriesRunOut();
    void midStreamFailureIsRetriedAndBilledOnce();
    void noRetryThatWouldEndPastTheDeadline();
    void anthropicOverloadIsRetried();

private:
    LlmClient *client(const QMap<QString, QString> &headers, const QString &api = "openai");
    std::unique_ptr<MockLlmServer> m_mock;
    std::unique_ptr<LlmClient> m_client;
};

void TestLlmRetries::init()
{
    m_mock = std::make_unique<MockLlmServer>();
    QVERIFY(m_mock->start());
}

void TestLlmRetries::cleanup()
{
    m_client.reset();
    m_mock.reset();
}

LlmClient *TestLlmRetries::client(const QMap<QString, QString> &headers, const QString &api)
{
    const QString base = api == "openai" ? m_mock->openAiBaseUrl().toString() : m_mock->baseUrl().toString();
    m_client = std::make_unique<LlmClient>(llmConfig("mock", {base}, api, headers));
    return m_client.get();
}

void TestLlmRetries::retryAfterIsHonoured_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("minimumMs");
    QTest::newRow("retry-after 1 s") << "x-mock-retry-after" << "1" << 900;
    QTest::newRow("retry-after-ms 1200") << "x-mock-retry-after-ms" << "1200" << 1100;
}

void TestLlmRetries::retryAfterIsHonoured()
{
    QFETCH(QString, header);
    QFETCH(QString, value);
    QFETCH(int, minimumMs);
    // One 429, then the server answers.
    LlmClient *c = client({{"x-mock-fault", "429"}, {"x-mock-fault-count", "1"}, {header, value}});
    LlmCall *call = c->start(llmRequest("mock", "MOCK_REPLY: done"));
    QSignalSpy retrying(call, &LlmCall::retrying);
    QElapsedTimer timer;
    timer.start();
    const auto result = waitForResult(call);
    QVERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(result->text, QStringLiteral("done"));
    QVERIFY2(timer.elapsed() >= minimumMs, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(timer.elapsed() < minimumMs + 3000);
    QCOMPARE(retrying.count(), 1);
    QCOMPARE(retrying.first().at(0).toInt(), 2); // the attempt about to run
    QVERIFY(retrying.first().at(2).toLongLong() >= minimumMs);
    // The wait is reported, never hidden.
    QVERIFY(result->timings.queuedMs >= minimumMs);
    QCOMPARE(result->timings.attempts, 2);
    QCOMPARE(m_mock->requestCount(), 2);
}

void TestLlmRetries::exponentialBackoffWithoutRetryAfter()
{
    // 0.5 s then 1 s, each times (1 - 0.25 * random): at least 1.125 s in all.
    LlmClient *c = client({{"x-mock-fault", "500"}, {"x-mock-fault-count", "2"}});
    LlmRequest request = llmRequest("mock", "MOCK_REPLY: third time lucky");
    request.maxRetries = 2;
    QElapsedTimer timer;
    timer.start();
    LlmCall *call = c->start(request);
    QSignalSpy retrying(call, &LlmCall::retrying);
    const auto result = waitForResult(call);
    QVERIFY(result && result->ok());
    QCOMPARE(m_mock->requestCount(), 3);
    QCOMPARE(retrying.count(), 2);
    const qint64 first = retrying.at(0).at(2).toLongLong();
    const qint64 second = retrying.at(1).at(2).toLongLong();
    QVERIFY2(first >= 375 && first <= 500, qPrintable(QString::number(first)));
    QVERIFY2(second >= 750 && second <= 1000, qPrintable(QString::number(second)));
    QVERIFY(timer.elapsed() >= 1100);
}

void TestLlmRetries::neverRetried_data()
{
    QTest::addColumn<QString>("fault");
    for (const char *fault : {"400", "401", "403", "404", "413", "422", "quota"})
        QTest::newRow(fault) << QString::fromLatin1(fault);
}

void TestLlmRetries::neverRetried()
{
    QFETCH(QString, fault);
    LlmClient *c = client({{"x-mock-fault", fault}});
    LlmRequest request = llmRequest("mock", "Write it.");
    request.maxRetries = 3;
    LlmCall *call = c->start(request);
    QSignalSpy retrying(call, &LlmCall::retrying);
    const auto result = waitForResult(call);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Failed);
    QCOMPARE(retrying.count(), 0);
    QTest::qWait(100);
    QCOMPARE(m_mock->requestCount(), 1);
}

void TestLlmRetries::shouldRetryHeaderOverrides_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("requests");
    QTest::addColumn<bool>("ok");
    // A 500 the server says not to retry, and a 400 it says to retry (once, then it answers).
    QTest::newRow("x-should-retry: false") << "should-retry-false" << 1 << false;
    QTest::newRow("x-should-retry: true") << "should-retry-true" << 2 << true;
}

void TestLlmRetries::shouldRetryHeaderOverrides()
{
    QFETCH(QString, fault);
    QFETCH(int, requests);
    QFETCH(bool, ok);
    LlmClient *c = client({{"x-mock-fault", fault}, {"x-mock-fault-count", "1"}, {"x-mock-retry-after-ms", "10"}});
    const auto result = runCall(*c, llmRequest("mock", "MOCK_REPLY: fine"));
    QVERIFY(result);
    QCOMPARE(result->ok(), ok);
    QTest::qWait(50);
    QCOMPARE(m_mock->requestCount(), requests);
}

void TestLlmRetries::retriesRunOut()
{
    LlmClient *c = client({{"x-mock-fault", "529"}, {"x-mock-retry-after-ms", "10"}});
    LlmRequest request = llmRequest("mock", "Write it.");
    request.maxRetries = 2;
    const auto result = runCall(*c, request);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Failed);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Overloaded);
    QCOMPARE(result->timings.attempts, 3);
    QCOMPARE(m_mock->requestCount(), 3);
    QCOMPARE(result->httpStatus, 529);
}

void TestLlmRetries::midStreamFailureIsRetriedAndBilledOnce()
{
    // The first stream breaks off half-way with an error event; the second completes.
    LlmClient *c = client({{"x-mock-fault", "midstream-error"},
                           {"x-mock-fault-count", "1"},
                           {"x-mock-reply-tokens", "40"},
                           {"x-mock-retry-after-ms", "10"}});
    LlmCall *call = c->start(llmRequest("mock", "Write the findings.", true));
    QString afterRetry;
    bool retried = false;
    connect(call, &LlmCall::retrying, this, [&] { retried = true; });
    connect(call, &LlmCall::textReceived, this, [&](const QString &d) {
        if (retried)
            afterRetry += d;
    });
    const auto result = waitForResult(call);
    QVERIFY(result && result->ok());
    QVERIFY(retried);
    QCOMPARE(m_mock->requestCount(), 2);
    // The text starts over after `retrying`: the listener gets the whole second reply.
    QCOMPARE(afterRetry, result->text);
    // Billed: the second reply as reported plus the first half as estimated, said to be so.
    QVERIFY(result->usage.estimated);
    const qint64 served = m_mock->tokensServed(); // both replies in full, as the server counts them
    QVERIFY(result->usage.totalTokens() < served);
    QVERIFY(result->usage.completionTokens > 40);
    QVERIFY(result->usage.completionTokens < 80);
}

void TestLlmRetries::noRetryThatWouldEndPastTheDeadline()
{
    LlmClient *c = client({{"x-mock-fault", "429"}, {"x-mock-retry-after", "5"}});
    LlmRequest request = llmRequest("mock", "Write it.");
    request.timeoutMs = 2000;
    request.maxRetries = 3;
    QElapsedTimer timer;
    timer.start();
    const auto result = runCall(*c, request);
    QVERIFY(result);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::RateLimited);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_mock->requestCount(), 1);
}

void TestLlmRetries::anthropicOverloadIsRetried()
{
    LlmClient *c = client({{"x-mock-fault", "529"}, {"x-mock-fault-count", "1"}, {"x-mock-retry-after-ms", "10"}},
                          "anthropic");
    const auto result = runCall(*c, llmRequest("mock", "MOCK_REPLY: fine", true, "mock-claude-3-5-sonnet"));
    QVERIFY(result && result->ok());
    QCOMPARE(result->text, QStringLiteral("fine"));
    QCOMPARE(result->timings.attempts, 2);
    QVERIFY(!result->usage.estimated); // the failed attempt brought no text
}

QTEST_GUILESS_MAIN(TestLlmRetries)
#include "tst_llmretries.moc"

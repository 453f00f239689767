// The gateway's own HTTP/1.1 transport (plain http) against the mock LLM
// server and a raw TCP server: keep-alive reuse, idle connections the server
// closed, the one transparent re-send, resets mid-body, cancellation, and the
// QNetworkAccessManager path that https keeps using.
#include "tests/integration/llmtesting.h"
#include "tests/support/mockllmserver.h"

#include "core/llm/httpconnectionpool.h"
#include "core/llm/httpexchange.h"
#include "core/llm/llmclient.h"
#include "core/llm/socketexchange.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <sys/socket.h>

using namespace Madf;
using Madf::Test::MockLlmServer;
using Madf::Test::llmConfig;
using Madf::Test::llmRequest;
using Madf::Test::runCall;
using Madf::Test::waitForResult;

namespace {

/** A server that answers every request with @p head and @p body, then,
 *  after a pause, resets the connection (RST, not a clean close). */
class ResettingServer : public QTcpServer
{
public:
    ResettingServer(QByteArray head, QByteArray body) : m_head(std::move(head)), m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n") || m_answered)
                        return;
                    m_answered = true;
                    socket->write(m_head + m_body);
                    QTimer::singleShot(150, socket, [socket] {
                        // SO_LINGER with a zero timeout turns close() into a reset.
                        const linger reset{1, 0};
                        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
                        socket->abort();
                    });
                });
            }
        });
    }

private:
    QByteArray m_head;
    QByteArray m_body;
    QByteArray m_request;
    bool m_answered = false;
};

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

class TestLlmTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void keepAliveReusesOneConnection_data();
    void keepAliveReusesOneConnection();
    void idleConnectionClosedByTheServer();
    void idleConnectionClosedWhileTheEngineWasBusy();
    void staleConnectionIsResentOnce();
    void resentAtMostOnce();
    void neverResentAfterResponseBytes();
    void dropOnAFreshConnectionIsNotResent();
    void resetMidBodyIsANetworkError_data();
    void resetMidBodyIsANetworkError();
    void connectionRefusedIsANetworkError();
    void cancelClosesTheConnectionAtOnce();
    void interimResponsesAreSkipped();
    void poolClosesIdleConnectionsAfterItsTimeout();
    void networkAccessManagerPathStillWorks_data();
    void networkAccessManagerPathStillWorks();

private:
    std::unique_ptr<MockLlmServer> m_mock;
};

void TestLlmTransport::init()
{
    m_mock = std::make_unique<MockLlmServer>();
    QVERIFY(m_mock->start());
}

void TestLlmTransport::cleanup()
{
    HttpExchange::setNetworkAccessManagerForced(false);
    m_mock.reset();
}

void TestLlmTransport::keepAliveReusesOneConnection_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai") << "openai" << false;
    QTest::newRow("openai streamed") << "openai" << true;
    QTest::newRow("anthropic streamed") << "anthropic" << true;
}

void TestLlmTransport::keepAliveReusesOneConnection()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    const QString base = api == "openai" ? m_mock->openAiBaseUrl().toString() : m_mock->baseUrl().toString();
    LlmClient client(llmConfig("mock", {base}, api));
    const QString model = api == "openai" ? "mock-gpt-4o" : "mock-claude-3-5-sonnet";
    for (int i = 0; i < 5; ++i) {
        const auto result = runCall(client, llmRequest("mock", QStringLiteral("MOCK_REPLY: Answer %1.").arg(i), stream, model));
        QVERIFY(result && result->ok());
        QCOMPARE(result->text, QStringLiteral("Answer %1.").arg(i));
        QCOMPARE(result->timings.attempts, 1);
        QVERIFY(!result->usage.estimated);
        QTRY_COMPARE(m_mock->currentConcurrent(), 0); // the server wrote the whole response
    }
    QCOMPARE(m_mock->requestCount(), 5);
    QCOMPARE(m_mock->connectionCount(), 1);
    const QList<EndpointStatus> status = client.endpointStatus("mock");
    QCOMPARE(status.first().connections, 1);
    QCOMPARE(status.first().networkManagers, 0);
}

void TestLlmTransport::idleConnectionClosedByTheServer()
{
    m_mock->setIdleConnectionTimeoutMs(100);
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}));
    QVERIFY(runCall(client, llmRequest("mock", "MOCK_REPLY: one"))->ok());
    QCOMPARE(m_mock->connectionCount(), 1);
    QTRY_COMPARE(m_mock->openConnectionCount(), 0); // the server closed the idle connection
    QTRY_COMPARE(client.endpointStatus("mock").first().connections, 0); // and the pool noticed

    const auto second = runCall(client, llmRequest("mock", "MOCK_REPLY: two"));
    QVERIFY(second && second->ok());
    QCOMPARE(second->text, QStringLiteral("two"));
    QCOMPARE(second->timings.attempts, 1);
    QCOMPARE(m_mock->requestCount(), 2); // each request exactly once
    QCOMPARE(m_mock->connectionCount(), 2);
}

void TestLlmTransport::idleConnectionClosedWhileTheEngineWasBusy()
{
    // The server closes the idle connection while the engine's event loop is
    // not running, so the pool cannot have heard of it when the next call starts.
    MockLlmServer threaded;
    QVERIFY(threaded.startInThread());
    threaded.setIdleConnectionTimeoutMs(100);
    LlmClient client(llmConfig("mock", {threaded.openAiBaseUrl().toString()}));
    QVERIFY(runCall(client, llmRequest("mock", "MOCK_REPLY: one"))->ok());
    QThread::msleep(400);
    QCOMPARE(threaded.openConnectionCount(), 0);

    const auto second = runCall(client, llmRequest("mock", "MOCK_REPLY: two"));
    QVERIFY(second && second->ok());
    QCOMPARE(second->text, QStringLiteral("two"));
    QCOMPARE(second->timings.attempts, 1);
    QCOMPARE(threaded.requestCount(), 2);
    QCOMPARE(threaded.connectionCount(), 2);
}

void TestLlmTransport::staleConnectionIsResentOnce()
{
    // The second request goes out on the kept-alive connection, and the
    // server closes it without a byte of answer (as a server closing an idle
    // connection at that very moment would): it is sent once more on a fresh
    // connection, inside the same attempt.
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai", {{"x-mock-fault-count", "1"}}));
    QVERIFY(runCall(client, llmRequest("mock", "MOCK_REPLY: one"))->ok());
    LlmRequest request = llmRequest("mock", "MOCK_REPLY: two", false, "mock-fault-drop");
    request.maxRetries = 0;
    const auto second = runCall(client, request);
    QVERIFY(second);
    QVERIFY2(second->ok(), qPrintable(second->errorMessage));
    QCOMPARE(second->text, QStringLiteral("two"));
    QCOMPARE(second->timings.attempts, 1);
    QCOMPARE(m_mock->requestCount(), 3); // one, two (dropped), two again
    QCOMPARE(m_mock->connectionCount(), 2);
}

void TestLlmTransport::resentAtMostOnce()
{
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai", {{"x-mock-fault-count", "5"}}));
    QVERIFY(runCall(client, llmRequest("mock", "MOCK_REPLY: one"))->ok());
    LlmRequest request = llmRequest("mock", "MOCK_REPLY: two", false, "mock-fault-drop");
    request.maxRetries = 0;
    const auto second = runCall(client, request);
    QVERIFY(second);
    QCOMPARE(second->status, LlmResult::Failed);
    QCOMPARE_KIND(second->errorKind, LlmErrorKind::Network);
    QCOMPARE(second->httpStatus, 0);
    QCOMPARE(second->timings.attempts, 1);
    QTest::qWait(100);
    QCOMPARE(m_mock->requestCount(), 3); // the re-send on a fresh connection was dropped too: no third try
}

void TestLlmTransport::neverResentAfterResponseBytes()
{
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai", {{"x-mock-fault-count", "1"}}));
    QVERIFY(runCall(client, llmRequest("mock", "MOCK_REPLY: one"))->ok());
    // Half a body, then the connection closes: the server did process it.
    LlmRequest request = llmRequest("mock", "MOCK_REPLY: two", false, "mock-fault-cut");
    request.maxRetries = 0;
    const auto second = runCall(client, request);
    QVERIFY(second);
    QCOMPARE_KIND(second->errorKind, LlmErrorKind::Network);
    QCOMPARE(second->httpStatus, 200);
    QTest::qWait(100);
    QCOMPARE(m_mock->requestCount(), 2);
}

void TestLlmTransport::dropOnAFreshConnectionIsNotResent()
{
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai", {{"x-mock-fault", "drop"}}));
    LlmRequest request = llmRequest("mock", "Write the summary.");
    request.maxRetries = 1;
    const auto result = runCall(client, request);
    QVERIFY(result);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Network);
    QCOMPARE(result->timings.attempts, 2);
    QTest::qWait(100);
    QCOMPARE(m_mock->requestCount(), 2); // a fresh connection proves nothing stale: one send per attempt
}

void TestLlmTransport::resetMidBodyIsANetworkError_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("body") << false;
    QTest::newRow("stream") << true;
}

void TestLlmTransport::resetMidBodyIsANetworkError()
{
    QFETCH(bool, stream);
    const QByteArray delta = R"(data: {"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,)"
                             R"("delta":{"content":"The harbour opened at dawn "},"finish_reason":null}]})"
                             "\n\n";
    ResettingServer server(stream ? QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                               "Transfer-Encoding: chunked\r\n\r\n")
                                  : QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                               "Content-Length: 400\r\n\r\n"),
                           stream ? chunk(delta) + chunk(delta) : QByteArray(R"({"id":"c1","choices":[{"mess)"));
    QVERIFY(server.listen(QHostAddress::LocalHost));
    LlmClient client(llmConfig("raw", {QStringLiteral("http://127.0.0.1:%1/v1").arg(server.serverPort())}));
    LlmRequest request = llmRequest("raw", "Write the introduction.", stream);
    request.maxRetries = 0;
    QString received;
    LlmCall *call = client.start(request);
    connect(call, &LlmCall::textReceived, this, [&](const QString &d) { received += d; });
    const auto result = waitForResult(call);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Failed);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Network);
    QCOMPARE(result->httpStatus, 200);
    QVERIFY(!result->errorMessage.isEmpty());
    if (stream) {
        // The text that arrived is billed, estimated and said to be.
        QCOMPARE(received, QStringLiteral("The harbour opened at dawn The harbour opened at dawn "));
        QVERIFY(result->usage.estimated);
        QVERIFY(result->usage.completionTokens > 0);
    } else {
        QCOMPARE(result->usage.totalTokens(), 0); // no text, no bill
    }
}

void TestLlmTransport::connectionRefusedIsANetworkError()
{
    const quint16 port = m_mock->port();
    m_mock->stop();
    LlmClient client(llmConfig("gone", {QStringLiteral("http://127.0.0.1:%1/v1").arg(port)}));
    LlmRequest request = llmRequest("gone", "Hello?");
    request.maxRetries = 1;
    const auto result = runCall(client, request);
    QVERIFY(result);
    QCOMPARE_KIND(result->errorKind, LlmErrorKind::Network);
    QCOMPARE(result->httpStatus, 0);
    QCOMPARE(result->timings.attempts, 2); // retried, as the SDKs retry connection errors
    QVERIFY(result->errorMessage.contains(QString::number(port)));
}

void TestLlmTransport::cancelClosesTheConnectionAtOnce()
{
    LlmClient client(llmConfig("mock", {m_mock->openAiBaseUrl().toString()}, "openai",
                               {{"x-mock-tps", "20"}, {"x-mock-reply-tokens", "60"}}));
    LlmCall *call = client.start(llmRequest("mock", "Write the conclusion.", true));
    connect(call, &LlmCall::textReceived, call, [call] { call->cancel(); });
    const auto result = waitForResult(call);
    QVERIFY(result);
    QCOMPARE(result->status, LlmResult::Cancelled);
    // The server sees the connection go, long before its three-second stream would end...
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->openConnectionCount(), 0, 1500);
    QTRY_COMPARE(client.endpointStatus("mock").first().connections, 0);
    // ...and the next call does not get it back.
    const auto next = runCall(client, llmRequest("mock", "MOCK_REPLY: next", false));
    QVERIFY(next && next->ok());
    QCOMPARE(m_mock->connectionCount(), 2);
}

void TestLlmTransport::interimResponsesAreSkipped()
{
    // The mock answers `Expect: 100-continue` with an interim 100 first.
    auto pool = std::make_shared<HttpConnectionPool>();
    HttpExchange::Request request;
    request.method = "POST";
    request.url = QUrl(m_mock->openAiBaseUrl().toString() + "/chat/completions");
    request.headers = {{"Content-Type", "application/json"}, {"Expect", "100-continue"}};
    request.body = R"({"model":"mock-gpt-4o","messages":[{"role":"user","content":"MOCK_REPLY: fine"}]})";
    auto *exchange = new SocketExchange(pool, request);
    QByteArray body;
    int status = 0;
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::UnknownNetworkError;
    connect(exchange, &HttpExchange::headersReceived, this, [&] { status = exchange->statusCode(); });
    connect(exchange, &HttpExchange::dataReceived, this, [&](const QByteArray &d) { body += d; });
    connect(exchange, &HttpExchange::finished, this, [&] {
        error = exchange->error();
        finished = true;
    });
    exchange->start();
    QTRY_VERIFY(finished);
    QCOMPARE(error, QNetworkReply::NoError);
    QCOMPARE(status, 200);
    QVERIFY2(body.contains("\"content\":\"fine\""), body.constData());
    QCOMPARE(pool->idleCount(), 1); // the connection is clean for the next request
}

void TestLlmTransport::poolClosesIdleConnectionsAfterItsTimeout()
{
    auto pool = std::make_shared<HttpConnectionPool>();
    pool->setIdleTimeoutMs(150);
    HttpExchange::Request request;
    request.url = QUrl(m_mock->baseUrl().toString() + "/health");
    auto *exchange = new SocketExchange(pool, request);
    QSignalSpy finished(exchange, &HttpExchange::finished);
    exchange->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(pool->idleCount(), 1);
    QCOMPARE(pool->openCount(), 1);
    QCOMPARE(m_mock->openConnectionCount(), 1);
    QTRY_COMPARE(pool->idleCount(), 0);
    QTRY_COMPARE(m_mock->openConnectionCount(), 0);
    QTRY_COMPARE(pool->openCount(), 0);
}

void TestLlmTransport::networkAccessManagerPathStillWorks_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai") << "openai" << false;
    QTest::newRow("openai streamed") << "openai" << true;
    QTest::newRow("anthropic streamed") << "anthropic" << true;
}

void TestLlmTransport::networkAccessManagerPathStillWorks()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    HttpExchange::setNetworkAccessManagerForced(true);
    const QString base = api == "openai" ? m_mock->openAiBaseUrl().toString() : m_mock->baseUrl().toString();
    LlmClient client(llmConfig("mock", {base}, api, {{"x-mock-tps", "400"}, {"x-mock-reply-tokens", "40"}}));
    const QString model = api == "openai" ? "mock-gpt-4o" : "mock-claude-3-5-sonnet";
    LlmCall *call = client.start(llmRequest("mock", "Tell me about the plan.", stream, model));
    QStringList deltas;
    connect(call, &LlmCall::textReceived, this, [&](const QString &d) { deltas << d; });
    const auto result = waitForResult(call);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->errorMessage));
    QVERIFY(!result->text.isEmpty());
    if (stream) {
        QCOMPARE(deltas.join(QString()), result->text);
        QVERIFY(deltas.size() > 3);
    }
    QVERIFY(!result->usage.estimated);
    QCOMPARE(m_mock->tokensServed(), result->usage.totalTokens());
    const QList<EndpointStatus> status = client.endpointStatus("mock");
    QCOMPARE(status.first().networkManagers, 1);
    QCOMPARE(status.first().connections, 0);

    // A failure is classified as on our own transport.
    LlmRequest cut = llmRequest("mock", "Write the summary.", stream, "mock-fault-cut");
    cut.maxRetries = 0;
    const auto failed = runCall(client, cut);
    QVERIFY(failed);
    QCOMPARE_KIND(failed->errorKind, LlmErrorKind::Network);
}

QTEST_GUILESS_MAIN(TestLlmTransport)
#include "tst_llmtransport.moc"

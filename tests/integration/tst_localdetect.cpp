// LocalServerDetector over loopback: the mock LLM server stands in for
// Ollama, llama.cpp, LM Studio and vLLM on ephemeral ports; a tiny raw HTTP
// server plays an unrelated web server, a llama.cpp still loading its model,
// and a server that never answers.
#include "tests/support/mockllmserver.h"

#include "core/llm/localserverdetector.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Madf;
using Madf::Test::MockLlmServer;

namespace {

/** Answers each path with a fixed status and body (or never, when silent). */
class TinyHttpServer : public QTcpServer
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
    };

    QHash<QByteArray, Answer> answers;
    bool silent = false;

    bool start() { return listen(QHostAddress::LocalHost, 0); }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            const QByteArray request = socket->readAll();
            if (silent || !request.contains("\r\n\r\n"))
                return;
            const QByteArray path = request.split(' ').value(1);
            const Answer a = answers.value(path, Answer{404, "{\"error\":\"not found\"}"});
            QByteArray reply = "HTTP/1.1 " + QByteArray::number(a.status) + " X\r\nContent-Type: " + a.contentType
                               + "\r\nContent-Length: " + QByteArray::number(a.body.size())
                               + "\r\nConnection: close\r\n\r\n" + a.body;
            socket->write(reply);
            socket->disconnectFromHost();
        });
    }
};

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

const QByteArray kOpenAiList = R"({"object":"list","data":[{"id":"qwen2.5-7b-instruct","object":"model"}]})";

} // namespace

class TestLocalDetect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void defaultsAreTheUsualPorts();
    void recognisesEachServer_data();
    void recognisesEachServer();
    void severalServersInCandidateOrder();
    void closedPortIsNoServer();
    void unrelatedWebServerIsNoServer();
    void llamaCppStillLoading();
    void silentServerTimesOutWithoutBlocking();
    void cancelStopsWithoutFinished();

private:
    QList<LocalServer> detect(LocalServerDetector &detector, int withinMs = 15000);

    std::unique_ptr<MockLlmServer> m_mock;
};

void TestLocalDetect::init()
{
    m_mock = std::make_unique<MockLlmServer>();
    QVERIFY(m_mock->start());
    m_mock->setModels({QStringLiteral("llama3.2"), QStringLiteral("qwen2.5:7b"), QStringLiteral("nomic-embed-text")});
}

void TestLocalDetect::cleanup()
{
    m_mock.reset();
}

QList<LocalServer> TestLocalDetect::detect(LocalServerDetector &detector, int withinMs)
{
    QSignalSpy finished(&detector, &LocalServerDetector::finished);
    detector.start();
    if (!finished.wait(withinMs))
        return {};
    return finished.first().first().value<QList<LocalServer>>();
}

void TestLocalDetect::defaultsAreTheUsualPorts()
{
    QHash<QString, quint16> ports;
    for (const auto &c : LocalServerDetector::defaultCandidates())
        ports.insert(c.kind, c.port);
    QCOMPARE(ports.value("ollama"), quint16(11434));
    QCOMPARE(ports.value("llamacpp"), quint16(8080));
    QCOMPARE(ports.value("lmstudio"), quint16(1234));
    QCOMPARE(ports.value("vllm"), quint16(8000));
    // Ollama is asked first: it is the one the first-run banner offers.
    QCOMPARE(LocalServerDetector::defaultCandidates().first().kind, QStringLiteral("ollama"));
}

void TestLocalDetect::recognisesEachServer_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<QString>("label");
    // Ollama's /api/tags names models with their tag.
    QTest::newRow("ollama") << "ollama" << "/api/tags"
                            << QStringList{"llama3.2:latest", "qwen2.5:7b", "nomic-embed-text:latest"} << "Ollama";
    QTest::newRow("llama.cpp") << "llamacpp" << "/v1/models"
                               << QStringList{"llama3.2", "qwen2.5:7b", "nomic-embed-text"} << "llama.cpp server";
    QTest::newRow("lm studio") << "lmstudio" << "/v1/models"
                               << QStringList{"llama3.2", "qwen2.5:7b", "nomic-embed-text"} << "LM Studio";
    QTest::newRow("vllm") << "vllm" << "/v1/models" << QStringList{"llama3.2", "qwen2.5:7b", "nomic-embed-text"}
                          << "vLLM";
}

void TestLocalDetect::recognisesEachServer()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(QStringList, models);
    QFETCH(QString, label);
    LocalServerDetector detector;
    detector.setHost(QStringLiteral("127.0.0.1"));
    detector.setCandidates({{kind, m_mock->port()}});
    QSignalSpy found(&detector, &LocalServerDetector::serverFound);
    const QList<LocalServer> servers = detect(detector);
    QCOMPARE(servers.size(), 1);
    const LocalServer &s = servers.first();
    QCOMPARE(s.kind, kind);
    QCOMPARE(s.label(), label);
    QCOMPARE(s.models, models);
    QVERIFY(s.ready);
    QCOMPARE(s.port, m_mock->port());
    QCOMPARE(s.baseUrl, QStringLiteral("http://127.0.0.1:%1/v1").arg(m_mock->port()));
    QCOMPARE(s.address(), QStringLiteral("127.0.0.1:%1").arg(m_mock->port()));
    QVERIFY(s.latencyMs >= 0);
    QCOMPARE(found.count(), 1);
    QCOMPARE(m_mock->requestCount(path), 1);
    // llama.cpp is also asked whether its model has loaded.
    QCOMPARE(m_mock->requestCount("/health"), kind == "llamacpp" ? 1 : 0);
    QVERIFY(!detector.isRunning());
}

void TestLocalDetect::severalServersInCandidateOrder()
{
    MockLlmServer second;
    QVERIFY(second.start());
    second.setModels({QStringLiteral("mistral-7b")});
    LocalServerDetector detector;
    detector.setHost(QStringLiteral("127.0.0.1"));
    detector.setCandidates({{"ollama", m_mock->port()}, {"lmstudio", closedPort()}, {"vllm", second.port()}});
    const QList<LocalServer> servers = detect(detector);
    QCOMPARE(servers.size(), 2);
    QCOMPARE(servers.at(0).kind, QStringLiteral("ollama"));
    QCOMPARE(servers.at(1).kind, QStringLiteral("vllm"));
    QCOMPARE(servers.at(1).models, QStringList{"mistral-7b"});
    QCOMPARE(detector.servers().size(), 2);
}

void TestLocalDetect::closedPortIsNoServer()
{
    LocalServerDetector detector;
    detector.setHost(QStringLiteral("127.0.0.1"));
    detector.setCandidates({{"ollama", closedPort()}, {"llamacpp", closedPort()}});
    QSignalSpy finished(&detector, &LocalServerDetector::finished);
    detector.start();
    QVERIFY(detector.isRunning());
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().first().value<QList<LocalServer>>().isEmpty());
}

void TestLocalDetect::unrelatedWebServerIsNoServer()
{
    TinyHttpServer web;
    QVERIFY(web.start());
    web.answers.insert("/v1/models", {200, "<html><body>Welcome to nginx!</body></html>", "text/html"});
    web.answers.insert("/api/tags", {200, R"({"status":"ok"})"});
    LocalServerDetector detector;
    detector.setHost(QStringLiteral("127.0.0.1"));
    detector.setCandidates({{"llamacpp", web.serverPort()}, {"ollama", web.serverPort()}});
    QSignalSpy finished(&detector, &LocalServerDetector::finished);
    detector.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().first().value<QList<LocalServer>>().isEmpty());
}

void TestLocalDetect::llamaCppStillLoading()
{
    TinyHttpServer llama;
    QVERIFY(llama.start());
    llama.answers.insert("/v1/models", {200, kOpenAiList});
    llama.answers.insert("/health", {503, R"({"error":{"code":503,"message":"Loading model","type":"unavailable_error"}})"});
    LocalServerDetector detector;
    detector.setHost(QStringLiteral("127.0.0.1"));
    detector.setCandidates({{"llamacpp", llama.serverPort()}});
    const QList<LocalServer> servers = detect(detector);
    QCOMPARE(servers.size(), 1);
    QCOMPARE(servers.first().models, QStringList{"qwen2.5-7b-instruct"});
    QVERIFY(!servers.first().ready);

    llama.answers.insert("/health", {200, R"({"status":"ok"})"});
    const QList<LocalServer> again = detect(detector);
    QCOMPARE(again.size(), 1);
    QVERIFY(again.first().ready);
}

void TestLocalDetect::silentServerTimesOutWithoutBlocking()
{
    TinyHttpServer silent;
    silent.silent = true;
    QVERIFY(silent.start());
    LocalServerDetector detector;
    detector.setHost(QStringLiteral("127.0.0.1"));
    detector.setTimeoutMs(300);
    detector.setCandidates({{"vllm", silent.serverPort()}});
    QSignalSpy finished(&detector, &LocalServerDetector::finished);
    QElapsedTimer timer;
    timer.start();
    detector.start();
    // start() returns at once; the answer comes through the event loop.
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().first().value<QList<LocalServer>>().isEmpty());
}

void TestLocalDetect::cancelStopsWithoutFinished()
{
    TinyHttpServer silent;
    silent.silent = true;
    QVERIFY(silent.start());
    LocalServerDetector detector;
    detector.setHost(QStringLiteral("127.0.0.1"));
    detector.setCandidates({{"vllm", silent.serverPort()}, {"ollama", m_mock->port()}});
    QSignalSpy finished(&detector, &LocalServerDetector::finished);
    detector.start();
    detector.cancel();
    QVERIFY(!detector.isRunning());
    QVERIFY(!finished.wait(500));
}

QTEST_GUILESS_MAIN(TestLocalDetect)
#include "tst_localdetect.moc"

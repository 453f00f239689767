#include "mockllmserver.h"

#include "mockhttpserver.h"

#include <QMetaMethod>
#include <QThread>

namespace Madf::Test {

MockLlmServer::MockLlmServer(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<MockServerState>())
{
    qRegisterMetaType<Madf::Test::RecordedRequest>();
}

MockLlmServer::~MockLlmServer()
{
    stop();
}

bool MockLlmServer::start(quint16 port, const QHostAddress &address)
{
    stop();
    m_server = new MockHttpServer(m_state, this);
    forwardRequests();
    return listenOn(m_server, port, address, false);
}

bool MockLlmServer::startInThread(quint16 port, const QHostAddress &address)
{
    stop();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("MockLlmServer"));
    m_server = new MockHttpServer(m_state);
    m_server->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    forwardRequests();
    m_thread->start();
    return listenOn(m_server, port, address, true);
}

void MockLlmServer::connectNotify(const QMetaMethod &signal)
{
    if (signal == QMetaMethod::fromSignal(&MockLlmServer::requestReceived) && !m_relayRequests) {
        m_relayRequests = true;
        forwardRequests();
    }
}

void MockLlmServer::forwardRequests()
{
    if (m_relayRequests && m_server)
        connect(m_server, &MockHttpServer::requestReceived, this, &MockLlmServer::requestReceived, Qt::UniqueConnection);
}

bool MockLlmServer::listenOn(MockHttpServer *server, quint16 port, const QHostAddress &address, bool blocking)
{
    // Starting is the one place that waits for the server thread: the port must be known on return.
    quint16 bound = 0;
    if (blocking) {
        QMetaObject::invokeMethod(server, [&] { bound = server->listen(address, port); }, Qt::BlockingQueuedConnection);
    } else {
        bound = server->listen(address, port);
    }
    m_port = bound;
    if (bound == 0) {
        m_errorString = server->errorString();
        stop();
        return false;
    }
    return true;
}

void MockLlmServer::stop()
{
    if (m_thread) {
        QMetaObject::invokeMethod(m_server, &MockHttpServer::close, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        m_server = nullptr; // deleted by the thread's finished signal
    } else if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    m_port = 0;
}

QUrl MockLlmServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QUrl MockLlmServer::openAiBaseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port));
}

MockLlmConfig MockLlmServer::config() const { return m_state->config(); }
void MockLlmServer::setConfig(const MockLlmConfig &config) { m_state->setConfig(config); }

void MockLlmServer::setTimeToFirstTokenMs(int ms)
{
    m_state->updateConfig([ms](MockLlmConfig &c) { c.timeToFirstTokenMs = ms; });
}

void MockLlmServer::setTokensPerSecond(double tokensPerSecond)
{
    m_state->updateConfig([tokensPerSecond](MockLlmConfig &c) { c.tokensPerSecond = tokensPerSecond; });
}

void MockLlmServer::setDefaultReplyTokens(int tokens)
{
    m_state->updateConfig([tokens](MockLlmConfig &c) { c.defaultReplyTokens = tokens; });
}

void MockLlmServer::setRequiredApiKey(const QString &key)
{
    m_state->updateConfig([key](MockLlmConfig &c) { c.requiredApiKey = key; });
}

void MockLlmServer::setKeepAliveIntervalMs(int ms)
{
    m_state->updateConfig([ms](MockLlmConfig &c) { c.keepAliveIntervalMs = ms; });
}

void MockLlmServer::setIdleConnectionTimeoutMs(int ms)
{
    m_state->updateConfig([ms](MockLlmConfig &c) { c.idleConnectionTimeoutMs = ms; });
}

void MockLlmServer::setRateLimits(const MockRateLimits &limits)
{
    m_state->updateConfig([limits](MockLlmConfig &c) { c.rateLimits = limits; });
}

void MockLlmServer::setModels(const QStringList &models)
{
    m_state->updateConfig([models](MockLlmConfig &c) { c.models = models; });
}

int MockLlmServer::requestCount() const { return m_state->requestCount(); }
int MockLlmServer::requestCount(const QString &path) const { return m_state->requestCount(path.toUtf8()); }
int MockLlmServer::peakConcurrent() const { return m_state->peakConcurrent(); }
int MockLlmServer::currentConcurrent() const { return m_state->currentConcurrent(); }
int MockLlmServer::connectionCount() const { return m_state->connectionCount(); }
int MockLlmServer::openConnectionCount() const { return m_state->openConnectionCount(); }
QList<RecordedRequest> MockLlmServer::requests() const { return m_state->requests(); }
qint64 MockLlmServer::tokensServed() const { return m_state->tokensServed(); }
void MockLlmServer::reset() { m_state->reset(); }

RecordedRequest MockLlmServer::lastRequest() const
{
    const QList<RecordedRequest> all = m_state->requests();
    return all.isEmpty() ? RecordedRequest() : all.last();
}

} // namespace Madf::Test

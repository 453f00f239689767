#include "mockhttpserver.h"

#include "deadlinequeue.h"
#include "httpconnection.h"
#include "mockrouter.h"
#include "responseplayer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>

namespace Madf::Test {

MockHttpServer::MockHttpServer(std::shared_ptr<MockServerState> state, QObject *parent)
    : QObject(parent)
    , m_state(std::move(state))
    , m_server(new QTcpServer(this))
    , m_deadlines(new DeadlineQueue(this))
{
    // Hundreds of clients may connect at once; the default backlog of 50 would refuse some.
    m_server->setListenBacklogSize(1024);
    m_server->setMaxPendingConnections(1024);
    connect(m_server, &QTcpServer::newConnection, this, &MockHttpServer::onNewConnection);
}

quint16 MockHttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port)) {
        m_errorString = m_server->errorString();
        return 0;
    }
    return m_server->serverPort();
}

void MockHttpServer::close()
{
    m_server->close();
    // Open connections (stalled streams among them) go with the server.
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *connection : connections)
        connection->abort();
}

void MockHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *connection = new HttpConnection(socket, this);
        m_state->connectionOpened();
        connect(connection, &QObject::destroyed, this, [state = m_state] { state->connectionClosed(); });
        connection->setIdleTimeoutMs(m_state->config().idleConnectionTimeoutMs);
        connect(connection, &HttpConnection::requestReady, this,
                [this, connection](const HttpRequest &request) { onRequest(connection, request); });
    }
}

void MockHttpServer::onRequest(HttpConnection *connection, const HttpRequest &request)
{
    RecordedRequest recorded;
    recorded.method = request.method;
    recorded.path = request.path;
    recorded.query = request.query;
    recorded.headers = request.headers;
    recorded.body = request.body;
    recorded.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    const bool jsonValid = error.error == QJsonParseError::NoError && document.isObject();
    if (jsonValid)
        recorded.json = document.object();

    const qint64 serial = m_state->record(recorded);
    connection->setIdleTimeoutMs(m_state->config().idleConnectionTimeoutMs);
    Q_EMIT requestReceived(recorded);

    // The reply's times count from when the request arrived, not from here.
    const qint64 receivedNs = request.receivedNs > 0 ? request.receivedNs : DeadlineQueue::nowNs();
    auto *player = new ResponsePlayer(connection, MockRouter::route(request, recorded.json, jsonValid, serial, *m_state),
                                      m_state, m_deadlines, receivedNs);
    player->start();
}

} // namespace Madf::Test

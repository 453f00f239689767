#include "core/llm/socketexchange.h"

#include "core/llm/httpconnectionpool.h"
#include "core/llm/httprequestwriter.h"
#include "core/llm/socketwrite.h"

#include <QNetworkProxy>
#include <QTcpSocket>
#include <QTimerEvent>

namespace Madf {

namespace {

/** The code QNAM gives for the same socket failure, so both transports classify alike. */
QNetworkReply::NetworkError toNetworkError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::RemoteHostClosedError:
        return QNetworkReply::RemoteHostClosedError;
    case QAbstractSocket::HostNotFoundError:
        return QNetworkReply::HostNotFoundError;
    case QAbstractSocket::SocketTimeoutError:
        return QNetworkReply::TimeoutError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

} // namespace

SocketExchange::SocketExchange(std::shared_ptr<HttpConnectionPool> pool, Request request, QObject *parent)
    : HttpExchange(parent)
    , m_pool(pool)
    , m_request(std::move(request))
    , m_host(m_request.url.host())
    , m_port(quint16(m_request.url.port(80)))
{
}

SocketExchange::~SocketExchange()
{
    closeSocket();
}

void SocketExchange::start()
{
    m_wire = httpRequestBytes(m_request.method, m_request.url, m_request.headers, m_request.body);
    m_parser.clear();
    m_parser.startResponse(m_request.method == "HEAD");
    m_starting = true;
    QTcpSocket *socket = nullptr;
    if (const auto pool = m_pool.lock())
        socket = pool->take(m_host, m_port);
    if (socket) {
        m_reused = true;
        useSocket(socket);
        send();
    } else {
        openConnection();
    }
    m_starting = false;
}

void SocketExchange::openConnection()
{
    auto *socket = new QTcpSocket(this);
    // Plain http goes direct; a configured proxy makes the caller choose QNAM instead.
    socket->setProxy(QNetworkProxy::NoProxy);
    if (const auto pool = m_pool.lock())
        pool->track(socket);
    useSocket(socket);
    connect(socket, &QTcpSocket::connected, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        send();
    });
    socket->connectToHost(m_host, m_port);
}

void SocketExchange::useSocket(QTcpSocket *socket)
{
    m_socket = socket;
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &SocketExchange::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &SocketExchange::onBytesWritten);
    connect(socket, &QTcpSocket::errorOccurred, this, &SocketExchange::onSocketError);
    connect(socket, &QTcpSocket::disconnected, this, &SocketExchange::onDisconnected);
}

void SocketExchange::send()
{
    QTcpSocket *socket = m_socket;
    m_received = 0;
    writeToSocket(socket, m_wire);
    // Out now rather than on the next event-loop turn. A dead connection may
    // fail right here, and the handlers may already have moved on.
    socket->flush();
    if (m_socket == socket && !m_ended)
        onBytesWritten();
}

void SocketExchange::onBytesWritten()
{
    if (m_sent || !m_socket || m_socket->bytesToWrite() > 0)
        return;
    m_sent = true;
    if (m_listening)
        Q_EMIT requestSent();
}

void SocketExchange::onReadyRead()
{
    if (!m_socket || m_ended)
        return;
    // Copied out at its exact size: the socket keeps its read buffer for the
    // next read instead of handing it over and allocating a new 16 KiB one.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    QByteArray data(qsizetype(available), Qt::Uninitialized);
    data.resize(qsizetype(qMax<qint64>(0, m_socket->read(data.data(), available))));
    if (data.isEmpty())
        return;
    m_received += data.size();
    process(data);
}

void SocketExchange::process(const QByteArray &data)
{
    const bool hadHead = m_parser.headersComplete();
    QByteArray body;
    const HttpResponseParser::State state = m_parser.feed(data, &body);
    if (state == HttpResponseParser::State::Complete) {
        // Back to the pool before anyone hears of it: the next request may want it.
        releaseSocket(m_parser.keepAlive() && m_parser.bufferedBytes() == 0);
    } else if (state == HttpResponseParser::State::Error) {
        closeSocket();
    }
    if (m_listening && !m_sent) {
        m_sent = true; // an answer proves the request went out
        Q_EMIT requestSent();
    }
    if (m_listening && !hadHead && m_parser.headersComplete()) {
        m_status = m_parser.statusCode();
        m_headers = m_parser.headers();
        Q_EMIT headersReceived();
    }
    if (m_listening && !body.isEmpty())
        Q_EMIT dataReceived(body);
    if (m_ended)
        return; // aborted by a listener
    if (state == HttpResponseParser::State::Complete)
        end();
    else if (state == HttpResponseParser::State::Error)
        fail(QNetworkReply::ProtocolFailure, tr("%1 (from %2)").arg(m_parser.errorString(), peer()));
}

void SocketExchange::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_socket || m_ended)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    // What arrived before the error still counts (a complete reply, say).
    if (m_socket->bytesAvailable() > 0) {
        onReadyRead();
        if (!m_socket || m_ended)
            return;
    }
    const QString message = m_socket->errorString();
    if (m_reused && !m_resent && m_received == 0 && error == QAbstractSocket::NetworkError) {
        resend(); // a reset on a stale connection
        return;
    }
    fail(toNetworkError(error), tr("%1 (%2)").arg(message, peer()));
}

void SocketExchange::onDisconnected()
{
    if (!m_socket || m_ended)
        return;
    if (m_socket->bytesAvailable() > 0) {
        onReadyRead();
        if (!m_socket || m_ended)
            return;
    }
    if (m_reused && !m_resent && m_received == 0) {
        // The server closed the idle connection as we sent on it: it never saw the request.
        resend();
        return;
    }
    if (m_parser.finishInput() == HttpResponseParser::State::Complete) {
        closeSocket();
        end();
        return;
    }
    fail(QNetworkReply::RemoteHostClosedError,
         m_received == 0 ? tr("%1 closed the connection without answering.").arg(peer())
                         : tr("%1 closed the connection before the reply was complete.").arg(peer()));
}

void SocketExchange::resend()
{
    m_resent = true;
    m_reused = false;
    closeSocket();
    m_parser.clear();
    m_parser.startResponse(m_request.method == "HEAD");
    openConnection();
}

void SocketExchange::releaseSocket(bool reusable)
{
    QTcpSocket *socket = m_socket;
    if (!socket)
        return;
    m_socket = nullptr;
    socket->disconnect(this);
    const auto pool = m_pool.lock();
    // A reply that came before the whole request went out (an early error) leaves the connection unusable.
    if (reusable && pool && socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0
        && socket->bytesToWrite() == 0) {
        pool->put(socket, m_host, m_port);
        return;
    }
    // Later: we may be inside one of its signals.
    socket->setParent(nullptr);
    socket->abort();
    socket->deleteLater();
}

void SocketExchange::closeSocket()
{
    releaseSocket(false);
}

void SocketExchange::fail(QNetworkReply::NetworkError error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    closeSocket();
    if (m_starting)
        QMetaObject::invokeMethod(this, &SocketExchange::end, Qt::QueuedConnection); // never from start()
    else
        end();
}

void SocketExchange::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_graceTimer.stop();
    if (m_listening) {
        m_listening = false;
        Q_EMIT finished();
    }
    deleteLater();
}

void SocketExchange::abort()
{
    m_listening = false;
    m_ended = true;
    m_graceTimer.stop();
    closeSocket();
    deleteLater();
}

void SocketExchange::detach(int graceMs)
{
    m_listening = false;
    if (m_ended || !m_socket) {
        // Ended already, or about to (a queued failure): nothing to wait for.
        m_ended = true;
        deleteLater();
        return;
    }
    m_graceTimer.start(qMax(0, graceMs), Qt::CoarseTimer, this);
}

void SocketExchange::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_graceTimer.timerId()) {
        HttpExchange::timerEvent(event);
        return;
    }
    // The response did not end in time: the connection goes with it.
    abort();
}

QString SocketExchange::peer() const
{
    return m_host + QLatin1Char(':') + QString::number(m_port);
}

} // namespace Madf

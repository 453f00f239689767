#include "httpconnection.h"

#include "deadlinequeue.h"

#include "core/llm/socketwrite.h"

#include <QTcpSocket>
#include <QTimer>
#include <QTimerEvent>

namespace Madf::Test {

namespace {
constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr qint64 kMaxBodyBytes = 64 * 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 529: return "Site Overloaded";
    default: return "Status";
    }
}
} // namespace

QByteArray HttpRequest::header(QByteArrayView lowerCaseName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerCaseName)
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView lowerCaseName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerCaseName)
            return true;
    }
    return false;
}

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::checkFlushed);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

bool HttpConnection::isOpen() const
{
    return !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::setIdleTimeoutMs(int ms)
{
    m_idleTimeoutMs = qMax(0, ms);
    if (m_idleTimeoutMs == 0)
        m_idleTimer.stop();
    else if (!m_busy && m_buffer.isEmpty())
        m_idleTimer.start(m_idleTimeoutMs, this);
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_idleTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_idleTimer.stop();
    // As servers do with a keep-alive connection that stays unused: a clean close.
    if (!m_busy && m_buffer.isEmpty() && m_socket->bytesAvailable() == 0)
        closeAfterFlush();
}

void HttpConnection::onReadyRead()
{
    m_idleTimer.stop();
    m_readNs = DeadlineQueue::nowNs();
    // Straight into our buffer: readAll() would grow one chunk by chunk, and
    // taking the socket's own buffer makes it allocate a new one per read.
    const qint64 available = m_socket->bytesAvailable();
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + qsizetype(available));
    m_buffer.resize(old + qsizetype(qMax<qint64>(0, m_socket->read(m_buffer.data() + old, available))));
    parse();
}

void HttpConnection::parse()
{
    while (!m_busy && !m_closed) {
        if (m_bodyStart < 0) {
            // Resume the search where the last read stopped (minus a partial terminator).
            const qsizetype end = m_buffer.indexOf("\r\n\r\n", qMax<qsizetype>(0, m_scanOffset - 3));
            if (end < 0) {
                m_scanOffset = m_buffer.size();
                if (m_buffer.size() > kMaxHeadBytes)
                    reject(431);
                return;
            }
            m_request = HttpRequest();
            if (!parseHead(QByteArrayView(m_buffer).first(end))) {
                reject(400);
                return;
            }
            m_bodyStart = end + 4;
            if (m_request.hasHeader("transfer-encoding")) {
                reject(411); // chunked request bodies are not needed by any client we test
                return;
            }
            bool ok = true;
            const QByteArray length = m_request.header("content-length");
            m_contentLength = length.isEmpty() ? 0 : length.trimmed().toLongLong(&ok);
            if (!ok || m_contentLength < 0) {
                reject(400);
                return;
            }
            if (m_contentLength > kMaxBodyBytes) {
                reject(413);
                return;
            }
            if (m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        if (m_buffer.size() - m_bodyStart < m_contentLength)
            return;

        m_request.body = m_buffer.mid(m_bodyStart, m_contentLength);
        m_buffer.remove(0, m_bodyStart + m_contentLength);
        m_bodyStart = -1;
        m_scanOffset = 0;
        m_busy = true;
        m_chunked = false;
        m_awaitingFlush = false;
        m_keepAlive = m_request.keepAlive;
        m_request.receivedNs = m_readNs;
        const HttpRequest request = std::move(m_request);
        m_request = HttpRequest();
        Q_EMIT requestReady(request);
    }
}

bool HttpConnection::parseHead(QByteArrayView head)
{
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1."))
        return false;
    m_request.method = parts[0];
    m_request.version = parts[2];
    const qsizetype q = parts[1].indexOf('?');
    m_request.path = q < 0 ? parts[1] : parts[1].first(q);
    m_request.query = q < 0 ? QByteArray() : parts[1].sliced(q + 1);

    while (lineEnd >= 0) {
        const qsizetype start = lineEnd + 2;
        lineEnd = head.indexOf("\r\n", start);
        const QByteArrayView line = head.sliced(start, (lineEnd < 0 ? head.size() : lineEnd) - start);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        m_request.headers.append({line.first(colon).trimmed().toByteArray().toLower(),
                                  line.sliced(colon + 1).trimmed().toByteArray()});
    }

    const QByteArray connection = m_request.header("connection").toLower();
    m_request.keepAlive = m_request.version == "HTTP/1.1" ? !connection.contains("close")
                                                          : connection.contains("keep-alive");
    return true;
}

void HttpConnection::reject(int status)
{
    m_busy = true;
    m_keepAlive = false;
    sendResponse(status, {{"content-type", "text/plain"}}, reasonPhrase(status) + '\n');
}

QByteArray HttpConnection::head(int status, const HttpHeaders &headers, qint64 contentLength, qsizetype reserve)
{
    m_chunked = contentLength < 0;
    QByteArray head;
    head.reserve(512 + reserve);
    head += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &h : headers)
        head += h.first + ": " + h.second + "\r\n";
    head += m_chunked ? QByteArrayLiteral("transfer-encoding: chunked\r\n")
                      : "content-length: " + QByteArray::number(contentLength) + "\r\n";
    head += m_keepAlive ? QByteArrayLiteral("connection: keep-alive\r\n\r\n")
                        : QByteArrayLiteral("connection: close\r\n\r\n");
    return head;
}

void HttpConnection::sendResponse(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (m_closed)
        return;
    // One write for the whole response.
    QByteArray response = head(status, headers, body.size(), body.size());
    response += body;
    writeToSocket(m_socket, response);
    endResponse();
}

void HttpConnection::sendHead(int status, const HttpHeaders &headers, qint64 contentLength)
{
    if (m_closed)
        return;
    writeToSocket(m_socket, head(status, headers, contentLength, 0));
}

void HttpConnection::sendBody(QByteArrayView data)
{
    if (m_closed || data.isEmpty())
        return;
    if (m_chunked) {
        writeToSocket(m_socket, QByteArray(QByteArray::number(data.size(), 16) + "\r\n" + data.toByteArray() + "\r\n"));
    } else {
        writeToSocket(m_socket, data);
    }
}

void HttpConnection::sendPartialChunk(QByteArrayView data, qsizetype sendBytes)
{
    if (m_closed || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data.first(qBound<qsizetype>(0, sendBytes, data.size())).toByteArray());
}

void HttpConnection::endResponse()
{
    if (m_closed)
        return;
    if (m_chunked)
        writeToSocket(m_socket, "0\r\n\r\n");
    m_awaitingFlush = true;
    // Out now rather than on the next event-loop turn; bytesWritten tells
    // when the rest drained, if any was left.
    m_socket->flush();
    checkFlushed();
}

void HttpConnection::checkFlushed()
{
    if (m_awaitingFlush && !m_closed && m_socket->bytesToWrite() == 0)
        completeResponse();
}

void HttpConnection::completeResponse()
{
    m_awaitingFlush = false;
    m_busy = false;
    Q_EMIT responseFinished();
    if (!m_keepAlive) {
        m_closed = true;
        m_socket->disconnectFromHost();
        return;
    }
    // A pipelined request may already be waiting in the buffer.
    if (!m_buffer.isEmpty()) {
        // A pipelined request waits from now on, as if it had just come.
        QTimer::singleShot(0, this, [this] {
            m_readNs = DeadlineQueue::nowNs();
            parse();
        });
    } else if (m_idleTimeoutMs > 0) {
        m_idleTimer.start(m_idleTimeoutMs, this);
    }
}

void HttpConnection::closeAfterFlush()
{
    if (m_closed)
        return;
    m_closed = true;
    m_socket->disconnectFromHost();
}

void HttpConnection::abort()
{
    if (m_closed)
        return;
    m_closed = true;
    m_socket->abort();
    onDisconnected();
}

void HttpConnection::onDisconnected()
{
    if (m_busy) {
        m_busy = false;
        Q_EMIT responseFinished();
    }
    m_closed = true;
    deleteLater();
}

} // namespace Madf::Test

#include "core/llm/httpconnectionpool.h"
#include "core/llm/monotonicclock.h"

#include <QTcpSocket>
#include <QTimerEvent>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#endif

namespace Madf {

namespace {

QString keyFor(const QString &host, quint16 port)
{
    return host + QLatin1Char(':') + QString::number(port);
}

/** False when the server has closed the connection or sent something
 *  unasked, even if the event loop has not told us yet. */
bool looksReusable(QTcpSocket *socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState || socket->bytesAvailable() > 0)
        return false;
#ifdef Q_OS_UNIX
    // One peek: a close that arrived since the last event-loop turn would
    // otherwise cost a request sent into a dead connection.
    char byte;
    const auto n = ::recv(int(socket->socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n >= 0)
        return false; // 0: closed; > 0: bytes nobody asked for
    return errno == EAGAIN || errno == EWOULDBLOCK;
#else
    return true;
#endif
}

} // namespace

HttpConnectionPool::HttpConnectionPool(QObject *parent)
    : QObject(parent)
{
}

HttpConnectionPool::~HttpConnectionPool()
{
    std::vector<Idle> idle;
    idle.swap(m_idle);
    for (Idle &entry : idle)
        discard(unwatch(entry));
}

void HttpConnectionPool::setIdleTimeoutMs(int ms)
{
    m_idleTimeoutMs = qMax(1, ms);
    sweep();
}

QTcpSocket *HttpConnectionPool::take(const QString &host, quint16 port)
{
    const QString key = keyFor(host, port);
    for (auto i = qsizetype(m_idle.size()) - 1; i >= 0; --i) {
        if (m_idle[size_t(i)].key != key)
            continue;
        QTcpSocket *socket = unwatch(m_idle[size_t(i)]);
        m_idle.erase(m_idle.begin() + i);
        if (!looksReusable(socket)) {
            discard(socket);
            continue;
        }
        socket->setParent(nullptr);
        if (m_idle.empty())
            m_sweepTimer.stop();
        return socket;
    }
    return nullptr;
}

void HttpConnectionPool::put(QTcpSocket *socket, const QString &host, quint16 port)
{
    socket->setParent(this);
    Idle entry{socket, keyFor(host, port), monotonicMs(), {}};
    // Anything from the server while idle means the connection is no longer ours to use.
    entry.watch[0] = connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); });
    entry.watch[1] = connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    entry.watch[2] = connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { drop(socket); });
    m_idle.push_back(std::move(entry));
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start(qBound(50, m_idleTimeoutMs / 4, 5000), Qt::CoarseTimer, this);
}

void HttpConnectionPool::track(QTcpSocket *socket)
{
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
}

void HttpConnectionPool::drop(QTcpSocket *socket)
{
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        if (it->socket == socket) {
            unwatch(*it);
            m_idle.erase(it);
            discard(socket);
            break;
        }
    }
    if (m_idle.empty())
        m_sweepTimer.stop();
}

QTcpSocket *HttpConnectionPool::unwatch(Idle &entry)
{
    for (const QMetaObject::Connection &c : entry.watch)
        QObject::disconnect(c);
    return entry.socket;
}

void HttpConnectionPool::discard(QTcpSocket *socket)
{
    // Later: this may run inside one of the socket's own signals.
    socket->setParent(nullptr);
    socket->abort();
    socket->deleteLater();
}

void HttpConnectionPool::sweep()
{
    const qint64 now = monotonicMs();
    while (!m_idle.empty() && now - m_idle.front().sinceMs >= m_idleTimeoutMs) {
        QTcpSocket *socket = unwatch(m_idle.front());
        m_idle.erase(m_idle.begin());
        discard(socket);
    }
    if (m_idle.empty())
        m_sweepTimer.stop();
}

void HttpConnectionPool::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_sweepTimer.timerId())
        sweep();
    else
        QObject::timerEvent(event);
}

} // namespace Madf

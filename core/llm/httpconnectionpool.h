#pragma once

#include <QBasicTimer>
#include <QObject>
#include <QString>

#include <vector>

class QTcpSocket;

namespace Madf {

/** Idle keep-alive connections of our plain-http transport, per host and
 *  port. An exchange takes the most recently used one (LIFO: the warmest,
 *  and the least likely to have been closed by the server) or opens its own,
 *  and puts it back when its response has ended cleanly. There is no cap
 *  per host: the caller's in-flight limit bounds the connections.
 *
 *  An idle connection is dropped when the server closes it or sends
 *  anything, after idleTimeoutMs(), and when the pool goes. Lives in the
 *  thread of its exchanges (the engine's). */
class HttpConnectionPool : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIdleTimeoutMs = 30000;

    explicit HttpConnectionPool(QObject *parent = nullptr);
    ~HttpConnectionPool() override;

    /** The most recently parked connection to @p host : @p port that still
     *  looks open, or nullptr. The caller owns it now. */
    QTcpSocket *take(const QString &host, quint16 port);
    /** Parks @p socket, connected and between responses, for reuse. */
    void put(QTcpSocket *socket, const QString &host, quint16 port);
    /** Counts @p socket, opened for this pool's host, in openCount() while it lives. */
    void track(QTcpSocket *socket);

    int idleCount() const { return int(m_idle.size()); }
    /** Connections alive: idle plus in use. */
    int openCount() const { return m_open; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    void setIdleTimeoutMs(int ms);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Idle
    {
        QTcpSocket *socket;
        QString key;
        qint64 sinceMs;
        QMetaObject::Connection watch[3]; // anything from the server while idle
    };

    void drop(QTcpSocket *socket);
    /** Stops watching @p entry's socket; the socket stays counted until it is destroyed. */
    static QTcpSocket *unwatch(Idle &entry);
    static void discard(QTcpSocket *socket);
    void sweep();

    std::vector<Idle> m_idle;   // oldest first
    QBasicTimer m_sweepTimer;
    int m_idleTimeoutMs = kDefaultIdleTimeoutMs;
    int m_open = 0;
};

} // namespace Madf

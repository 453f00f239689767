#pragma once

#include <QList>

class QNetworkAccessManager;

namespace Madf {

/** The QNetworkAccessManagers of one https endpoint (plain http goes over
 *  our own transport, SocketExchange, which has no such cap). Qt 6.4 opens
 *  at most 6 HTTP/1.1 connections per host and port per manager and silently queues
 *  the rest (QHttp1Configuration only came in 6.5), so a 7th concurrent
 *  request would wait unseen. The pool hands out the manager with the fewest
 *  requests in flight and creates another one when every manager already has
 *  6, so requests really run concurrently. Managers are created lazily in the
 *  calling thread (the engine's) and kept for reuse of their keep-alive
 *  connections; the pool's destructor deletes them later, once pending
 *  events are through. */
class NetworkManagerPool
{
public:
    static constexpr int kConnectionsPerManager = 6;

    NetworkManagerPool() = default;
    ~NetworkManagerPool();
    NetworkManagerPool(const NetworkManagerPool &) = delete;
    NetworkManagerPool &operator=(const NetworkManagerPool &) = delete;

    QNetworkAccessManager *acquire();
    void release(QNetworkAccessManager *manager);

    int managerCount() const { return int(m_slots.size()); }
    int inFlight() const;

private:
    struct Slot
    {
        QNetworkAccessManager *manager;
        int inFlight;
    };
    QList<Slot> m_slots;
};

} // namespace Madf

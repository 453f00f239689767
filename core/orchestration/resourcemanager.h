#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariantMap>

#include <deque>
#include <functional>

namespace Madf {

/** The framework's agent pool: at most `max_agents` agents work at once.
 *  Who wants one calls acquire() and is called back with a slot when one is
 *  free, first come first served; it gives the slot back with release().
 *
 *  Lives in the engine thread and never blocks. `granted` is always called
 *  later from the event loop, never from inside acquire() or release(), so a
 *  caller sees the same order of events whether it waited or not. */
class ResourceManager : public QObject
{
    Q_OBJECT

public:
    /** The framework's `get_stats()`, typed. Wait times in seconds. */
    struct Stats
    {
        int maxAgents = 0;
        int available = 0;            ///< max_agents − in_use, never below 0 (after shrinking)
        int inUse = 0;
        double utilization = 0;       ///< in_use / max_agents (can pass 1 while shrinking)
        qint64 totalAllocations = 0;
        qint64 totalDeallocations = 0;
        int peakUsage = 0;
        double avgWaitTime = 0;       ///< over every granted acquisition, zero waits included
        int waiting = 0;              ///< requests in the queue
    };

    explicit ResourceManager(int maxAgents, QObject *parent = nullptr);
    ~ResourceManager() override;

    /** Asks for an agent. `granted(slotId)` runs once, in this object's
     *  thread, when one is free and every earlier request has been served.
     *  If `context` is destroyed (or cancelPending(context) is called) before
     *  that, the request is dropped and `granted` never runs. */
    void acquire(QObject *context, std::function<void(int slotId)> granted);
    /** Gives a slot back. Unknown or already released ids are ignored. */
    void release(int slotId);
    /** Drops the queued requests of `context`, including one granted but not
     *  yet delivered (its slot goes back to the pool). */
    void cancelPending(QObject *context);

    int maxAgents() const { return m_maxAgents; }
    /** At least 1. Growing serves waiting requests at once; shrinking lets
     *  agents in use finish and grants nothing until in_use is below the new
     *  maximum. */
    void setMaxAgents(int maxAgents);

    int inUse() const { return int(m_inUse.size()); }
    int waiting() const { return int(m_pending.size()); }

    Stats stats() const;
    /** Exactly the framework's keys: max_agents, available, in_use,
     *  utilization, total_allocations, total_deallocations, peak_usage,
     *  avg_wait_time. */
    QVariantMap getStats() const;

Q_SIGNALS:
    void usageChanged(int inUse, int maxAgents);

private:
    struct Request
    {
        QPointer<QObject> context;
        std::function<void(int)> granted;
        QElapsedTimer waited;
    };

    bool grantWaiting();  // true when it granted (and signalled)
    void deliver(int slotId);
    void dropRequestsOf(QObject *context);
    void watch(QObject *context);

    int m_maxAgents;
    int m_nextSlotId = 1;
    std::deque<Request> m_pending;
    QSet<int> m_inUse;
    QHash<int, Request> m_undelivered;  // granted, callback queued
    QSet<QObject *> m_watched;          // contexts whose destroyed() we follow
    qint64 m_totalAllocations = 0;
    qint64 m_totalDeallocations = 0;
    int m_peakUsage = 0;
    qint64 m_totalWaitNs = 0;
};

} // namespace Madf

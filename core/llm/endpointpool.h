#pragma once

#include "core/config/providerconfig.h"
#include "core/llm/endpoint.h"
#include "core/llm/endpointstatus.h"

#include <QBasicTimer>
#include <QList>
#include <QObject>

#include <deque>
#include <memory>

namespace Madf {

/** The replicas (base URLs) of one provider and the queue of calls waiting
 *  for one of them. A call asks for a slot before each attempt and gives it
 *  back with the attempt's outcome; the pool grants slots first come, first
 *  served (the wait is reported as the call's queued time, never hidden) to
 *  the replica with the fewest requests outstanding among those that may
 *  take one now: circuit closed (or half-open for its one probe), below its
 *  adaptive in-flight limit, and within its rate budget.
 *
 *  When every replica's circuit is open, a call waits for the first cool-down
 *  to end if its deadline allows that, and otherwise fails at once with the
 *  last error the replicas gave (so a dead local server costs seconds, not
 *  the full timeout, and a short outage costs no document).
 *
 *  Lives in the engine thread, like the calls that use it. */
class EndpointPool : public QObject
{
    Q_OBJECT

public:
    explicit EndpointPool(const ProviderConfig &config, QObject *parent = nullptr);
    ~EndpointPool() override;

    /** New limits, and base URLs added or removed; replicas whose URL stays
     *  keep their state. Requests running on a removed replica finish there. */
    void setConfig(const ProviderConfig &config);
    const ProviderConfig &config() const { return m_config; }

    enum class AcquireStatus { Granted, Queued, Unavailable };
    struct AcquireResult
    {
        AcquireStatus status = AcquireStatus::Unavailable;
        EndpointGrant grant;                          ///< when Granted
        LlmErrorKind errorKind = LlmErrorKind::None;  ///< when Unavailable
        QString message;
    };

    /** A slot for a request estimated at @p tokens, needed by @p deadlineMs
     *  (monotonic ms): granted now, or the waiter is queued and told later. */
    AcquireResult acquire(EndpointWaiter *waiter, qint64 tokens, qint64 deadlineMs);
    /** Leaves the queue (cancelled, timed out, destroyed). */
    void cancelWait(EndpointWaiter *waiter);
    /** Gives the slot back, with what the attempt says about the replica. */
    void release(EndpointGrant &grant, const EndpointOutcome &outcome);

    QList<EndpointStatus> status() const;
    int queuedCount() const { return int(m_queue.size()); }

Q_SIGNALS:
    /** Something in status() changed; at most ten times a second. */
    void statusChanged();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Waiter
    {
        EndpointWaiter *waiter;
        qint64 tokens;
        qint64 deadlineMs;
        qint64 enqueuedMs;
    };

    void applyConfig(const ProviderConfig &config);
    EndpointGrant tryGrant(qint64 tokens, qint64 nowMs);
    /** True when no replica can take a request before @p *reopenAtMs. */
    bool allOpen(qint64 nowMs, qint64 *reopenAtMs, LlmErrorKind *lastKind) const;
    QString unavailableMessage(LlmErrorKind lastKind, qint64 reopenInMs) const;
    void pump();
    void failHopeless(qint64 nowMs);
    void scheduleWake(qint64 nowMs);
    void noteChange();

    ProviderConfig m_config;
    QList<std::shared_ptr<Endpoint>> m_endpoints;
    std::deque<Waiter> m_queue;
    QBasicTimer m_wakeTimer;
    QBasicTimer m_statusTimer;
    bool m_pumping = false;
    bool m_pumpAgain = false;
};

} // namespace Madf

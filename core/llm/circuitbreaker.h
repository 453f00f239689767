#pragma once

#include <QString>
#include <QtGlobal>

namespace Madf {

/** Health of one replica as its circuit breaker sees it. */
enum class CircuitState {
    Closed,   ///< healthy: requests flow
    Open,     ///< failing: skipped until the cool-down has passed
    HalfOpen, ///< cool-down over: one probe request may go
};

/** Stable lower-case name: "closed", "open", "half_open". (Not toString():
 *  QTest's QCOMPARE would find it by ADL and fail to compile.) */
QString circuitStateName(CircuitState state);

/** The circuit breaker of one replica (endpoint): after `failureThreshold`
 *  consecutive failures (connection errors, 5xx, timeouts; never 4xx, which
 *  prove the server answers) the replica is taken out for `cooldownMs`; then
 *  one probe request is let through, and its success brings the replica back
 *  while its failure takes it out for another cool-down.
 *
 *  Plain state machine: the caller passes the time (milliseconds on a
 *  monotonic clock), so tests need no waiting. */
class CircuitBreaker
{
public:
    void configure(int failureThreshold, qint64 cooldownMs);

    CircuitState state(qint64 nowMs) const;
    /** A new request may go now (closed, or half-open with no probe out). */
    bool allowsRequest(qint64 nowMs) const;
    /** Records that a request starts; returns true when it is the probe of a
     *  half-open breaker. Call only when allowsRequest() said yes. */
    bool onRequestStarted(qint64 nowMs);

    void onSuccess();
    void onFailure(qint64 nowMs, bool probe);
    /** The request ended without telling anything about the replica's health
     *  (cancelled, total deadline): a probe's slot is freed for another one. */
    void onNeutral(bool probe);

    int consecutiveFailures() const { return m_failures; }
    /** When an open breaker turns half-open; meaningful in the Open state. */
    qint64 halfOpenAtMs() const { return m_openedAtMs + m_cooldownMs; }

private:
    int m_threshold = 5;
    qint64 m_cooldownMs = 30000;
    int m_failures = 0;
    bool m_open = false;
    qint64 m_openedAtMs = 0;
    bool m_probeOut = false;
};

} // namespace Madf

#include "core/llm/circuitbreaker.h"

namespace Madf {

QString circuitStateName(CircuitState state)
{
    switch (state) {
    case CircuitState::Closed: return QStringLiteral("closed");
    case CircuitState::Open: return QStringLiteral("open");
    case CircuitState::HalfOpen: return QStringLiteral("half_open");
    }
    return {};
}

void CircuitBreaker::configure(int failureThreshold, qint64 cooldownMs)
{
    m_threshold = qMax(1, failureThreshold);
    m_cooldownMs = qMax<qint64>(0, cooldownMs);
}

CircuitState CircuitBreaker::state(qint64 nowMs) const
{
    if (!m_open)
        return CircuitState::Closed;
    return nowMs >= halfOpenAtMs() ? CircuitState::HalfOpen : CircuitState::Open;
}

bool CircuitBreaker::allowsRequest(qint64 nowMs) const
{
    switch (state(nowMs)) {
    case CircuitState::Closed: return true;
    case CircuitState::HalfOpen: return !m_probeOut;
    case CircuitState::Open: return false;
    }
    return false;
}

bool CircuitBreaker::onRequestStarted(qint64 nowMs)
{
    if (state(nowMs) != CircuitState::HalfOpen)
        return false;
    m_probeOut = true;
    return true;
}

void CircuitBreaker::onSuccess()
{
    // Any answer proves the replica works again, the probe's or a late one's.
    m_failures = 0;
    m_open = false;
    m_probeOut = false;
}

void CircuitBreaker::onFailure(qint64 nowMs, bool probe)
{
    ++m_failures;
    if (probe) {
        m_probeOut = false;
        m_open = true;
        m_openedAtMs = nowMs;
        return;
    }
    // Requests sent before the breaker opened may still fail: they must not
    // push the cool-down further away.
    if (!m_open && m_failures >= m_threshold) {
        m_open = true;
        m_openedAtMs = nowMs;
    }
}

void CircuitBreaker::onNeutral(bool probe)
{
    if (probe)
        m_probeOut = false;
}

} // namespace Madf

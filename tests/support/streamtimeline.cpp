#include "streamtimeline.h"

#include <cmath>

namespace Madf::Test {

StreamTimeline::StreamTimeline(qint64 timeToFirstTokenMs, double tokensPerSecond)
    : m_ttftMs(qMax<qint64>(0, timeToFirstTokenMs))
    , m_tokensPerSecond(tokensPerSecond)
{
}

void StreamTimeline::setKeepAlive(const QByteArray &keepAlive, int intervalMs)
{
    m_keepAlive = keepAlive;
    m_keepAliveIntervalMs = intervalMs;
    if (!keepAlive.isEmpty())
        append(m_lastMs, keepAlive);
}

void StreamTimeline::addNow(const QByteArray &data)
{
    append(m_lastMs, data);
}

void StreamTimeline::addTokens(const QByteArray &data, int tokens)
{
    // The first token lands at the time to first token; each later one 1/tps after the one before.
    const qint64 pacedBefore = m_tokens;
    m_tokens += qMax(0, tokens);
    qint64 at = m_ttftMs;
    if (m_tokensPerSecond > 0 && pacedBefore > 0)
        at += qint64(std::llround(double(m_tokens - 1) * 1000.0 / m_tokensPerSecond));
    append(qMax(at, m_lastMs), data);
}

void StreamTimeline::addAfterTokens(const QByteArray &data)
{
    append(qMax(m_lastMs, m_ttftMs), data);
}

void StreamTimeline::append(qint64 atMs, const QByteArray &data)
{
    if (m_keepAliveIntervalMs > 0 && !m_keepAlive.isEmpty()) {
        for (qint64 t = m_lastMs + m_keepAliveIntervalMs; t < atMs; t += m_keepAliveIntervalMs)
            m_steps.append({t, m_keepAlive});
    }
    m_steps.append({atMs, data});
    m_lastMs = atMs;
}

} // namespace Madf::Test

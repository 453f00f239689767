#pragma once

#include "responseplan.h"

namespace Madf::Test {

/** Schedules the events of a streamed reply: the first token after the time to
 *  first token, the next ones paced at tokens per second, and a keep-alive
 *  while the stream would otherwise stay silent longer than an interval. */
class StreamTimeline
{
public:
    StreamTimeline(qint64 timeToFirstTokenMs, double tokensPerSecond);

    /** Sends @p keepAlive at the start and during every silence longer than @p intervalMs. */
    void setKeepAlive(const QByteArray &keepAlive, int intervalMs);

    /** Data sent as soon as possible (before the first token). */
    void addNow(const QByteArray &data);
    /** Data carrying @p tokens generated tokens, paced. */
    void addTokens(const QByteArray &data, int tokens);
    /** Data sent together with the last token. */
    void addAfterTokens(const QByteArray &data);

    QList<StreamStep> steps() const { return m_steps; }
    qint64 lastMs() const { return m_lastMs; }

private:
    void append(qint64 atMs, const QByteArray &data);

    qint64 m_ttftMs;
    double m_tokensPerSecond;
    QByteArray m_keepAlive;
    int m_keepAliveIntervalMs = 0;
    qint64 m_tokens = 0;
    qint64 m_lastMs = 0;
    QList<StreamStep> m_steps;
};

} // namespace Madf::Test

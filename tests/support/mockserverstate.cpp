#include "mockserverstate.h"

namespace Madf::Test {

QByteArray RecordedRequest::header(QByteArrayView lowerCaseName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerCaseName)
            return h.second;
    }
    return {};
}

MockLlmConfig MockServerState::config() const
{
    QMutexLocker lock(&m_mutex);
    return m_config;
}

void MockServerState::setConfig(const MockLlmConfig &config)
{
    QMutexLocker lock(&m_mutex);
    m_config = config;
}

qint64 MockServerState::record(const RecordedRequest &request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
    ++m_pathCounts[request.path];
    return m_requests.size();
}

int MockServerState::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

int MockServerState::requestCount(const QByteArray &path) const
{
    QMutexLocker lock(&m_mutex);
    return m_pathCounts.value(path);
}

QList<RecordedRequest> MockServerState::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

bool MockServerState::takeFault(const QByteArray &faultKey, int maxCount)
{
    QMutexLocker lock(&m_mutex);
    const int seen = ++m_faultCounts[faultKey];
    return maxCount < 0 || seen <= maxCount;
}

void MockServerState::addTokensServed(qint64 tokens)
{
    QMutexLocker lock(&m_mutex);
    m_tokensServed += tokens;
}

qint64 MockServerState::tokensServed() const
{
    QMutexLocker lock(&m_mutex);
    return m_tokensServed;
}

void MockServerState::exchangeStarted()
{
    const int now = ++m_current;
    int peak = m_peak.load();
    while (now > peak && !m_peak.compare_exchange_weak(peak, now)) {
    }
}

void MockServerState::exchangeFinished()
{
    --m_current;
}

void MockServerState::connectionOpened()
{
    ++m_connections;
    ++m_openConnections;
}

void MockServerState::connectionClosed()
{
    --m_openConnections;
}

void MockServerState::reset()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_pathCounts.clear();
    m_faultCounts.clear();
    m_tokensServed = 0;
    m_connections.store(0);
    // Replies still in flight keep counting; the peak starts again from them.
    m_peak.store(m_current.load());
}

} // namespace Madf::Test

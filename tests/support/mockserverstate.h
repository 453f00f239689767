#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QPair>
#include <QStringList>

#include <atomic>

namespace Madf::Test {

/** Rate-limit figures the mock server reports in its `x-ratelimit-*` (OpenAI)
 *  and `anthropic-ratelimit-*` headers. */
struct MockRateLimits
{
    qint64 requestsLimit = 10000;
    qint64 tokensLimit = 2000000;
    qint64 requestsRemaining = -1; ///< -1: the limit minus the requests received since reset()
    qint64 tokensRemaining = -1;   ///< -1: the limit minus the tokens served since reset()
    qint64 resetRequestsMs = 1000; ///< sent as "1s" (OpenAI) or now + this as RFC 3339 (Anthropic)
    qint64 resetTokensMs = 6000;
};

/** Server-wide behaviour of the mock LLM server. Per-request headers
 *  (`x-mock-ttft-ms`, `x-mock-tps`, `x-mock-reply-tokens`, ...) override it. */
struct MockLlmConfig
{
    int timeToFirstTokenMs = 0;
    double tokensPerSecond = 0;    ///< 0: no pacing, the whole reply at once
    int defaultReplyTokens = 60;   ///< length of a generated reply when max_tokens allows it
    int keepAliveIntervalMs = 1000; ///< keep-alive comment / ping while a stream waits this long
    int idleConnectionTimeoutMs = 0; ///< an idle keep-alive connection is closed after this long; 0: never
    int slowHeadersMs = 3000;      ///< delay of the `slow-headers` fault (`x-mock-delay-ms` overrides)
    int retryAfterSeconds = 1;     ///< `retry-after` sent with a 429 fault (`x-mock-retry-after` overrides)
    QString requiredApiKey;        ///< empty: any key, or none, is accepted
    QStringList models{QStringLiteral("mock-gpt-4o"), QStringLiteral("mock-claude-3-5-sonnet"),
                       QStringLiteral("mock-llama3:8b")};
    MockRateLimits rateLimits;
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/** One request as the mock server received it. */
struct RecordedRequest
{
    QByteArray method;
    QByteArray path;     ///< without the query string
    QByteArray query;
    HttpHeaders headers; ///< names in lower case, in arrival order
    QByteArray body;
    QJsonObject json;    ///< the body parsed, empty when it is not a JSON object
    qint64 receivedAtMs = 0; ///< milliseconds since the epoch

    /** Value of the header @p lowerCaseName, empty when absent. */
    QByteArray header(QByteArrayView lowerCaseName) const;
};

/** Everything the mock server's thread and its users share: configuration,
 *  recorded requests and counters. Every member is safe to call from any
 *  thread. */
class MockServerState
{
public:
    MockLlmConfig config() const;
    void setConfig(const MockLlmConfig &config);
    template<typename Fn>
    void updateConfig(Fn &&change)
    {
        QMutexLocker lock(&m_mutex);
        change(m_config);
    }

    /** Records a request; returns its serial number (1 for the first since reset()). */
    qint64 record(const RecordedRequest &request);
    int requestCount() const;
    int requestCount(const QByteArray &path) const;
    QList<RecordedRequest> requests() const;

    /** Counts one more request carrying @p faultKey; true while that count is
     *  at most @p maxCount (maxCount < 0: always). */
    bool takeFault(const QByteArray &faultKey, int maxCount);

    void addTokensServed(qint64 tokens);
    qint64 tokensServed() const;

    void exchangeStarted();
    void exchangeFinished();
    int currentConcurrent() const { return m_current.load(); }
    int peakConcurrent() const { return m_peak.load(); }

    void connectionOpened();
    void connectionClosed();
    /** Connections accepted since reset(). */
    int connectionCount() const { return m_connections.load(); }
    /** Connections open now. */
    int openConnectionCount() const { return m_openConnections.load(); }

    /** Forgets requests, counters and fault counts; the configuration stays. */
    void reset();

private:
    mutable QMutex m_mutex;
    MockLlmConfig m_config;
    QList<RecordedRequest> m_requests;
    QHash<QByteArray, int> m_pathCounts;
    QHash<QByteArray, int> m_faultCounts;
    qint64 m_tokensServed = 0;
    std::atomic<int> m_current{0};
    std::atomic<int> m_peak{0};
    std::atomic<int> m_connections{0};
    std::atomic<int> m_openConnections{0};
};

} // namespace Madf::Test

Q_DECLARE_METATYPE(Madf::Test::RecordedRequest)

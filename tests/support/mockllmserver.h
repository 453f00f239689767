#pragma once

#include "mockserverstate.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

namespace Madf::Test {

class MockHttpServer;

/** The project's own LLM server for tests and benchmarks: speaks OpenAI Chat
 *  Completions, Anthropic Messages, the model lists, Ollama's /api/tags and
 *  /health over real HTTP/1.1 on loopback, exactly in the wire formats of
 *  shared/reference/llm-apis.md, with deterministic text, configurable
 *  timing (time to first token, tokens per second) and fault injection.
 *
 *  Per request, headers steer it: `x-mock-fault` (or model `mock-fault-<f>`),
 *  `x-mock-fault-count`, `x-mock-fault-key`, `x-mock-ttft-ms`, `x-mock-tps`,
 *  `x-mock-reply-tokens`, `x-mock-retry-after`, `x-mock-retry-after-ms`,
 *  `x-mock-delay-ms`, `x-mock-cached-tokens`, `x-mock-cache-write-tokens`,
 *  `x-mock-reasoning-tokens`. A last user message with a line
 *  `MOCK_REPLY: <text>` (or a `MOCK_REPLY_BEGIN` … `MOCK_REPLY_END` block)
 *  gets exactly that text back.
 *
 *  The server runs in the caller's thread (start()) or in its own thread
 *  (startInThread()); every getter and setter is thread-safe. */
class MockLlmServer : public QObject
{
    Q_OBJECT

public:
    explicit MockLlmServer(QObject *parent = nullptr);
    ~MockLlmServer() override;

    /** Listens in the calling thread; @p port 0 picks a free one. */
    bool start(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    /** Listens in a thread of its own, so a benchmark's client does not share its event loop. */
    bool startInThread(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    /** Closes the listener and every open connection. */
    void stop();

    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    /** `http://127.0.0.1:PORT` (no /v1: OpenAI clients append it, Anthropic's path carries it). */
    QUrl baseUrl() const;
    /** `baseUrl()` + `/v1`, the base URL an OpenAI client is configured with. */
    QUrl openAiBaseUrl() const;
    QString errorString() const { return m_errorString; }

    MockLlmConfig config() const;
    void setConfig(const MockLlmConfig &config);
    void setTimeToFirstTokenMs(int ms);
    void setTokensPerSecond(double tokensPerSecond);
    void setDefaultReplyTokens(int tokens);
    void setRequiredApiKey(const QString &key);
    void setKeepAliveIntervalMs(int ms);
    /** Closes a keep-alive connection that stays idle this long (0: never, the default). */
    void setIdleConnectionTimeoutMs(int ms);
    void setRateLimits(const MockRateLimits &limits);
    void setModels(const QStringList &models);

    int requestCount() const;
    /** Requests received on @p path exactly as sent (without query), e.g. "/v1/chat/completions". */
    int requestCount(const QString &path) const;
    /** Most requests in progress at once: from fully received to response fully written (or connection closed). */
    int peakConcurrent() const;
    int currentConcurrent() const;
    /** TCP connections accepted since reset(), and open now. */
    int connectionCount() const;
    int openConnectionCount() const;
    QList<RecordedRequest> requests() const;
    RecordedRequest lastRequest() const;
    /** Tokens (prompt + completion) of all replies since reset(). */
    qint64 tokensServed() const;
    /** Forgets requests, counters and fault counts; configuration stays. */
    void reset();

Q_SIGNALS:
    /** A request was fully received (emitted in this object's thread). */
    void requestReceived(const Madf::Test::RecordedRequest &request);

protected:
    void connectNotify(const QMetaMethod &signal) override;

private:
    bool listenOn(MockHttpServer *server, quint16 port, const QHostAddress &address, bool blocking);
    void forwardRequests();

    std::shared_ptr<MockServerState> m_state;
    MockHttpServer *m_server = nullptr;
    QThread *m_thread = nullptr;
    quint16 m_port = 0;
    QString m_errorString;
    // requestReceived is relayed only once someone listens: from a server
    // thread each relay is an event posted to this thread (a benchmark's client).
    bool m_relayRequests = false;
};

} // namespace Madf::Test

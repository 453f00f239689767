#pragma once

#include "core/config/providerconfig.h"
#include "core/llm/endpoint.h"
#include "core/llm/httpheaders.h"
#include "core/llm/llmcall.h"
#include "core/llm/sseparser.h"
#include "core/llm/wireformat.h"

#include <QBasicTimer>
#include <QPointer>

#include <memory>

namespace Madf {

class EndpointPool;
class HttpExchange;
class TokenCounter;

/** One model call over HTTP (OpenAI or Anthropic wire format), with the
 *  official SDKs' retry rules and our own timeouts:
 *  - connect: the connection must be up and the request sent within
 *    ProviderConfig::connectTimeout (the SDKs' "connect timeout"; a
 *    non-streamed reply may then take as long as it needs);
 *  - inactivity: no byte for ProviderConfig::inactivityTimeout fails the
 *    attempt (retried);
 *  - deadline: LlmRequest::timeoutMs bounds the whole call, back-off and
 *    queueing included; when it passes the call fails with Timeout and no
 *    further attempt. A retry whose delay would end past it is not tried.
 *
 *  Before each attempt the call takes a slot from its provider's
 *  EndpointPool (queueing and back-off are reported as timings.queuedMs).
 *  The attempt is one HttpExchange: over our own keep-alive connections for
 *  plain http, through the endpoint's QNetworkAccessManagers otherwise.
 *  Streams are read as they arrive (SseParser + the format's StreamDecoder);
 *  textReceived carries the deltas, and after `retrying` the text starts over.
 *
 *  Billing (result.usage) is the sum over attempts of what really arrived:
 *  - an attempt that completed counts the usage the provider reported, or an
 *    estimate flagged `estimated` when it reported none (a stream without
 *    its usage chunk);
 *  - an attempt that failed or was cancelled after text arrived counts an
 *    estimate (prompt as counted by TokenCounter, or as the stream reported
 *    it, plus the text received), flagged `estimated`;
 *  - an attempt that brought no text costs nothing (errors are not billed).
 *  So a call cancelled before any byte costs nothing, and a retried call is
 *  never billed twice for the same reply. */
class HttpLlmCall : public LlmCall, private EndpointWaiter
{
    Q_OBJECT

public:
    struct Setup
    {
        std::shared_ptr<const WireFormat> wire;
        QPointer<EndpointPool> pool;
        ProviderConfig provider;        ///< timeouts and extra headers
        TokenCounter *counter = nullptr;
    };

    HttpLlmCall(const LlmRequest &request, Setup setup, QObject *parent = nullptr);
    ~HttpLlmCall() override;

    /** Begins the first attempt (or queues for a slot). Emits nothing before
     *  it returns: failures are reported from the event loop. */
    void start();
    void cancel() override;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class Phase { Idle, Queued, Connecting, Sent, BackingOff, Done };

    void requestSlot();
    void onEndpointGranted(EndpointGrant grant, qint64 waitedMs) override;
    void onEndpointUnavailable(LlmErrorKind kind, const QString &message) override;
    void sendAttempt();

    void onRequestSent();
    void onHeadersReceived();
    void onDataReceived(const QByteArray &data);
    void onExchangeFinished();
    /** Feeds stream bytes; false when the attempt ended (error event, completion). */
    bool consume(const QByteArray &data);

    void attemptSucceeded(const ParsedReply &reply);
    void attemptFailed(const ApiError &error);
    void onWatchdog();
    void onDeadline();

    TokenUsage estimatedUsage(const TokenUsage &reported, const QString &text) const;
    /** Bills the text of an attempt that did not complete (nothing when none arrived). */
    void chargePartialAttempt();
    void releaseSlot(const EndpointOutcome &outcome);
    EndpointOutcome outcomeFor(LlmErrorKind kind) const;
    /** Aborts the exchange without hearing from it again. */
    void dropExchange();
    void finishCall(LlmResult::Status status, LlmErrorKind kind, const QString &message);
    void finishLater(LlmErrorKind kind, const QString &message);
    int promptEstimate() const;
    QString endpointName() const;

    Setup m_setup;
    HttpRequestSpec m_spec;
    EndpointGrant m_grant;
    QString m_baseUrl;               // of the current or last attempt
    HttpExchange *m_exchange = nullptr; // deletes itself
    Phase m_phase = Phase::Idle;

    // The current attempt.
    SseParser m_sse;
    std::unique_ptr<StreamDecoder> m_decoder;
    bool m_streamBody = false;       // a 2xx text/event-stream body
    int m_httpStatus = 0;
    HttpHeaders m_replyHeaders;
    QByteArray m_body;
    QString m_attemptText;
    qint64 m_attemptStartMs = 0;
    qint64 m_lastActivityMs = 0;

    // The whole call.
    QBasicTimer m_deadlineTimer;
    QBasicTimer m_watchdogTimer;
    QBasicTimer m_backoffTimer;
    qint64 m_startMs = 0;
    qint64 m_deadlineMs = 0;         // monotonic; 0 = none
    qint64 m_waitSinceMs = 0;        // queued or backing off since
    mutable int m_promptEstimate = -1;
    TokenUsage m_usage;
    LlmTimings m_timings;
};

} // namespace Madf

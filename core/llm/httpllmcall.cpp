#include "core/llm/httpllmcall.h"
#include "core/llm/monotonicclock.h"

#include "core/llm/endpointpool.h"
#include "core/llm/httpconnectionpool.h"
#include "core/llm/qnamexchange.h"
#include "core/llm/socketexchange.h"
#include "core/llm/ratelimitheaders.h"
#include "core/llm/retrypolicy.h"
#include "core/llm/tokencounter.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimerEvent>

#include <limits>

Q_LOGGING_CATEGORY(lcHttpCall, "madf.llm.http", QtWarningMsg)

namespace Madf {

namespace {

// A stream that said it is complete but keeps its connection open gets this
// long to end it before it is cut.
constexpr int kDrainGraceMs = 5000;
// Error bodies are short; a server sending megabytes of HTML is not read further.
constexpr qsizetype kMaxErrorBody = 1 << 20;

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

HttpLlmCall::HttpLlmCall(const LlmRequest &request, Setup setup, QObject *parent)
    : LlmCall(request, parent)
    , m_setup(std::move(setup))
    , m_startMs(monotonicMs())
{
    if (!m_setup.counter)
        m_setup.counter = &TokenCounter::instance();
}

HttpLlmCall::~HttpLlmCall()
{
    dropExchange();
    if (m_grant)
        releaseSlot(outcomeFor(LlmErrorKind::Cancelled));
    if (m_setup.pool)
        m_setup.pool->cancelWait(this);
}

void HttpLlmCall::start()
{
    if (m_phase != Phase::Idle)
        return;
    m_spec = m_setup.wire->buildRequest(m_request);
    for (auto it = m_setup.provider.headers.cbegin(); it != m_setup.provider.headers.cend(); ++it) {
        // The provider's own headers win over ours (a gateway may need its own auth).
        const QByteArray name = it.key().toLatin1();
        m_spec.headers.removeIf([&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
        m_spec.headers.append({name, it.value().toUtf8()});
    }
    if (m_request.timeoutMs > 0) {
        m_deadlineMs = m_startMs + m_request.timeoutMs;
        m_deadlineTimer.start(m_request.timeoutMs, Qt::PreciseTimer, this);
    }
    requestSlot();
}

void HttpLlmCall::requestSlot()
{
    if (!m_setup.pool) {
        finishLater(LlmErrorKind::NoProvider, tr("The provider '%1' is no longer configured.").arg(m_request.provider));
        return;
    }
    m_phase = Phase::Queued;
    m_waitSinceMs = monotonicMs();
    const qint64 tokens = qint64(promptEstimate()) + qMax(0, m_request.maxTokens);
    const qint64 deadline = m_deadlineMs > 0 ? m_deadlineMs : std::numeric_limits<qint64>::max();
    EndpointPool::AcquireResult r = m_setup.pool->acquire(this, tokens, deadline);
    switch (r.status) {
    case EndpointPool::AcquireStatus::Granted:
        onEndpointGranted(std::move(r.grant), 0);
        break;
    case EndpointPool::AcquireStatus::Queued:
        break;
    case EndpointPool::AcquireStatus::Unavailable:
        finishLater(r.errorKind, r.message);
        break;
    }
}

void HttpLlmCall::onEndpointGranted(EndpointGrant grant, qint64 waitedMs)
{
    if (isFinished() || m_phase != Phase::Queued) {
        // Too late (cancelled in between): give the slot straight back.
        if (m_setup.pool)
            m_setup.pool->release(grant, outcomeFor(LlmErrorKind::Cancelled));
        return;
    }
    m_timings.queuedMs += waitedMs; // as the pool measured it: 0 when granted at once
    m_grant = std::move(grant);
    sendAttempt();
}

void HttpLlmCall::onEndpointUnavailable(LlmErrorKind kind, const QString &message)
{
    // Told from inside the pool's bookkeeping: report from the event loop instead.
    finishLater(kind, message);
}

void HttpLlmCall::sendAttempt()
{
    ++m_timings.attempts;
    m_attemptStartMs = monotonicMs();
    m_lastActivityMs = m_attemptStartMs;
    m_timings.firstTokenMs = -1;
    m_sse.reset();
    m_decoder.reset();
    m_streamBody = false;
    m_httpStatus = 0;
    m_replyHeaders.clear();
    m_body.clear();
    m_attemptText.clear();

    m_baseUrl = m_grant.endpoint->baseUrl();
    HttpExchange::Request request;
    request.method = m_spec.method;
    request.url = QUrl(m_baseUrl + m_spec.path);
    request.headers = m_spec.headers;
    request.body = m_spec.body;
    // The pool chose the transport: a network manager for https (and proxies), none for plain http.
    if (m_grant.manager)
        m_exchange = new QnamExchange(m_grant.manager, std::move(request));
    else
        m_exchange = new SocketExchange(m_grant.endpoint->connectionPool(), std::move(request));
    connect(m_exchange, &HttpExchange::requestSent, this, &HttpLlmCall::onRequestSent);
    connect(m_exchange, &HttpExchange::headersReceived, this, &HttpLlmCall::onHeadersReceived);
    connect(m_exchange, &HttpExchange::dataReceived, this, &HttpLlmCall::onDataReceived);
    connect(m_exchange, &HttpExchange::finished, this, &HttpLlmCall::onExchangeFinished);

    m_phase = Phase::Connecting;
    // On a pooled connection the request is out before start() returns (the
    // inactivity watchdog runs then); otherwise the connect timeout applies.
    m_exchange->start();
    const int connectMs = m_setup.provider.connectTimeout * 1000;
    if (m_phase == Phase::Connecting && connectMs > 0)
        m_watchdogTimer.start(connectMs, Qt::CoarseTimer, this);
    qCDebug(lcHttpCall) << "call" << m_request.tag << "attempt" << m_timings.attempts << "to" << m_baseUrl;
}

void HttpLlmCall::onRequestSent()
{
    m_lastActivityMs = monotonicMs();
    if (m_phase != Phase::Connecting)
        return;
    m_phase = Phase::Sent;
    const int inactivityMs = m_setup.provider.inactivityTimeout * 1000;
    if (inactivityMs > 0)
        m_watchdogTimer.start(inactivityMs, Qt::CoarseTimer, this);
    else
        m_watchdogTimer.stop();
}

void HttpLlmCall::onHeadersReceived()
{
    onRequestSent(); // an answer proves the request went out
    m_httpStatus = m_exchange->statusCode();
    m_replyHeaders = m_exchange->headers();
    m_streamBody = m_request.stream && isSuccess(m_httpStatus)
        && m_exchange->contentType().contains("text/event-stream");
    if (m_streamBody)
        m_decoder = m_setup.wire->streamDecoder();
}

void HttpLlmCall::onDataReceived(const QByteArray &data)
{
    onRequestSent();
    if (m_streamBody) {
        consume(data);
        return;
    }
    if (isSuccess(m_httpStatus) && m_timings.firstTokenMs < 0)
        m_timings.firstTokenMs = monotonicMs() - m_attemptStartMs;
    if (isSuccess(m_httpStatus) || m_body.size() < kMaxErrorBody)
        m_body += data;
}

bool HttpLlmCall::consume(const QByteArray &data)
{
    const QList<SseEvent> events = m_sse.feed(data);
    const QPointer<HttpLlmCall> self(this);
    for (const SseEvent &event : events) {
        ApiError error;
        const QString delta = m_decoder->onEvent(event, &error);
        if (!delta.isEmpty()) {
            if (m_timings.firstTokenMs < 0)
                m_timings.firstTokenMs = monotonicMs() - m_attemptStartMs;
            m_attemptText += delta;
            Q_EMIT textReceived(delta);
            // A listener may cancel, or even delete, the call.
            if (!self || isFinished())
                return false;
        }
        if (error.kind != LlmErrorKind::None) {
            dropExchange();
            attemptFailed(error);
            return false;
        }
        if (m_decoder->isComplete()) {
            // Done: the response may end in its own time (and leave its connection for reuse).
            HttpExchange *exchange = m_exchange;
            m_exchange = nullptr;
            exchange->disconnect(this);
            exchange->detach(kDrainGraceMs);
            attemptSucceeded(m_decoder->reply());
            return false;
        }
    }
    return true;
}

void HttpLlmCall::onExchangeFinished()
{
    m_watchdogTimer.stop();
    const QNetworkReply::NetworkError netError = m_exchange->error();
    const QString netMessage = m_exchange->errorString();
    m_exchange->disconnect(this);
    m_exchange = nullptr; // it deletes itself

    if (m_httpStatus == 0) {
        attemptFailed(RetryPolicy::networkError(netError, netMessage));
        return;
    }
    if (!isSuccess(m_httpStatus)) {
        attemptFailed(m_setup.wire->parseError(m_httpStatus, m_body, m_replyHeaders));
        return;
    }
    if (m_streamBody) {
        const ParsedReply partial = m_decoder->reply();
        if (netError == QNetworkReply::NoError && !partial.finishReason.isEmpty()) {
            // A server that ends a finished stream without its `[DONE]`: complete all the same.
            attemptSucceeded(partial);
            return;
        }
        // The body ended before the stream said it was complete: cut.
        ApiError error;
        error.kind = LlmErrorKind::Network;
        error.retryable = true;
        error.message = netError != QNetworkReply::NoError
            ? tr("The stream from %1 broke off before the reply was complete: %2").arg(endpointName(), netMessage)
            : tr("The stream from %1 ended before the reply was complete.").arg(endpointName());
        attemptFailed(error);
        return;
    }
    QString malformed;
    const ParsedReply parsed = m_setup.wire->parseReply(m_body, &malformed);
    if (malformed.isEmpty()) {
        attemptSucceeded(parsed);
    } else if (netError != QNetworkReply::NoError) {
        attemptFailed(RetryPolicy::networkError(netError, netMessage));
    } else {
        ApiError error;
        error.kind = LlmErrorKind::MalformedReply;
        error.message = tr("The reply from %1 could not be read: %2").arg(endpointName(), malformed);
        attemptFailed(error);
    }
}

TokenUsage HttpLlmCall::estimatedUsage(const TokenUsage &reported, const QString &text) const
{
    TokenUsage usage = reported;
    if (usage.promptTokens <= 0)
        usage.promptTokens = promptEstimate();
    usage.completionTokens = qMax<qint64>(usage.completionTokens, m_setup.counter->countTokens(text, m_request.model));
    usage.estimated = true;
    return usage;
}

void HttpLlmCall::attemptSucceeded(const ParsedReply &reply)
{
    m_watchdogTimer.stop();
    TokenUsage usage;
    if (reply.hasUsage) {
        usage = reply.usage;
        // Learn the model's tokenizer from what it billed.
        TokenCounter &counter = *m_setup.counter;
        counter.calibrate(m_request.model, counter.countPromptTokens(m_request, false), int(usage.promptTokens));
        if (!reply.text.isEmpty()) {
            counter.calibrate(m_request.model, counter.uncalibratedTokens(reply.text, m_request.model),
                              int(usage.completionTokens - usage.reasoningTokens));
        }
    } else {
        usage = estimatedUsage(reply.usage, reply.text);
    }
    m_usage += usage;
    m_attemptText.clear();
    releaseSlot(outcomeFor(LlmErrorKind::None));

    LlmResult result;
    result.status = LlmResult::Ok;
    result.text = reply.text;
    result.finishReason = reply.finishReason;
    result.requestId = reply.requestId;
    result.model = reply.model;
    m_phase = Phase::Done;
    m_result = result;
    if (m_request.stream && !m_streamBody && !reply.text.isEmpty()) {
        // The server ignored `stream`: the listener still hears the text.
        const QPointer<HttpLlmCall> self(this);
        Q_EMIT textReceived(reply.text);
        if (!self || isFinished())
            return;
    }
    finishCall(LlmResult::Ok, LlmErrorKind::None, QString());
}

void HttpLlmCall::attemptFailed(const ApiError &error)
{
    m_watchdogTimer.stop();
    chargePartialAttempt();
    releaseSlot(outcomeFor(error.kind));
    qCDebug(lcHttpCall) << "call" << m_request.tag << "attempt" << m_timings.attempts << "failed:"
                        << toString(error.kind) << m_httpStatus;

    const int retryIndex = m_timings.attempts - 1; // 0 before the first retry
    if (RetryPolicy::isRetryable(error) && retryIndex < m_request.maxRetries) {
        const qint64 delay = RetryPolicy::delayMs(retryIndex, m_replyHeaders, QDateTime::currentDateTimeUtc(),
                                                  QRandomGenerator::global()->generateDouble());
        const qint64 now = monotonicMs();
        if (m_deadlineMs == 0 || now + delay < m_deadlineMs) {
            m_phase = Phase::BackingOff;
            m_waitSinceMs = now;
            m_backoffTimer.start(int(qMax<qint64>(0, delay)), Qt::PreciseTimer, this);
            Q_EMIT retrying(m_timings.attempts + 1, error.kind, delay);
            return;
        }
    }
    m_phase = Phase::Done;
    finishCall(LlmResult::Failed, error.kind, error.message);
}

EndpointOutcome HttpLlmCall::outcomeFor(LlmErrorKind kind) const
{
    EndpointOutcome outcome;
    outcome.kind = kind;
    if (!m_replyHeaders.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        outcome.rateLimits = parseRateLimitHeaders(m_replyHeaders, now);
        if (kind == LlmErrorKind::RateLimited || kind == LlmErrorKind::Overloaded)
            outcome.retryAfterMs = RetryPolicy::retryAfterMs(m_replyHeaders, now);
    }
    return outcome;
}

void HttpLlmCall::releaseSlot(const EndpointOutcome &outcome)
{
    if (!m_grant)
        return;
    if (m_setup.pool)
        m_setup.pool->release(m_grant, outcome);
    else
        m_grant = EndpointGrant();
}

void HttpLlmCall::chargePartialAttempt()
{
    if (m_attemptText.isEmpty())
        return;
    m_usage += estimatedUsage(m_decoder ? m_decoder->reply().usage : TokenUsage(), m_attemptText);
    m_attemptText.clear();
}

void HttpLlmCall::dropExchange()
{
    if (!m_exchange)
        return;
    HttpExchange *exchange = m_exchange;
    m_exchange = nullptr;
    exchange->disconnect(this);
    exchange->abort();
}

void HttpLlmCall::timerEvent(QTimerEvent *event)
{
    const int id = event->timerId();
    if (id == m_watchdogTimer.timerId()) {
        onWatchdog();
    } else if (id == m_deadlineTimer.timerId()) {
        onDeadline();
    } else if (id == m_backoffTimer.timerId()) {
        m_backoffTimer.stop();
        m_timings.queuedMs += monotonicMs() - m_waitSinceMs;
        requestSlot();
    } else {
        LlmCall::timerEvent(event);
    }
}

void HttpLlmCall::onWatchdog()
{
    const qint64 now = monotonicMs();
    ApiError error;
    error.kind = LlmErrorKind::Timeout;
    error.retryable = true;
    if (m_phase == Phase::Connecting) {
        const qint64 limit = qint64(m_setup.provider.connectTimeout) * 1000;
        const qint64 waited = now - m_attemptStartMs;
        if (waited < limit) {
            m_watchdogTimer.start(int(limit - waited), Qt::CoarseTimer, this);
            return;
        }
        error.message = tr("Could not connect to %1 within %2 s.").arg(endpointName()).arg(m_setup.provider.connectTimeout);
    } else if (m_phase == Phase::Sent) {
        // Reads only note the time; the timer is re-armed here, not on every byte.
        const qint64 limit = qint64(m_setup.provider.inactivityTimeout) * 1000;
        const qint64 idle = now - m_lastActivityMs;
        if (idle < limit) {
            m_watchdogTimer.start(int(limit - idle), Qt::CoarseTimer, this);
            return;
        }
        error.message = tr("%1 sent nothing for %2 s.").arg(endpointName()).arg(m_setup.provider.inactivityTimeout);
    } else {
        m_watchdogTimer.stop();
        return;
    }
    m_watchdogTimer.stop();
    dropExchange();
    attemptFailed(error);
}

void HttpLlmCall::onDeadline()
{
    m_deadlineTimer.stop();
    if (isFinished())
        return;
    if (m_exchange) {
        dropExchange();
        chargePartialAttempt();
        // The call ran out of its own time: that says nothing about the server.
        EndpointOutcome outcome = outcomeFor(LlmErrorKind::Timeout);
        outcome.neutral = true;
        releaseSlot(outcome);
    }
    if (m_phase == Phase::Queued || m_phase == Phase::BackingOff)
        m_timings.queuedMs += monotonicMs() - m_waitSinceMs;
    m_phase = Phase::Done;
    finishCall(LlmResult::Failed, LlmErrorKind::Timeout,
               tr("The call did not finish within its deadline of %1 s.").arg(double(m_request.timeoutMs) / 1000.0));
}

void HttpLlmCall::cancel()
{
    if (isFinished())
        return;
    if (m_exchange) {
        dropExchange();
        chargePartialAttempt();
        releaseSlot(outcomeFor(LlmErrorKind::Cancelled));
    }
    if (m_phase == Phase::Queued || m_phase == Phase::BackingOff)
        m_timings.queuedMs += monotonicMs() - m_waitSinceMs;
    m_phase = Phase::Done;
    finishCall(LlmResult::Cancelled, LlmErrorKind::Cancelled, tr("The call was cancelled."));
}

void HttpLlmCall::finishLater(LlmErrorKind kind, const QString &message)
{
    m_phase = Phase::Done;
    QMetaObject::invokeMethod(
        this, [this, kind, message] { finishCall(LlmResult::Failed, kind, message); }, Qt::QueuedConnection);
}

void HttpLlmCall::finishCall(LlmResult::Status status, LlmErrorKind kind, const QString &message)
{
    if (isFinished())
        return;
    m_deadlineTimer.stop();
    m_watchdogTimer.stop();
    m_backoffTimer.stop();
    if (m_exchange) {
        dropExchange();
        chargePartialAttempt();
    }
    if (m_grant)
        releaseSlot(outcomeFor(LlmErrorKind::Cancelled));
    if (m_setup.pool)
        m_setup.pool->cancelWait(this);

    LlmResult result = status == LlmResult::Ok ? m_result : LlmResult();
    result.status = status;
    result.errorKind = kind;
    result.errorMessage = message;
    result.usage = m_usage;
    m_timings.totalMs = monotonicMs() - m_startMs;
    result.timings = m_timings;
    result.httpStatus = m_httpStatus;
    result.provider = m_request.provider;
    if (result.model.isEmpty())
        result.model = m_request.model;
    if (result.requestId.isEmpty()) {
        // Quoted in support requests, failed calls included.
        auto id = headerValue(m_replyHeaders, "x-request-id");
        if (!id)
            id = headerValue(m_replyHeaders, "request-id");
        result.requestId = QString::fromLatin1(id.value_or(QByteArray()));
    }
    result.endpoint = m_baseUrl;
    finish(result);
}

int HttpLlmCall::promptEstimate() const
{
    if (m_promptEstimate < 0)
        m_promptEstimate = m_setup.counter->countPromptTokens(m_request);
    return m_promptEstimate;
}

QString HttpLlmCall::endpointName() const
{
    return m_baseUrl.isEmpty() ? m_request.provider : m_baseUrl;
}

} // namespace Madf

#include "core/llm/simulatedllmcall.h"
#include "core/llm/monotonicclock.h"

#include "core/llm/retrypolicy.h"
#include "core/llm/tokencounter.h"
#include "core/loop/deferredcalls.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimerEvent>

#include <cmath>

namespace Madf {

namespace {

// Coalesced streaming: one timer event per 50 ms at most.
constexpr int kTickMs = 50;

bool retryableKind(LlmErrorKind kind)
{
    switch (kind) {
    case LlmErrorKind::Timeout:
    case LlmErrorKind::RateLimited:
    case LlmErrorKind::ServerError:
    case LlmErrorKind::Overloaded:
    case LlmErrorKind::Network:
        return true;
    default:
        return false;
    }
}

} // namespace

SimulatedLlmCall::SimulatedLlmCall(const LlmRequest &request, double speed, TokenCounter *counter, QObject *parent)
    : LlmCall(request, parent)
    , m_speed(qMax(0.0, speed))
    , m_counter(counter ? counter : &TokenCounter::instance())
    , m_fault(SimulatedProvider::fault(request.model))
    , m_startMs(monotonicMs())
{
}

void SimulatedLlmCall::start()
{
    if (m_phase != Phase::Idle)
        return;
    if (m_speed <= 0) {
        m_phase = Phase::Waiting;
        DeferredCalls::post(this, [this] { runInstantly(); });
        return;
    }
    if (m_request.timeoutMs > 0)
        m_deadlineTimer.start(m_request.timeoutMs, Qt::PreciseTimer, this);
    beginAttempt();
}

qint64 SimulatedLlmCall::scaled(double ms) const
{
    return qint64(std::llround(ms * m_speed));
}

bool SimulatedLlmCall::attemptFails() const
{
    return m_fault && (m_fault->failingAttempts < 0 || m_timings.attempts <= m_fault->failingAttempts);
}

void SimulatedLlmCall::runInstantly()
{
    if (isFinished())
        return;
    const QPointer<SimulatedLlmCall> self(this);
    for (;;) {
        ++m_timings.attempts;
        if (!attemptFails())
            break;
        if (!failAttempt() || !self || isFinished())
            return;
    }
    m_reply = SimulatedProvider::reply(m_request, *m_counter);
    m_timings.firstTokenMs = 0;
    if (m_request.stream && !m_reply->text.isEmpty()) {
        m_emitted = m_reply->text.size();
        Q_EMIT textReceived(m_reply->text);
        if (!self || isFinished())
            return;
    }
    complete();
}

void SimulatedLlmCall::beginAttempt()
{
    ++m_timings.attempts;
    m_attemptStartMs = monotonicMs();
    m_phase = Phase::Waiting;
    const SimulatedProvider::LatencyProfile profile = SimulatedProvider::profile(m_request.model);
    if (!attemptFails() && !m_reply)
        m_reply = SimulatedProvider::reply(m_request, *m_counter);
    qint64 wait = scaled(profile.timeToFirstTokenMs);
    if (!attemptFails() && !m_request.stream) {
        // A reply that is not streamed arrives whole, once all of it is generated.
        wait += scaled(1000.0 * m_reply->completionTokens / profile.tokensPerSecond);
    }
    m_timer.start(int(wait), Qt::PreciseTimer, this);
}

bool SimulatedLlmCall::failAttempt()
{
    const int retryIndex = m_timings.attempts - 1;
    ApiError error;
    error.kind = m_fault->kind;
    error.message = m_fault->message;
    error.retryable = retryableKind(error.kind);
    if (RetryPolicy::isRetryable(error) && retryIndex < m_request.maxRetries) {
        const qint64 delay = scaled(double(RetryPolicy::backoffMs(retryIndex, QRandomGenerator::global()->generateDouble())));
        const qint64 deadline = m_request.timeoutMs > 0 ? m_startMs + m_request.timeoutMs : 0;
        if (m_speed <= 0 || deadline == 0 || monotonicMs() + delay < deadline) {
            if (m_speed > 0) {
                m_phase = Phase::BackingOff;
                m_waitSinceMs = monotonicMs();
                m_timer.start(int(delay), Qt::PreciseTimer, this);
            }
            Q_EMIT retrying(m_timings.attempts + 1, error.kind, delay);
            return true;
        }
    }
    finishCall(LlmResult::Failed, error.kind, error.message);
    return false;
}

void SimulatedLlmCall::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_deadlineTimer.timerId()) {
        m_deadlineTimer.stop();
        finishCall(LlmResult::Failed, LlmErrorKind::Timeout,
                   tr("The call did not finish within its deadline of %1 s.").arg(double(m_request.timeoutMs) / 1000.0));
        return;
    }
    if (event->timerId() != m_timer.timerId()) {
        LlmCall::timerEvent(event);
        return;
    }
    switch (m_phase) {
    case Phase::Waiting:
        m_timer.stop();
        if (attemptFails())
            failAttempt();
        else if (m_request.stream)
            onFirstToken();
        else
            complete();
        break;
    case Phase::Streaming:
        onTick();
        break;
    case Phase::BackingOff:
        m_timer.stop();
        m_timings.queuedMs += monotonicMs() - m_waitSinceMs;
        beginAttempt();
        break;
    default:
        m_timer.stop();
        break;
    }
}

void SimulatedLlmCall::onFirstToken()
{
    const SimulatedProvider::LatencyProfile profile = SimulatedProvider::profile(m_request.model);
    m_phase = Phase::Streaming;
    m_streamStartMs = monotonicMs();
    m_timings.firstTokenMs = m_streamStartMs - m_attemptStartMs;
    const double generationMs = scaled(1000.0 * m_reply->completionTokens / profile.tokensPerSecond);
    m_msPerChar = m_reply->text.isEmpty() ? 0 : generationMs / double(m_reply->text.size());
    m_timer.start(kTickMs, Qt::CoarseTimer, this);
    onTick();
}

void SimulatedLlmCall::onTick()
{
    const double elapsed = double(monotonicMs() - m_streamStartMs);
    // At least the first word at the first token, then what the pace allows.
    const qsizetype due = m_msPerChar > 0 ? qsizetype(elapsed / m_msPerChar) + 1 : m_reply->text.size();
    emitUpTo(due);
    if (isFinished())
        return;
    if (m_emitted >= m_reply->text.size()) {
        m_timer.stop();
        complete();
    }
}

void SimulatedLlmCall::emitUpTo(qsizetype chars)
{
    const QString &text = m_reply->text;
    qsizetype end = qMin(chars, text.size());
    // Deltas end on a word boundary, as a tokenizer's would.
    while (end < text.size() && !text.at(end).isSpace())
        ++end;
    if (end <= m_emitted)
        return;
    const QString delta = text.mid(m_emitted, end - m_emitted);
    m_emitted = end;
    Q_EMIT textReceived(delta);
}

void SimulatedLlmCall::complete()
{
    finishCall(LlmResult::Ok, LlmErrorKind::None, QString());
}

void SimulatedLlmCall::cancel()
{
    finishCall(LlmResult::Cancelled, LlmErrorKind::Cancelled, tr("The call was cancelled."));
}

void SimulatedLlmCall::finishCall(LlmResult::Status status, LlmErrorKind kind, const QString &message)
{
    if (isFinished())
        return;
    m_timer.stop();
    m_deadlineTimer.stop();
    if (m_phase == Phase::BackingOff)
        m_timings.queuedMs += monotonicMs() - m_waitSinceMs;
    m_phase = Phase::Done;

    LlmResult result;
    result.status = status;
    result.errorKind = kind;
    result.errorMessage = message;
    result.provider = m_request.provider;
    result.model = m_request.model;
    result.endpoint = QStringLiteral("simulated");
    result.simulated = true;
    if (status == LlmResult::Ok) {
        result.text = m_reply->text;
        result.finishReason = m_reply->finishReason;
        result.usage.promptTokens = m_reply->promptTokens;
        result.usage.completionTokens = m_reply->completionTokens;
        result.httpStatus = 200;
    } else if (m_reply && m_emitted > 0) {
        // Cut short after text went out: bill what was sent, as an estimate.
        result.usage.promptTokens = m_reply->promptTokens;
        result.usage.completionTokens = m_counter->countTokens(m_reply->text.left(m_emitted), m_request.model);
        result.usage.estimated = true;
    }
    m_timings.totalMs = monotonicMs() - m_startMs;
    result.timings = m_timings;
    finish(result);
}

} // namespace Madf

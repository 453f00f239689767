#pragma once

#include "core/llm/llmcall.h"
#include "core/llm/simulatedprovider.h"

#include <QBasicTimer>

#include <optional>

namespace Madf {

class TokenCounter;

/** A model call answered in process by SimulatedProvider: no network, the
 *  latency of the model's profile scaled by ProviderConfig::speed, the text
 *  streamed in coalesced chunks (at most 20 timer events a second), usage
 *  counted as a provider would report it, `result.simulated` set.
 *
 *  At speed 0 the call finishes on the next event-loop turn with no timer at
 *  all (benchmarks run thousands of documents that way). Simulated faults
 *  are retried by the same rules as real ones, their back-off scaled by the
 *  speed too. The request's deadline applies as for a real call. */
class SimulatedLlmCall : public LlmCall
{
    Q_OBJECT

public:
    SimulatedLlmCall(const LlmRequest &request, double speed, TokenCounter *counter, QObject *parent = nullptr);

    /** Begins; emits nothing before it returns. */
    void start();
    void cancel() override;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class Phase { Idle, Waiting, Streaming, BackingOff, Done };

    void runInstantly();
    void beginAttempt();
    bool attemptFails() const;
    /** Returns true when a retry was scheduled (or, at speed 0, is due now). */
    bool failAttempt();
    void onFirstToken();
    void onTick();
    void emitUpTo(qsizetype chars);
    void complete();
    void finishCall(LlmResult::Status status, LlmErrorKind kind, const QString &message);
    qint64 scaled(double ms) const;

    double m_speed;
    TokenCounter *m_counter;
    std::optional<SimulatedProvider::Fault> m_fault;
    std::optional<SimulatedProvider::Reply> m_reply;
    Phase m_phase = Phase::Idle;
    QBasicTimer m_timer;
    QBasicTimer m_deadlineTimer;
    qint64 m_startMs = 0;
    qint64 m_attemptStartMs = 0;
    qint64 m_streamStartMs = 0;
    qint64 m_waitSinceMs = 0;
    double m_msPerChar = 0;
    qsizetype m_emitted = 0;
    LlmTimings m_timings;
};

} // namespace Madf

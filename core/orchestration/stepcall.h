#pragma once

#include "engineevents.h"

#include "core/llm/llmtypes.h"
#include "core/metrics/costtracker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Madf {

class Agent;
class LlmCall;
struct Config;
struct EngineServices;

/** What a step's parser made of a reply. When `ok`, the parser has already
 *  applied the value to the document's context. */
struct StepParse
{
    bool ok = false;
    QString error;
    bool repairable = false;
};

/** One pipeline step that is a model call: the request and how to use the reply. */
struct StepSpec
{
    QString key;                  ///< deterministic, unique in the document: "section/3/draft"
    QString stage;                ///< for records: research, outline, writing, editing, verification, revision
    QString agentName;            ///< a key of the config's `agents:`
    const Agent *agent = nullptr; ///< builds the repair request
    LlmRequest request;
    /** Completion the step is expected to need, for the budget check; 0 = a
     *  quarter of the request's max_tokens. */
    qint64 expectedCompletionTokens = 0;
    std::function<StepParse(const LlmResult &reply)> accept;
};

/** How a step ended. */
struct StepOutcome
{
    enum Status { Ok, Failed, OverBudget, Cancelled };
    Status status = Failed;
    QString error;                          ///< for people; empty when Ok
    LlmErrorKind errorKind = LlmErrorKind::None;
    QString output;                         ///< the reply that was accepted
    int calls = 0;                          ///< model calls made (cache hits included)
    bool fromCache = false;
    bool repaired = false;                  ///< accepted after the repair request
    bool replayed = false;                  ///< taken from the store by a resumed run

    bool ok() const { return status == Ok; }
};

/** Runs one step's model call through the engine's pipeline, never blocking:
 *  the response cache (a hit costs $0), the budget check, an agent from the
 *  pool, a slot under the global in-flight limit, then LlmClient. It parses
 *  the reply with the step's parser and sends one repair request when the
 *  reply is repairably wrong. Every call made is recorded (cost tracker,
 *  store, performance monitor, metrics) as it ends. Slots are released the
 *  moment the call ends, or when the StepCall is destroyed or cancelled. */
class StepCall : public QObject
{
    Q_OBJECT
public:
    StepCall(EngineServices *services, const Config &config, QString documentId, QString batchId, StepSpec spec,
             QObject *parent = nullptr);
    ~StepCall() override;

    const StepSpec &spec() const { return m_spec; }
    /** Begins; every signal comes later from the event loop. */
    void start();
    /** Aborts: `finished` with Cancelled, at once. */
    void cancel();

Q_SIGNALS:
    void agentAssigned(const QString &stepKey, const QString &agent);
    void textStreamed(const QString &stepKey, const QString &delta);
    void callRecorded(const Madf::CallRecordEvent &call);
    void finished(const Madf::StepOutcome &outcome);

private:
    void attempt(const LlmRequest &request);
    void onAgentGranted(int slot);
    void launch(int flightSlot);
    void onCallFinished(const LlmResult &result);
    void handleReply(const LlmResult &result, bool fromCache);
    void record(const LlmResult &result, bool fromCache);
    void releaseSlots();
    void dropCall();
    /** Checks the document's and the batch's budgets with the calls already
     *  admitted; reserves `estimate` when it passes. */
    BudgetCheck admit(double estimate);
    void unreserve();
    void finish(StepOutcome::Status status, const QString &error = {},
                LlmErrorKind kind = LlmErrorKind::None);
    QByteArray cacheKey(const LlmRequest &request) const;
    bool cacheEnabled() const;

    EngineServices *m_services;
    const Config &m_config;
    QString m_documentId;
    QString m_batchId;
    StepSpec m_spec;
    LlmRequest m_request;            // the request of the current attempt
    QByteArray m_cacheKey;
    QPointer<LlmCall> m_call;
    int m_agentSlot = -1;
    int m_flightSlot = -1;
    qint64 m_askedAtMs = 0;
    QElapsedTimer m_sinceAsked;
    qint64 m_queuedMs = 0;
    double m_reservedUsd = 0;
    StepOutcome m_outcome;
    bool m_done = false;
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::StepOutcome)

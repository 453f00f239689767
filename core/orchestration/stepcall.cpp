#include "stepcall.h"

#include "storewriter.h"

#include "engineservices.h"
#include "enginepricing.h"
#include "resourcemanager.h"

#include "core/agents/agent.h"
#include "core/cache/responsecache.h"
#include "core/config/config.h"
#include "core/llm/llmcall.h"
#include "core/llm/llmclient.h"
#include "core/llm/tokencounter.h"
#include "core/loop/deferredcalls.h"
#include "core/metrics/costtracker.h"
#include "core/metrics/metricsregistry.h"
#include "core/metrics/performancemonitor.h"
#include "core/storage/documentstore.h"

#include <QDateTime>

namespace Madf {

StepCall::StepCall(EngineServices *services, const Config &config, QString documentId, QString batchId,
                   StepSpec spec, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_config(config)
    , m_documentId(std::move(documentId))
    , m_batchId(std::move(batchId))
    , m_spec(std::move(spec))
{
}

StepCall::~StepCall()
{
    dropCall();
    releaseSlots();
    unreserve();
}

BudgetCheck StepCall::admit(double estimate)
{
    const QString docKey = QStringLiteral("doc:") + m_documentId;
    const QString batchKey = QStringLiteral("batch:") + m_batchId;
    QHash<QString, double> &reserved = m_services->reservedUsd;
    // What a resumed document (or its batch) spent before the interruption
    // counts as much as what it spends now.
    const QHash<QString, double> &prior = m_services->priorUsd;
    BudgetCheck check = m_services->costs->wouldExceed(m_documentId, QString(),
                                                       estimate + reserved.value(docKey) + prior.value(docKey));
    const double perBatch = m_config.budget.perBatch;
    if (!check.exceeded && !m_batchId.isEmpty() && perBatch > 0) {
        const double spent = m_services->costs->forBatch(m_batchId).usd + prior.value(batchKey);
        const double admitted = reserved.value(batchKey);
        if (spent + admitted + estimate > perBatch + 1e-9) {
            check.exceeded = true;
            check.which = QStringLiteral("batch");
            check.spent = spent;
            check.limit = perBatch;
            check.message = tr("Batch budget of %1 would be exceeded: %2 spent, %3 in calls under way, next call ≈ %4")
                                .arg(CostTracker::formatUsd(perBatch), CostTracker::formatUsd(spent),
                                     CostTracker::formatUsd(admitted), CostTracker::formatUsd(estimate));
        }
    }
    if (check.exceeded)
        return check;
    m_reservedUsd = estimate;
    reserved[docKey] += estimate;
    if (!m_batchId.isEmpty())
        reserved[batchKey] += estimate;
    return check;
}

void StepCall::unreserve()
{
    if (m_reservedUsd <= 0)
        return;
    QHash<QString, double> &reserved = m_services->reservedUsd;
    const QStringList keys{QStringLiteral("doc:") + m_documentId, QStringLiteral("batch:") + m_batchId};
    for (const QString &key : keys) {
        if (key == QLatin1String("batch:"))
            continue;
        const double left = reserved.value(key) - m_reservedUsd;
        if (left > 1e-12)
            reserved.insert(key, left);
        else
            reserved.remove(key);
    }
    m_reservedUsd = 0;
}

void StepCall::dropCall()
{
    if (!m_call)
        return;
    LlmCall *call = m_call;
    m_call = nullptr;
    disconnect(call, nullptr, this, nullptr);
    call->cancel();
    if (m_services->metrics)
        m_services->metrics->addToGauge(QLatin1String(MetricNames::CallsInFlight), -1);
}

bool StepCall::cacheEnabled() const
{
    return m_services->cache && m_config.agents.value(m_spec.agentName).cacheEnabled;
}

QByteArray StepCall::cacheKey(const LlmRequest &request) const
{
    QVariantMap parameters = request.extraBody;
    if (request.temperature)
        parameters.insert(QStringLiteral("temperature"), *request.temperature);
    parameters.insert(QStringLiteral("max_tokens"), request.maxTokens);
    QList<QPair<QString, QString>> messages;
    for (const LlmMessage &m : request.messages)
        messages.append({m.role, m.content});
    return ResponseCache::makeKey(request.provider, request.model, parameters, request.system, messages);
}

void StepCall::start()
{
    attempt(m_spec.request);
}

void StepCall::attempt(const LlmRequest &request)
{
    m_request = request;
    if (m_request.tag.isEmpty())
        m_request.tag = m_documentId + QLatin1Char('/') + m_spec.key;
    m_askedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_sinceAsked.start();
    m_queuedMs = 0;

    // A cache hit costs nothing, so it is served before the budget is checked.
    if (cacheEnabled()) {
        m_cacheKey = cacheKey(m_request);
        if (const std::optional<CachedResponse> hit = m_services->cache->get(m_cacheKey)) {
            LlmResult result;
            result.status = LlmResult::Ok;
            result.text = hit->text;
            result.finishReason = hit->finishReason;
            result.usage = hit->usage;
            result.provider = m_request.provider;
            result.model = m_request.model;
            result.simulated = isSimulatedProvider(m_config, m_request.provider);
            if (m_services->metrics)
                m_services->metrics->increment(QLatin1String(MetricNames::CacheHitsTotal));
            DeferredCalls::post(this, [this, result] {
                if (m_done)
                    return;   // cancelled meanwhile: nothing was asked, nothing to record
                // The live view shows a cached reply as it would a streamed one: whole, at once.
                if (m_request.stream && !result.text.isEmpty())
                    Q_EMIT textStreamed(m_spec.key, result.text);
                record(result, true);
                handleReply(result, true);
            });
            return;
        }
        if (m_services->metrics)
            m_services->metrics->increment(QLatin1String(MetricNames::CacheMissesTotal));
    }

    // Counting a long prompt's tokens is the dearest part of starting a
    // call: done only when there is a budget to check it against.
    const bool budgeted = m_services->perDocumentBudget > 0 || (!m_batchId.isEmpty() && m_config.budget.perBatch > 0);
    if (!budgeted) {
        m_services->agents->acquire(this, [this](int slot) { onAgentGranted(slot); });
        return;
    }
    // The budget check counts the prompt and the completion the step expects:
    // the whole max_tokens would stop documents long before their budget.
    const bool local = isLocalProvider(m_config, m_request.provider);
    TokenUsage expected;
    expected.promptTokens = m_services->client ? m_services->client->tokenCounter().countPromptTokens(m_request) : 0;
    expected.completionTokens = m_spec.expectedCompletionTokens > 0
                                    ? qMin<qint64>(m_spec.expectedCompletionTokens, m_request.maxTokens)
                                    : m_request.maxTokens / 4;
    const double estimate = m_services->pricing.cost(m_request.model, expected, local).value_or(0.0);
    const BudgetCheck budget = admit(estimate);
    if (budget.exceeded) {
        DeferredCalls::post(this, [this, budget] { finish(StepOutcome::OverBudget, budget.message); });
        return;
    }
    m_services->agents->acquire(this, [this](int slot) { onAgentGranted(slot); });
}

void StepCall::onAgentGranted(int slot)
{
    m_agentSlot = slot;
    Q_EMIT agentAssigned(m_spec.key, m_spec.agentName);
    m_services->inFlight->acquire(this, [this](int flightSlot) { launch(flightSlot); });
}

void StepCall::launch(int flightSlot)
{
    m_flightSlot = flightSlot;
    m_queuedMs = m_sinceAsked.elapsed();
    if (m_services->metrics)
        m_services->metrics->addToGauge(QLatin1String(MetricNames::CallsInFlight), 1);
    LlmCall *call = m_services->client->start(m_request);
    m_call = call;
    connect(call, &LlmCall::textReceived, this,
            [this](const QString &delta) { Q_EMIT textStreamed(m_spec.key, delta); });
    connect(call, &LlmCall::finished, this, &StepCall::onCallFinished);
}

void StepCall::onCallFinished(const LlmResult &result)
{
    m_call = nullptr;
    if (m_services->metrics)
        m_services->metrics->addToGauge(QLatin1String(MetricNames::CallsInFlight), -1);
    releaseSlots();
    unreserve();
    record(result, false);
    if (result.status == LlmResult::Cancelled) {
        finish(StepOutcome::Cancelled, result.errorMessage, LlmErrorKind::Cancelled);
        return;
    }
    if (!result.ok()) {
        finish(StepOutcome::Failed, result.errorMessage, result.errorKind);
        return;
    }
    handleReply(result, false);
}

void StepCall::handleReply(const LlmResult &result, bool fromCache)
{
    if (m_done)
        return;
    const StepParse parsed = m_spec.accept ? m_spec.accept(result) : StepParse{true, {}, false};
    if (parsed.ok) {
        // Only replies that were usable are worth serving again.
        if (!fromCache && cacheEnabled()) {
            CachedResponse entry;
            entry.text = result.text;
            entry.finishReason = result.finishReason;
            entry.usage = result.usage;
            entry.costUsd = m_services->pricing
                                .cost(result.model.isEmpty() ? m_request.model : result.model, result.usage,
                                      isLocalProvider(m_config, m_request.provider))
                                .value_or(0.0);
            m_services->cache->put(m_cacheKey, entry);
        }
        m_outcome.output = result.text;
        m_outcome.fromCache = fromCache;
        finish(StepOutcome::Ok);
        return;
    }
    if (parsed.repairable && !m_outcome.repaired && m_spec.agent) {
        m_outcome.repaired = true;
        attempt(m_spec.agent->repairRequest(m_spec.request, result.text, parsed.error));
        return;
    }
    m_outcome.repaired = false;
    finish(StepOutcome::Failed, parsed.error, LlmErrorKind::MalformedReply);
}

void StepCall::record(const LlmResult &result, bool fromCache)
{
    ++m_outcome.calls;
    const QString provider = result.provider.isEmpty() ? m_request.provider : result.provider;
    const QString model = result.model.isEmpty() ? m_request.model : result.model;
    const bool simulated = result.simulated || isSimulatedProvider(m_config, provider);

    CostEntry entry;
    entry.documentId = m_documentId;
    entry.batchId = m_batchId;
    entry.agent = m_spec.agentName;
    entry.provider = provider;
    entry.model = model;
    entry.usage = result.usage;
    entry.localProvider = isLocalProvider(m_config, provider);
    entry.simulated = simulated;
    entry.fromCache = fromCache;
    const CallCost cost = m_services->costs->record(entry);

    const qint64 totalMs = m_sinceAsked.isValid() ? m_sinceAsked.elapsed() : 0;
    CallRecordEvent ev;
    ev.documentId = m_documentId;
    ev.stepKey = m_spec.key;
    ev.stage = m_spec.stage;
    ev.agent = m_spec.agentName;
    ev.provider = provider;
    ev.model = model;
    ev.startedAtMs = m_askedAtMs;
    ev.queuedMs = fromCache ? 0 : m_queuedMs + result.timings.queuedMs;
    ev.firstTokenMs = fromCache ? -1 : result.timings.firstTokenMs;
    ev.totalMs = totalMs;
    ev.attempts = fromCache ? 0 : result.timings.attempts;
    ev.ok = result.ok();
    ev.fromCache = fromCache;
    ev.simulated = simulated;
    ev.errorKind = result.errorKind;
    ev.usage = result.usage;
    ev.costUsd = fromCache ? std::optional<double>(0.0) : cost.usd;

    if (StoreWriter *writer = m_services->storing()) {
        CallRecord rec;
        rec.documentId = m_documentId;
        rec.stepKey = m_spec.key;
        rec.agent = m_spec.agentName;
        rec.provider = provider;
        rec.model = model;
        rec.usage = result.usage;
        rec.costUsd = fromCache ? std::optional<double>(cost.savedUsd) : cost.usd;
        rec.latencyMs = totalMs;
        rec.ttftMs = ev.firstTokenMs;
        rec.queuedMs = ev.queuedMs;
        rec.attempts = qMax(1, ev.attempts);
        rec.errorKind = result.ok() ? QString() : toString(result.errorKind);
        rec.fromCache = fromCache;
        rec.simulated = simulated;
        writer->write("a call record", m_documentId, [rec](DocumentStore &store, QString *error) {
            return store.recordCall(rec, error) >= 0;
        });
    }
    if (m_services->performance) {
        CallSample sample;
        sample.agent = m_spec.agentName;
        sample.stage = m_spec.stage;
        sample.provider = provider;
        sample.model = model;
        sample.latencyMs = totalMs;
        sample.ttftMs = ev.firstTokenMs;
        sample.queuedMs = ev.queuedMs;
        sample.attempts = qMax(1, ev.attempts);
        sample.errorKind = result.ok() ? QString() : toString(result.errorKind);
        sample.tokensIn = result.usage.promptTokens;
        sample.tokensOut = result.usage.completionTokens;
        sample.fromCache = fromCache;
        m_services->performance->recordCall(sample);
    }
    if (m_services->metrics && !fromCache) {
        MetricsRegistry *m = m_services->metrics;
        m->increment(QLatin1String(MetricNames::TokensTotal),
                     {{QStringLiteral("direction"), QStringLiteral("in")}, {QStringLiteral("model"), model}},
                     double(result.usage.promptTokens));
        m->increment(QLatin1String(MetricNames::TokensTotal),
                     {{QStringLiteral("direction"), QStringLiteral("out")}, {QStringLiteral("model"), model}},
                     double(result.usage.completionTokens));
        if (cost.usd && !simulated)
            m->increment(QLatin1String(MetricNames::CostUsdTotal), {{QStringLiteral("model"), model}}, *cost.usd);
        if (!result.ok())
            m->increment(QLatin1String(MetricNames::ErrorsTotal), {{QStringLiteral("kind"), toString(result.errorKind)}});
    }
    Q_EMIT callRecorded(ev);
}

void StepCall::releaseSlots()
{
    if (m_flightSlot >= 0) {
        m_services->inFlight->release(m_flightSlot);
        m_flightSlot = -1;
    }
    if (m_agentSlot >= 0) {
        m_services->agents->release(m_agentSlot);
        m_agentSlot = -1;
    }
}

void StepCall::cancel()
{
    if (m_done)
        return;
    m_services->agents->cancelPending(this);
    m_services->inFlight->cancelPending(this);
    if (m_call) {
        // Its finished() arrives inside cancel() and ends the step.
        m_call->cancel();
        if (m_done)
            return;
        dropCall();
    }
    releaseSlots();
    unreserve();
    finish(StepOutcome::Cancelled, tr("cancelled"), LlmErrorKind::Cancelled);
}

void StepCall::finish(StepOutcome::Status status, const QString &error, LlmErrorKind kind)
{
    if (m_done)
        return;
    m_done = true;
    m_outcome.status = status;
    m_outcome.error = error;
    m_outcome.errorKind = kind;
    Q_EMIT finished(m_outcome);
}

} // namespace Madf

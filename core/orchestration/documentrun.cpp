#include "documentrun.h"

#include "engineservices.h"
#include "stagerunner.h"
#include "storewriter.h"

#include "core/agents/referenceloader.h"
#include "core/log/log.h"
#include "core/loop/deferredcalls.h"
#include "core/metrics/costtracker.h"
#include "core/metrics/metricsregistry.h"
#include "core/metrics/performancemonitor.h"
#include "core/model/jsonwriter.h"
#include "core/storage/documentstore.h"

#include <QJsonObject>

namespace Madf {

QString toString(FailureKind kind)
{
    switch (kind) {
    case FailureKind::Agent: return QStringLiteral("agent");
    case FailureKind::Budget: return QStringLiteral("budget");
    case FailureKind::Timeout: return QStringLiteral("timeout");
    case FailureKind::InvalidRequest: return QStringLiteral("invalid_request");
    case FailureKind::Workflow: return QStringLiteral("workflow");
    }
    return {};
}

namespace {

QString skippedKey(const QString &stage)
{
    return QStringLiteral("stage/%1/skipped").arg(stage);
}

} // namespace

DocumentRun::DocumentRun(EngineServices *services, Config config, Workflow workflow, DocumentRequest request,
                         QString documentId, QString batchId, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_config(std::move(config))
    , m_workflow(std::move(workflow))
    , m_batchId(std::move(batchId))
{
    m_ctx.documentId = documentId;
    m_ctx.request = request;
    m_doc = Document::fromRequest(request);
    m_doc.id = documentId;
    m_doc.metadata.insert(QStringLiteral("workflow"), m_workflow.name);
    if (!m_batchId.isEmpty())
        m_doc.metadata.insert(QStringLiteral("batch_id"), m_batchId);
    for (const WorkflowStage &s : m_workflow.stages)
        m_stages.insert(s.name, StageState::Waiting);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(FailureKind::Timeout, tr("The document did not finish within %1 s; the work done so far is kept.")
                                       .arg(m_config.orchestrator.timeout));
    });
}

DocumentRun::~DocumentRun()
{
    // Steps first: their callbacks point into the stage runners.
    stopSteps();
    if (m_services->writer)
        m_services->writer->saveNow(this);
    m_runners.clear();
}

void DocumentRun::setCompletedSteps(const QList<StepRecord> &steps)
{
    for (const StepRecord &s : steps)
        m_completed.insert(s.stepKey, s);
}

void DocumentRun::setStoredDocument(const Document &document, const CallTotals &spent, qint64 earlierMs)
{
    m_doc.createdAt = document.createdAt;
    m_spentBefore = spent;
    m_earlierMs = qMax<qint64>(0, earlierMs);
    m_doc.metadata.insert(QStringLiteral("resumed"), true);
}

void DocumentRun::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    if (m_config.orchestrator.timeout > 0)
        m_timeout.start(m_config.orchestrator.timeout * 1000);
    save();
    emitProgress();
    // Sources are needed by every stage that cites, not only by research.
    m_services->references->load(m_ctx.request.references, this,
                                 [this](const QList<SourceDoc> &sources) { onReferencesLoaded(sources); });
}

void DocumentRun::onReferencesLoaded(const QList<SourceDoc> &sources)
{
    if (isFinished())
        return;
    m_ctx.sources = sources;
    for (const SourceDoc &s : sources)
        if (!s.error.isEmpty())
            addNote(tr("Reference %1 could not be read: %2").arg(s.location, s.error));
    scheduleStages();
}

void DocumentRun::scheduleStages()
{
    if (isFinished() || m_abandoned)
        return;
    auto settled = [this](const QString &name) {
        const StageState s = m_stages.value(name);
        return s == StageState::Done || s == StageState::Skipped;
    };
    bool changed = true;
    while (changed) {
        changed = false;
        for (const WorkflowStage &stage : std::as_const(m_workflow.stages)) {
            if (m_stages.value(stage.name) != StageState::Waiting)
                continue;
            if (!std::all_of(stage.dependsOn.begin(), stage.dependsOn.end(), settled))
                continue;
            const auto skipped = m_completed.constFind(skippedKey(stage.name));
            if (skipped != m_completed.cend()) {
                // Skipped by the run this one resumes: its reason still holds.
                m_stages[stage.name] = StageState::Skipped;
                addNote(tr("Stage %1 was skipped: %2").arg(stage.name, skipped->output));
                changed = true;
                continue;
            }
            m_stages[stage.name] = StageState::Running;
            m_stageClock[stage.name].start();
            std::unique_ptr<StageRunner> runner = StageRunner::create(this, stage);
            StageRunner *raw = runner.get();
            m_runners[stage.name] = std::move(runner);
            raw->start();
            if (isFinished())
                return;
        }
    }
    if (std::all_of(m_workflow.stages.begin(), m_workflow.stages.end(),
                    [&](const WorkflowStage &s) { return settled(s.name); }))
        complete();
}

bool DocumentRun::stageParallel(const QString &stage) const
{
    const WorkflowStage *s = m_workflow.stage(stage);
    return m_config.orchestrator.enableParallel && (!s || s->parallel);
}

void DocumentRun::issue(StageRunner *stage, StepSpec spec, std::function<void(const StepOutcome &)> done)
{
    if (isFinished() || m_abandoned)
        return;
    Pending step{stage->stage().name, std::move(spec), std::move(done)};
    if (tryReplay(step))
        return;
    const bool busy = !m_waiting.value(step.stage).isEmpty() || m_activeInStage.value(step.stage) > 0;
    if (busy && !stageParallel(step.stage)) {
        m_waiting[step.stage].append(std::move(step));
        return;
    }
    launch(std::move(step));
}

bool DocumentRun::tryReplay(const Pending &step)
{
    const auto it = m_completed.constFind(step.spec.key);
    if (it == m_completed.cend() || it->status != StepRecord::Ok)
        return false;
    const StepRecord record = *it;
    m_completed.erase(it);
    // Delivered from the event loop, like a call's reply, so that stages see
    // the same order of events whether a step was replayed or called.
    DeferredCalls::post(this, [this, step, record] {
        if (isFinished() || m_abandoned || m_stages.value(step.stage) != StageState::Running)
            return;
        LlmResult reply;
        reply.status = LlmResult::Ok;
        reply.text = record.output;
        reply.finishReason = QStringLiteral("stop");
        reply.provider = step.spec.request.provider;
        reply.model = step.spec.request.model;
        if (step.spec.accept && !step.spec.accept(reply).ok) {
            // The stored reply no longer fits (prompts changed?): ask again.
            launch(step);
            return;
        }
        ++m_replayed;
        ++m_stepsDone;
        StepOutcome outcome;
        outcome.status = StepOutcome::Ok;
        outcome.output = record.output;
        outcome.replayed = true;
        Q_EMIT taskCompleted(id(), step.spec.key, step.spec.agentName);
        emitProgress();
        step.done(outcome);
    });
    return true;
}

void DocumentRun::launch(Pending step)
{
    auto *call = new StepCall(m_services, m_config, id(), m_batchId, step.spec, this);
    ++m_activeInStage[step.stage];
    m_active.insert(call, Active{step.stage, std::move(step.done), QString()});
    connect(call, &StepCall::agentAssigned, this, [this, call](const QString &key, const QString &agent) {
        const auto it = m_active.find(call);
        if (it != m_active.end())
            it->agent = agent;
        Q_EMIT taskAssigned(id(), key, agent);
    });
    connect(call, &StepCall::textStreamed, this,
            [this](const QString &key, const QString &delta) { Q_EMIT textStreamed(id(), key, delta); });
    connect(call, &StepCall::callRecorded, this, [this](const CallRecordEvent &ev) {
        Q_EMIT callRecorded(ev);
        emitProgress();
    });
    connect(call, &StepCall::finished, this, [this, call](const StepOutcome &o) { onStepFinished(call, o); });
    call->start();
}

void DocumentRun::onStepFinished(StepCall *call, const StepOutcome &outcome)
{
    const auto it = m_active.find(call);
    if (it == m_active.end())
        return;
    const Active active = *it;
    m_active.erase(it);
    forgetActive(active.stage);
    const StepSpec spec = call->spec();
    DeferredCalls::deleteLater(call);
    if (!active.agent.isEmpty())
        Q_EMIT agentReleased(active.agent);
    if (isFinished() || m_abandoned)
        return;

    if (outcome.ok()) {
        ++m_stepsDone;
        if (StoreWriter *writer = m_services->storing()) {
            StepRecord record;
            record.stepKey = spec.key;
            record.stage = spec.stage;
            record.agent = spec.agentName;
            record.output = outcome.output;
            saveStep(writer, record, &outcome);
        }
        Q_EMIT taskCompleted(id(), spec.key, spec.agentName);
        emitProgress();
        active.done(outcome);
        startWaiting(active.stage);
        return;
    }

    const QString error = outcome.error.isEmpty() ? toString(outcome.errorKind) : outcome.error;
    Q_EMIT taskFailed(id(), spec.key, spec.agentName, error);
    if (outcome.status == StepOutcome::OverBudget) {
        fail(FailureKind::Budget, tr("Stopped before step %1 to stay within the budget: %2").arg(spec.key, error));
        return;
    }
    const QString reason = tr("Step %1 (agent %2) failed: %3").arg(spec.key, spec.agentName, error);
    const WorkflowStage *stage = m_workflow.stage(active.stage);
    if (stage && stage->optional) {
        skipStage(active.stage, reason);
        return;
    }
    setMetadata(QStringLiteral("error_kind"), toString(outcome.errorKind));
    fail(FailureKind::Agent, reason);
}

void DocumentRun::saveStep(StoreWriter *writer, const StepRecord &record, const StepOutcome *outcome)
{
    // A finished step's metadata is written as JSON on the store's thread,
    // straight to text: a QJsonObject for three values cost more than the
    // rest of the row.
    writer->write("a step", id(),
                  [id = id(), record = StepRecord(record), withOutcome = outcome != nullptr, calls = outcome ? outcome->calls : 0,
                   fromCache = outcome && outcome->fromCache,
                   repaired = outcome && outcome->repaired](DocumentStore &store, QString *error) {
                      if (!withOutcome)
                          return store.saveStep(id, record, error);
                      JsonWriter metadata;
                      metadata.beginObject();
                      metadata.key(QLatin1StringView("calls")).integer(calls);
                      metadata.key(QLatin1StringView("from_cache")).boolean(fromCache);
                      metadata.key(QLatin1StringView("repaired")).boolean(repaired);
                      metadata.endObject();
                      return store.saveStep(id, record, metadata.take(), error);
                  });
}

void DocumentRun::forgetActive(const QString &stage)
{
    const auto it = m_activeInStage.find(stage);
    if (it != m_activeInStage.end() && --*it <= 0)
        m_activeInStage.erase(it);
}

void DocumentRun::startWaiting(const QString &stage)
{
    if (isFinished() || m_abandoned)
        return;
    if (m_activeInStage.value(stage) > 0)
        return;
    QList<Pending> &queue = m_waiting[stage];
    if (!queue.isEmpty())
        launch(queue.takeFirst());
}

void DocumentRun::skipStage(const QString &stage, const QString &reason)
{
    stopSteps(stage);
    m_waiting.remove(stage);
    m_stages[stage] = StageState::Skipped;
    addNote(tr("Stage %1 was skipped: %2").arg(stage, reason));
    QVariantList skipped = m_doc.metadata.value(QStringLiteral("skipped_stages")).toList();
    skipped << stage;
    m_doc.metadata.insert(QStringLiteral("skipped_stages"), skipped);
    if (StoreWriter *writer = m_services->storing()) {
        StepRecord record;
        record.stepKey = skippedKey(stage);
        record.stage = stage;
        record.status = StepRecord::Failed;
        record.output = reason;
        saveStep(writer, record);
    }
    Q_EMIT errorOccurred(id(), reason);
    Log::warning(QStringLiteral("document %1: %2").arg(id(), reason));
    save();
    scheduleStages();
}

void DocumentRun::stopSteps(const QString &stage)
{
    const QList<StepCall *> calls = m_active.keys();
    for (StepCall *call : calls) {
        const Active active = m_active.value(call);
        if (!stage.isEmpty() && active.stage != stage)
            continue;
        m_active.remove(call);
        forgetActive(active.stage);
        disconnect(call, nullptr, this, nullptr);
        call->cancel();
        DeferredCalls::deleteLater(call);
        if (!active.agent.isEmpty())
            Q_EMIT agentReleased(active.agent);
    }
    if (stage.isEmpty())
        m_waiting.clear();
}

void DocumentRun::stageFinished(StageRunner *runner)
{
    const QString name = runner->stage().name;
    if (isFinished() || m_abandoned || m_stages.value(name) != StageState::Running)
        return;
    m_stages[name] = StageState::Done;
    const double seconds = m_stageClock.value(name).elapsed() / 1000.0;
    const QString kind = toString(runner->stage().kind);
    if (m_services->performance)
        m_services->performance->recordStage(kind, seconds);
    if (m_services->metrics)
        m_services->metrics->observe(QLatin1String(MetricNames::StageDurationSeconds), seconds,
                                     {{QStringLiteral("stage"), kind}});
    Q_EMIT stageCompleted(id(), name);
    save();
    scheduleStages();
}

void DocumentRun::setStatus(DocumentStatus status, const QString &stage)
{
    if (isFinished())
        return;
    const bool changed = status != m_doc.status || stage != m_stage;
    m_doc.status = status;
    m_stage = stage;
    if (changed) {
        save();
        emitProgress();
    }
}

void DocumentRun::failFromStage(FailureKind kind, const QString &reason)
{
    fail(kind, reason);
}

void DocumentRun::complete()
{
    end(DocumentStatus::Complete);
}

void DocumentRun::fail(FailureKind kind, const QString &reason)
{
    if (isFinished() || m_abandoned)
        return;
    stopSteps();
    m_doc.failureReason = reason;
    m_doc.metadata.insert(QStringLiteral("failure_kind"), toString(kind));
    Q_EMIT errorOccurred(id(), reason);
    Log::warning(QStringLiteral("document %1 failed (%2): %3").arg(id(), toString(kind), reason));
    end(DocumentStatus::Failed);
}

void DocumentRun::cancel()
{
    if (isFinished() || m_abandoned)
        return;
    stopSteps();
    m_doc.metadata.insert(QStringLiteral("cancelled"), true);
    end(DocumentStatus::Cancelled);
}

void DocumentRun::abandon()
{
    m_abandoned = true;
    m_timeout.stop();
    stopSteps();
}

void DocumentRun::end(DocumentStatus status)
{
    m_timeout.stop();
    m_waiting.clear();
    m_doc.status = status;
    if (status != DocumentStatus::Complete && !m_doc.qualityScore && m_quality)
        m_doc.qualityScore = m_quality;
    save();
    // Saved before anyone hears of it: the history view and `madf show`
    // read the database in other threads and processes.
    const qint64 elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_services->writer)
        m_services->writer->whenSaved(this, [this, elapsedMs] { announceEnd(elapsedMs); });
    else
        announceEnd(elapsedMs);
}

void DocumentRun::announceEnd(qint64 elapsedMs)
{
    const DocumentStatus status = m_doc.status;
    const CostTotals cost = m_services->costs->forDocument(id());
    if (m_services->performance)
        m_services->performance->recordDocument(id(), elapsedMs / 1000.0, m_doc.qualityScore,
                                                status == DocumentStatus::Complete, cost.usd);
    if (m_services->metrics)
        m_services->metrics->increment(QLatin1String(MetricNames::DocumentsTotal),
                                       {{QStringLiteral("status"), Madf::toString(status)}});
    emitProgress();
    Q_EMIT finished(m_doc);
}

} // namespace Madf

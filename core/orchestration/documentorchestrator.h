#pragma once

#include "engineevents.h"

#include "core/config/config.h"
#include "core/llm/endpointstatus.h"
#include "core/model/document.h"
#include "core/model/documentrequest.h"
#include "core/quality/qualityreport.h"

#include <QObject>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace Madf {

class LlmClient;
class DocumentStore;
class MetricsRegistry;
class ResponseCache;
class ResourceManager;
class CostTracker;
class PerformanceMonitor;
class PrometheusExporter;
class DocumentRun;

/** The engine's front door, as the framework's DocumentOrchestrator: accepts
 *  requests, runs many documents at once through the workflow for their type,
 *  and reports progress as signals matching the framework's events.
 *
 *  It lives in the engine thread (see EngineThread); every public method is
 *  asynchronous and may be invoked from another thread with
 *  QMetaObject::invokeMethod. Results and progress leave through queued
 *  signals. Nothing here blocks.
 *
 *  The thread-bound parts (LlmClient, the agent pool, the call limiter, the
 *  reference loader, the Prometheus exporter when metrics.enabled) are made
 *  on first use — open(), createDocument() or resumeInterrupted() — in the
 *  thread the orchestrator then lives in, so it may be built in one thread
 *  and moved to another before that (EngineThread does). */
class DocumentOrchestrator : public QObject
{
    Q_OBJECT
public:
    explicit DocumentOrchestrator(const Config &config, QObject *parent = nullptr);
    ~DocumentOrchestrator() override;

    /** Opens the state directory's database and cache; false and `error`
     *  when it cannot. Without open(), documents run in memory only. */
    bool open(QString *error);

    const Config &config() const;

    /** The documents database and the response cache under a state directory. */
    static QString databasePath(const Config &config);
    static QString cachePath(const Config &config);

    /** Ids of the documents running now. */
    QStringList runningDocuments() const;
    /** The document as it stands now (partial while running); nullopt when
     *  it is not running. */
    std::optional<Document> runningDocument(const QString &documentId) const;

    // Engine-thread objects, for the engine thread (and tests) only. The
    // cost tracker, performance monitor and metrics registry are thread-safe.
    CostTracker &costTracker() const;
    PerformanceMonitor &performanceMonitor() const;
    MetricsRegistry &metricsRegistry() const;
    /** The agent pool (max_agents); null before the engine has started. */
    ResourceManager *resourceManager() const;
    /** The global limit of model calls in flight (max_concurrent_tasks):
     *  its peak_usage is the most calls that were in flight at once. */
    ResourceManager *callLimiter() const;
    LlmClient *llmClient() const;
    /** Null when open() was not called or failed. */
    DocumentStore *store() const;
    ResponseCache *responseCache() const;
    /** Null unless metrics.enabled. */
    PrometheusExporter *prometheusExporter() const;

public Q_SLOTS:
    /** Validates the request (refused with the reasons in `documentFinished`,
     *  status FAILED, failure_kind invalid_request, when invalid, before any
     *  model is called) and starts it. Returns the document id (`documentId`,
     *  or a new one when empty); `batchId` groups documents for budgets. */
    QString createDocument(const Madf::DocumentRequest &request, const QString &batchId = {},
                           const QString &documentId = {});
    void cancelDocument(const QString &documentId);
    void cancelAll();
    /** Continues every interrupted document (or only those of `onlyIds`)
     *  from its completed steps: they are replayed from the store, never
     *  called (or paid for) again. The document keeps its id, its batch and
     *  the settings it started with (providers, prices and keys are today's);
     *  its timeout starts afresh. Returns the ids resumed. */
    QStringList resumeInterrupted(const QStringList &onlyIds = {});
    /** Applies a new configuration to documents started from now on (and to
     *  limits such as max_concurrent_tasks at once). */
    void setConfig(const Madf::Config &config);

Q_SIGNALS:
    // The framework's events.
    void documentStarted(const QString &documentId, const Madf::DocumentRequest &request);
    void taskAssigned(const QString &documentId, const QString &stepKey, const QString &agent);
    void taskCompleted(const QString &documentId, const QString &stepKey, const QString &agent);
    void taskFailed(const QString &documentId, const QString &stepKey, const QString &agent, const QString &error);
    void stageCompleted(const QString &documentId, const QString &stage);
    void qualityReported(const QString &documentId, const Madf::QualityReport &report);
    /** `busy`: calls of that agent holding a pool slot; `idle`: free slots of the pool. */
    void agentStatusChanged(const QString &agent, int busy, int idle);
    /** The pool's getStats() after it changes: at most ten times a second,
     *  the last a tenth of a second after the last change. */
    void resourceStatsChanged(const QVariantMap &stats);
    void errorOccurred(const QString &documentId, const QString &message);
    /** What each endpoint (base URL) of an HTTP provider is doing: load,
     *  limits, circuit breaker, rate budget. After each change, at most ten
     *  times a second per provider (LlmClient coalesces them). The simulated
     *  provider has no endpoints and never sends this. */
    void endpointStatusChanged(const QString &provider, const QList<Madf::EndpointStatus> &endpoints);

    // Richer progress for the GUI and CLI.
    void textStreamed(const QString &documentId, const QString &stepKey, const QString &delta);
    void sectionUpdated(const QString &documentId, int sectionIndex, const Madf::DocumentSection &section);
    void callRecorded(const Madf::CallRecordEvent &call);
    void progressChanged(const Madf::DocumentProgress &progress);
    /** Final: COMPLETE (threshold met or not: see metadata "threshold_met"),
     *  FAILED (metadata "failure_kind": timeout, budget, agent, invalid_request,
     *  workflow — the document type's workflow file is invalid)
     *  or CANCELLED. Partial work is in the document and the store.
     *
     *  Metadata set by the engine: "workflow", "batch_id", "rounds" ([{round,
     *  score}] of every verification), "best_round", "quality" ({overall,
     *  verdict, action, round} of the version delivered), "quality_threshold",
     *  "threshold_met", "citations" (ok | missing | no_sources, when the
     *  workflow requires them), "skipped_stages", "notes" (remarks for the
     *  user), "failure_kind", "error_kind" (the LlmErrorKind of a failed
     *  call, e.g. "timeout" for an agent call that ran out of time),
     *  "resumed", "cancelled", "references" and "source_errors". */
    void documentFinished(const Madf::Document &document);

private:
    void ensureEngine();
    void startRun(DocumentRun *run, const DocumentRequest &request);
    void refuse(const QString &documentId, const DocumentRequest &request, const QString &failureKind,
                const QString &reason, const QStringList &details);
    void updateAgentStatus(const QString &agent, int delta);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Madf

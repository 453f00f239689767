#pragma once

#include "engineevents.h"

#include "core/config/config.h"
#include "core/llm/endpointstatus.h"
#include "core/model/document.h"
#include "core/model/documentrequest.h"
#include "core/quality/qualityreport.h"

#include <QObject>
#include <QPointer>
#include <QVariantMap>

class QThread;

namespace Madf {

class CostTracker;
class DocumentOrchestrator;
class MetricsRegistry;
class PerformanceMonitor;

/** The engine in a thread of its own, behind a thread-safe façade for the
 *  GUI and the CLI. The DocumentOrchestrator, the LlmClient, the documents
 *  database and the response cache live in that thread; every request made
 *  here is queued to it, and every orchestrator signal is re-emitted here,
 *  queued, in the thread that owns the EngineThread. Nothing blocks, except
 *  the destructor, which waits for the thread to end (documents still
 *  running stay resumable).
 *
 *  Typical use:
 *  ```cpp
 *  auto *engine = new EngineThread(config, this);
 *  connect(engine, &EngineThread::documentFinished, this, ...);
 *  engine->start();                       // engineStarted(ok, error) follows
 *  const QString id = engine->createDocument(request);
 *  engine->cancelDocument(id);
 *  ``` */
class EngineThread : public QObject
{
    Q_OBJECT
public:
    explicit EngineThread(const Config &config, QObject *parent = nullptr);
    ~EngineThread() override;

    /** Starts the thread and, in it, opens the state directory (database and
     *  cache) unless `openStore` is false. Emits engineStarted() when done.
     *  Requests made before that are queued behind it. */
    void start(bool openStore = true);
    bool isRunning() const;

    /** Returns the new document's id at once; the engine starts it later. */
    QString createDocument(const DocumentRequest &request, const QString &batchId = {});
    void cancelDocument(const QString &documentId);
    void cancelAll();
    /** The resumed ids arrive in documentsResumed(). */
    void resumeInterrupted(const QStringList &onlyIds = {});
    /** The document as it stands arrives in documentSnapshot() (not when it
     *  is not running: read finished ones from the store). */
    void requestSnapshot(const QString &documentId);
    void setConfig(const Config &config);
    /** The pool's statistics arrive in resourceStatsChanged(). */
    void requestResourceStats();

    // Thread-safe to read from any thread.
    const CostTracker &costTracker() const;
    const PerformanceMonitor &performanceMonitor() const;
    const MetricsRegistry &metricsRegistry() const;
    /** Lives in the engine thread: connect to it, never call it directly. */
    DocumentOrchestrator *orchestrator() const { return m_orchestrator; }

    /** Registers the engine's types for queued connections (done by the constructor). */
    static void registerMetaTypes();

Q_SIGNALS:
    void engineStarted(bool ok, const QString &error);
    void documentsResumed(const QStringList &documentIds);
    void documentSnapshot(const Madf::Document &document);

    // The orchestrator's signals, re-emitted in this object's thread.
    void documentStarted(const QString &documentId, const Madf::DocumentRequest &request);
    void taskAssigned(const QString &documentId, const QString &stepKey, const QString &agent);
    void taskCompleted(const QString &documentId, const QString &stepKey, const QString &agent);
    void taskFailed(const QString &documentId, const QString &stepKey, const QString &agent, const QString &error);
    void stageCompleted(const QString &documentId, const QString &stage);
    void qualityReported(const QString &documentId, const Madf::QualityReport &report);
    void agentStatusChanged(const QString &agent, int busy, int idle);
    void resourceStatsChanged(const QVariantMap &stats);
    void errorOccurred(const QString &documentId, const QString &message);
    void endpointStatusChanged(const QString &provider, const QList<Madf::EndpointStatus> &endpoints);
    void textStreamed(const QString &documentId, const QString &stepKey, const QString &delta);
    void sectionUpdated(const QString &documentId, int sectionIndex, const Madf::DocumentSection &section);
    void callRecorded(const Madf::CallRecordEvent &call);
    void progressChanged(const Madf::DocumentProgress &progress);
    void documentFinished(const Madf::Document &document);

private:
    template <class F>
    void post(F &&work);
    void forwardSignals();

    QThread *m_thread;
    DocumentOrchestrator *m_orchestrator;
    bool m_started = false;
};

} // namespace Madf

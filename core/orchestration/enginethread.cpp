#include "enginethread.h"

#include "documentorchestrator.h"
#include "resourcemanager.h"

#include "core/metrics/costtracker.h"
#include "core/metrics/metricsregistry.h"
#include "core/metrics/performancemonitor.h"

#include <QThread>
#include <QUuid>

namespace Madf {

void EngineThread::registerMetaTypes()
{
    qRegisterMetaType<Madf::DocumentRequest>();
    qRegisterMetaType<Madf::Document>();
    qRegisterMetaType<Madf::DocumentSection>();
    qRegisterMetaType<Madf::QualityReport>();
    qRegisterMetaType<Madf::CallRecordEvent>();
    qRegisterMetaType<Madf::DocumentProgress>();
    qRegisterMetaType<Madf::Config>();
    qRegisterMetaType<Madf::LlmResult>();
    qRegisterMetaType<QList<Madf::EndpointStatus>>();
}

EngineThread::EngineThread(const Config &config, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    // Built here, moved before it creates anything bound to a thread: the
    // client, pools and loaders are made in the engine thread on first use.
    , m_orchestrator(new DocumentOrchestrator(config))
{
    registerMetaTypes();
    m_thread->setObjectName(QStringLiteral("madf-engine"));
    m_orchestrator->moveToThread(m_thread);
    // Deleted in its own thread once the loop has stopped (QThread::finished
    // is the documented place for it).
    connect(m_thread, &QThread::finished, m_orchestrator, &QObject::deleteLater);
    forwardSignals();
}

EngineThread::~EngineThread()
{
    if (m_thread->isRunning()) {
        m_thread->quit();
        m_thread->wait();
    } else {
        delete m_orchestrator;
    }
}

template <class F>
void EngineThread::post(F &&work)
{
    QMetaObject::invokeMethod(m_orchestrator, std::forward<F>(work), Qt::QueuedConnection);
}

void EngineThread::forwardSignals()
{
    DocumentOrchestrator *o = m_orchestrator;
    connect(o, &DocumentOrchestrator::documentStarted, this, &EngineThread::documentStarted);
    connect(o, &DocumentOrchestrator::taskAssigned, this, &EngineThread::taskAssigned);
    connect(o, &DocumentOrchestrator::taskCompleted, this, &EngineThread::taskCompleted);
    connect(o, &DocumentOrchestrator::taskFailed, this, &EngineThread::taskFailed);
    connect(o, &DocumentOrchestrator::stageCompleted, this, &EngineThread::stageCompleted);
    connect(o, &DocumentOrchestrator::qualityReported, this, &EngineThread::qualityReported);
    connect(o, &DocumentOrchestrator::agentStatusChanged, this, &EngineThread::agentStatusChanged);
    connect(o, &DocumentOrchestrator::resourceStatsChanged, this, &EngineThread::resourceStatsChanged);
    connect(o, &DocumentOrchestrator::errorOccurred, this, &EngineThread::errorOccurred);
    connect(o, &DocumentOrchestrator::endpointStatusChanged, this, &EngineThread::endpointStatusChanged);
    connect(o, &DocumentOrchestrator::textStreamed, this, &EngineThread::textStreamed);
    connect(o, &DocumentOrchestrator::sectionUpdated, this, &EngineThread::sectionUpdated);
    connect(o, &DocumentOrchestrator::callRecorded, this, &EngineThread::callRecorded);
    connect(o, &DocumentOrchestrator::progressChanged, this, &EngineThread::progressChanged);
    connect(o, &DocumentOrchestrator::documentFinished, this, &EngineThread::documentFinished);
}

void EngineThread::start(bool openStore)
{
    if (m_started)
        return;
    m_started = true;
    m_thread->start();
    DocumentOrchestrator *o = m_orchestrator;
    QPointer<EngineThread> self(this);
    post([o, self, openStore] {
        QString error;
        const bool ok = !openStore || o->open(&error);
        // Back to the façade's thread through its own queued signal.
        if (self)
            QMetaObject::invokeMethod(self, [self, ok, error] {
                if (self)
                    Q_EMIT self->engineStarted(ok, error);
            }, Qt::QueuedConnection);
    });
}

bool EngineThread::isRunning() const
{
    return m_thread->isRunning();
}

QString EngineThread::createDocument(const DocumentRequest &request, const QString &batchId)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    DocumentOrchestrator *o = m_orchestrator;
    post([o, request, batchId, id] { o->createDocument(request, batchId, id); });
    return id;
}

void EngineThread::cancelDocument(const QString &documentId)
{
    DocumentOrchestrator *o = m_orchestrator;
    post([o, documentId] { o->cancelDocument(documentId); });
}

void EngineThread::cancelAll()
{
    DocumentOrchestrator *o = m_orchestrator;
    post([o] { o->cancelAll(); });
}

void EngineThread::resumeInterrupted(const QStringList &onlyIds)
{
    DocumentOrchestrator *o = m_orchestrator;
    QPointer<EngineThread> self(this);
    post([o, self, onlyIds] {
        const QStringList ids = o->resumeInterrupted(onlyIds);
        if (self)
            QMetaObject::invokeMethod(self, [self, ids] {
                if (self)
                    Q_EMIT self->documentsResumed(ids);
            }, Qt::QueuedConnection);
    });
}

void EngineThread::requestSnapshot(const QString &documentId)
{
    DocumentOrchestrator *o = m_orchestrator;
    QPointer<EngineThread> self(this);
    post([o, self, documentId] {
        const std::optional<Document> doc = o->runningDocument(documentId);
        if (doc && self)
            QMetaObject::invokeMethod(self, [self, doc = *doc] {
                if (self)
                    Q_EMIT self->documentSnapshot(doc);
            }, Qt::QueuedConnection);
    });
}

void EngineThread::setConfig(const Config &config)
{
    DocumentOrchestrator *o = m_orchestrator;
    post([o, config] { o->setConfig(config); });
}

void EngineThread::requestResourceStats()
{
    DocumentOrchestrator *o = m_orchestrator;
    post([o] {
        if (ResourceManager *pool = o->resourceManager())
            Q_EMIT o->resourceStatsChanged(pool->getStats());
    });
}

const CostTracker &EngineThread::costTracker() const
{
    return m_orchestrator->costTracker();
}

const PerformanceMonitor &EngineThread::performanceMonitor() const
{
    return m_orchestrator->performanceMonitor();
}

const MetricsRegistry &EngineThread::metricsRegistry() const
{
    return m_orchestrator->metricsRegistry();
}

} // namespace Madf

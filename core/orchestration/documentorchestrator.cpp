#include "documentorchestrator.h"

#include "documentrun.h"
#include "enginepricing.h"
#include "engineservices.h"
#include "resourcemanager.h"
#include "storewriter.h"
#include "workflow.h"

#include "core/agents/promptlibrary.h"
#include "core/agents/referenceloader.h"
#include "core/cache/responsecache.h"
#include "core/config/configloader.h"
#include "core/config/configwriter.h"
#include "core/llm/llmclient.h"
#include "core/log/log.h"
#include "core/metrics/costtracker.h"
#include "core/metrics/metricsregistry.h"
#include "core/metrics/performancemonitor.h"
#include "core/metrics/prometheusexporter.h"
#include "core/storage/documentstore.h"

#include <QDir>
#include <QTimer>
#include <QUuid>

namespace Madf {

struct DocumentOrchestrator::Private
{
    explicit Private(const Config &c) : config(c), performance(c.metrics.windowSize) {}

    Config config;
    CostTracker costs;
    PerformanceMonitor performance;
    MetricsRegistry metrics;
    PromptLibrary prompts;
    WorkflowLibrary workflows;
    DocumentStore store;
    ResponseCache cache;
    bool storeOpen = false;

    // Created in the engine thread by ensureEngine().
    LlmClient *client = nullptr;
    ResourceManager *agents = nullptr;
    ResourceManager *inFlight = nullptr;
    StoreWriter *writer = nullptr;
    ReferenceLoader *references = nullptr;
    PrometheusExporter *exporter = nullptr;
    QTimer *statsTimer = nullptr;  ///< coalesces resourceStatsChanged

    EngineServices services;
    QHash<QString, DocumentRun *> runs;
    QHash<QString, int> busyByAgent;
    /** `config` as YAML, saved with each new document (empty until the first
     *  needs it): the same text for every document, made once. */
    QString configYaml;
};

DocumentOrchestrator::DocumentOrchestrator(const Config &config, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(config))
{
    d->metrics.registerMadfMetrics();
    d->costs.setPricingTable(pricingFor(config));
    d->costs.setProviders(config.providers);
    d->costs.setBudgets(config.budget.perDocument, config.budget.perBatch);
}

DocumentOrchestrator::~DocumentOrchestrator()
{
    // Runs go first: their calls hold agents and slots of the objects below.
    // Their stored status stays as it was, so resumeInterrupted() finds them.
    const QList<DocumentRun *> runs = d->runs.values();
    d->runs.clear();
    for (DocumentRun *run : runs) {
        disconnect(run, nullptr, this, nullptr);
        run->abandon();
        delete run;
    }
    // Finished ones waiting for deleteLater() too: they use `d`, which goes
    // before QObject deletes the children.
    qDeleteAll(findChildren<DocumentRun *>(QString(), Qt::FindDirectChildrenOnly));
    delete d->writer;   // saves what is queued, then stops its thread
    d->writer = nullptr;
    d->services.writer = nullptr;
    delete d->exporter;
    delete d->references;
    delete d->client;
    delete d->inFlight;
    delete d->agents;
}

const Config &DocumentOrchestrator::config() const
{
    return d->config;
}

QString DocumentOrchestrator::databasePath(const Config &config)
{
    return QDir(config.resolvedStatePath()).filePath(QStringLiteral("documents.sqlite"));
}

QString DocumentOrchestrator::cachePath(const Config &config)
{
    return QDir(config.resolvedStatePath()).filePath(QStringLiteral("response-cache.sqlite"));
}

void DocumentOrchestrator::ensureEngine()
{
    if (d->client)
        return;
    const OrchestratorConfig &oc = d->config.orchestrator;
    d->client = new LlmClient(d->config, this);
    connect(d->client, &LlmClient::endpointStatusChanged, this, [this](const QString &provider) {
        Q_EMIT endpointStatusChanged(provider, d->client->endpointStatus(provider));
    });
    d->agents = new ResourceManager(qMax(1, oc.maxAgents), this);
    d->inFlight = new ResourceManager(qMax(1, oc.maxConcurrentTasks), this);
    d->references = new ReferenceLoader(this);
    d->writer = new StoreWriter(this);
    // The pool changes twice per model call: its statistics (a map built
    // for each, then copied across threads to the dashboard, which samples
    // them) go out at most every kStatsIntervalMs, and always after the
    // last change of a burst.
    constexpr int kStatsIntervalMs = 100;
    d->statsTimer = new QTimer(this);
    d->statsTimer->setSingleShot(true);
    d->statsTimer->setInterval(kStatsIntervalMs);
    connect(d->statsTimer, &QTimer::timeout, this, [this] { Q_EMIT resourceStatsChanged(d->agents->getStats()); });
    connect(d->agents, &ResourceManager::usageChanged, this, [this](int inUse, int) {
        d->metrics.setGauge(QLatin1String(MetricNames::AgentsInUse), inUse);
        if (!d->statsTimer->isActive())
            d->statsTimer->start();
    });

    EngineServices &s = d->services;
    s.client = d->client;
    s.cache = &d->cache;
    s.agents = d->agents;
    s.inFlight = d->inFlight;
    s.costs = &d->costs;
    s.performance = &d->performance;
    s.metrics = &d->metrics;
    s.prompts = &d->prompts;
    s.references = d->references;
    s.writer = d->writer;
    s.pricing = pricingFor(d->config);
    s.perDocumentBudget = d->config.budget.perDocument;

    if (d->config.metrics.enabled) {
        d->exporter = new PrometheusExporter(&d->metrics, this);
        if (!d->exporter->listen(d->config.metrics)) {
            const QString message = tr("The metrics endpoint could not listen on port %1: %2")
                                        .arg(d->config.metrics.port)
                                        .arg(d->exporter->errorString());
            Log::warning(message);
            QTimer::singleShot(0, this, [this, message] { Q_EMIT errorOccurred(QString(), message); });
        }
    }
}

bool DocumentOrchestrator::open(QString *error)
{
    ensureEngine();
    QString why;
    if (!d->store.open(databasePath(d->config), &why)) {
        if (error)
            *error = why;
        return false;
    }
    // The engine's writes go through a connection of their own, on a thread
    // of their own; this one (migrated above) serves the engine's reads.
    if (!d->writer->open(databasePath(d->config), &why)) {
        d->store.close();
        if (error)
            *error = why;
        return false;
    }
    d->storeOpen = true;
    d->services.store = &d->store;
    QString cacheError;
    if (!d->cache.open(cachePath(d->config), d->config.cache, &cacheError))
        Log::warning(tr("The response cache works in memory only: %1").arg(cacheError));
    return true;
}

QStringList DocumentOrchestrator::runningDocuments() const
{
    return d->runs.keys();
}

std::optional<Document> DocumentOrchestrator::runningDocument(const QString &documentId) const
{
    const DocumentRun *run = d->runs.value(documentId);
    if (!run)
        return std::nullopt;
    return run->draftDocument();
}

CostTracker &DocumentOrchestrator::costTracker() const { return d->costs; }
PerformanceMonitor &DocumentOrchestrator::performanceMonitor() const { return d->performance; }
MetricsRegistry &DocumentOrchestrator::metricsRegistry() const { return d->metrics; }
ResourceManager *DocumentOrchestrator::resourceManager() const { return d->agents; }
ResourceManager *DocumentOrchestrator::callLimiter() const { return d->inFlight; }
LlmClient *DocumentOrchestrator::llmClient() const { return d->client; }
DocumentStore *DocumentOrchestrator::store() const { return d->storeOpen ? &d->store : nullptr; }
ResponseCache *DocumentOrchestrator::responseCache() const { return &d->cache; }
PrometheusExporter *DocumentOrchestrator::prometheusExporter() const { return d->exporter; }

void DocumentOrchestrator::refuse(const QString &documentId, const DocumentRequest &request,
                                  const QString &failureKind, const QString &reason, const QStringList &details)
{
    Document doc = Document::fromRequest(request);
    doc.id = documentId;
    doc.status = DocumentStatus::Failed;
    doc.failureReason = reason;
    doc.metadata.insert(QStringLiteral("failure_kind"), failureKind);
    doc.metadata.insert(QStringLiteral("errors"), details);
    // After createDocument() has returned the id, like every other outcome.
    QTimer::singleShot(0, this, [this, doc] {
        Q_EMIT errorOccurred(doc.id, doc.failureReason);
        Q_EMIT documentFinished(doc);
    });
}

QString DocumentOrchestrator::createDocument(const DocumentRequest &request, const QString &batchId,
                                             const QString &documentId)
{
    ensureEngine();
    const QString id = documentId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : documentId;
    if (d->runs.contains(id)) {
        Log::warning(QStringLiteral("document %1 is already running").arg(id));
        return id;
    }
    const QList<RequestError> errors = request.validate();
    if (!errors.isEmpty()) {
        QStringList messages;
        for (const RequestError &e : errors)
            messages << e.message();
        refuse(id, request, QStringLiteral("invalid_request"),
               tr("The request is invalid: %1").arg(messages.join(QLatin1String("; "))), messages);
        return id;
    }
    QStringList workflowErrors;
    const std::optional<Workflow> workflow =
        d->workflows.forType(request.documentType, d->config.agents.keys(), &workflowErrors);
    if (!workflow) {
        refuse(id, request, QStringLiteral("workflow"),
               tr("The workflow for \"%1\" is invalid: %2").arg(request.documentType, workflowErrors.join(QLatin1String("; "))),
               workflowErrors);
        return id;
    }
    auto *run = new DocumentRun(&d->services, d->config, *workflow, request, id, batchId, this);
    if (d->storeOpen) {
        if (d->configYaml.isEmpty())
            d->configYaml = QString::fromUtf8(ConfigWriter::toYaml(d->config));
        run->setConfigText(d->configYaml);
    }
    startRun(run, request);
    return id;
}

void DocumentOrchestrator::startRun(DocumentRun *run, const DocumentRequest &request)
{
    const QString id = run->id();
    d->runs.insert(id, run);
    connect(run, &DocumentRun::taskAssigned, this, [this](const QString &doc, const QString &key, const QString &agent) {
        updateAgentStatus(agent, +1);
        Q_EMIT taskAssigned(doc, key, agent);
    });
    connect(run, &DocumentRun::agentReleased, this, [this](const QString &agent) { updateAgentStatus(agent, -1); });
    connect(run, &DocumentRun::taskCompleted, this, &DocumentOrchestrator::taskCompleted);
    connect(run, &DocumentRun::taskFailed, this, &DocumentOrchestrator::taskFailed);
    connect(run, &DocumentRun::stageCompleted, this, &DocumentOrchestrator::stageCompleted);
    connect(run, &DocumentRun::qualityReported, this, &DocumentOrchestrator::qualityReported);
    connect(run, &DocumentRun::errorOccurred, this, &DocumentOrchestrator::errorOccurred);
    connect(run, &DocumentRun::textStreamed, this, &DocumentOrchestrator::textStreamed);
    connect(run, &DocumentRun::sectionUpdated, this, &DocumentOrchestrator::sectionUpdated);
    connect(run, &DocumentRun::callRecorded, this, &DocumentOrchestrator::callRecorded);
    connect(run, &DocumentRun::progressChanged, this, &DocumentOrchestrator::progressChanged);
    connect(run, &DocumentRun::finished, this, [this, run](const Document &doc) {
        d->runs.remove(doc.id);
        d->services.priorUsd.remove(QStringLiteral("doc:") + doc.id);
        disconnect(run, nullptr, this, nullptr);
        run->deleteLater();
        Q_EMIT documentFinished(doc);
    });
    Q_EMIT documentStarted(id, request);
    run->start();
}

void DocumentOrchestrator::updateAgentStatus(const QString &agent, int delta)
{
    int &busy = d->busyByAgent[agent];
    busy = qMax(0, busy + delta);
    const int idle = d->agents ? qMax(0, d->agents->maxAgents() - d->agents->inUse()) : 0;
    Q_EMIT agentStatusChanged(agent, busy, idle);
}

void DocumentOrchestrator::cancelDocument(const QString &documentId)
{
    if (DocumentRun *run = d->runs.value(documentId))
        run->cancel();
}

void DocumentOrchestrator::cancelAll()
{
    const QList<DocumentRun *> runs = d->runs.values();
    for (DocumentRun *run : runs)
        run->cancel();
}

QStringList DocumentOrchestrator::resumeInterrupted(const QStringList &onlyIds)
{
    ensureEngine();
    QStringList resumed;
    if (!d->storeOpen)
        return resumed;
    // What this process wrote must be readable through d->store.
    d->writer->drain();
    const QList<QString> ids = d->store.interrupted();
    for (const QString &id : ids) {
        if (d->runs.contains(id) || (!onlyIds.isEmpty() && !onlyIds.contains(id)))
            continue;
        const std::optional<Document> stored = d->store.document(id);
        if (!stored)
            continue;
        // The settings the document started with; providers, prices and
        // keys are today's (the client is shared and keys are never stored).
        Config config = d->config;
        const std::optional<DocumentRow> row = d->store.documentRow(id);
        if (row && !row->configJson.isEmpty()) {
            const ConfigLoadResult loaded = ConfigLoader::fromYaml(row->configJson.toUtf8(),
                                                                   tr("stored settings of %1").arg(id),
                                                                   Config::defaults());
            if (loaded.ok()) {
                config = loaded.config;
                config.providers = d->config.providers;
                config.pricing = d->config.pricing;
                for (auto it = config.agents.begin(); it != config.agents.end(); ++it)
                    it->modelConfig.apiKey = d->config.agents.value(it.key()).modelConfig.apiKey;
            }
        }
        QStringList errors;
        const std::optional<Workflow> workflow =
            d->workflows.forType(stored->request.documentType, config.agents.keys(), &errors);
        if (!workflow) {
            Log::warning(QStringLiteral("document %1 cannot be resumed: %2").arg(id, errors.join(QLatin1String("; "))));
            continue;
        }
        const QString batchId = row ? row->batchId : QString();
        // Calls made in this process are in the cost tracker as well as in
        // the store; what the store has beyond them was spent before.
        CallTotals spent = d->store.spending(id);
        const CostTotals here = d->costs.forDocument(id);
        spent.costUsd = qMax(0.0, spent.costUsd - here.usd);
        spent.promptTokens = qMax<qint64>(0, spent.promptTokens - here.tokensIn);
        spent.completionTokens = qMax<qint64>(0, spent.completionTokens - here.tokensOut);
        spent.unknownCostCalls = qMax(0, spent.unknownCostCalls - int(here.unknownCostCalls));
        d->services.priorUsd.insert(QStringLiteral("doc:") + id, spent.costUsd);
        if (!batchId.isEmpty())
            d->services.priorUsd.insert(QStringLiteral("batch:") + batchId,
                                        qMax(0.0, d->store.batchSpending(batchId).costUsd
                                                      - d->costs.forBatch(batchId).usd));
        auto *run = new DocumentRun(&d->services, config, *workflow, stored->request, id, batchId, this);
        run->setCompletedSteps(d->store.steps(id));
        run->setStoredDocument(*stored, spent, row ? row->latencyMs : 0);
        startRun(run, stored->request);
        resumed << id;
    }
    return resumed;
}

void DocumentOrchestrator::setConfig(const Config &config)
{
    d->config = config;
    d->configYaml.clear();
    d->costs.setPricingTable(pricingFor(config));
    d->costs.setProviders(config.providers);
    d->costs.setBudgets(config.budget.perDocument, config.budget.perBatch);
    d->performance.setWindowSize(config.metrics.windowSize);
    if (!d->client)
        return;
    d->client->setConfig(config);
    d->agents->setMaxAgents(qMax(1, config.orchestrator.maxAgents));
    d->inFlight->setMaxAgents(qMax(1, config.orchestrator.maxConcurrentTasks));
    d->services.pricing = pricingFor(config);
    d->services.perDocumentBudget = config.budget.perDocument;
    if (config.metrics.enabled && !d->exporter) {
        d->exporter = new PrometheusExporter(&d->metrics, this);
        if (!d->exporter->listen(config.metrics))
            Q_EMIT errorOccurred(QString(), tr("The metrics endpoint could not listen on port %1: %2")
                                                .arg(config.metrics.port)
                                                .arg(d->exporter->errorString()));
    } else if (!config.metrics.enabled && d->exporter) {
        delete d->exporter;
        d->exporter = nullptr;
    } else if (d->exporter && d->exporter->port() != config.metrics.port) {
        d->exporter->close();
        d->exporter->listen(config.metrics);
    }
}

} // namespace Madf

#include "core/orchestration/benchmarkrunner.h"

#include "core/orchestration/enginethread.h"

#include <QMap>
#include <QTimer>

namespace Madf {

BenchmarkRunner::BenchmarkRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<BenchmarkSample>();
    qRegisterMetaType<BenchmarkResult>();
}

BenchmarkRunner::~BenchmarkRunner()
{
    // The engine's destructor waits for its thread; documents still running
    // are cancelled first so that wait is short.
    if (m_engine && m_running)
        m_engine->cancelAll();
    delete m_engine;
}

QString BenchmarkRunner::defaultTopic()
{
    return QStringLiteral("Artificial Intelligence in Healthcare");
}

DocumentRequest BenchmarkRunner::seedRequest(const QString &topic)
{
    DocumentRequest r;
    r.topic = topic;
    r.documentType = QStringLiteral("article");
    r.targetLength = 1000;
    return r;
}

QString BenchmarkRunner::summary(const Config &config)
{
    // "gpt-4 (research, writing), gpt-3.5-turbo (editing) · max_concurrent_tasks 5 · …"
    QMap<QString, QStringList> agentsByModel;
    QStringList order;
    for (auto it = config.agents.constBegin(); it != config.agents.constEnd(); ++it) {
        const QString model = it->modelConfig.model;
        if (!agentsByModel.contains(model))
            order << model;
        agentsByModel[model] << it.key();
    }
    QStringList models;
    for (const QString &m : std::as_const(order))
        models << QStringLiteral("%1 (%2)").arg(m, agentsByModel.value(m).join(QStringLiteral(", ")));
    const OrchestratorConfig &o = config.orchestrator;
    return QStringLiteral("%1 · max_concurrent_tasks %2 · max_agents %3 · quality_threshold %4 · retry_attempts %5%6")
        .arg(models.join(QStringLiteral(", ")))
        .arg(o.maxConcurrentTasks)
        .arg(o.maxAgents)
        .arg(o.qualityThreshold, 0, 'f', 2)
        .arg(o.retryAttempts)
        .arg(o.enableParallel ? QString() : QStringLiteral(" · enable_parallel false"));
}

bool BenchmarkRunner::start(const Config &given, const Options &options)
{
    if (m_running)
        return false;
    Config config = given;
    if (!options.keepCache)
        for (AgentConfig &a : config.agents)
            a.cacheEnabled = false;

    m_options = options;
    m_options.count = qMax(1, options.count);
    m_result = {};
    m_result.kind = options.kind;
    m_result.count = m_options.count;
    m_result.topic = options.request.topic;
    m_result.configName = options.configName.isEmpty() ? tr("current") : options.configName;
    m_result.configSummary = options.configSummary.isEmpty() ? summary(given) : options.configSummary;
    m_result.startedAt = QDateTime::currentDateTimeUtc();
    m_pending.clear();
    m_issued = 0;
    m_running = true;
    m_engineUp = false;
    m_finishing = false;

    if (m_engine) {
        // The previous run's engine, idle by now. Not deleted here: start() may
        // be called from a slot of its documentFinished().
        m_engine->disconnect(this);
        m_engine->deleteLater();
    }
    m_engine = new EngineThread(config);
    connect(m_engine, &EngineThread::engineStarted, this, &BenchmarkRunner::onEngineStarted);
    connect(m_engine, &EngineThread::documentFinished, this, &BenchmarkRunner::onDocumentFinished);
    connect(m_engine, &EngineThread::progressChanged, this, [this](const DocumentProgress &p) {
        auto it = m_pending.find(p.documentId);
        if (it != m_pending.end()) {
            it->costUsd = p.costUsd;
            it->costIsLowerBound = p.costIsLowerBound;
        }
    });
    m_engine->start(options.openStore);
    return true;
}

void BenchmarkRunner::onEngineStarted(bool ok, const QString &error)
{
    if (!m_running)
        return;
    if (!ok) {
        m_running = false;
        Q_EMIT failed(error);
        return;
    }
    m_engineUp = true;
    if (m_result.cancelled) {
        finishLater();
        return;
    }
    m_clock.start();
    if (m_options.kind == BenchmarkResult::Kind::LoadTest) {
        while (m_issued < m_options.count)
            issue();
    } else {
        issue();
    }
}

void BenchmarkRunner::issue()
{
    ++m_issued;
    const QString id = m_engine->createDocument(m_options.request);
    m_pending[id].clock.start();
}

void BenchmarkRunner::onDocumentFinished(const Document &document)
{
    const auto it = m_pending.constFind(document.id);
    if (it == m_pending.constEnd())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (document.status != DocumentStatus::Cancelled) {
        BenchmarkSample s;
        s.documentId = document.id;
        s.latencySeconds = pending.clock.elapsed() / 1000.0;
        s.quality = document.qualityScore;
        s.costUsd = pending.costUsd;
        s.costIsLowerBound = pending.costIsLowerBound;
        s.complete = document.status == DocumentStatus::Complete;
        m_result.samples << s;
        Q_EMIT documentMeasured(s, int(m_result.samples.size()), m_options.count);
    }
    if (!m_result.cancelled && m_options.kind == BenchmarkResult::Kind::Benchmark && m_issued < m_options.count) {
        issue();
        return;
    }
    if (m_pending.isEmpty())
        finish();
}

void BenchmarkRunner::cancel()
{
    if (!m_running || m_result.cancelled)
        return;
    m_result.cancelled = true;
    if (m_pending.isEmpty()) {
        if (m_engineUp)
            finishLater();
        return; // onEngineStarted() ends it
    }
    m_engine->cancelAll();
}

void BenchmarkRunner::finishLater()
{
    // Never from inside the caller's cancel(): the result arrives from the event loop, as always.
    QTimer::singleShot(0, this, &BenchmarkRunner::finish);
}

void BenchmarkRunner::finish()
{
    if (!m_running || m_finishing)
        return;
    m_finishing = true;
    m_result.totalSeconds = m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0;
    m_running = false;
    Q_EMIT finished(m_result);
}

} // namespace Madf

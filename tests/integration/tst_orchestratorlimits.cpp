// What stops a document early: a model call's timeout, the document's
// timeout, cancellation and the budget. Each keeps the work done so far.
// The writing agent talks to a second simulated provider at real speed
// (gpt-4's profile: 0.8 s to the first token, 30 tokens/s) so that its calls
// are long enough to interrupt; everything else answers at once.

#include "tst_orchestratorutil.h"

#include "core/metrics/costtracker.h"
#include "core/orchestration/resourcemanager.h"
#include "core/storage/documentstore.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace OrchTest;

namespace {

Config slowWriterConfig(const QString &dir)
{
    Config c = simulatedConfig(dir);
    ProviderConfig slow = c.providers.value("simulated");
    slow.name = "slowsim";
    slow.speed = 1.0;
    c.providers.insert("slowsim", slow);
    c.agents["writing"].modelConfig.provider = "slowsim";
    c.agents["writing"].modelConfig.model = "gpt-4";
    return c;
}

QStringList storedKeys(DocumentStore *store, const QString &id)
{
    QStringList keys;
    for (const StepRecord &s : store->steps(id))
        keys << s.stepKey;
    return keys;
}

} // namespace

class TestOrchestratorLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentCallTimeoutFailsTheDocument()
    {
        QTemporaryDir dir;
        Config config = slowWriterConfig(dir.path());
        config.agents["writing"].timeout = 1;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        QElapsedTimer clock;
        clock.start();
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id, 30000));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Failed);
        QCOMPARE(doc.metadata.value("failure_kind").toString(), QStringLiteral("agent"));
        QCOMPARE(doc.metadata.value("error_kind").toString(), QStringLiteral("timeout"));
        QVERIFY2(doc.failureReason.contains("outline"), qPrintable(doc.failureReason));
        QVERIFY(clock.elapsed() < 20000);  // the outline alone would take about 10 s
        // The research before it is kept.
        QCOMPARE(engine.store()->document(id)->status, DocumentStatus::Failed);
        QVERIFY(storedKeys(engine.store(), id).contains("research/brief"));
        const ResourceManager::Stats pool = engine.resourceManager()->stats();
        QCOMPARE(pool.totalAllocations, pool.totalDeallocations);
    }

    void documentTimeoutStopsItAndKeepsThePartialWork()
    {
        QTemporaryDir dir;
        Config config = slowWriterConfig(dir.path());
        config.orchestrator.timeout = 1;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id, 30000));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Failed);
        QCOMPARE(doc.metadata.value("failure_kind").toString(), QStringLiteral("timeout"));
        QVERIFY(!doc.failureReason.isEmpty());

        const std::optional<Document> stored = engine.store()->document(id);
        QVERIFY(stored);
        QCOMPARE(stored->status, DocumentStatus::Failed);
        QCOMPARE(stored->metadata.value("failure_kind").toString(), QStringLiteral("timeout"));
        QVERIFY(storedKeys(engine.store(), id).contains("research/brief"));
        // The call cut short is on record, and its agent is back in the pool.
        bool cancelledCall = false;
        for (const CallRecord &c : engine.store()->calls(id))
            cancelledCall = cancelledCall || c.errorKind == QLatin1String("cancelled");
        QVERIFY(cancelledCall);
        const ResourceManager::Stats pool = engine.resourceManager()->stats();
        QCOMPARE(pool.inUse, 0);
        QCOMPARE(pool.totalAllocations, pool.totalDeallocations);
        QCOMPARE(engine.callLimiter()->stats().inUse, 0);
    }

    void cancelStopsAtOnce()
    {
        QTemporaryDir dir;
        DocumentOrchestrator engine(slowWriterConfig(dir.path()));
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(QTest::qWaitFor([&] { return rec.stages.value(id).contains("research"); }, 10000));
        engine.cancelDocument(id);
        QVERIFY(rec.waitFinished(id, 1000));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Cancelled);
        const qsizetype calls = rec.callsOf(id).size();
        QTest::qWait(300);
        QCOMPARE(rec.callsOf(id).size(), calls);
        QCOMPARE(engine.store()->document(id)->status, DocumentStatus::Cancelled);
        QVERIFY(storedKeys(engine.store(), id).contains("research/brief"));
        QVERIFY(engine.runningDocuments().isEmpty());
        QCOMPARE(engine.resourceManager()->stats().inUse, 0);
    }

    void cancelOneOfManyLeavesTheOthers()
    {
        QTemporaryDir dir;
        DocumentOrchestrator engine(simulatedConfig(dir.path()));
        Recorder rec(&engine);
        const QString a = engine.createDocument(request("Windmills of the Netherlands"));
        const QString b = engine.createDocument(request("Lighthouses of Brittany"));
        engine.cancelDocument(a);
        QVERIFY(rec.waitFinished(a));
        QVERIFY(rec.waitFinished(b));
        QCOMPARE(rec.finished.value(a).status, DocumentStatus::Cancelled);
        QCOMPARE(rec.finished.value(b).status, DocumentStatus::Complete);
    }

    void budgetStopsTheDocumentBeforeItIsExceeded()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        // Simulated calls are priced as the model they imitate (gpt-4 here):
        // a budget of a few calls.
        config.budget.perDocument = 0.10;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Failed);
        QCOMPARE(doc.metadata.value("failure_kind").toString(), QStringLiteral("budget"));
        QVERIFY2(doc.failureReason.contains("budget"), qPrintable(doc.failureReason));
        QVERIFY(!rec.callsOf(id).isEmpty());
        const double spent = engine.costTracker().forDocument(id).usd;
        QVERIFY2(spent > 0 && spent <= 0.10, qPrintable(QString::number(spent)));
        QVERIFY(!storedKeys(engine.store(), id).isEmpty());
        QCOMPARE(engine.store()->document(id)->status, DocumentStatus::Failed);
    }

    void batchBudgetIsShared()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        config.budget.perBatch = 0.30;
        DocumentOrchestrator engine(config);
        Recorder rec(&engine);
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << engine.createDocument(request(QStringLiteral("Bridges of city number %1").arg(i)), "b1");
        for (const QString &id : ids)
            QVERIFY(rec.waitFinished(id));
        int stopped = 0;
        for (const QString &id : ids)
            stopped += rec.finished.value(id).metadata.value("failure_kind").toString() == QLatin1String("budget");
        QVERIFY(stopped >= 1);
        QVERIFY(engine.costTracker().forBatch("b1").usd <= 0.30);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorLimits)
#include "tst_orchestratorlimits.moc"

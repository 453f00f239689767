// The pre-run estimate against what a run really takes, and how it reacts to
// the configuration (parallelism, limits, prices, measured latencies).

#include "tst_orchestratorutil.h"

#include "core/metrics/performancemonitor.h"
#include "core/orchestration/runestimator.h"

#include <QTemporaryDir>

using namespace OrchTest;

class TestOrchestratorEstimate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void estimateIsCloseToARealRun_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("words");
        QTest::newRow("article") << "article" << 600;
        QTest::newRow("long report") << "report" << 3000;
    }
    void estimateIsCloseToARealRun()
    {
        QFETCH(QString, type);
        QFETCH(int, words);
        QTemporaryDir dir;
        const Config config = simulatedConfig(dir.path());
        const DocumentRequest r = request("Renewable heating for old houses", type, words);
        const RunEstimate e = RunEstimator::estimate(r, config);
        QCOMPARE(e.workflow, type);
        QVERIFY(e.costUsd.has_value());
        QVERIFY(e.simulated);
        QCOMPARE(e.maxCalls, e.calls + config.orchestrator.retryAttempts * (e.sections + 3));

        DocumentOrchestrator engine(config);
        Recorder rec(&engine);
        const QString id = engine.createDocument(r);
        QVERIFY(rec.waitFinished(id));
        const qsizetype calls = rec.callsOf(id).size();
        QVERIFY2(qAbs(e.calls - calls) <= calls / 4,
                 qPrintable(QStringLiteral("estimated %1 calls, made %2").arg(e.calls).arg(calls)));
        QVERIFY(!e.describe().isEmpty());
    }

    void parallelismShortensTheCriticalPath()
    {
        Config config = Config::defaults();  // simulated agents at speed 1
        const DocumentRequest r = request("Renewable heating for old houses", "article", 2000);
        const RunEstimate wide = RunEstimator::estimate(r, config);
        config.orchestrator.maxConcurrentTasks = 1;
        const RunEstimate narrow = RunEstimator::estimate(r, config);
        QCOMPARE(narrow.calls, wide.calls);
        QVERIFY(narrow.latencySeconds > wide.latencySeconds * 1.5);
        config.orchestrator.maxConcurrentTasks = 5;
        config.orchestrator.enableParallel = false;
        QCOMPARE(RunEstimator::estimate(r, config).latencySeconds, narrow.latencySeconds);
        QVERIFY(wide.maxLatencySeconds > wide.latencySeconds);
    }

    void unknownPriceMakesTheCostUnknown()
    {
        Config config = Config::defaults();
        config.agents["editing"].modelConfig.model = "my-own-finetune";
        const RunEstimate e = RunEstimator::estimate(request(), config);
        QVERIFY(!e.costUsd);
        QVERIFY(e.notes.join(' ').contains("my-own-finetune"));
        config.pricing.insert("my-own-finetune", PriceOverride{"my-own-finetune", 1.0, {}, {}, 2.0});
        QVERIFY(RunEstimator::estimate(request(), config).costUsd.has_value());
    }

    void measuredLatenciesAreUsed()
    {
        const Config config = Config::defaults();
        PerformanceMonitor history;
        for (int i = 0; i < 5; ++i) {
            CallSample s;
            s.model = config.agents.value("writing").modelConfig.model;
            s.latencyMs = 60000;  // a minute per call
            history.recordCall(s);
        }
        const RunEstimate measured = RunEstimator::estimate(request(), config, &history);
        const RunEstimate profiled = RunEstimator::estimate(request(), config);
        QVERIFY(measured.latencyFromHistory);
        QVERIFY(!profiled.latencyFromHistory);
        QVERIFY(measured.latencySeconds > profiled.latencySeconds);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorEstimate)
#include "tst_orchestratorestimate.moc"

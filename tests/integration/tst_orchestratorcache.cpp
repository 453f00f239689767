// The agent response cache: an identical request is answered from the cache
// at no cost, recorded as such; cache_enabled is honoured per agent.

#include "tst_orchestratorutil.h"

#include "core/cache/responsecache.h"
#include "core/metrics/costtracker.h"
#include "core/storage/documentstore.h"

#include <QTemporaryDir>

using namespace OrchTest;

class TestOrchestratorCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repeatedRequestCostsNothing()
    {
        QTemporaryDir dir;
        DocumentOrchestrator engine(simulatedConfig(dir.path()));
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);

        QHash<QString, QHash<QString, QString>> streamed;   // document -> step -> text
        connect(&engine, &DocumentOrchestrator::textStreamed, this,
                [&streamed](const QString &doc, const QString &step, const QString &delta) { streamed[doc][step] += delta; });
        const QString first = engine.createDocument(request());
        QVERIFY(rec.waitFinished(first));
        QCOMPARE(rec.finished.value(first).status, DocumentStatus::Complete);
        QVERIFY(engine.costTracker().forDocument(first).usd > 0);

        const QString second = engine.createDocument(request());
        QVERIFY(rec.waitFinished(second));
        const Document doc = rec.finished.value(second);
        QCOMPARE(doc.status, DocumentStatus::Complete);
        const QList<CallRecordEvent> calls = rec.callsOf(second);
        QCOMPARE(calls.size(), rec.callsOf(first).size());
        for (const CallRecordEvent &c : calls) {
            QVERIFY2(c.fromCache, qPrintable(c.stepKey));
            QCOMPARE(c.costUsd.value_or(-1), 0.0);
        }
        const CostTotals spent = engine.costTracker().forDocument(second);
        QCOMPARE(spent.usd, 0.0);
        QCOMPARE(spent.cacheHits, qint64(calls.size()));
        QVERIFY(spent.savedUsd > 0);
        for (const CallRecord &c : engine.store()->calls(second))
            QVERIFY(c.fromCache);
        // Each step's metadata says how it was answered.
        const QList<StepRecord> firstSteps = engine.store()->steps(first);
        const QList<StepRecord> secondSteps = engine.store()->steps(second);
        QCOMPARE(secondSteps.size(), firstSteps.size());
        QVERIFY(!secondSteps.isEmpty());
        for (const StepRecord &s : firstSteps) {
            QCOMPARE(s.metadata.value(QStringLiteral("from_cache")), QJsonValue(false));
            QVERIFY2(s.metadata.value(QStringLiteral("calls")).toInt() >= 1, qPrintable(s.stepKey));
            QVERIFY(s.metadata.contains(QStringLiteral("repaired")));
        }
        for (const StepRecord &s : secondSteps)
            QCOMPARE(s.metadata.value(QStringLiteral("from_cache")), QJsonValue(true));
        QVERIFY(engine.responseCache()->stats().hits >= calls.size());

        // The live view sees the cached replies' text as it saw the first ones' stream.
        QVERIFY(!streamed.value(first).isEmpty());
        QCOMPARE(streamed.value(second), streamed.value(first));

        // The same replies make the same document.
        const Document original = rec.finished.value(first);
        QCOMPARE(doc.sections.size(), original.sections.size());
        for (int i = 0; i < doc.sections.size(); ++i)
            QCOMPARE(doc.sections.at(i).content, original.sections.at(i).content);
    }

    void cacheSurvivesARestart()
    {
        QTemporaryDir dir;
        {
            DocumentOrchestrator engine(simulatedConfig(dir.path()));
            QVERIFY(engine.open(nullptr));
            Recorder rec(&engine);
            const QString id = engine.createDocument(request());
            QVERIFY(rec.waitFinished(id));
        }
        DocumentOrchestrator engine(simulatedConfig(dir.path()));
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id));
        QCOMPARE(engine.costTracker().forDocument(id).usd, 0.0);
    }

    void cacheEnabledIsPerAgent()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        config.agents["writing"].cacheEnabled = false;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        const QString first = engine.createDocument(request());
        QVERIFY(rec.waitFinished(first));
        const QString second = engine.createDocument(request());
        QVERIFY(rec.waitFinished(second));
        int writing = 0;
        for (const CallRecordEvent &c : rec.callsOf(second)) {
            if (c.agent == QLatin1String("writing")) {
                ++writing;
                QVERIFY2(!c.fromCache, qPrintable(c.stepKey));
            } else {
                QVERIFY2(c.fromCache, qPrintable(c.stepKey));
            }
        }
        QVERIFY(writing > 0);
        QVERIFY(engine.costTracker().forDocument(second).usd > 0);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorCache)
#include "tst_orchestratorcache.moc"

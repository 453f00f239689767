// The engine in its own thread behind EngineThread: requests are queued to
// it, results come back as signals in the caller's thread, nothing blocks.

#include "tst_orchestratorutil.h"

#include "core/metrics/costtracker.h"
#include "core/orchestration/enginethread.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

using namespace OrchTest;

class TestOrchestratorThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentsRunInTheEngineThread()
    {
        QTemporaryDir dir;
        EngineThread engine(simulatedConfig(dir.path()));
        QSignalSpy started(&engine, &EngineThread::engineStarted);
        engine.start();
        QVERIFY(started.wait(10000));
        QCOMPARE(started.first().at(0).toBool(), true);
        QVERIFY(engine.orchestrator()->thread() != QThread::currentThread());

        QHash<QString, Document> finished;
        QList<QThread *> deliveredIn;
        connect(&engine, &EngineThread::documentFinished, this, [&](const Document &d) {
            finished.insert(d.id, d);
            deliveredIn << QThread::currentThread();
        });
        QSignalSpy progress(&engine, &EngineThread::progressChanged);
        QSignalSpy sections(&engine, &EngineThread::sectionUpdated);
        const QString a = engine.createDocument(request("Coral reefs and ocean warming"));
        const QString b = engine.createDocument(request("Glaciers of the Alps"), "batch");
        QVERIFY(!a.isEmpty() && a != b);
        QVERIFY(QTest::qWaitFor([&] { return finished.size() == 2; }, 60000));
        QCOMPARE(finished.value(a).status, DocumentStatus::Complete);
        QCOMPARE(finished.value(b).status, DocumentStatus::Complete);
        for (QThread *t : deliveredIn)
            QCOMPARE(t, QThread::currentThread());
        QVERIFY(progress.count() > 10);
        QVERIFY(sections.count() > 3);
        // The thread-safe readers see the engine's figures.
        QVERIFY(engine.costTracker().forDocument(a).calls > 0);

        QSignalSpy stats(&engine, &EngineThread::resourceStatsChanged);
        engine.requestResourceStats();
        QVERIFY(stats.wait(5000));
        const QVariantMap s = stats.constLast().at(0).toMap();
        for (const char *key : {"max_agents", "available", "in_use", "utilization", "total_allocations",
                                "total_deallocations", "peak_usage", "avg_wait_time"})
            QVERIFY2(s.contains(key), key);
        QCOMPARE(s.value("total_allocations"), s.value("total_deallocations"));
    }

    void cancelAndResumeThroughTheFacade()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path(), 1.0);  // real speed: calls take seconds
        QString id;
        {
            EngineThread engine(config);
            QSignalSpy started(&engine, &EngineThread::engineStarted);
            engine.start();
            QVERIFY(started.wait(10000));
            QSignalSpy finished(&engine, &EngineThread::documentFinished);
            QSignalSpy assigned(&engine, &EngineThread::taskAssigned);
            const QString cancelled = engine.createDocument(request("Coral reefs and ocean warming"));
            QVERIFY(assigned.wait(10000));
            engine.cancelDocument(cancelled);
            QVERIFY(finished.wait(5000));
            QCOMPARE(finished.first().at(0).value<Document>().status, DocumentStatus::Cancelled);

            // Left running when the engine stops: resumable.
            id = engine.createDocument(request("Glaciers of the Alps"));
            QVERIFY(QTest::qWaitFor([&] { return assigned.count() > 1; }, 10000));
            QSignalSpy snapshot(&engine, &EngineThread::documentSnapshot);
            engine.requestSnapshot(id);
            QVERIFY(snapshot.wait(5000));
            QCOMPARE(snapshot.first().at(0).value<Document>().id, id);
            QCOMPARE(snapshot.first().at(0).value<Document>().status, DocumentStatus::Researching);
        }
        config.providers["simulated"].speed = 0;
        EngineThread engine(config);
        engine.start();
        QSignalSpy resumed(&engine, &EngineThread::documentsResumed);
        QSignalSpy finished(&engine, &EngineThread::documentFinished);
        engine.resumeInterrupted();
        QVERIFY(resumed.wait(10000));
        QCOMPARE(resumed.first().at(0).toStringList(), QStringList{id});
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).value<Document>().id, id);
        QCOMPARE(finished.first().at(0).value<Document>().status, DocumentStatus::Complete);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorThread)
#include "tst_orchestratorthread.moc"

// Whole documents through the real engine on the simulated provider at speed 0.

#include "tst_orchestratorutil.h"

#include "core/metrics/prometheusexporter.h"
#include "core/orchestration/resourcemanager.h"
#include "core/storage/documentstore.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace OrchTest;

namespace {

QStringList stepKeys(const QList<StepRecord> &steps)
{
    QStringList keys;
    for (const StepRecord &s : steps)
        keys << s.stepKey;
    return keys;
}

} // namespace

class TestOrchestratorPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void articleGoesThroughEveryStage()
    {
        QTemporaryDir dir;
        DocumentOrchestrator engine(simulatedConfig(dir.path()));
        QString error;
        QVERIFY2(engine.open(&error), qPrintable(error));
        Recorder rec(&engine);

        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QVERIFY(doc.sections.size() >= 3);
        for (const DocumentSection &s : doc.sections)
            QVERIFY2(!s.content.trimmed().isEmpty(), qPrintable(s.title));
        QVERIFY(doc.wordCount > 100);
        QVERIFY(doc.hasQualityScore());
        QCOMPARE(doc.metadata.value("threshold_met").toBool(), true);
        QCOMPARE(doc.metadata.value("rounds").toList().size(), 1);

        // The framework's order of states and stages.
        const QList<DocumentStatus> seen = rec.statuses.value(id);
        QList<DocumentStatus> order;
        for (DocumentStatus s : seen)
            if (order.isEmpty() || order.constLast() != s)
                order << s;
        QCOMPARE(order, (QList<DocumentStatus>{DocumentStatus::Pending, DocumentStatus::Researching,
                                               DocumentStatus::Outlining, DocumentStatus::Writing,
                                               DocumentStatus::Editing, DocumentStatus::Verifying,
                                               DocumentStatus::Complete}));
        QCOMPARE(rec.stages.value(id),
                 (QStringList{"research", "outline", "write", "edit", "verify", "finalize"}));
        QVERIFY(rec.streamed.value(id) > 0);

        // Everything is in the store as it happened.
        DocumentStore *store = engine.store();
        QVERIFY(store);
        QCOMPARE(store->document(id)->status, DocumentStatus::Complete);
        const QStringList keys = stepKeys(store->steps(id));
        for (const char *key : {"research/plan", "research/q1", "research/q3", "research/brief", "outline",
                                   "section/1/draft", "edit/structure", "edit/style/section/1",
                                   "edit/polish/section/1", "verify/accuracy", "verify/completeness",
                                   "verify/quality"})
            QVERIFY2(keys.contains(key), qPrintable(QString::fromLatin1(key) + " missing from " + keys.join(',')));
        QCOMPARE(store->calls(id).size(), rec.callsOf(id).size());
        QCOMPARE(store->revisions(id).size(), 1);
        QCOMPARE(store->qualityReports(id).size(), 1);
        QVERIFY(store->documentRow(id)->configJson.contains("orchestrator"));

        // Every agent went back to the pool.
        const ResourceManager::Stats pool = engine.resourceManager()->stats();
        QVERIFY(pool.peakUsage >= 1);
        QVERIFY(pool.peakUsage <= pool.maxAgents);
        QCOMPARE(pool.totalAllocations, pool.totalDeallocations);
        QCOMPARE(pool.inUse, 0);
        QCOMPARE(pool.totalAllocations, qint64(rec.callsOf(id).size()));
    }

    void reportOpensWithItsExecutiveSummary()
    {
        QTemporaryDir dir;
        DocumentOrchestrator engine(simulatedConfig(dir.path()));
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        const QString id = engine.createDocument(request("Quarterly operations of a regional bakery", "report", 800));
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QCOMPARE(doc.orderedSections().first().title, QStringLiteral("Executive Summary"));
        QVERIFY(!doc.orderedSections().first().content.trimmed().isEmpty());
        const QStringList stages = rec.stages.value(id);
        QVERIFY(stages.indexOf("executive_summary") > stages.indexOf("write"));
        QVERIFY(rec.completed.value(id).contains("executive_summary"));
        // The summary has its own stage: the writers did not draft it too.
        QVERIFY(!rec.completed.value(id).contains("section/1/draft"));
    }

    void paperIsNeverAcceptedWithoutCitations()
    {
        QTemporaryDir dir;
        const QString ref = dir.filePath("gutenberg.txt");
        QFile f(ref);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Johannes Gutenberg introduced movable type printing to Europe around 1440 in Mainz. "
                "His press used an oil-based ink and a screw mechanism adapted from wine presses.\n\n"
                "The Gutenberg Bible, printed around 1455, was the first major book printed with movable "
                "metal type in Europe. About 180 copies were produced.\n");
        f.close();
        Config config = simulatedConfig(dir.path());
        config.orchestrator.retryAttempts = 2;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        DocumentRequest r = request("Movable type and the Gutenberg press", "paper", 700);
        r.references = {ref};
        const QString id = engine.createDocument(r);
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QCOMPARE(doc.metadata.value("workflow").toString(), QStringLiteral("paper"));
        const QString citations = doc.metadata.value("citations").toString();
        if (citations == QLatin1String("ok")) {
            QVERIFY(!doc.referenceList().isEmpty());
            QVERIFY(doc.toMarkdown().contains("[1]"));
        } else {
            // Uncited drafts go back for revision with every round, and are not passed.
            QCOMPARE(citations, QStringLiteral("missing"));
            QCOMPARE(doc.metadata.value("threshold_met").toBool(), false);
            QCOMPARE(doc.metadata.value("rounds").toList().size(), 3);
            QCOMPARE(rec.reports.value(id).constLast().findings.first().check, QStringLiteral("citations_required"));
        }
    }

    void paperWithNothingToCiteFailsVerification()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        config.orchestrator.retryAttempts = 1;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        const QString id = engine.createDocument(request("Movable type and the Gutenberg press", "paper", 500));
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Complete);
        QCOMPARE(doc.metadata.value("threshold_met").toBool(), false);
        QCOMPARE(doc.metadata.value("citations").toString(), QStringLiteral("no_sources"));
        const QualityReport report = rec.reports.value(id).constLast();
        QCOMPARE(report.findings.first().check, QStringLiteral("citations_required"));
    }

    void manyDocumentsShareTheLimits()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        config.orchestrator.maxAgents = 4;
        config.orchestrator.maxConcurrentTasks = 3;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids << engine.createDocument(request(QStringLiteral("Printing in city number %1 of Europe").arg(i)),
                                         QStringLiteral("batch-1"));
        for (const QString &id : ids) {
            QVERIFY(rec.waitFinished(id));
            QCOMPARE(rec.finished.value(id).status, DocumentStatus::Complete);
        }
        const ResourceManager::Stats calls = engine.callLimiter()->stats();
        QVERIFY2(calls.peakUsage <= 3, qPrintable(QString::number(calls.peakUsage)));
        QCOMPARE(calls.peakUsage, 3);  // there was always more to do than slots
        const ResourceManager::Stats pool = engine.resourceManager()->stats();
        QVERIFY(pool.peakUsage <= 4);
        QCOMPARE(pool.totalAllocations, pool.totalDeallocations);
        QCOMPARE(engine.store()->documentRow(ids.first())->batchId, QStringLiteral("batch-1"));
    }

    // The pool changes twice per call; its statistics go out at most ten
    // times a second, and always once after the last change, so the
    // dashboard's utilisation ends on the pool's real state.
    void poolStatisticsAreCoalescedAndEndOnTheLastChange()
    {
        QTemporaryDir dir;
        DocumentOrchestrator engine(simulatedConfig(dir.path()));
        Recorder rec(&engine);
        QSignalSpy stats(&engine, &DocumentOrchestrator::resourceStatsChanged);
        QElapsedTimer clock;
        clock.start();
        const QString a = engine.createDocument(request(QStringLiteral("Canals of Venice and their upkeep")));
        const QString b = engine.createDocument(request(QStringLiteral("Bridges of Paris and their history")));
        QVERIFY(rec.waitFinished(a));
        QVERIFY(rec.waitFinished(b));
        const ResourceManager::Stats pool = engine.resourceManager()->stats();
        QVERIFY(pool.totalAllocations >= 40);
        QVERIFY(QTest::qWaitFor([&] {
            return !stats.isEmpty()
                && stats.constLast().at(0).toMap().value("total_deallocations").toLongLong() == pool.totalDeallocations;
        }, 2000));
        const QVariantMap last = stats.constLast().at(0).toMap();
        QCOMPARE(last.value("in_use").toInt(), 0);
        QCOMPARE(last.value("total_allocations").toLongLong(), pool.totalAllocations);
        // At most one per tenth of a second (and one to end on), not one per change.
        QVERIFY2(stats.count() <= 2 + clock.elapsed() / 100,
                 qPrintable(QStringLiteral("%1 in %2 ms").arg(stats.count()).arg(clock.elapsed())));
        QVERIFY(stats.count() < pool.totalAllocations);
    }

    void oneCallAtATimeWhenParallelIsOff()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        config.orchestrator.enableParallel = false;
        DocumentOrchestrator engine(config);
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id));
        QCOMPARE(rec.finished.value(id).status, DocumentStatus::Complete);
        QCOMPARE(engine.callLimiter()->stats().peakUsage, 1);
    }

    void metricsAreServedToPrometheus()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        config.metrics.enabled = true;
        config.metrics.port = 0;  // any free port
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));  // the engine starts (and with it the exporter)
        QVERIFY(engine.prometheusExporter());
        QVERIFY(engine.prometheusExporter()->isListening());
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id));

        QNetworkAccessManager network;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/metrics").arg(engine.prometheusExporter()->port()));
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        QVERIFY2(body.contains("madf_documents_total{status=\"complete\"} 1"), body.constData());
        QVERIFY(body.contains("madf_tokens_total{direction=\"out\",model=\"gpt-4\"}"));
        QVERIFY(body.contains("madf_stage_duration_seconds_count{stage=\"write\"} 1"));
    }

    void invalidRequestIsRefusedBeforeAnyCall()
    {
        QTemporaryDir dir;
        DocumentOrchestrator engine(simulatedConfig(dir.path()));
        Recorder rec(&engine);
        DocumentRequest r = request();
        r.topic = "AI";
        r.targetLength = 5;
        const QString id = engine.createDocument(r);
        QVERIFY(!id.isEmpty());
        QVERIFY(rec.waitFinished(id, 5000));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Failed);
        QCOMPARE(doc.metadata.value("failure_kind").toString(), QStringLiteral("invalid_request"));
        QVERIFY(doc.failureReason.contains("topic"));
        QVERIFY(doc.failureReason.contains("target_length"));
        QVERIFY(rec.calls.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorPipeline)
#include "tst_orchestratorpipeline.moc"

// Resuming: an engine destroyed mid-run leaves its document interrupted in
// the store; a new engine on the same state directory continues it from the
// steps already completed, without calling (or paying for) them again.

#include "tst_orchestratorutil.h"

#include "core/storage/documentstore.h"

#include <QSet>
#include <QTemporaryDir>

using namespace OrchTest;

namespace {

/** Starts @p r, then destroys the engine once step @p step has completed, as
 *  if the application quit mid-run. The document's id, or empty if the step
 *  never completed or the document had already finished. */
QString interruptedAfter(const Config &config, const DocumentRequest &r, const QString &step)
{
    auto *engine = new DocumentOrchestrator(config);
    if (!engine->open(nullptr)) {
        delete engine;
        return {};
    }
    Recorder rec(engine);
    const QString id = engine->createDocument(r);
    const bool reached = QTest::qWaitFor([&] { return rec.completed.value(id).contains(step); }, 30000);
    const bool running = !rec.finished.contains(id);
    delete engine;
    return reached && running ? id : QString();
}

} // namespace

class TestOrchestratorResume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumeContinuesWithoutRepeatingCompletedSteps_data()
    {
        QTest::addColumn<QString>("interruptAfter");
        QTest::addColumn<QString>("type");
        QTest::newRow("during research") << "research/q2" << "article";
        QTest::newRow("while writing") << "section/2/draft" << "article";
        QTest::newRow("while verifying") << "verify/accuracy" << "report";
    }
    void resumeContinuesWithoutRepeatingCompletedSteps()
    {
        QFETCH(QString, interruptAfter);
        QFETCH(QString, type);
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        // No cache: a repeated step would be a real (counted, paid) call.
        for (AgentConfig &a : config.agents)
            a.cacheEnabled = false;
        config.orchestrator.qualityThreshold = 0.99;
        config.orchestrator.retryAttempts = 1;

        const QString id = interruptedAfter(config, request("Tidal energy along the Atlantic coast", type, 600),
                                            interruptAfter);
        QVERIFY(!id.isEmpty());

        QSet<QString> doneBefore;
        qsizetype callsBefore = 0;
        {
            DocumentStore store;
            QVERIFY(store.open(DocumentOrchestrator::databasePath(config)));
            QVERIFY(store.interrupted().contains(id));
            for (const StepRecord &s : store.steps(id))
                doneBefore.insert(s.stepKey);
            callsBefore = store.calls(id).size();
        }
        QVERIFY(doneBefore.contains(interruptAfter));

        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        QCOMPARE(engine.resumeInterrupted(), QStringList{id});
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QCOMPARE(doc.metadata.value("resumed").toBool(), true);
        QCOMPARE(doc.metadata.value("rounds").toList().size(), 2);

        // Nothing completed before was asked again...
        const QList<CallRecordEvent> calls = rec.callsOf(id);
        QVERIFY(!calls.isEmpty());
        for (const CallRecordEvent &c : calls)
            QVERIFY2(!doneBefore.contains(c.stepKey), qPrintable(c.stepKey + " was called again"));
        // ...but its results were used.
        for (const QString &key : std::as_const(doneBefore))
            if (!key.startsWith("stage/"))
                QVERIFY2(rec.completed.value(id).contains(key), qPrintable(key + " was not replayed"));

        QCOMPARE(engine.store()->calls(id).size(), callsBefore + calls.size());
        QVERIFY(engine.store()->interrupted().isEmpty());
        QCOMPARE(engine.store()->document(id)->status, DocumentStatus::Complete);
    }

    void resumedDocumentMatchesAnUninterruptedOne()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        const DocumentRequest r = request("Tidal energy along the Atlantic coast", "article", 600);
        Document straight;
        {
            DocumentOrchestrator engine(simulatedConfig(a.path()));
            Recorder rec(&engine);
            const QString id = engine.createDocument(r);
            QVERIFY(rec.waitFinished(id));
            straight = rec.finished.value(id);
        }
        const QString id = interruptedAfter(simulatedConfig(b.path()), r, "edit/structure");
        QVERIFY(!id.isEmpty());
        DocumentOrchestrator engine(simulatedConfig(b.path()));
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        QVERIFY(engine.resumeInterrupted({"some-other-document"}).isEmpty());
        QCOMPARE(engine.resumeInterrupted({id}), QStringList{id});
        QVERIFY(rec.waitFinished(id));
        const Document resumed = rec.finished.value(id);
        QCOMPARE(resumed.sections.size(), straight.sections.size());
        for (int i = 0; i < resumed.sections.size(); ++i)
            QCOMPARE(resumed.sections.at(i).content, straight.sections.at(i).content);
        QCOMPARE(resumed.qualityScore, straight.qualityScore);
    }

    void resumedDocumentCountsWhatItSpentBefore()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        for (AgentConfig &a : config.agents)
            a.cacheEnabled = false;
        const QString id = interruptedAfter(config, request(), "section/2/draft");
        QVERIFY(!id.isEmpty());
        double spentBefore = 0;
        {
            DocumentStore store;
            QVERIFY(store.open(DocumentOrchestrator::databasePath(config)));
            spentBefore = store.spending(id).costUsd;
            QVERIFY(spentBefore > 0);
        }
        // A budget a little over what was spent: the rest of the document
        // does not fit in it, though it would if the earlier spending were
        // forgotten.
        Config tight = config;
        tight.budget.perDocument = spentBefore * 1.2;
        DocumentOrchestrator engine(tight);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        QCOMPARE(engine.resumeInterrupted(), QStringList{id});
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Failed);
        QCOMPARE(doc.metadata.value("failure_kind").toString(), QStringLiteral("budget"));
        // The resumed run may stop before its first call (when that call
        // alone would not fit in what is left: it depends on how far the
        // first run got, which a loaded machine changes) or after a few.
        const double total = engine.store()->spending(id).costUsd;
        QVERIFY2(total >= spentBefore - 1e-9 && total <= tight.budget.perDocument + 1e-9,
                 qPrintable(QStringLiteral("%1 spent in all, %2 before").arg(total).arg(spentBefore)));
        // The document's cost is all of it, not only what the resumed run spent.
        QVERIFY(qAbs(engine.store()->documentRow(id)->costUsd - total) < 1e-9);
    }

    void resumedDocumentCostsWhatAStraightRunCosts()
    {
        // The other side of the test above: the resumed document, interrupted
        // at the same point, completes and costs in all what the document
        // costs in one go. Paying again for calls already made, or counting
        // the earlier spending twice in its cost, would show here.
        Config config = simulatedConfig(QString());
        for (AgentConfig &a : config.agents)
            a.cacheEnabled = false;
        double straightCost = 0;
        {
            QTemporaryDir dir;
            Config c = config;
            c.storage.statePath = dir.path();
            DocumentOrchestrator engine(c);
            QVERIFY(engine.open(nullptr));
            Recorder rec(&engine);
            const QString id = engine.createDocument(request());
            QVERIFY(rec.waitFinished(id));
            QCOMPARE(rec.finished.value(id).status, DocumentStatus::Complete);
            straightCost = engine.store()->spending(id).costUsd;
            QVERIFY(straightCost > 0);
        }
        QTemporaryDir dir;
        config.storage.statePath = dir.path();
        const QString id = interruptedAfter(config, request(), "section/2/draft");
        QVERIFY(!id.isEmpty());
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        QCOMPARE(engine.resumeInterrupted(), QStringList{id});
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        const double total = engine.store()->spending(id).costUsd;
        QVERIFY2(qAbs(total - straightCost) <= 0.01 * straightCost,
                 qPrintable(QStringLiteral("%1 spent, a straight run %2").arg(total).arg(straightCost)));
        QVERIFY(qAbs(engine.store()->documentRow(id)->costUsd - total) < 1e-9);
    }

    void nothingToResume()
    {
        QTemporaryDir dir;
        DocumentOrchestrator engine(simulatedConfig(dir.path()));
        QVERIFY(engine.open(nullptr));
        QVERIFY(engine.resumeInterrupted().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorResume)
#include "tst_orchestratorresume.moc"

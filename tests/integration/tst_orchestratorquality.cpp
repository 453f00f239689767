// The quality loop: verification below quality_threshold sends the findings
// back for revision, up to retry_attempts rounds; the best version is kept.
// The simulated verifier scores drafts from local measures with a small gain
// per revision round, deterministically, so the same request scores the same.

#include "tst_orchestratorutil.h"

#include "core/storage/documentstore.h"

#include <QTemporaryDir>

using namespace OrchTest;

namespace {

QList<double> roundScores(const Document &doc)
{
    QList<double> scores;
    for (const QVariant &r : doc.metadata.value("rounds").toList())
        scores << r.toMap().value("score").toDouble();
    return scores;
}

struct Outcome
{
    Document doc;
    QList<StepRecord> steps;
    QList<RevisionRecord> revisions;
    QList<QualityReportRecord> reports;
    QList<DocumentStatus> statuses;
};

Outcome run(double threshold, int retries)
{
    QTemporaryDir dir;
    Config config = simulatedConfig(dir.path());
    config.orchestrator.qualityThreshold = threshold;
    config.orchestrator.retryAttempts = retries;
    DocumentOrchestrator engine(config);
    engine.open(nullptr);
    Recorder rec(&engine);
    const QString id = engine.createDocument(request("Urban beekeeping for beginners", "article", 600));
    Outcome out;
    if (!rec.waitFinished(id))
        return out;
    out.doc = rec.finished.value(id);
    out.steps = engine.store()->steps(id);
    out.revisions = engine.store()->revisions(id);
    out.reports = engine.store()->qualityReports(id);
    out.statuses = rec.statuses.value(id);
    return out;
}

} // namespace

class TestOrchestratorQuality : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loopStopsAfterRetryAttemptsAndKeepsTheBest()
    {
        const Outcome out = run(0.99, 2);
        QCOMPARE(out.doc.status, DocumentStatus::Complete);
        QCOMPARE(out.doc.metadata.value("threshold_met").toBool(), false);
        const QList<double> scores = roundScores(out.doc);
        QCOMPARE(scores.size(), 3);
        QCOMPARE(out.revisions.size(), 3);
        QCOMPARE(out.reports.size(), 3);
        QVERIFY(out.statuses.contains(DocumentStatus::Revising));

        // The delivered version is the best round's, with its score.
        const int best = int(std::max_element(scores.begin(), scores.end()) - scores.begin());
        QCOMPARE(out.doc.metadata.value("best_round").toInt(), best);
        QCOMPARE(*out.doc.qualityScore, scores.at(best));
        QCOMPARE(out.revisions.at(best).score, scores.at(best));
        QCOMPARE(out.doc.sections.size(), out.revisions.at(best).document.sections.size());
        for (int i = 0; i < out.doc.sections.size(); ++i)
            QCOMPARE(out.doc.sections.at(i).content, out.revisions.at(best).document.sections.at(i).content);

        QStringList keys;
        for (const StepRecord &s : out.steps)
            keys << s.stepKey;
        QVERIFY(keys.contains("revision/1/section/1"));
        QVERIFY(keys.contains("revision/2/verify/accuracy"));
        QVERIFY(!keys.contains("revision/3/verify/accuracy"));
    }

    void loopStopsOnceTheThresholdIsReached()
    {
        // Learn the rounds' scores, then set the threshold just above every
        // score before the first round that beats them all.
        const QList<double> scores = roundScores(run(0.99, 3).doc);
        QCOMPARE(scores.size(), 4);
        int k = -1;
        double before = scores.first();
        for (int i = 1; i < scores.size() && k < 0; ++i) {
            if (scores.at(i) > before + 0.002)
                k = i;
            before = qMax(before, scores.at(i));
        }
        if (k < 0)
            QSKIP("the simulated verifier gave no round a better score");
        const double threshold = (before + scores.at(k)) / 2;

        const Outcome out = run(threshold, 3);
        QCOMPARE(out.doc.status, DocumentStatus::Complete);
        QCOMPARE(out.doc.metadata.value("threshold_met").toBool(), true);
        QCOMPARE(roundScores(out.doc).size(), k + 1);
        QVERIFY(*out.doc.qualityScore >= threshold);
        QCOMPARE(out.doc.metadata.value("best_round").toInt(), k);
    }

    void noRevisionWhenTheFirstDraftPasses()
    {
        const Outcome out = run(0.10, 3);
        QCOMPARE(out.doc.metadata.value("threshold_met").toBool(), true);
        QCOMPARE(roundScores(out.doc).size(), 1);
        QVERIFY(!out.statuses.contains(DocumentStatus::Revising));
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorQuality)
#include "tst_orchestratorquality.moc"

// The stage timeline on known schedules: which calls set the document's end
// time, which stage is named the bottleneck, and which advice is given.
#include "core/metrics/stagetimeline.h"
#include "core/orchestration/workflow.h"
#include "core/storage/storerecords.h"

#include <QtTest>

using namespace Madf;

namespace {
constexpr qint64 T0 = 1'700'000'000'000; // an epoch time in ms, as the engine reports

TimelineCall call(const QString &key, qint64 start, qint64 total, qint64 queued = 0, int attempts = 1)
{
    TimelineCall c;
    c.stepKey = key;
    c.stage = recordStageForStepKey(key);
    c.agent = c.stage == QLatin1String("editing") ? QStringLiteral("editing") : QStringLiteral("writing");
    c.provider = QStringLiteral("openai");
    c.model = c.stage == QLatin1String("editing") ? QStringLiteral("gpt-4") : QStringLiteral("gpt-4o-mini");
    c.startMs = T0 + start;
    c.totalMs = total;
    c.queuedMs = queued;
    c.attempts = attempts;
    return c;
}

QStringList keysOnPath(const StageTimeline &t)
{
    QStringList keys;
    for (int i : t.criticalPath().calls)
        keys << t.calls().at(i).stepKey;
    return keys;
}

const TimelineHint *findHint(const QList<TimelineHint> &hints, TimelineHint::Kind kind)
{
    for (const TimelineHint &h : hints)
        if (h.kind == kind)
            return &h;
    return nullptr;
}

// An article: research fans out, three sections are drafted at once and
// section 2 is slow, then editing and verification.
QList<TimelineCall> articleSchedule()
{
    return {
        call("research/plan", 0, 100),
        call("research/q1", 100, 200),
        call("research/q2", 100, 300),
        call("research/brief", 400, 100),
        call("outline", 510, 90),
        call("section/1/draft", 600, 200),
        call("section/2/draft", 600, 1000),
        call("section/3/draft", 600, 300),
        call("edit/structure", 1600, 100),
        call("edit/style/section/1", 1700, 150),
        call("edit/style/section/2", 1700, 200),
        call("edit/style/section/3", 1700, 120),
        call("verify/accuracy", 1900, 100),
        call("verify/completeness", 1900, 60),
    };
}
} // namespace

class TestStageTimeline : public QObject
{
    Q_OBJECT
private slots:
    void barParts_data();
    void barParts();
    void stageOfStepKeys_data();
    void stageOfStepKeys();
    void slowParallelSectionIsOnThePath();
    void stageSharesAddUpToWallTime();
    void bottleneckNamesTheDominantStage();
    void queuedCallsAskForMoreConcurrency();
    void smallAgentPoolAsksForMoreAgents();
    void retriesAskForLessConcurrency();
    void parallelBranchIsNotAPredecessor();
    void appendUpdatesThePath();
    void storedCallStartsAtCreationMinusLatency();
    void emptyTimeline();
};

void TestStageTimeline::barParts_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("queued");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("firstToken");
    QTest::addColumn<qint64>("expQueued");
    QTest::addColumn<qint64>("expRetried");
    QTest::addColumn<qint64>("expRunning");

    QTest::newRow("one attempt") << 1000LL << 200LL << 1 << -1LL << 200LL << 0LL << 800LL;
    QTest::newRow("four equal attempts") << 1000LL << 200LL << 4 << -1LL << 200LL << 600LL << 200LL;
    QTest::newRow("last attempt reached its first token late") << 1000LL << 200LL << 2 << 600LL << 200LL << 200LL
                                                               << 600LL;
    QTest::newRow("queue longer than the call is clipped") << 1000LL << 1500LL << 1 << -1LL << 1000LL << 0LL << 0LL;
    QTest::newRow("first token beyond the attempts") << 1000LL << 0LL << 3 << 2000LL << 0LL << 0LL << 1000LL;
}

void TestStageTimeline::barParts()
{
    QFETCH(qint64, total);
    QFETCH(qint64, queued);
    QFETCH(int, attempts);
    QFETCH(qint64, firstToken);
    TimelineCall c = call("section/1/draft", 0, total, queued, attempts);
    c.firstTokenMs = firstToken;
    QTEST(c.queuedPartMs(), "expQueued");
    QTEST(c.retriedPartMs(), "expRetried");
    QTEST(c.runningPartMs(), "expRunning");
    QCOMPARE(c.queuedPartMs() + c.retriedPartMs() + c.runningPartMs(), total);
}

void TestStageTimeline::stageOfStepKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("stage");
    QTest::newRow("research") << "research/q2" << "research";
    QTest::newRow("outline") << "outline" << "outline";
    QTest::newRow("draft") << "section/3/draft" << "writing";
    QTest::newRow("summary") << "executive_summary" << "writing";
    QTest::newRow("edit") << "edit/polish/section/2" << "editing";
    QTest::newRow("verify") << "verify/accuracy" << "verification";
    QTest::newRow("re-verify") << "revision/1/verify/quality" << "verification";
    QTest::newRow("revision") << "revision/1/section/2" << "revision";
    QTest::newRow("unknown") << "mystery" << "other";
}

void TestStageTimeline::stageOfStepKeys()
{
    QFETCH(QString, key);
    QTEST(recordStageForStepKey(key), "stage");
}

void TestStageTimeline::slowParallelSectionIsOnThePath()
{
    StageTimeline t;
    t.setCalls(articleSchedule());
    QCOMPARE(keysOnPath(t), (QStringList{"research/plan", "research/q2", "research/brief", "outline",
                                         "section/2/draft", "edit/structure", "edit/style/section/2",
                                         "verify/accuracy"}));
    QCOMPARE(t.criticalPath().wallMs(), 2000);
    // The quick sections ran beside the slow one: they did not delay the document.
    QVERIFY(!keysOnPath(t).contains("section/1/draft"));
    QCOMPARE(t.peakInFlight(), 3);
}

void TestStageTimeline::stageSharesAddUpToWallTime()
{
    StageTimeline t;
    t.setCalls(articleSchedule());
    const CriticalPath &p = t.criticalPath();
    QCOMPARE(p.stageMs.value("research"), 500);
    QCOMPARE(p.stageMs.value("outline"), 90);
    QCOMPARE(p.stageMs.value("writing"), 1000);
    QCOMPARE(p.stageMs.value("editing"), 300);
    QCOMPARE(p.stageMs.value("verification"), 100);
    QCOMPARE(p.gapMs, 10); // between the brief and the outline
    qint64 sum = p.gapMs;
    for (qint64 ms : p.stageMs)
        sum += ms;
    QCOMPARE(sum, p.wallMs());
    const std::optional<Bottleneck> b = t.bottleneck();
    QVERIFY(b);
    QCOMPARE(b->stage, QStringLiteral("writing"));
    QVERIFY2(b->text.startsWith("Writing is 50% of this document's latency"), qPrintable(b->text));
}

void TestStageTimeline::bottleneckNamesTheDominantStage()
{
    // A one-section document whose editing passes take 540 of its 1000 ms.
    StageTimeline t;
    t.setCalls({call("research/plan", 0, 100), call("outline", 100, 100), call("section/1/draft", 200, 200),
                call("edit/structure", 400, 240), call("edit/style/section/1", 640, 300),
                call("verify/accuracy", 940, 60)});
    const std::optional<Bottleneck> b = t.bottleneck();
    QVERIFY(b);
    QCOMPARE(b->stage, QStringLiteral("editing"));
    QCOMPARE(b->ms, 540);
    QVERIFY2(b->text.contains("Editing is 54% of this document's latency"), qPrintable(b->text));
    const QList<TimelineHint> hints = t.hints();
    const TimelineHint *faster = findHint(hints, TimelineHint::Kind::FasterModel);
    QVERIFY(faster);
    QVERIFY2(faster->text.contains("54%") && faster->text.contains("gpt-4")
                 && faster->text.contains("faster model for the editing agent"),
             qPrintable(faster->text));
    QVERIFY(!findHint(hints, TimelineHint::Kind::RaiseConcurrency));
}

void TestStageTimeline::queuedCallsAskForMoreConcurrency()
{
    // Four sections, a limit of 2 in flight: the last two wait 500 ms for a slot.
    StageTimeline t;
    t.setContext({2, 10});
    t.setCalls({call("outline", 0, 100), call("section/1/draft", 100, 500), call("section/2/draft", 100, 500),
                call("section/3/draft", 100, 1000, 500), call("section/4/draft", 100, 1000, 500)});
    const CriticalPath &p = t.criticalPath();
    QCOMPARE(p.wallMs(), 1100);
    QCOMPARE(p.queuedMs, 500);
    QCOMPARE(t.peakInFlight(), 2);
    const TimelineHint *h = findHint(t.hints(), TimelineHint::Kind::RaiseConcurrency);
    QVERIFY(h);
    QVERIFY2(h->text.contains("500 ms") && h->text.contains("45%") && h->text.contains("at most 2 calls")
                 && h->text.contains("raise max_concurrent_tasks (now 2)"),
             qPrintable(h->text));
    QVERIFY(!findHint(t.hints(), TimelineHint::Kind::LowerConcurrency));
}

void TestStageTimeline::smallAgentPoolAsksForMoreAgents()
{
    StageTimeline t;
    t.setContext({10, 2});
    t.setCalls({call("outline", 0, 100), call("section/1/draft", 100, 500), call("section/2/draft", 100, 500),
                call("section/3/draft", 100, 1000, 500)});
    const TimelineHint *h = findHint(t.hints(), TimelineHint::Kind::RaiseAgents);
    QVERIFY(h);
    QVERIFY2(h->text.contains("raise max_agents (now 2)"), qPrintable(h->text));
}

void TestStageTimeline::retriesAskForLessConcurrency()
{
    QList<TimelineCall> calls;
    calls << call("outline", 0, 100);
    for (int i = 1; i <= 9; ++i) {
        TimelineCall c = call(QStringLiteral("section/%1/draft").arg(i), 100, 800, i <= 3 ? 300 : 0,
                              i <= 3 ? 3 : 1);
        if (i == 1)
            c.errorKind = QStringLiteral("rate_limited");
        calls << c;
    }
    StageTimeline t;
    t.setContext({10, 10});
    t.setCalls(calls);
    const QList<TimelineHint> hints = t.hints();
    const TimelineHint *h = findHint(hints, TimelineHint::Kind::LowerConcurrency);
    QVERIFY(h);
    QVERIFY2(h->text.contains("3 of 10 calls") && h->text.contains("6 retries") && h->text.contains("openai"),
             qPrintable(h->text));
    // The wait was back-off after 429s: more concurrency would make it worse.
    QVERIFY(!findHint(hints, TimelineHint::Kind::RaiseConcurrency));
    QVERIFY(t.criticalPath().retriedMs > 0);
}

void TestStageTimeline::parallelBranchIsNotAPredecessor()
{
    // The executive summary and the editing run side by side after the
    // sections; the summary ends later than edit/structure, just before the
    // style pass starts, yet the style pass waited for edit/structure only.
    const QByteArray yaml = "name: branches\nstages:\n"
                            "  - name: outline\n"
                            "  - name: write\n    depends_on: [outline]\n"
                            "  - name: executive_summary\n    depends_on: [write]\n"
                            "  - name: edit\n    depends_on: [write]\n"
                            "  - name: verify\n    depends_on: [edit, executive_summary]\n"
                            "  - name: finalize\n    depends_on: [verify]\n";
    QStringList errors;
    const std::optional<Workflow> workflow = Workflow::parse(yaml, "branches.yaml", {}, &errors);
    QVERIFY2(workflow, qPrintable(errors.join('\n')));
    const QList<TimelineCall> calls = {call("section/1/draft", 0, 1000), call("executive_summary", 1000, 180),
                                       call("edit/structure", 1000, 150), call("edit/style/section/1", 1200, 300)};
    StageTimeline branches;
    branches.setDependencies(StageDependencies::fromWorkflow(*workflow));
    branches.setCalls(calls);
    QCOMPARE(keysOnPath(branches), (QStringList{"section/1/draft", "edit/structure", "edit/style/section/1"}));
    // With the built-in order (the summary before editing) the summary is the later-ending predecessor.
    StageTimeline linear;
    linear.setCalls(calls);
    QCOMPARE(keysOnPath(linear), (QStringList{"section/1/draft", "executive_summary", "edit/style/section/1"}));
}

void TestStageTimeline::appendUpdatesThePath()
{
    StageTimeline t;
    const QList<TimelineCall> calls = articleSchedule();
    for (int i = 0; i < 8; ++i)
        t.append(calls[i]);
    QCOMPARE(t.criticalPath().endMs, T0 + 1600);
    QCOMPARE(t.bottleneck()->stage, QStringLiteral("writing"));
    for (int i = 8; i < calls.size(); ++i)
        t.append(calls[i]);
    QCOMPARE(t.criticalPath().endMs, T0 + 2000);
    QVERIFY(keysOnPath(t).contains("verify/accuracy"));
}

void TestStageTimeline::storedCallStartsAtCreationMinusLatency()
{
    CallRecord r;
    r.stepKey = QStringLiteral("revision/2/section/1");
    r.latencyMs = 1500;
    r.queuedMs = 200;
    r.attempts = 2;
    r.errorKind = QStringLiteral("rate_limited");
    r.createdAt = QDateTime::fromMSecsSinceEpoch(T0 + 5000, Qt::UTC);
    r.fromCache = true;
    r.costUsd = 0.25; // what the original call cost: this one cost nothing
    const TimelineCall c = TimelineCall::fromRecord(r);
    QCOMPARE(c.startMs, T0 + 3500);
    QCOMPARE(c.endMs(), T0 + 5000);
    QCOMPARE(c.stage, QStringLiteral("revision"));
    QVERIFY(!c.ok);
    QVERIFY(c.rateLimited());
    QCOMPARE(c.costUsd, std::optional<double>(0.0));
}

void TestStageTimeline::emptyTimeline()
{
    StageTimeline t;
    QVERIFY(t.isEmpty());
    QVERIFY(!t.bottleneck());
    QVERIFY(t.hints().isEmpty());
    QVERIFY(t.rows().isEmpty());
    QCOMPARE(t.peakInFlight(), 0);
}

QTEST_GUILESS_MAIN(TestStageTimeline)
#include "tst_stagetimeline.moc"

// The dashboard's figures from known feeds: what the charts will show.
#include "core/metrics/metricstimeline.h"

#include "core/model/document.h"
#include "core/orchestration/engineevents.h"
#include "core/storage/documentstore.h"
#include "core/storage/storerecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;

namespace {

constexpr qint64 T0 = 1'700'000'000'000; // run start
constexpr qint64 Minute = 60'000;

CallRecordEvent call(const QString &model, const QString &agent, qint64 startedAt, qint64 totalMs,
                     std::optional<double> cost = 0.0)
{
    CallRecordEvent e;
    e.documentId = QStringLiteral("d1");
    e.stepKey = QStringLiteral("research/q1");
    e.stage = QStringLiteral("research");
    e.agent = agent;
    e.provider = QStringLiteral("openai");
    e.model = model;
    e.startedAtMs = startedAt;
    e.totalMs = totalMs;
    e.attempts = 1;
    e.ok = true;
    e.costUsd = cost;
    return e;
}

Document document(const QString &id, DocumentStatus status, std::optional<double> quality = std::nullopt)
{
    Document d;
    d.id = id;
    d.status = status;
    d.qualityScore = quality;
    return d;
}

bool near(const QList<double> &a, const QList<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (qAbs(a[i] - b[i]) > 1e-12)
            return false;
    return true;
}

// A document that started at `start` and took `seconds`.
void finish(MetricsTimeline *t, const QString &id, qint64 start, double seconds,
            DocumentStatus status = DocumentStatus::Complete, std::optional<double> quality = std::nullopt)
{
    t->addDocumentStarted(id, start);
    t->addDocument(document(id, status, quality), start + qint64(seconds * 1000));
}

} // namespace

class TestMetricsTimeline : public QObject
{
    Q_OBJECT
private slots:
    void latencyPercentilesAndHistogram();
    void rollingPercentilesFollowTheLastDocuments();
    void qualityAgainstThreshold();
    void cumulativeCostByModelAndAgent();
    void unknownAndSimulatedCosts();
    void cacheHitRateAndSavings();
    void throughput();
    void errorsByKindAndQueueing();
    void timeToFirstTokenPerModel();
    void utilizationAndInFlight();
    void windows_data();
    void windows();
    void historyBeforeTheRunOnly();
    void historyLoadsFromTheStore();
    void revisionMovesOnChange();
    void binWidth_data();
    void binWidth();
    void exportJsonAndCsv();
};

void TestMetricsTimeline::latencyPercentilesAndHistogram()
{
    MetricsTimeline t(T0);
    const QList<double> latencies = {1.5, 2.5, 2.7, 9.0, 4.0};
    for (int i = 0; i < latencies.size(); ++i)
        finish(&t, QStringLiteral("doc%1").arg(i), T0 + i * Minute, latencies[i]);
    finish(&t, QStringLiteral("failed"), T0, 30.0, DocumentStatus::Failed);

    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + 10 * Minute);
    QCOMPARE(s.documents, 6);
    QCOMPARE(s.completedDocuments, 5);
    QCOMPARE(s.latencySeconds.size(), 5); // the failed document's 30 s is no latency figure
    QCOMPARE(s.latencySeconds.first(), QPointF(double(T0 + 1500), 1.5));
    QCOMPARE(s.p50Seconds, 2.7);
    QCOMPARE(s.p95Seconds, 8.0);
    // Bins of 1 s from 0 to 10 s.
    QCOMPARE(s.latencyHistogram.size(), 10);
    QCOMPARE(s.latencyHistogram.first().from, 0.0);
    QCOMPARE(s.latencyHistogram.last().to, 10.0);
    QList<int> counts;
    for (const HistogramBin &b : s.latencyHistogram)
        counts << b.count;
    QCOMPARE(counts, (QList<int>{0, 1, 2, 0, 1, 0, 0, 0, 0, 1}));
}

void TestMetricsTimeline::rollingPercentilesFollowTheLastDocuments()
{
    MetricsTimeline t(T0);
    t.setRollingCount(2);
    const QList<double> latencies = {1.0, 100.0, 9.0, 4.0};
    for (int i = 0; i < latencies.size(); ++i)
        finish(&t, QStringLiteral("doc%1").arg(i), T0 + i * 5 * Minute, latencies[i]);
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + 30 * Minute);
    QCOMPARE(s.latencyP50Seconds.size(), 4);
    QCOMPARE(s.latencyP50Seconds[0].y(), 1.0);
    QCOMPARE(s.latencyP50Seconds[1].y(), 50.5);
    // The 100 s outlier has left the rolling window by the last document.
    QCOMPARE(s.latencyP50Seconds[3].y(), 6.5);
    QCOMPARE(s.latencyP95Seconds[3].y(), 8.75);
    QCOMPARE(s.latencyP95Seconds[3].x(), double(T0 + 15 * Minute + 4000));
}

void TestMetricsTimeline::qualityAgainstThreshold()
{
    MetricsTimeline t(T0);
    t.setQualityThreshold(0.85);
    finish(&t, "a", T0, 1, DocumentStatus::Complete, 0.9);
    finish(&t, "b", T0, 2, DocumentStatus::Complete, 0.8);
    finish(&t, "c", T0, 3, DocumentStatus::Failed, 0.6);
    finish(&t, "d", T0, 4, DocumentStatus::Cancelled); // never verified: no point
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + Minute);
    QCOMPARE(s.quality.size(), 3);
    QCOMPARE(s.quality[1].y(), 0.8);
    QCOMPARE(s.belowThreshold, 2);
    QCOMPARE(s.qualityThreshold, 0.85);
}

void TestMetricsTimeline::cumulativeCostByModelAndAgent()
{
    MetricsTimeline t(T0);
    t.addCall(call("model-a", "research", T0 + 1000, 1000, 0.01));
    t.addCall(call("model-b", "writing", T0 + 2000, 1000, 0.05));
    t.addCall(call("model-a", "writing", T0 + 3000, 1000, 0.02));
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + Minute);
    QCOMPARE(s.costByModel.keys, (QStringList{"model-b", "model-a"})); // largest first: stacked at the bottom
    QCOMPARE(s.costByModel.timesMs, (QList<double>{T0 + 2000.0, T0 + 3000.0, T0 + 4000.0}));
    QVERIFY(near(s.costByModel.cumulative[0], {0, 0.05, 0.05}));
    QVERIFY(near(s.costByModel.cumulative[1], {0.01, 0.01, 0.03}));
    QCOMPARE(s.costByAgent.keys, (QStringList{"writing", "research"}));
    QCOMPARE(s.costByAgent.total(0), 0.07);
    QCOMPARE(s.costByAgent.total(1), 0.01);
    QVERIFY(qAbs(s.costUsd - 0.08) < 1e-12);
    QCOMPARE(s.costLabel(s.costUsd), QStringLiteral("$0.08"));
}

void TestMetricsTimeline::unknownAndSimulatedCosts()
{
    MetricsTimeline t(T0);
    CallRecordEvent sim = call("gpt-4o", "writing", T0, 1000, 0.25);
    sim.simulated = true;
    t.addCall(sim);
    t.addCall(call("mystery-model", "writing", T0, 1000, std::nullopt));
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + Minute);
    QCOMPARE(s.unknownCostCalls, 1);
    QVERIFY(s.isSimulated());
    QCOMPARE(s.simulatedUsd, 0.25);
    const QString label = s.costLabel(s.costUsd);
    QVERIFY2(label.contains(QLatin1String("at least")) && label.contains(QLatin1String("(simulated)")), qPrintable(label));
}

void TestMetricsTimeline::cacheHitRateAndSavings()
{
    MetricsTimeline t(T0);
    t.setSavingsPricer([](const CallRecordEvent &e) -> std::optional<double> {
        return e.model == QLatin1String("model-a") ? std::optional<double>(0.05) : std::nullopt;
    });
    for (int i = 0; i < 3; ++i)
        t.addCall(call("model-a", "research", T0 + i * 1000, 500, 0.05));
    CallRecordEvent hit = call("model-a", "research", T0 + 5000, 10, 0.0);
    hit.fromCache = true;
    t.addCall(hit);
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + Minute);
    QCOMPARE(s.calls, 4);
    QCOMPARE(s.cacheHits, 1);
    QCOMPARE(s.cacheHitRate(), 0.25);
    QCOMPARE(s.savedUsd, 0.05);
    QCOMPARE(s.cacheHitRatePercent.last().y(), 25.0);
    QCOMPARE(s.cacheHitRatePercent.first().y(), 0.0);
    QVERIFY(qAbs(s.costUsd - 0.15) < 1e-12); // the hit spent nothing

    // A stored hit carries its saving in the cost column.
    CallRecord rec;
    rec.documentId = QStringLiteral("old");
    rec.model = QStringLiteral("model-a");
    rec.fromCache = true;
    rec.costUsd = 0.2;
    const CallMetric stored = CallMetric::fromRecord(rec);
    QCOMPARE(stored.savedUsd, 0.2);
    QCOMPARE(*stored.costUsd, 0.0);
}

void TestMetricsTimeline::throughput()
{
    MetricsTimeline t(T0);
    for (int i = 0; i < 6; ++i)
        finish(&t, QStringLiteral("doc%1").arg(i), T0 + i * 4 * Minute, 60);
    for (int i = 0; i < 3; ++i) {
        CallRecordEvent e = call("m", "writing", T0 + i * Minute, 1000);
        e.usage.completionTokens = 600;
        t.addCall(e);
    }
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + 30 * Minute);
    QCOMPARE(s.docsPerHour, 12.0);                // 6 documents in half an hour
    QCOMPARE(s.outputTokens, 1800);
    QCOMPARE(s.tokensPerSecond, 1.0);             // 1,800 tokens over 1,800 s
    QVERIFY(!s.docsPerHourSeries.isEmpty());
    double docs = 0;
    for (const QPointF &p : s.docsPerHourSeries)
        docs += p.y() * s.bucketSeconds / 3600.0;
    QVERIFY2(qAbs(docs - 6) < 1e-9, qPrintable(QString::number(docs)));
}

void TestMetricsTimeline::errorsByKindAndQueueing()
{
    MetricsTimeline t(T0);
    auto failed = [](LlmErrorKind kind, qint64 queued) {
        CallRecordEvent e = call("m", "writing", T0, 2000);
        e.ok = false;
        e.errorKind = kind;
        e.queuedMs = queued;
        return e;
    };
    t.addCall(failed(LlmErrorKind::RateLimited, 4000));
    t.addCall(failed(LlmErrorKind::RateLimited, 2000));
    t.addCall(failed(LlmErrorKind::Timeout, 0));
    CallRecordEvent ok = call("m", "writing", T0 + 100, 1000);
    ok.queuedMs = 1000;
    t.addCall(ok);
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + Minute);
    QCOMPARE(s.failedCalls, 3);
    QCOMPARE(s.errorsByKind, (QMap<QString, int>{{"rate_limited", 2}, {"timeout", 1}}));
    QCOMPARE(s.totalQueuedSeconds, 7.0);
    QCOMPARE(s.queuedSeconds.size(), 4);
    QCOMPARE(s.queuedP95Seconds, 3.7); // 0, 1, 2, 4 s: rank 2.85
}

void TestMetricsTimeline::timeToFirstTokenPerModel()
{
    MetricsTimeline t(T0);
    for (qint64 ms : {300, 500, 700}) {
        CallRecordEvent e = call("fast", "research", T0, 2000);
        e.firstTokenMs = ms;
        t.addCall(e);
    }
    CallRecordEvent slow = call("slow", "writing", T0, 2000);
    slow.firstTokenMs = 2000;
    t.addCall(slow);
    CallRecordEvent noStream = call("slow", "writing", T0, 2000); // never streamed: no point
    t.addCall(noStream);
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + Minute);
    QCOMPARE(s.ttftMsByModel.keys(), (QList<QString>{"fast", "slow"}));
    QCOMPARE(s.ttftMsByModel["fast"].size(), 3);
    QCOMPARE(s.ttftP50MsByModel["fast"], 500.0);
    QCOMPARE(s.ttftP50MsByModel["slow"], 2000.0);
}

void TestMetricsTimeline::utilizationAndInFlight()
{
    MetricsTimeline t(T0);
    t.setLimits(10, 5);
    auto stats = [](int inUse) {
        return QVariantMap{{"max_agents", 10}, {"in_use", inUse}, {"peak_usage", 8}};
    };
    t.addResourceStats(stats(2), T0 + 1000);
    t.addResourceStats(stats(8), T0 + 2000);
    t.addResourceStats(stats(3), T0 + 3000);
    t.addInFlightSample(1, T0 + 1000);
    t.addInFlightSample(5, T0 + 1500);
    t.addInFlightSample(5, T0 + 1700); // unchanged: not a new step
    t.addInFlightSample(2, T0 + 2500);
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + 4000);
    QCOMPARE(s.agentPeak, 8);
    QCOMPARE(s.maxAgents, 10);
    QCOMPARE(s.agentUtilizationPercent,
             (QList<QPointF>{{T0 + 1000.0, 20}, {T0 + 2000.0, 20}, {T0 + 2000.0, 80}, {T0 + 3000.0, 80},
                             {T0 + 3000.0, 30}, {T0 + 4000.0, 30}}));
    QCOMPARE(s.callsInFlightPeak, 5);
    QCOMPARE(s.maxConcurrentTasks, 5);
    QCOMPARE(s.callsInFlight.size(), 6);
    QCOMPARE(s.callsInFlight.last(), QPointF(T0 + 4000.0, 2));

    // A window opening after the last change starts at the value then in force.
    const DashboardSeries later = t.series(MetricsWindow::Last5Minutes, T0 + 10 * Minute);
    QCOMPARE(later.agentUtilizationPercent.first(), QPointF(double(T0 + 5 * Minute), 30));
    QCOMPARE(later.agentPeak, 3);
}

void TestMetricsTimeline::windows_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("documents");
    QTest::addColumn<int>("calls");
    QTest::newRow("last 5 minutes") << int(MetricsWindow::Last5Minutes) << 1 << 1;
    QTest::newRow("last hour") << int(MetricsWindow::LastHour) << 3 << 2;
    QTest::newRow("this run") << int(MetricsWindow::ThisRun) << 2 << 2;
    QTest::newRow("all") << int(MetricsWindow::AllHistory) << 4 << 3;
}

void TestMetricsTimeline::windows()
{
    QFETCH(int, window);
    QFETCH(int, documents);
    QFETCH(int, calls);
    const qint64 now = T0 + 20 * Minute;
    MetricsTimeline t(T0); // the run began 20 minutes before now
    finish(&t, "recent", now - 2 * Minute, 10);
    finish(&t, "earlier", T0 + 5 * Minute, 10);
    t.addCall(call("m", "writing", now - Minute, 1000, 0.01));
    t.addCall(call("m", "writing", T0 + Minute, 1000, 0.01));
    MetricsHistory history;
    DocumentMetric beforeRun{"before-run", T0 - 30 * Minute, 5000, DocumentStatus::Complete, 0.9, 0.1};
    DocumentMetric lastWeek{"last-week", T0 - 7 * 24 * 60 * Minute, 5000, DocumentStatus::Complete, 0.9, 0.1};
    history.documents = {lastWeek, beforeRun};
    CallMetric old;
    old.model = QStringLiteral("m");
    old.startedAtMs = T0 - 8 * 24 * 60 * Minute;
    old.endedAtMs = old.startedAtMs + 1000;
    old.costUsd = 0.1;
    history.calls = {old};
    t.addHistory(history);

    const DashboardSeries s = t.series(MetricsWindow(window), now);
    QCOMPARE(s.documents, documents);
    QCOMPARE(s.calls, calls);
    QCOMPARE(s.toMs, now);
}

void TestMetricsTimeline::historyBeforeTheRunOnly()
{
    MetricsTimeline t(T0);
    finish(&t, "live", T0 + Minute, 10);
    MetricsHistory history;
    // The store already holds the live document too: it must not count twice.
    history.documents = {{"live", T0 + Minute + 10000, 10000, DocumentStatus::Complete, {}, 0},
                         {"old", T0 - Minute, 10000, DocumentStatus::Complete, {}, 0}};
    t.addHistory(history);
    t.addHistory(history); // a reload replaces, never adds
    QCOMPARE(t.documentCount(), 2);
    const DashboardSeries all = t.series(MetricsWindow::AllHistory, T0 + 2 * Minute);
    QCOMPARE(all.documents, 2);
    QCOMPARE(all.fromMs, T0 - Minute - 10000); // the old document's start
}

void TestMetricsTimeline::historyLoadsFromTheStore()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("documents.sqlite"));
    QCOMPARE(MetricsHistory::load(db, T0).documents.size(), 0); // no database yet: empty, no error
    QVERIFY(MetricsHistory::load(db, T0).error.isEmpty());
    {
        DocumentStore store;
        QVERIFY(store.open(db));
        Document done = document(QStringLiteral("done"), DocumentStatus::Complete, 0.9);
        done.createdAt = QDateTime::fromMSecsSinceEpoch(T0 - 10 * Minute, Qt::UTC);
        done.updatedAt = QDateTime::fromMSecsSinceEpoch(T0 - 9 * Minute, Qt::UTC);
        DocumentRow row;
        row.costUsd = 0.25;
        row.latencyMs = 60000;
        QVERIFY(store.saveDocument(done, row));
        Document running = document(QStringLiteral("running"), DocumentStatus::Writing);
        running.createdAt = running.updatedAt = QDateTime::fromMSecsSinceEpoch(T0 - 5 * Minute, Qt::UTC);
        QVERIFY(store.saveDocument(running));
        CallRecord rec;
        rec.documentId = QStringLiteral("done");
        rec.agent = QStringLiteral("writing");
        rec.model = QStringLiteral("gpt-4o");
        rec.costUsd = 0.25;
        rec.latencyMs = 3000;
        rec.errorKind = QStringLiteral("timeout");
        rec.createdAt = QDateTime::fromMSecsSinceEpoch(T0 - 9 * Minute - 1000, Qt::UTC);
        QVERIFY(store.recordCall(rec) > 0);
    }
    const MetricsHistory history = MetricsHistory::load(db, T0);
    QVERIFY2(history.error.isEmpty(), qPrintable(history.error));
    QCOMPARE(history.documents.size(), 1); // the unfinished one is no finished document
    QCOMPARE(history.documents.first().latencyMs, 60000);
    QCOMPARE(history.documents.first().quality.value_or(0), 0.9);
    QCOMPARE(history.calls.size(), 1);
    QCOMPARE(history.calls.first().errorKind, QStringLiteral("timeout"));
    QCOMPARE(history.calls.first().startedAtMs, T0 - 9 * Minute - 4000);

    MetricsTimeline t(T0);
    t.addHistory(history);
    const DashboardSeries all = t.series(MetricsWindow::AllHistory, T0 + Minute);
    QCOMPARE(all.documents, 1);
    QCOMPARE(all.errorsByKind.value(QStringLiteral("timeout")), 1);
    QCOMPARE(t.series(MetricsWindow::ThisRun, T0 + Minute).documents, 0);
    // Only what ended before the given time.
    QCOMPARE(MetricsHistory::load(db, T0 - 20 * Minute).documents.size(), 0);
}

void TestMetricsTimeline::revisionMovesOnChange()
{
    MetricsTimeline t(T0);
    const quint64 r0 = t.revision();
    t.addCall(call("m", "a", T0, 10));
    QVERIFY(t.revision() > r0);
    const quint64 r1 = t.revision();
    t.addInFlightSample(0, T0);
    t.addInFlightSample(0, T0 + 10);
    QCOMPARE(t.revision(), r1 + 1);
    t.clear(T0 + 5);
    QCOMPARE(t.callCount(), 0);
    QCOMPARE(t.runStartMs(), T0 + 5);
}

void TestMetricsTimeline::binWidth_data()
{
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("width");
    QTest::newRow("9 s") << 9.0 << 1.0;
    QTest::newRow("11 s") << 11.0 << 1.0;
    QTest::newRow("12 s") << 12.0 << 2.0;
    QTest::newRow("95 s") << 95.0 << 10.0;
    QTest::newRow("0.3 s") << 0.3 << 0.05;
    QTest::newRow("none") << 0.0 << 1.0;
}

void TestMetricsTimeline::binWidth()
{
    QFETCH(double, max);
    QFETCH(double, width);
    QVERIFY2(qFuzzyCompare(MetricsTimeline::binWidth(max), width),
             qPrintable(QString::number(MetricsTimeline::binWidth(max))));
}

void TestMetricsTimeline::exportJsonAndCsv()
{
    MetricsTimeline t(T0);
    finish(&t, "a", T0, 2.0, DocumentStatus::Complete, 0.9);
    finish(&t, "b", T0 + 1000, 4.0, DocumentStatus::Complete, 0.7);
    CallRecordEvent e = call("model, with comma", "writing", T0, 1000, 0.02);
    e.ok = false;
    e.errorKind = LlmErrorKind::ServerError;
    t.addCall(e);
    const DashboardSeries s = t.series(MetricsWindow::ThisRun, T0 + Minute);

    const QJsonObject json = QJsonDocument::fromJson(QJsonDocument(s.toJson()).toJson()).object();
    QCOMPARE(json["window"].toString(), QStringLiteral("this_run"));
    QCOMPARE(json["summary"]["documents"].toInt(), 2);
    QCOMPARE(json["summary"]["p50_latency_s"].toDouble(), 3.0);
    QCOMPARE(json["summary"]["errors_by_kind"]["server_error"].toInt(), 1);
    QCOMPARE(json["series"]["latency_s"].toArray().size(), 2);
    QCOMPARE(json["series"]["latency_s"][1][1].toDouble(), 4.0);
    QCOMPARE(json["series"]["cumulative_cost_usd_by_model"]["model, with comma"].toArray().size(), 1);

    const QList<QByteArray> lines = s.toCsv().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("series,key,time_ms,time,value"));
    QVERIFY(lines.contains("summary,p95_latency_s,,,3.9\r"));
    QVERIFY(lines.contains("errors_by_kind,server_error,,,1\r"));
    bool quoted = false;
    for (const QByteArray &l : lines)
        quoted = quoted || l.startsWith("cumulative_cost_usd_by_model,\"model, with comma\",");
    QVERIFY(quoted);
    int latencyRows = 0;
    for (const QByteArray &l : lines)
        latencyRows += l.startsWith("latency_s,,") ? 1 : 0;
    QCOMPARE(latencyRows, 2);
}

QTEST_GUILESS_MAIN(TestMetricsTimeline)
#include "tst_metricstimeline.moc"

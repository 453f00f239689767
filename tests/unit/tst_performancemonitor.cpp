#include "core/metrics/performancemonitor.h"

#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Madf;

namespace {

/** A clock the test moves by hand. */
struct FakeClock
{
    std::shared_ptr<qint64> now = std::make_shared<qint64>(1'700'000'000'000);
    std::function<qint64()> fn() const
    {
        auto p = now;
        return [p] { return *p; };
    }
    void advanceSeconds(double s) { *now += qint64(s * 1000); }
};

CallSample call(const QString &model, qint64 latencyMs, const QString &error = {}, bool cached = false)
{
    CallSample s;
    s.agent = QStringLiteral("writing");
    s.stage = QStringLiteral("write");
    s.provider = QStringLiteral("openai");
    s.model = model;
    s.latencyMs = latencyMs;
    s.errorKind = error;
    s.fromCache = cached;
    return s;
}

bool near(double a, double b, double eps = 1e-9)
{
    return std::fabs(a - b) <= eps;
}

} // namespace

class TestPerformanceMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyMonitorReportsZeros();
    void throughputIsDocumentsPerHourOfUptime_data();
    void throughputIsDocumentsPerHourOfUptime();
    void latencyPercentilesOverSuccessfulDocuments();
    void qualityAveragesOnlyScoredDocuments();
    void windowRollsAfterN();
    void shrinkingWindowKeepsNewest();
    void stageStats();
    void callStats();
    void tokensPerSecondExcludesQueueing();
    void jsonSnapshotUsesSeedKeys();
    void concurrentWritersLoseNothing();
    void resetForgetsEverything();
};

void TestPerformanceMonitor::emptyMonitorReportsZeros()
{
    PerformanceMonitor monitor;
    FakeClock clock;
    monitor.setClock(clock.fn());
    const auto s = monitor.stats();
    QCOMPARE(s.totalDocuments, 0);
    QCOMPARE(s.avgLatency, 0.0);
    QCOMPARE(s.p95Latency, 0.0);
    QVERIFY(!s.avgQuality.has_value());
    // No time has passed: throughput must not divide by zero.
    QCOMPARE(s.uptime, 0.0);
    QCOMPARE(s.throughput, 0.0);
}

void TestPerformanceMonitor::throughputIsDocumentsPerHourOfUptime_data()
{
    QTest::addColumn<int>("documents");
    QTest::addColumn<double>("uptimeSeconds");
    QTest::addColumn<double>("expected");
    QTest::newRow("3 in 30 min") << 3 << 1800.0 << 6.0;
    QTest::newRow("10 in 1 h") << 10 << 3600.0 << 10.0;
    QTest::newRow("1 in 90 s") << 1 << 90.0 << 40.0;
    QTest::newRow("failures count too") << 5 << 600.0 << 30.0;
}

void TestPerformanceMonitor::throughputIsDocumentsPerHourOfUptime()
{
    QFETCH(int, documents);
    QFETCH(double, uptimeSeconds);
    QFETCH(double, expected);
    PerformanceMonitor monitor;
    FakeClock clock;
    monitor.setClock(clock.fn());
    for (int i = 0; i < documents; ++i)
        monitor.recordDocument(QString::number(i), 10, 0.9, i % 2 == 0, 0.1);
    clock.advanceSeconds(uptimeSeconds);
    const auto s = monitor.stats();
    QCOMPARE(s.uptime, uptimeSeconds);
    QVERIFY2(near(s.throughput, expected), qPrintable(QString::number(s.throughput)));
    QCOMPARE(s.totalDocuments, documents);
}

void TestPerformanceMonitor::latencyPercentilesOverSuccessfulDocuments()
{
    PerformanceMonitor monitor;
    for (int i = 1; i <= 10; ++i)
        monitor.recordDocument(QString::number(i), double(i), std::nullopt, true, 0);
    // A document that failed at once says nothing about how long documents take.
    monitor.recordDocument(QStringLiteral("f"), 0.1, std::nullopt, false, 0);

    const auto s = monitor.stats();
    QCOMPARE(s.totalDocuments, 11);
    QCOMPARE(s.successful, 10);
    QCOMPARE(s.failed, 1);
    QVERIFY(near(s.avgLatency, 5.5));
    QVERIFY(near(s.p50Latency, 5.5));
    QVERIFY(near(s.p95Latency, 9.55));
    QVERIFY(near(s.stdLatency, 3.0276503540974917, 1e-12)); // statistics.stdev(range(1, 11))
}

void TestPerformanceMonitor::qualityAveragesOnlyScoredDocuments()
{
    PerformanceMonitor monitor;
    monitor.recordDocument(QStringLiteral("a"), 10, 0.9, true, 0);
    monitor.recordDocument(QStringLiteral("b"), 10, std::nullopt, false, 0);
    monitor.recordDocument(QStringLiteral("c"), 10, 0.8, true, 0);
    const auto s = monitor.stats();
    QVERIFY(s.avgQuality.has_value());
    // (0.9 + 0.8) / 2, not / 3: an unscored document is not a 0 score.
    QVERIFY(near(*s.avgQuality, 0.85));
}

void TestPerformanceMonitor::windowRollsAfterN()
{
    PerformanceMonitor monitor(3);
    monitor.recordDocument(QStringLiteral("1"), 1, 0.5, true, 0.01);
    monitor.recordDocument(QStringLiteral("2"), 2, 0.6, true, 0.01);
    monitor.recordDocument(QStringLiteral("3"), 3, 0.7, true, 0.01);
    QVERIFY(near(monitor.stats().avgLatency, 2.0));
    monitor.recordDocument(QStringLiteral("4"), 100, 1.0, true, 0.01);

    const auto s = monitor.stats();
    QVERIFY(near(s.avgLatency, 35.0));           // (2 + 3 + 100) / 3: the first one rolled out
    QVERIFY(near(*s.avgQuality, (0.6 + 0.7 + 1.0) / 3));
    QCOMPARE(s.totalDocuments, 4);               // totals are all time, like the seed
    QVERIFY(near(s.totalCostUsd, 0.04));
    QVERIFY(near(s.avgCostPerDocument, 0.01));
}

void TestPerformanceMonitor::shrinkingWindowKeepsNewest()
{
    PerformanceMonitor monitor(10);
    for (int i = 1; i <= 5; ++i)
        monitor.recordDocument(QString::number(i), double(i), std::nullopt, true, 0);
    monitor.setWindowSize(2);
    QCOMPARE(monitor.windowSize(), 2);
    QVERIFY(near(monitor.stats().avgLatency, 4.5));
}

void TestPerformanceMonitor::stageStats()
{
    PerformanceMonitor monitor;
    for (double s : {1.0, 2.0, 3.0, 4.0})
        monitor.recordStage(QStringLiteral("research"), s);
    monitor.recordStage(QStringLiteral("writing"), 30);

    const auto stages = monitor.stageStats();
    QCOMPARE(stages.keys(), (QStringList{QStringLiteral("research"), QStringLiteral("writing")}));
    const auto research = stages.value(QStringLiteral("research"));
    QCOMPARE(research.count, 4);
    QVERIFY(near(research.mean, 2.5));
    QVERIFY(near(research.p50, 2.5));
    QVERIFY(near(research.p95, 3.85));
    QCOMPARE(stages.value(QStringLiteral("writing")).p95, 30.0);
}

void TestPerformanceMonitor::callStats()
{
    PerformanceMonitor monitor;
    for (qint64 ms : {100, 200, 300, 400, 500}) {
        CallSample s = call(QStringLiteral("gpt-4o"), ms);
        s.ttftMs = ms / 10;
        s.queuedMs = 10;
        s.attempts = ms == 500 ? 3 : 1;
        monitor.recordCall(s);
    }
    monitor.recordCall(call(QStringLiteral("gpt-4o"), 120000, QStringLiteral("timeout")));
    monitor.recordCall(call(QStringLiteral("gpt-4o"), 50, QStringLiteral("rate_limited")));
    monitor.recordCall(call(QStringLiteral("gpt-4o"), 60, QStringLiteral("rate_limited")));
    monitor.recordCall(call(QStringLiteral("gpt-4o"), 1, {}, true));
    monitor.recordCall(call(QStringLiteral("claude-3-5-haiku"), 900));

    const auto c = monitor.callStats();
    QCOMPARE(c.calls, 10);
    QCOMPARE(c.failedCalls, 3);
    QCOMPARE(c.cacheHits, 1);
    QCOMPARE(c.retries, 2);
    QCOMPARE(c.totalQueuedMs, 50);
    QCOMPARE(c.errorsByKind.value(QStringLiteral("rate_limited")), 2);
    QCOMPARE(c.errorsByKind.value(QStringLiteral("timeout")), 1);
    // Errors and cache hits stay out of the latency figures.
    QCOMPARE(c.latencyMs.count, 6);
    QVERIFY(near(c.latencyMs.p50, 350));
    QVERIFY(near(c.latencyMs.p95, 800));  // 500 + 0.75 * (900 - 500)
    QCOMPARE(c.ttftMs.count, 5);
    QVERIFY(near(c.ttftMs.p50, 30));

    const auto byModel = monitor.callLatencyByModel();
    QCOMPARE(byModel.value(QStringLiteral("gpt-4o")).count, 5);
    QVERIFY(near(byModel.value(QStringLiteral("gpt-4o")).p50, 300));
    QCOMPARE(byModel.value(QStringLiteral("claude-3-5-haiku")).p50, 900.0);
}

void TestPerformanceMonitor::tokensPerSecondExcludesQueueing()
{
    PerformanceMonitor monitor;
    CallSample a = call(QStringLiteral("m"), 3000);
    a.queuedMs = 1000;   // 2 s of generation
    a.tokensIn = 500;
    a.tokensOut = 100;
    CallSample b = call(QStringLiteral("m"), 2000);
    b.tokensIn = 100;
    b.tokensOut = 300;
    monitor.recordCall(a);
    monitor.recordCall(b);
    const auto c = monitor.callStats();
    QCOMPARE(c.tokensIn, 600);
    QCOMPARE(c.tokensOut, 400);
    QVERIFY(near(c.tokensPerSecond, 100.0)); // 400 tokens / 4 s
}

void TestPerformanceMonitor::jsonSnapshotUsesSeedKeys()
{
    PerformanceMonitor monitor;
    FakeClock clock;
    monitor.setClock(clock.fn());
    monitor.recordDocument(QStringLiteral("a"), 12, std::nullopt, true, 0.25);
    monitor.recordStage(QStringLiteral("editing"), 4);
    monitor.recordCall(call(QStringLiteral("gpt-4o"), 10, QStringLiteral("auth")));
    clock.advanceSeconds(60);

    const QJsonObject json = monitor.toJson();
    for (const char *key : {"avg_latency", "p50_latency", "p95_latency", "std_latency", "avg_quality",
                            "total_documents", "successful", "failed", "uptime", "throughput"}) {
        QVERIFY2(json.contains(QLatin1String(key)), key);
    }
    QVERIFY(json.value(QStringLiteral("avg_quality")).isNull());
    QCOMPARE(json.value(QStringLiteral("throughput")).toDouble(), 60.0);
    QCOMPARE(json.value(QStringLiteral("uptime")).toDouble(), 60.0);
    QCOMPARE(json.value(QStringLiteral("stages")).toObject().value(QStringLiteral("editing"))
                 .toObject().value(QStringLiteral("p50")).toDouble(), 4.0);
    QCOMPARE(json.value(QStringLiteral("calls")).toObject().value(QStringLiteral("errors"))
                 .toObject().value(QStringLiteral("auth")).toInt(), 1);
}

void TestPerformanceMonitor::concurrentWritersLoseNothing()
{
    PerformanceMonitor monitor(50);
    constexpr int perThread = 2000;
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads << QThread::create([&monitor, t] {
            for (int i = 0; i < perThread; ++i) {
                monitor.recordCall(call(QStringLiteral("m%1").arg(t), 10 + i % 7));
                monitor.recordDocument(QString::number(i), 1, 0.9, true, 0);
            }
        });
    }
    for (QThread *th : threads)
        th->start();
    // Read while they write, as the GUI does.
    while (std::any_of(threads.cbegin(), threads.cend(), [](QThread *th) { return th->isRunning(); }))
        (void)monitor.toJson();
    for (QThread *th : threads) {
        th->wait();
        delete th;
    }
    QCOMPARE(monitor.callStats().calls, 4 * perThread);
    QCOMPARE(monitor.stats().totalDocuments, 4 * perThread);
}

void TestPerformanceMonitor::resetForgetsEverything()
{
    PerformanceMonitor monitor;
    FakeClock clock;
    monitor.setClock(clock.fn());
    monitor.recordDocument(QStringLiteral("a"), 1, 1.0, true, 1);
    monitor.recordStage(QStringLiteral("x"), 1);
    monitor.recordCall(call(QStringLiteral("m"), 1));
    clock.advanceSeconds(10);
    monitor.reset();
    QCOMPARE(monitor.stats().totalDocuments, 0);
    QCOMPARE(monitor.stats().uptime, 0.0);
    QVERIFY(monitor.stageStats().isEmpty());
    QCOMPARE(monitor.callStats().calls, 0);
}

QTEST_GUILESS_MAIN(TestPerformanceMonitor)
#include "tst_performancemonitor.moc"

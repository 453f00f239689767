// The benchmark and load test of the performance guide, run by the shared
// BenchmarkRunner on the instant simulated provider.
#include "core/metrics/statistics.h"
#include "core/orchestration/benchmarkrunner.h"
#include "core/orchestration/documentorchestrator.h"
#include "core/storage/documentstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;

class TestBenchmarkRunner : public QObject
{
    Q_OBJECT
private slots:
    void benchmarkRunsOneAfterAnother();
    void loadTestRunsAllAtOnce();
    void cancelStopsIssuingDocuments();
    void secondStartWhileRunningIsRefused();

private:
    Config config(const QTemporaryDir &dir) const;
    /** The documents the run left in the store, oldest first. */
    QList<DocumentSummary> documents(const Config &config) const;
};

Config TestBenchmarkRunner::config(const QTemporaryDir &dir) const
{
    Config c = Config::defaults();
    c.storage.statePath = dir.filePath("state");
    c.providers["simulated"].speed = 0;
    return c;
}

QList<DocumentSummary> TestBenchmarkRunner::documents(const Config &config) const
{
    DocumentStore store;
    if (!store.open(DocumentOrchestrator::databasePath(config)))
        return {};
    HistoryQuery q;
    q.descending = false;
    return store.list(q);
}

void TestBenchmarkRunner::benchmarkRunsOneAfterAnother()
{
    QTemporaryDir dir;
    const Config c = config(dir);
    BenchmarkRunner runner;
    QSignalSpy measured(&runner, &BenchmarkRunner::documentMeasured);
    QSignalSpy finished(&runner, &BenchmarkRunner::finished);
    BenchmarkRunner::Options o;
    o.count = 4;
    o.configName = QStringLiteral("defaults");
    QVERIFY(runner.start(c, o));
    QVERIFY(runner.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(!runner.isRunning());
    QCOMPARE(measured.count(), 4);
    QCOMPARE(measured.last().at(1).toInt(), 4);
    QCOMPARE(measured.last().at(2).toInt(), 4);

    const BenchmarkResult r = finished.first().first().value<BenchmarkResult>();
    QCOMPARE(r.kind, BenchmarkResult::Kind::Benchmark);
    QCOMPARE(r.count, 4);
    QCOMPARE(r.samples.size(), 4);
    QCOMPARE(r.successes(), 4);
    QVERIFY(!r.cancelled);
    QCOMPARE(r.configName, QStringLiteral("defaults"));
    QVERIFY(r.configSummary.contains("max_concurrent_tasks 5"));
    QCOMPARE(r.topic, BenchmarkRunner::defaultTopic());

    // The figures come from the latencies it recorded, as the seed computes them.
    QList<double> latencies;
    double sum = 0;
    for (const BenchmarkSample &s : r.samples) {
        latencies << s.latencySeconds;
        sum += s.latencySeconds;
        QVERIFY(s.quality && *s.quality > 0 && *s.quality <= 1);
        QVERIFY(s.costUsd > 0); // simulated prices are counted
    }
    QCOMPARE(r.avgLatency(), sum / 4);
    QCOMPARE(r.stdLatency(), Statistics::stdev(latencies));
    if (r.avgLatency() > 0)
        QCOMPARE(r.docsPerHour(), 3600 / r.avgLatency());
    QVERIFY(r.totalSeconds + 0.005 >= sum); // one after another: the run lasts at least their sum

    // Each document was asked for only once the one before had finished.
    const QList<DocumentSummary> docs = documents(c);
    QCOMPARE(docs.size(), 4);
    for (int i = 1; i < docs.size(); ++i)
        QVERIFY(docs[i].createdAt >= docs[i - 1].updatedAt);
}

void TestBenchmarkRunner::loadTestRunsAllAtOnce()
{
    QTemporaryDir dir;
    const Config c = config(dir);
    BenchmarkRunner runner;
    QSignalSpy finished(&runner, &BenchmarkRunner::finished);
    BenchmarkRunner::Options o;
    o.kind = BenchmarkResult::Kind::LoadTest;
    o.count = 3;
    QVERIFY(runner.start(c, o));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const BenchmarkResult r = finished.first().first().value<BenchmarkResult>();
    QCOMPARE(r.kind, BenchmarkResult::Kind::LoadTest);
    QCOMPARE(r.samples.size(), 3);
    QCOMPARE(r.successes(), 3);
    QVERIFY(r.totalSeconds > 0);
    QCOMPARE(r.avgTimePerDocument(), r.totalSeconds / 3);
    QCOMPARE(r.docsPerHour(), 3600 / (r.totalSeconds / 3));

    const QList<DocumentSummary> docs = documents(c);
    QCOMPARE(docs.size(), 3);
    QDateTime firstEnd = docs.first().updatedAt;
    for (const DocumentSummary &d : docs)
        firstEnd = qMin(firstEnd, d.updatedAt);
    for (const DocumentSummary &d : docs)
        QVERIFY(d.createdAt <= firstEnd); // all asked for before any finished
}

void TestBenchmarkRunner::cancelStopsIssuingDocuments()
{
    QTemporaryDir dir;
    const Config c = config(dir);
    BenchmarkRunner runner;
    QSignalSpy finished(&runner, &BenchmarkRunner::finished);
    connect(&runner, &BenchmarkRunner::documentMeasured, &runner, [&runner] { runner.cancel(); });
    BenchmarkRunner::Options o;
    o.count = 50;
    QVERIFY(runner.start(c, o));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const BenchmarkResult r = finished.first().first().value<BenchmarkResult>();
    QVERIFY(r.cancelled);
    QCOMPARE(r.samples.size(), 1);
    QCOMPARE(documents(c).size(), 1); // nothing more was started
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
}

void TestBenchmarkRunner::secondStartWhileRunningIsRefused()
{
    QTemporaryDir dir;
    BenchmarkRunner runner;
    QSignalSpy finished(&runner, &BenchmarkRunner::finished);
    BenchmarkRunner::Options o;
    o.count = 1;
    QVERIFY(runner.start(config(dir), o));
    QVERIFY(!runner.start(config(dir), o));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    // Once finished, the runner can run again (with a fresh engine).
    QVERIFY(runner.start(config(dir), o));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QCOMPARE(finished.last().first().value<BenchmarkResult>().samples.size(), 1);
}

QTEST_GUILESS_MAIN(TestBenchmarkRunner)
#include "tst_benchmarkrunner.moc"

// Benchmark figures from known per-document samples, as the seed's scripts
// compute them, and their round trip through the store and the exports.
#include "core/metrics/benchmarkresult.h"
#include "core/storage/documentstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;

namespace {
BenchmarkResult sampleRun(BenchmarkResult::Kind kind)
{
    BenchmarkResult r;
    r.kind = kind;
    r.count = 4;
    r.topic = QStringLiteral("Bees, \"urban\" and wild");
    r.configName = QStringLiteral("preset: fast");
    r.configSummary = QStringLiteral("gpt-4 (research, writing) · max_concurrent_tasks 5");
    r.startedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    r.totalSeconds = 10;
    r.samples = {{"a", 2.0, 0.9, 0.10, false, true},
                 {"b", 4.0, 0.8, 0.20, false, true},
                 {"c", 6.0, std::nullopt, 0.30, true, false},
                 {"d", 8.0, 0.7, 0.40, false, true}};
    return r;
}
} // namespace

class TestBenchmarkResult : public QObject
{
    Q_OBJECT
private slots:
    void figures_data();
    void figures();
    void noSamples();
    void csvQuotesAndHasOneRowPerRun();
    void jsonRoundTrip();
    void storeKeepsRunsNewestFirst();
};

void TestBenchmarkResult::figures_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("timePerDocument");
    QTest::addColumn<double>("docsPerHour");
    // Benchmark: the seed's 3600 / mean(latencies); load test: N documents in the total time.
    QTest::newRow("benchmark") << int(BenchmarkResult::Kind::Benchmark) << 5.0 << 720.0;
    QTest::newRow("load test") << int(BenchmarkResult::Kind::LoadTest) << 2.5 << 1440.0;
}

void TestBenchmarkResult::figures()
{
    QFETCH(int, kind);
    const BenchmarkResult r = sampleRun(BenchmarkResult::Kind(kind));
    QCOMPARE(r.avgLatency(), 5.0);
    QCOMPARE(r.stdLatency(), std::sqrt(20.0 / 3.0)); // sample standard deviation (n − 1)
    QCOMPARE(r.avgQuality(), 0.6);                    // the unscored document counts 0
    QCOMPARE(r.successes(), 3);
    QCOMPARE(r.costPerDocument(), 0.25);
    QVERIFY(r.costIsLowerBound());
    QTEST(r.avgTimePerDocument(), "timePerDocument");
    QTEST(r.docsPerHour(), "docsPerHour");
}

void TestBenchmarkResult::noSamples()
{
    BenchmarkResult r;
    r.count = 3;
    QCOMPARE(r.avgLatency(), 0.0);
    QCOMPARE(r.docsPerHour(), 0.0); // not infinity
    QCOMPARE(r.successes(), 0);
}

void TestBenchmarkResult::csvQuotesAndHasOneRowPerRun()
{
    const QString csv = BenchmarkResult::toCsv({sampleRun(BenchmarkResult::Kind::Benchmark),
                                                sampleRun(BenchmarkResult::Kind::LoadTest)});
    const QStringList lines = csv.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith("started_at,kind,config,config_summary,n,avg_latency_s,std_latency_s,avg_quality,"
                                "docs_per_hour,successful,cost_per_document_usd,total_time_s,avg_time_per_doc_s"));
    QVERIFY2(lines[1].contains(",benchmark,preset: fast,") && lines[1].contains(",720.00,3,0.250000,"),
             qPrintable(lines[1]));
    QVERIFY2(lines[2].contains(",load-test,") && lines[2].contains(",1440.00,"), qPrintable(lines[2]));
    // A summary with a comma is one quoted field.
    QVERIFY(lines[1].contains("\"gpt-4 (research, writing) · max_concurrent_tasks 5\""));
}

void TestBenchmarkResult::jsonRoundTrip()
{
    const BenchmarkResult r = sampleRun(BenchmarkResult::Kind::LoadTest);
    const QJsonArray array = QJsonDocument::fromJson(BenchmarkResult::toJsonDocument({r})).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject o = array.first().toObject();
    QCOMPARE(o.value("kind").toString(), QStringLiteral("load-test"));
    QCOMPARE(o.value("concurrent").toInt(), 4);
    QCOMPARE(o.value("avg_time_per_doc").toDouble(), 2.5);
    QCOMPARE(o.value("successful").toInt(), 3);
    const BenchmarkResult back = BenchmarkResult::fromJson(o);
    QCOMPARE(back.kind, r.kind);
    QCOMPARE(back.count, r.count);
    QCOMPARE(back.samples, r.samples);
    QCOMPARE(back.startedAt, r.startedAt);
    QCOMPARE(back.docsPerHour(), r.docsPerHour());
}

void TestBenchmarkResult::storeKeepsRunsNewestFirst()
{
    QTemporaryDir dir;
    DocumentStore store;
    QString error;
    QVERIFY2(store.open(dir.filePath("documents.sqlite"), &error), qPrintable(error));
    BenchmarkResult older = sampleRun(BenchmarkResult::Kind::Benchmark);
    BenchmarkResult newer = sampleRun(BenchmarkResult::Kind::LoadTest);
    newer.startedAt = older.startedAt.addSecs(60);
    newer.configName = QStringLiteral("current");
    const qint64 olderId = store.saveBenchmarkRun(older, &error);
    QVERIFY2(olderId > 0, qPrintable(error));
    QVERIFY(store.saveBenchmarkRun(newer) > olderId);

    const QList<BenchmarkResult> runs = store.benchmarkRuns();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].configName, QStringLiteral("current"));
    QCOMPARE(runs[0].kind, BenchmarkResult::Kind::LoadTest);
    QCOMPARE(runs[0].avgTimePerDocument(), 2.5);
    QCOMPARE(runs[1].id, olderId);
    QCOMPARE(runs[1].samples, older.samples);
    QCOMPARE(runs[1].configSummary, older.configSummary);
    QCOMPARE(runs[1].startedAt, older.startedAt);
    QCOMPARE(store.benchmarkRuns(1).size(), 1);

    QVERIFY(store.removeBenchmarkRun(olderId));
    QVERIFY(!store.removeBenchmarkRun(olderId));
    QCOMPARE(store.benchmarkRuns().size(), 1);
}

QTEST_GUILESS_MAIN(TestBenchmarkResult)
#include "tst_benchmarkresult.moc"

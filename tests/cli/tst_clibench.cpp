// `madf bench` and `madf load-test`: the seed's figures, on the instant simulator.
#include "clitestutil.h"

#include <QJsonDocument>
#include <QJsonObject>

class TestCliBench : public QObject
{
    Q_OBJECT
private slots:
    void benchHasSeedKeys();
    void loadTestRunsAllAtOnce();
    void badCounts();
};

void TestCliBench::benchHasSeedKeys()
{
    QTemporaryDir dir;
    const CliRun r = runMadf({"bench", "--iterations", "3", "--json", "--config", writeSimConfig(dir)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const char *key : {"avg_latency", "std_latency", "avg_quality", "throughput"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value("iterations").toInt(), 3);
    QVERIFY(o.value("avg_quality").toDouble() > 0 && o.value("avg_quality").toDouble() <= 1);
    QVERIFY(o.value("avg_latency").toDouble() > 0);
    QCOMPARE(o.value("throughput").toDouble(), 3600 / o.value("avg_latency").toDouble());
    QCOMPARE(r.err.count("run "), 3);
    const CliRun text = runMadf({"bench", "--iterations", "1", "--config", writeSimConfig(dir)});
    QVERIFY(text.out.contains("docs/hour"));
}

void TestCliBench::loadTestRunsAllAtOnce()
{
    QTemporaryDir dir;
    const CliRun r = runMadf({"load-test", "--concurrent", "4", "--json", "--config", writeSimConfig(dir)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value("successful").toInt(), 4);
    QVERIFY(o.value("total_time").toDouble() > 0);
    QCOMPARE(o.value("avg_time_per_doc").toDouble(), o.value("total_time").toDouble() / 4);
}

void TestCliBench::badCounts()
{
    QCOMPARE(runMadf({"bench", "--iterations", "0"}).exitCode, 2);
    QCOMPARE(runMadf({"load-test", "--concurrent", "many"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_clibench.moc"

// `madf bench` and `madf load-test`: the seed's figures, on the instant simulator.
#include "clitestutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

class TestCliBench : public QObject
{
    Q_OBJECT
private slots:
    void benchHasSeedKeys();
    void loadTestRunsAllAtOnce();
    void seedFiguresAsText();
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

// The performance guide's own commands print the lines its scripts print.
void TestCliBench::seedFiguresAsText()
{
    QTemporaryDir dir;
    const QString config = writeSimConfig(dir);
    const CliRun bench = runMadf({"bench", "--iterations", "10", "--config", config});
    QVERIFY2(bench.exitCode == 0, qPrintable(bench.err));
    for (const char *line : {"Average latency: ", "Throughput: ", "Quality: "})
        QVERIFY2(bench.out.contains(QLatin1String(line)), line);
    QVERIFY(bench.out.contains(QRegularExpression("Throughput: [0-9.]+ docs/hour")));
    QVERIFY(bench.out.contains(QRegularExpression("Quality: [0-9.]+%")));
    QCOMPARE(bench.err.count("run "), 10);
    const CliRun load = runMadf({"load-test", "--concurrent", "10", "--config", config});
    QVERIFY2(load.exitCode == 0, qPrintable(load.err));
    QVERIFY(load.out.contains(QRegularExpression("Total time: [0-9.]+s")));
    QVERIFY(load.out.contains(QRegularExpression("Average time per document: [0-9.]+s")));
    QVERIFY(load.out.contains("Successful: 10/10"));
}

void TestCliBench::badCounts()
{
    QCOMPARE(runMadf({"bench", "--iterations", "0"}).exitCode, 2);
    QCOMPARE(runMadf({"load-test", "--concurrent", "many"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_clibench.moc"

#include "core/metrics/statistics.h"

#include <QTest>

#include <cmath>

using namespace Madf;

class TestStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mean_data();
    void mean();
    void stdevMatchesPython_data();
    void stdevMatchesPython();
    void percentile_data();
    void percentile();
    void percentileIgnoresInputOrder();
    void windowRollsAfterCapacity();
    void windowShrinkDropsOldest();
};

void TestStatistics::mean_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("expected");
    QTest::newRow("empty") << QList<double>{} << 0.0;
    QTest::newRow("one") << QList<double>{4.5} << 4.5;
    QTest::newRow("several") << QList<double>{1, 2, 3, 4} << 2.5;
    QTest::newRow("negative") << QList<double>{-3, 3, 9} << 3.0;
}

void TestStatistics::mean()
{
    QFETCH(QList<double>, values);
    QFETCH(double, expected);
    QCOMPARE(Statistics::mean(values), expected);
}

void TestStatistics::stdevMatchesPython_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("expected");
    // Expected values printed by CPython's statistics.stdev().
    QTest::newRow("python docs example") << QList<double>{1.5, 2.5, 2.5, 2.75, 3.25, 4.75} << 1.0810874155219827;
    QTest::newRow("latencies") << QList<double>{12.3, 15.1, 11.8, 14.0, 13.2} << 1.3217412757419655;
    QTest::newRow("two values") << QList<double>{1, 2} << 0.7071067811865476;
    QTest::newRow("constant") << QList<double>{7, 7, 7} << 0.0;
    // Large offset: a naive sum-of-squares formula loses every digit here.
    QTest::newRow("large offset") << QList<double>{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16} << 5.477225575051661;
    QTest::newRow("single value is 0, not an error") << QList<double>{3} << 0.0;
    QTest::newRow("empty") << QList<double>{} << 0.0;
}

void TestStatistics::stdevMatchesPython()
{
    QFETCH(QList<double>, values);
    QFETCH(double, expected);
    const double got = Statistics::stdev(values);
    QVERIFY2(std::fabs(got - expected) <= 1e-12 * qMax(1.0, expected),
             qPrintable(QStringLiteral("got %1, want %2").arg(got, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestStatistics::percentile_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    const QList<double> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // Same as numpy.percentile(values, p) and Python's statistics.quantiles(method="inclusive").
    QTest::newRow("p50 even count") << ten << 50.0 << 5.5;
    QTest::newRow("p95") << ten << 95.0 << 9.55;
    QTest::newRow("p0 is min") << ten << 0.0 << 1.0;
    QTest::newRow("p100 is max") << ten << 100.0 << 10.0;
    QTest::newRow("p50 odd count") << QList<double>{3, 1, 2} << 50.0 << 2.0;
    QTest::newRow("p25 interpolates") << QList<double>{10, 20, 30, 40, 50} << 25.0 << 20.0;
    QTest::newRow("p90 of five") << QList<double>{10, 20, 30, 40, 50} << 90.0 << 46.0;
    QTest::newRow("single") << QList<double>{42} << 95.0 << 42.0;
    QTest::newRow("empty") << QList<double>{} << 50.0 << 0.0;
    QTest::newRow("p above 100 clamps") << ten << 150.0 << 10.0;
}

void TestStatistics::percentile()
{
    QFETCH(QList<double>, values);
    QFETCH(double, p);
    QFETCH(double, expected);
    QVERIFY(std::fabs(Statistics::percentile(values, p) - expected) < 1e-9);
}

void TestStatistics::percentileIgnoresInputOrder()
{
    QCOMPARE(Statistics::percentile({9, 1, 5, 3, 7}, 50), 5.0);
    QCOMPARE(Statistics::percentile({9, 1, 5, 3, 7}, 100), 9.0);
}

void TestStatistics::windowRollsAfterCapacity()
{
    RollingSeries window(3);
    window.add(1);
    window.add(2);
    window.add(3);
    QCOMPARE(window.values(), (QList<double>{1, 2, 3}));
    QCOMPARE(window.mean(), 2.0);
    window.add(10);
    QCOMPARE(window.size(), 3);
    QCOMPARE(window.values(), (QList<double>{2, 3, 10}));
    QCOMPARE(window.mean(), 5.0);
    QCOMPARE(window.percentile(100), 10.0);
}

void TestStatistics::windowShrinkDropsOldest()
{
    RollingWindow<int> window(5);
    for (int i = 1; i <= 5; ++i)
        window.add(i);
    window.setCapacity(2);
    QCOMPARE(window.values(), (QList<int>{4, 5}));
    window.setCapacity(0); // at least one value is always kept
    QCOMPARE(window.values(), (QList<int>{5}));
}

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"

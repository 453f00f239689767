// Thinning long chart series: the shape the user sees must survive.
#include "core/metrics/downsample.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace Madf;

class TestDownsample : public QObject
{
    Q_OBJECT
private slots:
    void shortSeriesUnchanged();
    void boundedAndKeepsEnds_data();
    void boundedAndKeepsEnds();
    void keepsEveryBucketsExtremes();
    void singleSpikeSurvives();
    void outputStaysSortedAndDropsNaN();
    void sameXEverywhere();
    void evenIndices_data();
    void evenIndices();
};

static QList<QPointF> noisy(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<QPointF> points;
    points.reserve(n);
    for (int i = 0; i < n; ++i)
        points.append(QPointF(1000.0 * i, std::sin(i / 500.0) * 10 + rng.bounded(1.0)));
    return points;
}

void TestDownsample::shortSeriesUnchanged()
{
    const QList<QPointF> points = noisy(100, 1);
    QCOMPARE(Downsample::minMax(points, 25), points);
    QCOMPARE(Downsample::minMax({}, 10), QList<QPointF>{});
}

void TestDownsample::boundedAndKeepsEnds_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("buckets");
    QTest::newRow("100k into 800 px") << 100000 << 800;
    QTest::newRow("10k into 1 bucket") << 10000 << 1;
    QTest::newRow("401 into 100") << 401 << 100;
    QTest::newRow("zero buckets acts as one") << 5000 << 0;
}

void TestDownsample::boundedAndKeepsEnds()
{
    QFETCH(int, count);
    QFETCH(int, buckets);
    const QList<QPointF> points = noisy(count, 7);
    const QList<QPointF> out = Downsample::minMax(points, buckets);
    QVERIFY2(out.size() <= 4 * qMax(1, buckets), qPrintable(QString::number(out.size())));
    QVERIFY(out.size() < points.size());
    QCOMPARE(out.first(), points.first());
    QCOMPARE(out.last(), points.last());
    const auto byY = [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); };
    QCOMPARE(*std::min_element(out.cbegin(), out.cend(), byY), *std::min_element(points.cbegin(), points.cend(), byY));
    QCOMPARE(*std::max_element(out.cbegin(), out.cend(), byY), *std::max_element(points.cbegin(), points.cend(), byY));
}

void TestDownsample::keepsEveryBucketsExtremes()
{
    // 10 buckets of 1,000 points each: each bucket's min and max must remain.
    const QList<QPointF> points = noisy(10000, 3);
    const QList<QPointF> out = Downsample::minMax(points, 10);
    const double span = points.last().x() - points.first().x();
    for (int b = 0; b < 10; ++b) {
        double lo = 1e300, hi = -1e300, outLo = 1e300, outHi = -1e300;
        for (const QPointF &p : points) {
            const int pb = qMin(9, int((p.x() - points.first().x()) / span * 10));
            if (pb == b) {
                lo = qMin(lo, p.y());
                hi = qMax(hi, p.y());
            }
        }
        for (const QPointF &p : out) {
            const int pb = qMin(9, int((p.x() - points.first().x()) / span * 10));
            if (pb == b) {
                outLo = qMin(outLo, p.y());
                outHi = qMax(outHi, p.y());
            }
        }
        QCOMPARE(outLo, lo);
        QCOMPARE(outHi, hi);
    }
}

void TestDownsample::singleSpikeSurvives()
{
    QList<QPointF> points;
    for (int i = 0; i < 50000; ++i)
        points.append(QPointF(i, i == 31337 ? 1000.0 : 1.0));
    points[17].setY(-50);
    const QList<QPointF> out = Downsample::minMax(points, 100);
    QVERIFY(out.contains(QPointF(31337, 1000.0)));
    QVERIFY(out.contains(QPointF(17, -50.0)));
}

void TestDownsample::outputStaysSortedAndDropsNaN()
{
    QList<QPointF> points = noisy(20000, 11);
    points[500].setY(std::nan(""));
    const QList<QPointF> out = Downsample::minMax(points, 200);
    QVERIFY(std::is_sorted(out.cbegin(), out.cend(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    for (const QPointF &p : out)
        QVERIFY(!std::isnan(p.y()));
    // No point appears twice (a line would double back on itself).
    for (int i = 1; i < out.size(); ++i)
        QVERIFY(out[i].x() > out[i - 1].x());
}

void TestDownsample::sameXEverywhere()
{
    QList<QPointF> points;
    for (int i = 0; i < 1000; ++i)
        points.append(QPointF(5, i % 7));
    const QList<QPointF> out = Downsample::minMax(points, 50);
    QVERIFY(out.size() <= 4);
    QCOMPARE(out.first(), points.first());
    QCOMPARE(out.last(), points.last());
}

void TestDownsample::evenIndices_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("maxCount");
    QTest::addColumn<int>("expectedSize");
    QTest::newRow("fits") << 5 << 10 << 5;
    QTest::newRow("thinned") << 100000 << 1000 << 1000;
    QTest::newRow("empty") << 0 << 10 << 0;
}

void TestDownsample::evenIndices()
{
    QFETCH(int, count);
    QFETCH(int, maxCount);
    QFETCH(int, expectedSize);
    const QList<int> idx = Downsample::evenIndices(count, maxCount);
    QCOMPARE(idx.size(), expectedSize);
    if (count > 0) {
        QCOMPARE(idx.first(), 0);
        QCOMPARE(idx.last(), count - 1);
        QVERIFY(std::is_sorted(idx.cbegin(), idx.cend()));
    }
}

QTEST_GUILESS_MAIN(TestDownsample)
#include "tst_downsample.moc"

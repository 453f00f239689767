// AdaptiveConcurrency: AIMD in-flight limit of one replica.
#include "core/llm/adaptiveconcurrency.h"

#include <QTest>

using namespace Madf;

class TestAdaptiveConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAtTheMaximum();
    void halvesOnOverloadNeverBelowOne();
    void aBurstFromOneGenerationHalvesOnce();
    void recoversByOneSlotPerWindow();
    void neverAboveTheMaximum();
    void newMaximum();
};

void TestAdaptiveConcurrency::startsAtTheMaximum()
{
    AdaptiveConcurrency c(16);
    QCOMPARE(c.limit(), 16);
    QCOMPARE(c.maximum(), 16);
}

void TestAdaptiveConcurrency::halvesOnOverloadNeverBelowOne()
{
    AdaptiveConcurrency c(16);
    for (int expected : {8, 4, 2, 1, 1}) {
        QVERIFY(c.onOverload(c.generation()));
        QCOMPARE(c.limit(), expected);
    }
}

void TestAdaptiveConcurrency::aBurstFromOneGenerationHalvesOnce()
{
    AdaptiveConcurrency c(16);
    const int sentUnder = c.generation();
    QVERIFY(c.onOverload(sentUnder));
    for (int i = 0; i < 15; ++i)
        QVERIFY(!c.onOverload(sentUnder));
    QCOMPARE(c.limit(), 8);
}

void TestAdaptiveConcurrency::recoversByOneSlotPerWindow()
{
    AdaptiveConcurrency c(16);
    c.onOverload(c.generation());
    // A full window of successes (8 at limit 8) adds one slot.
    for (int i = 0; i < 8; ++i)
        c.onSuccess();
    QCOMPARE(c.limit(), 8);
    c.onSuccess();
    QCOMPARE(c.limit(), 9);
}

void TestAdaptiveConcurrency::neverAboveTheMaximum()
{
    AdaptiveConcurrency c(4);
    for (int i = 0; i < 100; ++i)
        c.onSuccess();
    QCOMPARE(c.limit(), 4);
}

void TestAdaptiveConcurrency::newMaximum()
{
    AdaptiveConcurrency c(8);
    c.setMaximum(32);
    QCOMPARE(c.limit(), 32); // not cut down: the new room is there at once
    c.onOverload(c.generation());
    c.setMaximum(64);
    QCOMPARE(c.limit(), 16); // cut down: it climbs back on its own
    c.setMaximum(4);
    QCOMPARE(c.limit(), 4);
}

QTEST_GUILESS_MAIN(TestAdaptiveConcurrency)
#include "tst_adaptiveconcurrency.moc"

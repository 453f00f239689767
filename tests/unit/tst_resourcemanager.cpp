#include "core/orchestration/resourcemanager.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Madf;

class TestResourceManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statsHaveExactlyTheFrameworkKeys();
    void grantsImmediatelyButAsynchronously();
    void waitersAreServedInFifoOrder();
    void peakUsageAndUtilization();
    void avgWaitTimeCountsWhoWaited();
    void destroyedContextDropsTheRequest();
    void contextDestroyedAfterGrantReturnsTheSlot();
    void cancelPending();
    void shrinkingWaitsForAgentsToComeBack();
    void growingServesWaiters();
    void doubleReleaseIsIgnored();
    void usageChangedSignal();
};

void TestResourceManager::statsHaveExactlyTheFrameworkKeys()
{
    ResourceManager manager(10);
    QStringList keys = manager.getStats().keys();
    keys.sort();
    QStringList expected{QStringLiteral("max_agents"), QStringLiteral("available"), QStringLiteral("in_use"),
                         QStringLiteral("utilization"), QStringLiteral("total_allocations"),
                         QStringLiteral("total_deallocations"), QStringLiteral("peak_usage"),
                         QStringLiteral("avg_wait_time")};
    expected.sort();
    QCOMPARE(keys, expected);
    const QVariantMap stats = manager.getStats();
    QCOMPARE(stats.value(QStringLiteral("max_agents")).toInt(), 10);
    QCOMPARE(stats.value(QStringLiteral("available")).toInt(), 10);
    QCOMPARE(stats.value(QStringLiteral("utilization")).toDouble(), 0.0);
    QCOMPARE(stats.value(QStringLiteral("avg_wait_time")).toDouble(), 0.0);
}

void TestResourceManager::grantsImmediatelyButAsynchronously()
{
    ResourceManager manager(2);
    QObject owner;
    int slot = 0;
    manager.acquire(&owner, [&](int id) { slot = id; });
    // Never from inside acquire(): the caller is not re-entered.
    QCOMPARE(slot, 0);
    QCOMPARE(manager.inUse(), 1);  // but the slot is already taken
    QTRY_VERIFY(slot > 0);
    manager.release(slot);
    QCOMPARE(manager.inUse(), 0);
    QCOMPARE(manager.stats().totalDeallocations, 1);
}

void TestResourceManager::waitersAreServedInFifoOrder()
{
    ResourceManager manager(1);
    QObject owner;
    QList<int> order;
    QList<int> heldSlots;
    for (int i = 0; i < 5; ++i) {
        manager.acquire(&owner, [&, i](int id) {
            order << i;
            heldSlots << id;
        });
    }
    QTRY_COMPARE(order.size(), 1);
    QCOMPARE(manager.waiting(), 4);
    // Each release lets exactly the next in line in.
    for (int served = 1; served < 5; ++served) {
        manager.release(heldSlots.last());
        QTRY_COMPARE(order.size(), served + 1);
        QCOMPARE(manager.inUse(), 1);
    }
    QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4}));
    QCOMPARE(manager.stats().totalAllocations, 5);
}

void TestResourceManager::peakUsageAndUtilization()
{
    ResourceManager manager(4);
    QObject owner;
    QList<int> heldSlots;
    for (int i = 0; i < 3; ++i)
        manager.acquire(&owner, [&](int id) { heldSlots << id; });
    QTRY_COMPARE(heldSlots.size(), 3);
    QVariantMap stats = manager.getStats();
    QCOMPARE(stats.value(QStringLiteral("in_use")).toInt(), 3);
    QCOMPARE(stats.value(QStringLiteral("available")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("utilization")).toDouble(), 0.75);
    QCOMPARE(stats.value(QStringLiteral("peak_usage")).toInt(), 3);

    manager.release(heldSlots.takeFirst());
    manager.release(heldSlots.takeFirst());
    stats = manager.getStats();
    QCOMPARE(stats.value(QStringLiteral("in_use")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("utilization")).toDouble(), 0.25);
    QCOMPARE(stats.value(QStringLiteral("peak_usage")).toInt(), 3);  // a peak stays a peak
    QCOMPARE(stats.value(QStringLiteral("total_allocations")).toLongLong(), 3);
    QCOMPARE(stats.value(QStringLiteral("total_deallocations")).toLongLong(), 2);
}

void TestResourceManager::avgWaitTimeCountsWhoWaited()
{
    ResourceManager manager(1);
    QObject owner;
    int first = 0;
    int second = 0;
    manager.acquire(&owner, [&](int id) { first = id; });
    manager.acquire(&owner, [&](int id) { second = id; });
    QTRY_VERIFY(first > 0);
    QCOMPARE(second, 0);
    QTest::qWait(200);  // the second request waits this long for the first to finish
    manager.release(first);
    QTRY_VERIFY(second > 0);

    const double avg = manager.getStats().value(QStringLiteral("avg_wait_time")).toDouble();
    // (≈0 + ≥0.2) / 2 grants; the upper bound only guards against ms/s mix-ups.
    QVERIFY2(avg >= 0.09 && avg < 5.0, qPrintable(QString::number(avg)));
}

void TestResourceManager::destroyedContextDropsTheRequest()
{
    ResourceManager manager(1);
    QObject holder;
    int held = 0;
    manager.acquire(&holder, [&](int id) { held = id; });
    QTRY_VERIFY(held > 0);

    bool lateCalled = false;
    int next = 0;
    {
        auto doomed = std::make_unique<QObject>();
        manager.acquire(doomed.get(), [&](int) { lateCalled = true; });
    }
    QObject survivor;
    manager.acquire(&survivor, [&](int id) { next = id; });
    QCOMPARE(manager.waiting(), 1);  // the destroyed one is gone from the queue

    manager.release(held);
    QTRY_VERIFY(next > 0);
    QTest::qWait(20);
    QVERIFY(!lateCalled);
    QCOMPARE(manager.stats().totalAllocations, 2);
}

void TestResourceManager::contextDestroyedAfterGrantReturnsTheSlot()
{
    ResourceManager manager(1);
    bool called = false;
    auto owner = std::make_unique<QObject>();
    manager.acquire(owner.get(), [&](int) { called = true; });
    QCOMPARE(manager.inUse(), 1);  // granted, delivery still queued
    owner.reset();
    QTRY_COMPARE(manager.inUse(), 0);  // nobody will ever release it: the pool takes it back
    QVERIFY(!called);
    QCOMPARE(manager.stats().totalDeallocations, 1);
}

void TestResourceManager::cancelPending()
{
    ResourceManager manager(1);
    QObject a;
    QObject b;
    int slotA = 0;
    bool bCalled = false;
    int c = 0;
    manager.acquire(&a, [&](int id) { slotA = id; });
    QTRY_VERIFY(slotA > 0);
    manager.acquire(&b, [&](int) { bCalled = true; });
    manager.acquire(&b, [&](int) { bCalled = true; });
    manager.acquire(&a, [&](int id) { c = id; });
    manager.cancelPending(&b);
    QCOMPARE(manager.waiting(), 1);
    manager.release(slotA);
    QTRY_VERIFY(c > 0);
    QVERIFY(!bCalled);
}

void TestResourceManager::shrinkingWaitsForAgentsToComeBack()
{
    ResourceManager manager(3);
    QObject owner;
    QList<int> heldSlots;
    for (int i = 0; i < 3; ++i)
        manager.acquire(&owner, [&](int id) { heldSlots << id; });
    QTRY_COMPARE(heldSlots.size(), 3);
    int waiter = 0;
    manager.acquire(&owner, [&](int id) { waiter = id; });

    manager.setMaxAgents(1);
    QCOMPARE(manager.inUse(), 3);  // nobody is interrupted
    QCOMPARE(manager.getStats().value(QStringLiteral("available")).toInt(), 0);
    manager.release(heldSlots.takeFirst());
    manager.release(heldSlots.takeFirst());
    QTest::qWait(20);
    QCOMPARE(waiter, 0);  // still 1 in use = the new maximum
    manager.release(heldSlots.takeFirst());
    QTRY_VERIFY(waiter > 0);
    QCOMPARE(manager.inUse(), 1);
    QCOMPARE(manager.getStats().value(QStringLiteral("utilization")).toDouble(), 1.0);
}

void TestResourceManager::growingServesWaiters()
{
    ResourceManager manager(1);
    QObject owner;
    int granted = 0;
    for (int i = 0; i < 3; ++i)
        manager.acquire(&owner, [&](int) { ++granted; });
    QTRY_COMPARE(granted, 1);
    manager.setMaxAgents(3);
    QTRY_COMPARE(granted, 3);
    QCOMPARE(manager.stats().peakUsage, 3);
    manager.setMaxAgents(0);  // at least one agent
    QCOMPARE(manager.maxAgents(), 1);
}

void TestResourceManager::doubleReleaseIsIgnored()
{
    ResourceManager manager(2);
    QObject owner;
    QList<int> heldSlots;
    manager.acquire(&owner, [&](int id) { heldSlots << id; });
    manager.acquire(&owner, [&](int id) { heldSlots << id; });
    QTRY_COMPARE(heldSlots.size(), 2);
    QVERIFY(heldSlots.at(0) != heldSlots.at(1));
    manager.release(heldSlots.at(0));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not in use")));
    manager.release(heldSlots.at(0));
    // The other agent is still counted as working.
    QCOMPARE(manager.inUse(), 1);
    QCOMPARE(manager.stats().totalDeallocations, 1);
}

void TestResourceManager::usageChangedSignal()
{
    ResourceManager manager(2);
    QSignalSpy spy(&manager, &ResourceManager::usageChanged);
    QObject owner;
    int slot = 0;
    manager.acquire(&owner, [&](int id) { slot = id; });
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).toInt(), 1);
    QCOMPARE(spy.last().at(1).toInt(), 2);
    QTRY_VERIFY(slot > 0);
    manager.release(slot);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toInt(), 0);
    manager.setMaxAgents(5);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.last().at(1).toInt(), 5);
}

QTEST_GUILESS_MAIN(TestResourceManager)
#include "tst_resourcemanager.moc"

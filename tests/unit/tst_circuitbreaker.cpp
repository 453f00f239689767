// CircuitBreaker: opens after N consecutive failures, one probe after the
// cool-down, closes on success, reopens on a failed probe.
#include "core/llm/circuitbreaker.h"

#include <QTest>

using namespace Madf;

class TestCircuitBreaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAfterConsecutiveFailures();
    void aSuccessResetsTheCount();
    void halfOpenLetsOneProbeThrough();
    void failedProbeReopensForAnotherCooldown();
    void cancelledProbeFreesTheSlot();
    void lateFailuresDoNotExtendTheCooldown();
};

void TestCircuitBreaker::opensAfterConsecutiveFailures()
{
    CircuitBreaker b;
    b.configure(3, 1000);
    QCOMPARE(b.state(0), CircuitState::Closed);
    b.onFailure(10, false);
    b.onFailure(20, false);
    QVERIFY(b.allowsRequest(20));
    b.onFailure(30, false);
    QCOMPARE(b.state(30), CircuitState::Open);
    QVERIFY(!b.allowsRequest(500));
    QCOMPARE(b.consecutiveFailures(), 3);
    QCOMPARE(b.halfOpenAtMs(), 1030);
}

void TestCircuitBreaker::aSuccessResetsTheCount()
{
    CircuitBreaker b;
    b.configure(2, 1000);
    b.onFailure(0, false);
    b.onSuccess();
    b.onFailure(10, false);
    QCOMPARE(b.state(10), CircuitState::Closed);
    QCOMPARE(b.consecutiveFailures(), 1);
}

void TestCircuitBreaker::halfOpenLetsOneProbeThrough()
{
    CircuitBreaker b;
    b.configure(1, 1000);
    b.onFailure(0, false);
    QCOMPARE(b.state(999), CircuitState::Open);
    QCOMPARE(b.state(1000), CircuitState::HalfOpen);
    QVERIFY(b.allowsRequest(1000));
    QVERIFY(b.onRequestStarted(1000)); // the probe
    QVERIFY(!b.allowsRequest(1001));   // nobody else meanwhile
    b.onSuccess();
    QCOMPARE(b.state(1002), CircuitState::Closed);
    QVERIFY(b.allowsRequest(1002));
    QVERIFY(!b.onRequestStarted(1002)); // closed: no probe
}

void TestCircuitBreaker::failedProbeReopensForAnotherCooldown()
{
    CircuitBreaker b;
    b.configure(2, 1000);
    b.onFailure(0, false);
    b.onFailure(0, false);
    QVERIFY(b.onRequestStarted(1000));
    b.onFailure(1500, true);
    QCOMPARE(b.state(1600), CircuitState::Open);
    QCOMPARE(b.halfOpenAtMs(), 2500);
    QVERIFY(b.allowsRequest(2500));
}

void TestCircuitBreaker::cancelledProbeFreesTheSlot()
{
    CircuitBreaker b;
    b.configure(1, 100);
    b.onFailure(0, false);
    QVERIFY(b.onRequestStarted(100));
    b.onNeutral(true);
    QVERIFY(b.allowsRequest(101));
    QCOMPARE(b.state(101), CircuitState::HalfOpen);
}

void TestCircuitBreaker::lateFailuresDoNotExtendTheCooldown()
{
    CircuitBreaker b;
    b.configure(2, 1000);
    b.onFailure(0, false);
    b.onFailure(0, false);
    // Requests sent before it opened fail afterwards.
    b.onFailure(800, false);
    b.onFailure(900, false);
    QCOMPARE(b.halfOpenAtMs(), 1000);
    QCOMPARE(circuitStateName(b.state(1000)), QStringLiteral("half_open"));
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"

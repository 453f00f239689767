// RateLimiter: our own per-minute buckets, the provider's headers and a 429's
// retry-after, each making the next request wait as long as it must.
#include "core/llm/ratelimiter.h"
#include "core/llm/ratelimitheaders.h"

#include <QTest>

using namespace Madf;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unlimitedByDefault();
    void requestsPerMinuteBucket();
    void tokensPerMinuteBucket();
    void aRequestLargerThanTheBucketStillGoes();
    void remainingZeroHoldsUntilTheReset();
    void remainingTokensTooFewHoldsUntilTheReset();
    void inFlightRequestsCountAgainstWhatIsLeft();
    void staleHeadersAreForgotten();
    void retryAfterHold();
    void loweringALimitBitesAtOnce();
};

void TestRateLimiter::unlimitedByDefault()
{
    RateLimiter r;
    r.configure(0, 0, 0);
    for (int i = 0; i < 1000; ++i)
        r.onRequestStarted(100000, 0);
    QCOMPARE(r.delayMs(100000, 0), 0);
    QVERIFY(!r.remainingRequests(0));
}

void TestRateLimiter::requestsPerMinuteBucket()
{
    RateLimiter r;
    r.configure(60, 0, 0); // one a second, a burst of 60
    for (int i = 0; i < 60; ++i) {
        QCOMPARE(r.delayMs(1, 0), 0);
        r.onRequestStarted(1, 0);
    }
    QCOMPARE(r.delayMs(1, 0), 1000);
    QCOMPARE(r.delayMs(1, 500), 500);
    QCOMPARE(r.delayMs(1, 1000), 0);
}

void TestRateLimiter::tokensPerMinuteBucket()
{
    RateLimiter r;
    r.configure(0, 60000, 0); // 1000 tokens a second
    r.onRequestStarted(59000, 0);
    QCOMPARE(r.delayMs(1000, 0), 0);
    QCOMPARE(r.delayMs(3000, 0), 2000);
}

void TestRateLimiter::aRequestLargerThanTheBucketStillGoes()
{
    RateLimiter r;
    r.configure(0, 6000, 0);
    QCOMPARE(r.delayMs(10000, 0), 0); // waits for a full bucket, never forever
    r.onRequestStarted(10000, 0);
    QCOMPARE(r.delayMs(10000, 0), 60000);
}

void TestRateLimiter::remainingZeroHoldsUntilTheReset()
{
    RateLimiter r;
    RateLimitInfo info;
    info.remainingRequests = 0;
    info.resetRequestsMs = 1000;
    r.onRateLimitInfo(info, 5000);
    QCOMPARE(r.delayMs(1, 5000), 1000);
    QCOMPARE(r.delayMs(1, 5600), 400);
    QCOMPARE(r.delayMs(1, 6000), 0);
    QCOMPARE(r.remainingRequests(5000).value_or(-1), 0);
}

void TestRateLimiter::remainingTokensTooFewHoldsUntilTheReset()
{
    RateLimiter r;
    RateLimitInfo info;
    info.remainingTokens = 500;
    info.resetTokensMs = 2000;
    r.onRateLimitInfo(info, 0);
    QCOMPARE(r.delayMs(400, 0), 0);
    QCOMPARE(r.delayMs(800, 0), 2000);
}

void TestRateLimiter::inFlightRequestsCountAgainstWhatIsLeft()
{
    RateLimiter r;
    RateLimitInfo info;
    info.remainingRequests = 2;
    info.resetRequestsMs = 10000;
    r.onRateLimitInfo(info, 0);
    r.onRequestStarted(1, 0);
    QCOMPARE(r.delayMs(1, 0), 0);
    r.onRequestStarted(1, 0);
    QCOMPARE(r.delayMs(1, 0), 10000);
}

void TestRateLimiter::staleHeadersAreForgotten()
{
    RateLimiter r;
    RateLimitInfo info;
    info.remainingRequests = 0; // no reset given: cannot be acted on
    r.onRateLimitInfo(info, 0);
    QCOMPARE(r.delayMs(1, 0), 0);
    info.resetRequestsMs = 100;
    r.onRateLimitInfo(info, 0);
    QVERIFY(r.remainingRequests(50));
    QVERIFY(!r.remainingRequests(100));
}

void TestRateLimiter::retryAfterHold()
{
    RateLimiter r;
    r.holdUntil(3000);
    QCOMPARE(r.delayMs(1, 1000), 2000);
    r.holdUntil(2000); // never shortened
    QCOMPARE(r.delayMs(1, 1000), 2000);
}

void TestRateLimiter::loweringALimitBitesAtOnce()
{
    RateLimiter r;
    r.configure(600, 0, 0);
    for (int i = 0; i < 300; ++i)
        r.onRequestStarted(1, 0);
    r.configure(60, 0, 0); // half full before, half full after
    for (int i = 0; i < 30; ++i)
        r.onRequestStarted(1, 0);
    QVERIFY(r.delayMs(1, 0) > 0);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"

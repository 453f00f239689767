#include "core/llm/ratelimitheaders.h"

#include <QTest>
#include <QTimeZone>

using namespace Madf;

using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

const QDateTime kNow(QDate(2025, 6, 21), QTime(15, 4, 5), QTimeZone::utc());

qint64 orMinusOne(const std::optional<qint64> &value)
{
    return value.value_or(-1);
}

} // namespace

class TestRateLimitHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durations_data();
    void durations();
    void parse_data();
    void parse();
};

void TestRateLimitHeaders::durations_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected"); // -1: unreadable

    QTest::newRow("12ms") << QByteArray("12ms") << qint64(12);
    QTest::newRow("1s") << QByteArray("1s") << qint64(1000);
    QTest::newRow("0.5s") << QByteArray("0.5s") << qint64(500);
    QTest::newRow("6m0s") << QByteArray("6m0s") << qint64(360000);
    QTest::newRow("1h2m3.5s") << QByteArray("1h2m3.5s") << qint64(3723500);
    QTest::newRow("2m59.56s (Groq)") << QByteArray("2m59.56s") << qint64(179560);
    QTest::newRow("1.5m") << QByteArray("1.5m") << qint64(90000);
    QTest::newRow("250us rounds up") << QByteArray("250us") << qint64(1);
    QTest::newRow("0") << QByteArray("0") << qint64(0);
    QTest::newRow("0s") << QByteArray("0s") << qint64(0);
    QTest::newRow("spaces") << QByteArray(" 20ms ") << qint64(20);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("bare number is not a duration") << QByteArray("5") << qint64(-1);
    QTest::newRow("unknown unit") << QByteArray("3d") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-1s") << qint64(-1);
    QTest::newRow("words") << QByteArray("soon") << qint64(-1);
    QTest::newRow("RFC 3339 is not a duration") << QByteArray("2025-06-21T15:04:05Z") << qint64(-1);
}

void TestRateLimitHeaders::durations()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    QCOMPARE(orMinusOne(parseDurationMs(text)), expected);
}

void TestRateLimitHeaders::parse_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<qint64>("limitRequests");
    QTest::addColumn<qint64>("remainingRequests");
    QTest::addColumn<qint64>("resetRequestsMs");
    QTest::addColumn<qint64>("limitTokens");
    QTest::addColumn<qint64>("remainingTokens");
    QTest::addColumn<qint64>("resetTokensMs");

    QTest::newRow("OpenAI")
        << Headers{{"x-ratelimit-limit-requests", "60"}, {"x-ratelimit-limit-tokens", "150000"},
                   {"x-ratelimit-remaining-requests", "59"}, {"x-ratelimit-remaining-tokens", "149984"},
                   {"x-ratelimit-reset-requests", "1s"}, {"x-ratelimit-reset-tokens", "6m0s"}}
        << qint64(60) << qint64(59) << qint64(1000) << qint64(150000) << qint64(149984) << qint64(360000);
    QTest::newRow("OpenAI, names in any case, ms reset")
        << Headers{{"X-RateLimit-Remaining-Requests", "0"}, {"X-RATELIMIT-RESET-REQUESTS", "12ms"}}
        << qint64(-1) << qint64(0) << qint64(12) << qint64(-1) << qint64(-1) << qint64(-1);
    QTest::newRow("no rate-limit headers")
        << Headers{{"content-type", "application/json"}, {"retry-after", "3"}}
        << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1);
    QTest::newRow("garbage values ignored")
        << Headers{{"x-ratelimit-limit-requests", "lots"}, {"x-ratelimit-reset-tokens", "eventually"}}
        << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1);
    QTest::newRow("Anthropic, RFC 3339 resets")
        << Headers{{"anthropic-ratelimit-requests-limit", "50"}, {"anthropic-ratelimit-requests-remaining", "49"},
                   {"anthropic-ratelimit-requests-reset", "2025-06-21T15:04:06Z"},
                   {"anthropic-ratelimit-tokens-limit", "40000"}, {"anthropic-ratelimit-tokens-remaining", "39000"},
                   {"anthropic-ratelimit-tokens-reset", "2025-06-21T15:04:35.5Z"}}
        << qint64(50) << qint64(49) << qint64(1000) << qint64(40000) << qint64(39000) << qint64(30500);
    QTest::newRow("Anthropic, offset time zone")
        << Headers{{"anthropic-ratelimit-requests-reset", "2025-06-21T17:04:15+02:00"}}
        << qint64(-1) << qint64(-1) << qint64(10000) << qint64(-1) << qint64(-1) << qint64(-1);
    QTest::newRow("Anthropic, reset in the past is now")
        << Headers{{"anthropic-ratelimit-requests-reset", "2025-06-21T15:00:00Z"}}
        << qint64(-1) << qint64(-1) << qint64(0) << qint64(-1) << qint64(-1) << qint64(-1);
    QTest::newRow("Anthropic, tightest token bucket: output")
        << Headers{{"anthropic-ratelimit-tokens-limit", "100000"}, {"anthropic-ratelimit-tokens-remaining", "90000"},
                   {"anthropic-ratelimit-tokens-reset", "2025-06-21T15:04:25Z"},
                   {"anthropic-ratelimit-input-tokens-limit", "80000"},
                   {"anthropic-ratelimit-input-tokens-remaining", "70000"},
                   {"anthropic-ratelimit-input-tokens-reset", "2025-06-21T15:04:15Z"},
                   {"anthropic-ratelimit-output-tokens-limit", "16000"},
                   {"anthropic-ratelimit-output-tokens-remaining", "1200"},
                   {"anthropic-ratelimit-output-tokens-reset", "2025-06-21T15:04:45Z"}}
        << qint64(-1) << qint64(-1) << qint64(-1) << qint64(16000) << qint64(1200) << qint64(40000);
    QTest::newRow("Anthropic, tightest token bucket: input")
        << Headers{{"anthropic-ratelimit-input-tokens-limit", "80000"},
                   {"anthropic-ratelimit-input-tokens-remaining", "500"},
                   {"anthropic-ratelimit-input-tokens-reset", "2025-06-21T15:04:15Z"},
                   {"anthropic-ratelimit-output-tokens-limit", "16000"},
                   {"anthropic-ratelimit-output-tokens-remaining", "16000"},
                   {"anthropic-ratelimit-output-tokens-reset", "2025-06-21T15:04:06Z"}}
        << qint64(-1) << qint64(-1) << qint64(-1) << qint64(80000) << qint64(500) << qint64(10000);
    QTest::newRow("Anthropic, equal remaining: later reset wins")
        << Headers{{"anthropic-ratelimit-input-tokens-remaining", "0"},
                   {"anthropic-ratelimit-input-tokens-reset", "2025-06-21T15:04:10Z"},
                   {"anthropic-ratelimit-output-tokens-remaining", "0"},
                   {"anthropic-ratelimit-output-tokens-reset", "2025-06-21T15:04:50Z"}}
        << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << qint64(0) << qint64(45000);
    QTest::newRow("bare number reset: seconds")
        << Headers{{"x-ratelimit-reset-tokens", "7.5"}}
        << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << qint64(7500);
    QTest::newRow("epoch-ms reset (OpenRouter)")
        << Headers{{"x-ratelimit-reset-requests", QByteArray::number(kNow.toMSecsSinceEpoch() + 4000)}}
        << qint64(-1) << qint64(-1) << qint64(4000) << qint64(-1) << qint64(-1) << qint64(-1);
}

void TestRateLimitHeaders::parse()
{
    QFETCH(Headers, headers);
    QFETCH(qint64, limitRequests);
    QFETCH(qint64, remainingRequests);
    QFETCH(qint64, resetRequestsMs);
    QFETCH(qint64, limitTokens);
    QFETCH(qint64, remainingTokens);
    QFETCH(qint64, resetTokensMs);

    const RateLimitInfo info = parseRateLimitHeaders(headers, kNow);
    QCOMPARE(orMinusOne(info.limitRequests), limitRequests);
    QCOMPARE(orMinusOne(info.remainingRequests), remainingRequests);
    QCOMPARE(orMinusOne(info.resetRequestsMs), resetRequestsMs);
    QCOMPARE(orMinusOne(info.limitTokens), limitTokens);
    QCOMPARE(orMinusOne(info.remainingTokens), remainingTokens);
    QCOMPARE(orMinusOne(info.resetTokensMs), resetTokensMs);
}

QTEST_GUILESS_MAIN(TestRateLimitHeaders)
#include "tst_ratelimitheaders.moc"

#include "core/llm/retrypolicy.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace Madf;

Q_DECLARE_METATYPE(Madf::LlmErrorKind)

// Madf::toString(LlmErrorKind) returns a QString, which QCOMPARE's own toString
// lookup cannot use: compare the names, which also reads well on failure.
#define QCOMPARE_KIND(actual, expected) QCOMPARE(Madf::toString(actual), Madf::toString(expected))

using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

const QDateTime kNow(QDate(2025, 3, 14), QTime(9, 26, 53), QTimeZone::utc());

QByteArray httpDate(const QDateTime &at)
{
    return QLocale::c().toString(at.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryAfter_data();
    void retryAfter();
    void backoff_data();
    void backoff();
    void jitterStaysWithinBounds();
    void delayPrefersServerRequest_data();
    void delayPrefersServerRequest();
    void isRetryable_data();
    void isRetryable();
    void networkErrors_data();
    void networkErrors();
};

void TestRetryPolicy::retryAfter_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<qint64>("expected"); // -1: not honoured, use the back-off

    QTest::newRow("none") << Headers{} << qint64(-1);
    QTest::newRow("retry-after-ms") << Headers{{"retry-after-ms", "1500"}} << qint64(1500);
    QTest::newRow("retry-after-ms fractional") << Headers{{"retry-after-ms", "250.2"}} << qint64(251);
    QTest::newRow("retry-after-ms wins over retry-after")
        << Headers{{"retry-after", "20"}, {"retry-after-ms", "800"}} << qint64(800);
    QTest::newRow("retry-after-ms garbage: retry-after used")
        << Headers{{"retry-after-ms", "soon"}, {"retry-after", "3"}} << qint64(3000);
    QTest::newRow("retry-after-ms over 60 s not honoured")
        << Headers{{"retry-after-ms", "90000"}, {"retry-after", "5"}} << qint64(-1);
    QTest::newRow("retry-after seconds") << Headers{{"retry-after", "2"}} << qint64(2000);
    QTest::newRow("Retry-After any case") << Headers{{"Retry-After", "7"}} << qint64(7000);
    QTest::newRow("retry-after fractional") << Headers{{"retry-after", "0.5"}} << qint64(500);
    QTest::newRow("retry-after 1.25") << Headers{{"retry-after", "1.25"}} << qint64(1250);
    QTest::newRow("retry-after exactly 60 s") << Headers{{"retry-after", "60"}} << qint64(60000);
    QTest::newRow("retry-after 61 s ignored") << Headers{{"retry-after", "61"}} << qint64(-1);
    QTest::newRow("retry-after 3600 ignored") << Headers{{"retry-after", "3600"}} << qint64(-1);
    QTest::newRow("retry-after 0 ignored") << Headers{{"retry-after", "0"}} << qint64(-1);
    QTest::newRow("retry-after negative ignored") << Headers{{"retry-after", "-5"}} << qint64(-1);
    QTest::newRow("retry-after garbage ignored") << Headers{{"retry-after", "later"}} << qint64(-1);
    QTest::newRow("retry-after empty ignored") << Headers{{"retry-after", ""}} << qint64(-1);
    QTest::newRow("retry-after nan ignored") << Headers{{"retry-after", "nan"}} << qint64(-1);
    QTest::newRow("HTTP-date 30 s ahead") << Headers{{"retry-after", httpDate(kNow.addSecs(30))}} << qint64(30000);
    QTest::newRow("HTTP-date 60 s ahead") << Headers{{"retry-after", httpDate(kNow.addSecs(60))}} << qint64(60000);
    QTest::newRow("HTTP-date 2 min ahead ignored") << Headers{{"retry-after", httpDate(kNow.addSecs(120))}}
                                                   << qint64(-1);
    QTest::newRow("HTTP-date in the past ignored") << Headers{{"retry-after", httpDate(kNow.addSecs(-10))}}
                                                   << qint64(-1);
    QTest::newRow("HTTP-date literal") << Headers{{"retry-after", "Fri, 14 Mar 2025 09:27:03 GMT"}} << qint64(10000);
    QTest::newRow("RFC 850 date") << Headers{{"retry-after", "Friday, 14-Mar-25 09:27:13 GMT"}} << qint64(20000);
    QTest::newRow("asctime date") << Headers{{"retry-after", "Fri Mar 14 09:27:08 2025"}} << qint64(15000);
}

void TestRetryPolicy::retryAfter()
{
    QFETCH(Headers, headers);
    QFETCH(qint64, expected);
    const std::optional<qint64> value = RetryPolicy::retryAfterMs(headers, kNow);
    QCOMPARE(value.value_or(-1), expected);
}

void TestRetryPolicy::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expected");

    const qint64 full[] = {500, 1000, 2000, 4000, 8000, 8000, 8000};
    for (int attempt = 0; attempt <= 6; ++attempt) {
        QTest::addRow("attempt %d, random 0", attempt) << attempt << 0.0 << full[attempt];
        QTest::addRow("attempt %d, random 1", attempt) << attempt << 1.0 << full[attempt] * 3 / 4;
    }
    QTest::newRow("attempt 2, random 0.5") << 2 << 0.5 << qint64(1750);
    QTest::newRow("attempt 100 stays capped") << 100 << 0.0 << qint64(8000);
    QTest::newRow("negative attempt as first") << -3 << 0.0 << qint64(500);
    QTest::newRow("random above 1 clamped") << 0 << 7.0 << qint64(375);
    QTest::newRow("random below 0 clamped") << 0 << -1.0 << qint64(500);
}

void TestRetryPolicy::backoff()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(qint64, expected);
    QCOMPARE(RetryPolicy::backoffMs(attempt, random), expected);
}

void TestRetryPolicy::jitterStaysWithinBounds()
{
    for (int attempt = 0; attempt < 8; ++attempt) {
        const qint64 base = qMin<qint64>(500LL << attempt, 8000);
        qint64 previous = base + 1;
        for (int i = 0; i <= 100; ++i) {
            const qint64 delay = RetryPolicy::backoffMs(attempt, i / 100.0);
            QVERIFY(delay >= base * 3 / 4);
            QVERIFY(delay <= base);
            QVERIFY(delay <= previous); // more random, shorter wait
            previous = delay;
        }
    }
}

void TestRetryPolicy::delayPrefersServerRequest_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("server asks 1.2 s") << Headers{{"retry-after", "1.2"}} << qint64(1200);
    QTest::newRow("server asks 2 min: back-off") << Headers{{"retry-after", "120"}} << qint64(2000);
    QTest::newRow("nothing asked: back-off") << Headers{} << qint64(2000);
}

void TestRetryPolicy::delayPrefersServerRequest()
{
    QFETCH(Headers, headers);
    QFETCH(qint64, expected);
    QCOMPARE(RetryPolicy::delayMs(2, headers, kNow, 0.0), expected);
}

void TestRetryPolicy::isRetryable_data()
{
    QTest::addColumn<LlmErrorKind>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("expected");

    QTest::newRow("rate limited") << LlmErrorKind::RateLimited << true << true;
    QTest::newRow("flag off") << LlmErrorKind::ServerError << false << false;
    QTest::newRow("cancelled never, even if flagged") << LlmErrorKind::Cancelled << true << false;
    QTest::newRow("no error never") << LlmErrorKind::None << true << false;
}

void TestRetryPolicy::isRetryable()
{
    QFETCH(LlmErrorKind, kind);
    QFETCH(bool, retryable);
    QFETCH(bool, expected);
    ApiError error;
    error.kind = kind;
    error.retryable = retryable;
    QCOMPARE(RetryPolicy::isRetryable(error), expected);
}

void TestRetryPolicy::networkErrors_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("code");
    QTest::addColumn<LlmErrorKind>("kind");
    QTest::addColumn<bool>("retryable");

    using E = QNetworkReply::NetworkError;
    QTest::newRow("refused") << E::ConnectionRefusedError << LlmErrorKind::Network << true;
    QTest::newRow("closed") << E::RemoteHostClosedError << LlmErrorKind::Network << true;
    QTest::newRow("host not found") << E::HostNotFoundError << LlmErrorKind::Network << true;
    QTest::newRow("temporary failure") << E::TemporaryNetworkFailureError << LlmErrorKind::Network << true;
    QTest::newRow("broken protocol") << E::ProtocolFailure << LlmErrorKind::Network << true;
    QTest::newRow("proxy refused") << E::ProxyConnectionRefusedError << LlmErrorKind::Network << true;
    QTest::newRow("timeout") << E::TimeoutError << LlmErrorKind::Timeout << true;
    QTest::newRow("proxy timeout") << E::ProxyTimeoutError << LlmErrorKind::Timeout << true;
    QTest::newRow("cancelled") << E::OperationCanceledError << LlmErrorKind::Cancelled << false;
    QTest::newRow("TLS handshake") << E::SslHandshakeFailedError << LlmErrorKind::Network << false;
    QTest::newRow("unknown scheme") << E::ProtocolUnknownError << LlmErrorKind::Network << false;
    QTest::newRow("HTTP 404 as a Qt code") << E::ContentNotFoundError << LlmErrorKind::NotFound << false;
    QTest::newRow("HTTP 503 as a Qt code") << E::ServiceUnavailableError << LlmErrorKind::ServerError << true;
    QTest::newRow("no error") << E::NoError << LlmErrorKind::None << false;
}

void TestRetryPolicy::networkErrors()
{
    QFETCH(QNetworkReply::NetworkError, code);
    QFETCH(LlmErrorKind, kind);
    QFETCH(bool, retryable);

    const ApiError error = RetryPolicy::networkError(code, QStringLiteral("Connection refused"));
    QCOMPARE_KIND(error.kind, kind);
    QCOMPARE(error.retryable, retryable);
    QCOMPARE(RetryPolicy::isRetryable(error), retryable);
    QCOMPARE(error.message, QStringLiteral("Connection refused"));
    QVERIFY(!error.code.isEmpty()); // the Qt enum name, for logs
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"

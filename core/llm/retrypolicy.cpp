#include "core/llm/retrypolicy.h"

#include <QLocale>
#include <QMetaEnum>
#include <QTimeZone>

#include <cmath>

namespace Madf::RetryPolicy {

namespace {

std::optional<double> number(const QByteArray &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// HTTP dates (RFC 9110): IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
QDateTime parseHttpDate(const QByteArray &text)
{
    QString s = QString::fromLatin1(text).simplified();
    // The weekday adds nothing, and Qt rejects a date whose weekday does not
    // match, which RFC 850's two-digit years (read as 19yy) would trip.
    const qsizetype comma = s.indexOf(QLatin1Char(','));
    s = comma >= 0 ? s.mid(comma + 1).trimmed() : s.section(QLatin1Char(' '), 1);
    const QLocale c = QLocale::c();
    for (const char *format : {"dd MMM yyyy HH:mm:ss 'GMT'", "dd-MMM-yy HH:mm:ss 'GMT'", "MMM d HH:mm:ss yyyy"}) {
        QDateTime date = c.toDateTime(s, QLatin1String(format));
        if (date.isValid()) {
            if (date.date().year() < 1970)
                date = date.addYears(100);
            date.setTimeZone(QTimeZone::utc());
            return date;
        }
    }
    return QDateTime::fromString(QString::fromLatin1(text).trimmed(), Qt::RFC2822Date);
}

std::optional<qint64> honoured(double ms)
{
    if (!(ms > 0) || ms > double(kMaxRetryAfterMs))
        return std::nullopt;
    return qint64(std::ceil(ms));
}

ApiError make(LlmErrorKind kind, bool retryable, QNetworkReply::NetworkError code, const QString &message)
{
    ApiError e;
    e.kind = kind;
    e.retryable = retryable;
    e.message = message;
    e.code = QString::fromLatin1(QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(code));
    e.type = QStringLiteral("network");
    return e;
}

} // namespace

bool isRetryable(const ApiError &error)
{
    if (error.kind == LlmErrorKind::None || error.kind == LlmErrorKind::Cancelled)
        return false;
    return error.retryable;
}

std::optional<qint64> retryAfterMs(const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &now)
{
    // As the SDKs do: the first readable header decides, even when its value is out of range.
    if (const auto ms = headerValue(headers, "retry-after-ms")) {
        if (const auto value = number(*ms))
            return honoured(*value);
    }
    const auto after = headerValue(headers, "retry-after");
    if (!after)
        return std::nullopt;
    if (const auto seconds = number(*after))
        return honoured(*seconds * 1000.0);
    const QDateTime date = parseHttpDate(*after);
    if (!date.isValid())
        return std::nullopt;
    return honoured(double(now.msecsTo(date)));
}

qint64 backoffMs(int attempt, double random01)
{
    const int exponent = qBound(0, attempt, 10); // 2^5 already passes the cap
    const qint64 base = qMin(kInitialBackoffMs << exponent, kMaxBackoffMs);
    const double jitter = 1.0 - 0.25 * qBound(0.0, random01, 1.0);
    return qRound64(double(base) * jitter);
}

qint64 delayMs(int attempt, const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &now,
               double random01)
{
    if (const auto requested = retryAfterMs(headers, now))
        return *requested;
    return backoffMs(attempt, random01);
}

ApiError networkError(QNetworkReply::NetworkError code, const QString &message)
{
    using E = QNetworkReply::NetworkError;
    switch (code) {
    case E::NoError:
        return make(LlmErrorKind::None, false, code, message);
    case E::OperationCanceledError:
        return make(LlmErrorKind::Cancelled, false, code, message);
    case E::TimeoutError:
    case E::ProxyTimeoutError:
        return make(LlmErrorKind::Timeout, true, code, message);
    case E::ProtocolUnknownError:
    case E::SslHandshakeFailedError:
        // A wrong URL scheme or a certificate that is not trusted: the same next time.
        return make(LlmErrorKind::Network, false, code, message);
    case E::AuthenticationRequiredError:
    case E::ProxyAuthenticationRequiredError:
        return make(LlmErrorKind::Auth, false, code, message);
    case E::ContentAccessDenied:
        return make(LlmErrorKind::PermissionDenied, false, code, message);
    case E::ContentNotFoundError:
    case E::ContentGoneError:
        return make(LlmErrorKind::NotFound, false, code, message);
    case E::ContentOperationNotPermittedError:
    case E::ProtocolInvalidOperationError:
    case E::UnknownContentError:
        return make(LlmErrorKind::InvalidRequest, false, code, message);
    case E::ContentConflictError:
    case E::InternalServerError:
    case E::OperationNotImplementedError:
    case E::UnknownServerError:
    case E::ServiceUnavailableError:
        return make(LlmErrorKind::ServerError, true, code, message);
    default:
        // Refused, closed, host not found, temporary failure, proxy trouble,
        // broken protocol: the SDKs retry every connection error.
        return make(LlmErrorKind::Network, true, code, message);
    }
}

} // namespace Madf::RetryPolicy

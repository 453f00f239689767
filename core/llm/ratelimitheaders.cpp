#include "core/llm/ratelimitheaders.h"

#include <cctype>
#include <cmath>

namespace Madf {

namespace {

std::optional<qint64> integer(const HttpHeaders &headers, QByteArrayView name)
{
    const auto value = headerValue(headers, name);
    if (!value)
        return std::nullopt;
    bool ok = false;
    const double n = value->toDouble(&ok);
    if (!ok || !std::isfinite(n) || n < 0)
        return std::nullopt;
    return qRound64(n);
}

std::optional<qint64> resetMs(const HttpHeaders &headers, QByteArrayView name, const QDateTime &now)
{
    const auto value = headerValue(headers, name);
    if (!value || value->isEmpty())
        return std::nullopt;
    if (const auto duration = parseDurationMs(*value))
        return duration;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(*value), Qt::ISODateWithMs);
    if (at.isValid())
        return qMax<qint64>(0, now.msecsTo(at));
    bool ok = false;
    const double n = value->toDouble(&ok);
    if (!ok || !std::isfinite(n) || n < 0)
        return std::nullopt;
    // A bare number: epoch milliseconds (OpenRouter), epoch seconds, or seconds from now.
    if (n > 1e12)
        return qMax<qint64>(0, qint64(n) - now.toMSecsSinceEpoch());
    if (n > 1e9)
        return qMax<qint64>(0, qint64(n * 1000.0) - now.toMSecsSinceEpoch());
    return qint64(std::ceil(n * 1000.0));
}

struct Bucket
{
    std::optional<qint64> limit, remaining, reset;
};

Bucket anthropicBucket(const HttpHeaders &headers, const char *name, const QDateTime &now)
{
    const QByteArray prefix = QByteArray("anthropic-ratelimit-") + name;
    return {integer(headers, QByteArray(prefix + "-limit")), integer(headers, QByteArray(prefix + "-remaining")),
            resetMs(headers, QByteArray(prefix + "-reset"), now)};
}

// The bucket that will stop us first: fewest remaining, then the later refill.
bool tighter(const Bucket &a, const Bucket &b)
{
    if (a.remaining != b.remaining) {
        if (!a.remaining || !b.remaining)
            return a.remaining.has_value();
        return *a.remaining < *b.remaining;
    }
    if (a.limit != b.limit) {
        if (!a.limit || !b.limit)
            return a.limit.has_value();
        return *a.limit < *b.limit;
    }
    return a.reset.value_or(0) > b.reset.value_or(0);
}

} // namespace

std::optional<qint64> parseDurationMs(QByteArrayView text)
{
    const QByteArray s = text.trimmed().toByteArray();
    if (s.isEmpty())
        return std::nullopt;
    double totalMs = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype numberStart = i;
        while (i < s.size() && (std::isdigit(uchar(s[i])) || s[i] == '.'))
            ++i;
        if (i == numberStart)
            return std::nullopt;
        bool ok = false;
        const double value = s.mid(numberStart, i - numberStart).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < s.size() && !std::isdigit(uchar(s[i])) && s[i] != '.')
            ++i;
        const QByteArray unit = s.mid(unitStart, i - unitStart);
        double scale = 0;
        if (unit == "h")
            scale = 3600000.0;
        else if (unit == "m")
            scale = 60000.0;
        else if (unit == "s")
            scale = 1000.0;
        else if (unit == "ms")
            scale = 1.0;
        else if (unit == "us" || unit == "\xc2\xb5s" || unit == "\xce\xbcs")
            scale = 1e-3;
        else if (unit == "ns")
            scale = 1e-6;
        else if (unit.isEmpty() && value == 0 && numberStart == 0 && i == s.size())
            scale = 0; // Go writes a zero duration as "0"
        else
            return std::nullopt;
        totalMs += value * scale;
    }
    return qint64(std::ceil(totalMs));
}

RateLimitInfo parseRateLimitHeaders(const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &now)
{
    RateLimitInfo info;
    info.limitRequests = integer(headers, "x-ratelimit-limit-requests");
    info.remainingRequests = integer(headers, "x-ratelimit-remaining-requests");
    info.resetRequestsMs = resetMs(headers, "x-ratelimit-reset-requests", now);
    info.limitTokens = integer(headers, "x-ratelimit-limit-tokens");
    info.remainingTokens = integer(headers, "x-ratelimit-remaining-tokens");
    info.resetTokensMs = resetMs(headers, "x-ratelimit-reset-tokens", now);

    const Bucket requests = anthropicBucket(headers, "requests", now);
    if (!info.limitRequests)
        info.limitRequests = requests.limit;
    if (!info.remainingRequests)
        info.remainingRequests = requests.remaining;
    if (!info.resetRequestsMs)
        info.resetRequestsMs = requests.reset;

    std::optional<Bucket> tightest;
    for (const char *name : {"tokens", "input-tokens", "output-tokens"}) {
        const Bucket bucket = anthropicBucket(headers, name, now);
        if (!bucket.limit && !bucket.remaining && !bucket.reset)
            continue;
        if (!tightest || tighter(bucket, *tightest))
            tightest = bucket;
    }
    if (tightest) {
        if (!info.limitTokens)
            info.limitTokens = tightest->limit;
        if (!info.remainingTokens)
            info.remainingTokens = tightest->remaining;
        if (!info.resetTokensMs)
            info.resetTokensMs = tightest->reset;
    }
    return info;
}

} // namespace Madf

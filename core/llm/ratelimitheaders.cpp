#include "core/llm/ratelimitheaders.h"

#include <array>
#include <cctype>
#include <cmath>

namespace Madf {

namespace {

// Header values by field, each the first occurrence, trimmed.
using Value = std::optional<QByteArray>;

std::optional<qint64> integer(const Value &value)
{
    if (!value)
        return std::nullopt;
    bool ok = false;
    const double n = value->toDouble(&ok);
    if (!ok || !std::isfinite(n) || n < 0)
        return std::nullopt;
    return qRound64(n);
}

std::optional<qint64> resetMs(const Value &value, const QDateTime &now)
{
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

/** limit, remaining, reset */
using Fields = std::array<Value, 3>;

Bucket bucketFrom(const Fields &fields, const QDateTime &now)
{
    return {integer(fields[0]), integer(fields[1]), resetMs(fields[2], now)};
}

bool startsWithCaseInsensitive(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() && text.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

/** Index of @p name in @p names (case-insensitive), or -1. */
template<size_t N>
int indexOf(QByteArrayView name, const std::array<QByteArrayView, N> &names)
{
    for (size_t i = 0; i < N; ++i) {
        if (name.compare(names[i], Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

void keepFirst(Value &slot, const QByteArray &value)
{
    if (!slot)
        slot = value.trimmed();
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
    // One pass over the reply's headers (a dozen or more), picking out the rate-limit ones.
    static constexpr std::array<QByteArrayView, 6> kOpenAi{"limit-requests", "remaining-requests", "reset-requests",
                                                         "limit-tokens", "remaining-tokens", "reset-tokens"};
    static constexpr std::array<QByteArrayView, 4> kBuckets{"requests", "tokens", "input-tokens", "output-tokens"};
    static constexpr std::array<QByteArrayView, 3> kFields{"limit", "remaining", "reset"};
    std::array<Value, 6> openAi;
    std::array<Fields, 4> anthropic;
    for (const auto &[key, value] : headers) {
        const QByteArrayView name = QByteArrayView(key).trimmed();
        if (startsWithCaseInsensitive(name, "x-ratelimit-")) {
            const int field = indexOf(name.sliced(12), kOpenAi);
            if (field >= 0)
                keepFirst(openAi[size_t(field)], value);
        } else if (startsWithCaseInsensitive(name, "anthropic-ratelimit-")) {
            // <bucket>-<field>: the field is after the last dash.
            const QByteArrayView rest = name.sliced(20);
            const qsizetype dash = rest.lastIndexOf('-');
            const int bucket = dash > 0 ? indexOf(rest.first(dash), kBuckets) : -1;
            const int field = dash > 0 ? indexOf(rest.sliced(dash + 1), kFields) : -1;
            if (bucket >= 0 && field >= 0)
                keepFirst(anthropic[size_t(bucket)][size_t(field)], value);
        }
    }

    RateLimitInfo info;
    info.limitRequests = integer(openAi[0]);
    info.remainingRequests = integer(openAi[1]);
    info.resetRequestsMs = resetMs(openAi[2], now);
    info.limitTokens = integer(openAi[3]);
    info.remainingTokens = integer(openAi[4]);
    info.resetTokensMs = resetMs(openAi[5], now);

    const Bucket requests = bucketFrom(anthropic[0], now);
    if (!info.limitRequests)
        info.limitRequests = requests.limit;
    if (!info.remainingRequests)
        info.remainingRequests = requests.remaining;
    if (!info.resetRequestsMs)
        info.resetRequestsMs = requests.reset;

    std::optional<Bucket> tightest;
    for (size_t i = 1; i < anthropic.size(); ++i) {
        const Bucket bucket = bucketFrom(anthropic[i], now);
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

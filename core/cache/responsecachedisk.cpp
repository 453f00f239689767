// ResponseCache: the SQLite tier. Every function here runs in the thread
// that opened the file (callers check useDisk()); only the counters they
// update are shared, under m_mutex.

#include "core/cache/responsecache.h"

#include "core/storage/storevalues.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace Madf {

using namespace StoreValues;

namespace {

// Per-row bytes besides the values themselves (cost, times, size): an
// estimate, so that many tiny entries still count against the limit.
constexpr qint64 kRowOverheadBytes = 32;

qint64 bytesLimit(const CacheConfig &config)
{
    return qint64(config.diskMaxMb) * 1024 * 1024;
}

QJsonObject usageToJson(const TokenUsage &usage)
{
    return {
        {QStringLiteral("prompt_tokens"), usage.promptTokens},
        {QStringLiteral("cached_prompt_tokens"), usage.cachedPromptTokens},
        {QStringLiteral("cache_write_tokens"), usage.cacheWriteTokens},
        {QStringLiteral("completion_tokens"), usage.completionTokens},
        {QStringLiteral("reasoning_tokens"), usage.reasoningTokens},
        {QStringLiteral("estimated"), usage.estimated},
    };
}

TokenUsage usageFromJson(const QJsonObject &json)
{
    TokenUsage usage;
    usage.promptTokens = json.value(QStringLiteral("prompt_tokens")).toInteger();
    usage.cachedPromptTokens = json.value(QStringLiteral("cached_prompt_tokens")).toInteger();
    usage.cacheWriteTokens = json.value(QStringLiteral("cache_write_tokens")).toInteger();
    usage.completionTokens = json.value(QStringLiteral("completion_tokens")).toInteger();
    usage.reasoningTokens = json.value(QStringLiteral("reasoning_tokens")).toInteger();
    usage.estimated = json.value(QStringLiteral("estimated")).toBool();
    return usage;
}

} // namespace

const SqliteConnection::Migrations &ResponseCache::diskMigrations()
{
    static const SqliteConnection::Migrations steps = {
        {
            QStringLiteral("CREATE TABLE cache_entries ("
                           " key BLOB PRIMARY KEY NOT NULL,"
                           " text TEXT NOT NULL,"
                           " finish_reason TEXT NOT NULL DEFAULT '',"
                           " usage_json TEXT NOT NULL DEFAULT '{}',"
                           " cost_usd REAL NOT NULL DEFAULT 0,"
                           " created_at INTEGER NOT NULL,"
                           " last_used_at INTEGER NOT NULL,"
                           " size_bytes INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX cache_entries_last_used_at ON cache_entries(last_used_at)"),
            QStringLiteral("CREATE INDEX cache_entries_created_at ON cache_entries(created_at)"),
        },
    };
    return steps;
}

qint64 ResponseCache::nextUseStamp(const QDateTime &now)
{
    // Strictly increasing, so entries used within the same millisecond
    // still have an order to evict in.
    m_lastUseStamp = qMax(now.toMSecsSinceEpoch(), m_lastUseStamp + 1);
    return m_lastUseStamp;
}

bool ResponseCache::loadDiskTotals()
{
    QString message;
    auto query = m_connection.exec(
        QStringLiteral("SELECT COUNT(*), TOTAL(size_bytes), MAX(last_used_at) FROM cache_entries"), {},
        tr("read the response cache size"), &message);
    if (!query || !query->next()) {
        diskFailed(message);
        return false;
    }
    m_lastUseStamp = qMax(m_lastUseStamp, query->value(2).toLongLong());
    QMutexLocker lock(&m_mutex);
    m_stats.entries = query->value(0).toLongLong();
    m_stats.diskBytes = qint64(query->value(1).toDouble());
    return true;
}

std::optional<CachedResponse> ResponseCache::diskGet(const QByteArray &key, const QDateTime &now)
{
    QString message;
    auto query = m_connection.exec(QStringLiteral("SELECT text, finish_reason, usage_json, cost_usd, created_at,"
                                                  " size_bytes FROM cache_entries WHERE key = ?"),
                                   {key}, tr("read the response cache"), &message);
    if (!query) {
        diskFailed(message);
        return std::nullopt;
    }
    if (!query->next())
        return std::nullopt;
    CachedResponse response;
    response.text = query->value(0).toString();
    response.finishReason = query->value(1).toString();
    response.usage = usageFromJson(jsonObject(query->value(2)));
    response.costUsd = query->value(3).toDouble();
    response.createdAt = fromMs(query->value(4));
    const qint64 size = query->value(5).toLongLong();
    query.reset();

    if (isExpired(response, now)) {
        diskRemove({key}, size, tr("delete an expired response cache entry"));
        return std::nullopt;
    }
    diskTouch(key, now);
    return response;
}

void ResponseCache::diskTouch(const QByteArray &key, const QDateTime &now)
{
    QString message;
    if (!m_connection.run(QStringLiteral("UPDATE cache_entries SET last_used_at = ? WHERE key = ?"),
                          {nextUseStamp(now), key}, tr("update the response cache"), &message))
        diskFailed(message);
}

void ResponseCache::diskPut(const QByteArray &key, const CachedResponse &response, const QDateTime &now)
{
    const QVariant usageJson = jsonText(usageToJson(response.usage));
    const qint64 size = key.size() + response.text.toUtf8().size() + response.finishReason.toUtf8().size()
        + usageJson.value<Utf8Text>().bytes.size() + kRowOverheadBytes;
    // An entry that would push out everything else (and then itself) stays
    // in memory only.
    if (size > bytesLimit(m_config) * 9 / 10)
        return;

    const QString operation = tr("store a response in the cache");
    QString message;
    if (!m_connection.begin(operation, &message)) {
        diskFailed(message);
        return;
    }
    qint64 oldSize = -1;
    if (auto old = m_connection.exec(QStringLiteral("SELECT size_bytes FROM cache_entries WHERE key = ?"), {key},
                                     operation, &message)) {
        if (old->next())
            oldSize = old->value(0).toLongLong();
    } else {
        m_connection.rollback();
        diskFailed(message);
        return;
    }
    // No table refers to cache_entries, so REPLACE's delete-then-insert is safe.
    const bool written = m_connection.run(
        QStringLiteral("INSERT OR REPLACE INTO cache_entries (key, text, finish_reason, usage_json, cost_usd,"
                       " created_at, last_used_at, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {key, text(response.text), text(response.finishReason), usageJson, response.costUsd, toMs(response.createdAt),
         nextUseStamp(now), size},
        operation, &message);
    if (!written) {
        m_connection.rollback();
        diskFailed(message);
        return;
    }
    if (!m_connection.commit(operation, &message)) {
        diskFailed(message);
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        if (oldSize < 0)
            ++m_stats.entries;
        m_stats.diskBytes += size - qMax<qint64>(0, oldSize);
    }
    enforceSizeLimit();
}

void ResponseCache::diskRemove(const QList<QByteArray> &keys, qint64 bytes, const QString &operation)
{
    if (keys.isEmpty())
        return;
    QString message;
    if (!m_connection.begin(operation, &message)) {
        diskFailed(message);
        return;
    }
    for (const QByteArray &key : keys) {
        if (!m_connection.run(QStringLiteral("DELETE FROM cache_entries WHERE key = ?"), {key}, operation, &message)) {
            m_connection.rollback();
            diskFailed(message);
            return;
        }
    }
    if (!m_connection.commit(operation, &message)) {
        diskFailed(message);
        return;
    }
    QMutexLocker lock(&m_mutex);
    for (const QByteArray &key : keys)
        m_memory.remove(key);
    m_stats.entries = qMax<qint64>(0, m_stats.entries - keys.size());
    m_stats.diskBytes = qMax<qint64>(0, m_stats.diskBytes - bytes);
}

void ResponseCache::purgeExpired(const QDateTime &now)
{
    if (m_config.ttlHours <= 0)
        return;
    const qint64 cutoff = now.toMSecsSinceEpoch() - qint64(m_config.ttlHours) * 3600 * 1000;
    QString message;
    if (!m_connection.run(QStringLiteral("DELETE FROM cache_entries WHERE created_at <= ?"), {cutoff},
                          tr("delete expired response cache entries"), &message))
        diskFailed(message);
}

void ResponseCache::enforceSizeLimit()
{
    const qint64 limit = bytesLimit(m_config);
    qint64 stored = 0;
    {
        QMutexLocker lock(&m_mutex);
        stored = m_stats.diskBytes;
    }
    if (stored <= limit)
        return;

    // Under 90%, not just under the limit: otherwise every later put would
    // evict again.
    const qint64 target = limit * 9 / 10;
    const QString operation = tr("make room in the response cache");
    QList<QByteArray> victims;
    qint64 freed = 0;
    {
        QString message;
        auto query = m_connection.exec(
            QStringLiteral("SELECT key, size_bytes FROM cache_entries ORDER BY last_used_at, rowid"), {}, operation,
            &message);
        if (!query) {
            diskFailed(message);
            return;
        }
        while (stored - freed > target && query->next()) {
            victims.append(query->value(0).toByteArray());
            freed += query->value(1).toLongLong();
        }
    }
    diskRemove(victims, freed, operation);
}

} // namespace Madf

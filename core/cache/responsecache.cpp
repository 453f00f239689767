#include "core/cache/responsecache.h"

#include "core/log/log.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Madf {

QByteArray ResponseCache::canonicalForm(const QString &provider, const QString &model, const QVariantMap &parameters,
                                        const QString &system, const QList<QPair<QString, QString>> &messages)
{
    QJsonArray messageArray;
    for (const auto &[role, content] : messages)
        messageArray.append(QJsonObject {{QStringLiteral("role"), role}, {QStringLiteral("content"), content}});
    // QJsonObject keeps its keys sorted and writes them in that order: that
    // is what makes the form canonical.
    const QJsonObject request {
        {QStringLiteral("v"), 1},
        {QStringLiteral("provider"), provider},
        {QStringLiteral("model"), model},
        {QStringLiteral("parameters"), QJsonObject::fromVariantMap(parameters)},
        {QStringLiteral("system"), system},
        {QStringLiteral("messages"), messageArray},
    };
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

QByteArray ResponseCache::makeKey(const QString &provider, const QString &model, const QVariantMap &parameters,
                                  const QString &system, const QList<QPair<QString, QString>> &messages)
{
    return QCryptographicHash::hash(canonicalForm(provider, model, parameters, system, messages),
                                    QCryptographicHash::Sha256);
}

ResponseCache::ResponseCache()
    : m_connection(QStringLiteral("cache"))
    , m_memory(m_config.memoryEntries)
{
}

ResponseCache::~ResponseCache() = default;

bool ResponseCache::open(const QString &dbPath, const CacheConfig &config, QString *error)
{
    close();
    m_config = config;
    {
        QMutexLocker lock(&m_mutex);
        m_memory.setCapacity(config.memoryEntries);
        m_lastError.clear();
    }
    if (error)
        error->clear();
    if (config.diskMaxMb <= 0 || dbPath.isEmpty())
        return true;

    QString message;
    if (!m_connection.open(dbPath, diskMigrations(), &message)) {
        diskFailed(message);
        if (error)
            *error = message;
        return false;
    }
    purgeExpired(now());
    if (!loadDiskTotals()) {
        if (error)
            *error = lastError();
        close();
        return false;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_hasDisk = true;
    }
    // The limit may have been lowered since the file was last used.
    enforceSizeLimit();
    return true;
}

void ResponseCache::close()
{
    {
        QMutexLocker lock(&m_mutex);
        m_hasDisk = false;
        m_memory.clear();
        m_stats.entries = 0;
        m_stats.diskBytes = 0;
    }
    m_connection.close();
}

void ResponseCache::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime ResponseCache::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool ResponseCache::isExpired(const CachedResponse &response, const QDateTime &now) const
{
    if (m_config.ttlHours <= 0)
        return false;
    return response.createdAt.addSecs(qint64(m_config.ttlHours) * 3600) <= now;
}

bool ResponseCache::useDisk() const
{
    return m_connection.isOpen() && m_connection.isOwnerThread();
}

std::optional<CachedResponse> ResponseCache::get(const QByteArray &key)
{
    if (!m_enabled)
        return std::nullopt;
    const QDateTime current = now();
    {
        QMutexLocker lock(&m_mutex);
        if (CachedResponse *cached = m_memory.find(key)) {
            if (!isExpired(*cached, current)) {
                const CachedResponse hit = *cached;
                ++m_stats.hits;
                ++m_stats.memoryHits;
                m_stats.savedUsd += hit.costUsd;
                lock.unlock();
                // Keeps the file's use order true to real use, so its
                // eviction does not drop what the memory tier serves.
                if (useDisk())
                    diskTouch(key, current);
                return hit;
            }
            m_memory.remove(key);
        }
    }
    if (useDisk()) {
        // diskGet() deletes the entry when it has expired.
        if (std::optional<CachedResponse> hit = diskGet(key, current)) {
            QMutexLocker lock(&m_mutex);
            m_memory.insert(key, *hit);
            ++m_stats.hits;
            ++m_stats.diskHits;
            m_stats.savedUsd += hit->costUsd;
            return hit;
        }
    }
    QMutexLocker lock(&m_mutex);
    ++m_stats.misses;
    return std::nullopt;
}

void ResponseCache::put(const QByteArray &key, const CachedResponse &response)
{
    if (!m_enabled)
        return;
    const QDateTime current = now();
    CachedResponse stored = response;
    stored.createdAt = current;
    {
        QMutexLocker lock(&m_mutex);
        m_memory.insert(key, stored);
    }
    if (useDisk())
        diskPut(key, stored, current);
}

void ResponseCache::clear()
{
    {
        QMutexLocker lock(&m_mutex);
        m_memory.clear();
    }
    if (!useDisk())
        return;
    QString message;
    if (!m_connection.run(QStringLiteral("DELETE FROM cache_entries"), {}, tr("clear the response cache"), &message))
        diskFailed(message);
    loadDiskTotals();
}

ResponseCache::Stats ResponseCache::stats() const
{
    QMutexLocker lock(&m_mutex);
    Stats stats = m_stats;
    stats.memoryEntries = m_memory.size();
    if (!m_hasDisk)
        stats.entries = stats.memoryEntries;
    return stats;
}

QString ResponseCache::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

void ResponseCache::diskFailed(const QString &message)
{
    QMutexLocker lock(&m_mutex);
    // A full disk would fail every put: say it once, not per call.
    if (message != m_lastError)
        Log::warning(message);
    m_lastError = message;
}

} // namespace Madf

#pragma once

#include "core/cache/lrumap.h"
#include "core/config/settingsections.h"
#include "core/model/tokenusage.h"
#include "core/storage/sqliteconnection.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QVariantMap>

#include <atomic>
#include <functional>
#include <optional>

namespace Madf {

/** An agent's reply as the response cache keeps it. */
struct CachedResponse
{
    QString text;
    QString finishReason;
    TokenUsage usage;
    /** What the original call cost (0 when its price was unknown); each hit
     *  counts it as saved. */
    double costUsd = 0;
    /** When put() stored it; set by put(), ignored on input. The age limit
     *  counts from here. */
    QDateTime createdAt;

    bool operator==(const CachedResponse &) const = default;
};

/**
 * Agent-level response cache: the same request to the same model gets the
 * reply it got before, without a call. A size-bounded in-memory LRU sits in
 * front of an SQLite file that survives restarts.
 *
 * Limits come from the `cache:` config: `memory_entries` for the memory tier
 * (0: none), `disk_max_mb` for the file (0: no file, memory only) and
 * `ttl_hours` (0: entries never expire). An expired entry is a miss and is
 * deleted. When the stored entries pass the size limit, the least recently
 * used ones are deleted until they are under 90% of it. The size counted is
 * that of the stored values, not of the file: SQLite's pages and WAL add some
 * overhead, and freed pages are reused rather than returned to the disk.
 *
 * Threading: the file belongs to the thread that called open(), where get()
 * and put() are meant to be called (the engine's thread). The memory tier
 * and the counters are behind a mutex, so stats() may be called from any
 * thread, and get()/put() from another thread only use the memory tier.
 * open(), close() and setClock() must not run while other calls are made.
 */
class ResponseCache
{
    Q_DECLARE_TR_FUNCTIONS(Madf::ResponseCache)

public:
    struct Stats
    {
        qint64 hits = 0;          ///< memoryHits + diskHits
        qint64 misses = 0;
        qint64 memoryHits = 0;
        qint64 diskHits = 0;
        qint64 entries = 0;       ///< entries stored (on disk, or in memory without a file)
        qint64 memoryEntries = 0;
        qint64 diskBytes = 0;     ///< bytes of the stored values
        double savedUsd = 0;      ///< the sum of costUsd over the hits
    };
    using Clock = std::function<QDateTime()>;

    /** A memory-only cache with the default limits until open() is called. */
    ResponseCache();
    ~ResponseCache();
    ResponseCache(const ResponseCache &) = delete;
    ResponseCache &operator=(const ResponseCache &) = delete;

    /**
     * The canonical text a key is the hash of: compact JSON (UTF-8) of
     * `{"messages":[{"content":…,"role":…},…],"model":…,"parameters":{…},
     * "provider":…,"system":…,"v":1}`. Object keys, the parameters' nested
     * ones included, are in sorted order, so the order parameters were given
     * in does not matter; messages keep theirs. Numbers are written in their
     * shortest form, so 1 and 1.0 are the same. Values that JSON cannot hold
     * become null. "v" is the version of this form.
     */
    static QByteArray canonicalForm(const QString &provider, const QString &model, const QVariantMap &parameters,
                                    const QString &system, const QList<QPair<QString, QString>> &messages);
    /** SHA-256 (32 raw bytes) of canonicalForm(). @p messages are (role, content). */
    static QByteArray makeKey(const QString &provider, const QString &model, const QVariantMap &parameters,
                              const QString &system, const QList<QPair<QString, QString>> &messages);

    /** Applies @p config and opens (creating it if needed) the file at
     *  @p dbPath, unless config.diskMaxMb is 0 or @p dbPath is empty. Expired entries are deleted
     *  and the size limit enforced. On failure the cache stays usable in
     *  memory and the reason is in *error. */
    bool open(const QString &dbPath, const CacheConfig &config, QString *error = nullptr);
    void close();
    bool hasDisk() const { return m_connection.isOpen(); }

    /** Disabled: every get() misses (and is not counted) and put() stores nothing. */
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    /** The time source for ages and use order; UTC now by default. For tests. */
    void setClock(Clock clock);

    std::optional<CachedResponse> get(const QByteArray &key);
    void put(const QByteArray &key, const CachedResponse &response);
    /** Deletes every entry, in memory and on disk. The hit counters stay. */
    void clear();
    Stats stats() const;
    /** The last disk failure, for the log and the settings page; empty if none. */
    QString lastError() const;

private:
    static const SqliteConnection::Migrations &diskMigrations();
    QDateTime now() const;
    bool isExpired(const CachedResponse &response, const QDateTime &now) const;
    qint64 nextUseStamp(const QDateTime &now);
    bool useDisk() const;

    std::optional<CachedResponse> diskGet(const QByteArray &key, const QDateTime &now);
    void diskPut(const QByteArray &key, const CachedResponse &response, const QDateTime &now);
    void diskTouch(const QByteArray &key, const QDateTime &now);
    void diskRemove(const QList<QByteArray> &keys, qint64 bytes, const QString &operation);
    void purgeExpired(const QDateTime &now);
    void enforceSizeLimit();
    bool loadDiskTotals();
    void diskFailed(const QString &message);

    CacheConfig m_config;
    Clock m_clock;
    std::atomic<bool> m_enabled {true};
    SqliteConnection m_connection;
    qint64 m_lastUseStamp = 0;  // owner thread only

    mutable QMutex m_mutex;     // guards everything below
    LruMap<QByteArray, CachedResponse> m_memory;
    Stats m_stats;              // entries and diskBytes: the file's
    bool m_hasDisk = false;
    QString m_lastError;
};

} // namespace Madf

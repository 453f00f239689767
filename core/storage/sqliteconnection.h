#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVariantList>

#include <optional>

class QSqlError;
struct sqlite3;
struct sqlite3_stmt;

namespace Madf {

/** A text value already in UTF-8 (JSON, a model's output), for run(): bound
 *  as it is. A QString goes to the file's UTF-8 through SQLite's own
 *  converter, character by character, after the JSON writer's UTF-8 was
 *  turned into UTF-16 for it; Qt's encoder is several times faster. Never
 *  NULL: an empty one is ''. */
struct Utf8Text
{
    QByteArray bytes;
};

/**
 * One thread's connection to an SQLite file, set up the way every MADF store
 * wants it: WAL journal, synchronous=NORMAL, a 5 s busy timeout, foreign keys
 * on, and the schema brought up to date from `PRAGMA user_version`.
 *
 * Qt's database connections belong to the thread that made them, so each
 * object opens its own uniquely named connection (purpose, counter and thread
 * id) and removes it again in its destructor. Use it only from the thread that
 * called open(); calls from another thread fail with an error instead of
 * touching the connection.
 *
 * Every failure is turned into one readable sentence that names the file, what
 * was being done and SQLite's reason; nothing here throws or asserts.
 */
class SqliteConnection
{
    Q_DECLARE_TR_FUNCTIONS(Madf::SqliteConnection)

public:
    /** The schema as a list of steps: step i (0-based) takes user_version
     *  from i to i + 1. Each step is a list of single SQL statements. */
    using Migrations = QList<QStringList>;

    /** @p purpose names the connection ("documents", "cache") in Qt's registry. */
    explicit SqliteConnection(const QString &purpose);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    /** Creates the parent folder if needed, opens @p path, applies the pragmas
     *  and runs the migrations that are missing, all in one transaction. A file
     *  written by a newer schema than @p migrations knows is refused. Reopening
     *  closes the previous file first. */
    bool open(const QString &path, const Migrations &migrations, QString *error);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_path; }
    /** The Qt connection name, unique per object. */
    QString connectionName() const { return m_connectionName; }

    /** Prepares, binds @p values in order and runs @p sql. On failure returns
     *  nullopt and sets *error to describe(@p operation, ...). */
    std::optional<QSqlQuery> exec(const QString &sql, const QVariantList &values, const QString &operation,
                                  QString *error);
    /** exec() for statements whose result is not read (writes, pragmas).
     *  The statement stays prepared for the next run() with the same @p sql:
     *  the engine writes the same few statements thousands of times. Sets
     *  *lastInsertId when given. */
    bool run(const QString &sql, const QVariantList &values, const QString &operation, QString *error,
             QVariant *lastInsertId = nullptr);

    /** BEGIN IMMEDIATE: takes the write lock now, so a concurrent writer waits
     *  for the busy timeout here rather than failing halfway through. */
    bool begin(const QString &operation, QString *error);
    bool commit(const QString &operation, QString *error);
    void rollback();

    /** `PRAGMA journal_mode` as SQLite reports it ("wal"); empty on error. */
    QString journalMode();
    /** `PRAGMA page_size`: 16384 for a file this class created; -1 on error. */
    int pageSize();
    /** `PRAGMA user_version`; -1 on error. */
    int schemaVersion();

    /** "<file>: could not <operation>: <SQLite's reason>". */
    QString describe(const QString &operation, const QString &reason) const;
    QString describe(const QString &operation, const QSqlError &error) const;

    /** True when called from the thread that opened the connection. */
    bool isOwnerThread() const { return QThread::currentThread() == m_thread; }

private:
    bool ready(const QString &operation, QString *error) const;
    /** run() through SQLite's own API; nullopt when @p values hold a type
     *  only Qt's driver knows how to bind (then Qt's path is taken). */
    std::optional<bool> runNative(const QString &sql, const QVariantList &values, const QString &operation,
                                  QString *error, QVariant *lastInsertId);
    bool runQt(const QString &sql, const QVariantList &values, const QString &operation, QString *error,
               QVariant *lastInsertId);
    void finalizeStatements();
    bool applyPragmas(QString *error);
    bool migrate(const Migrations &migrations, QString *error);

    QString m_purpose;
    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    QThread *m_thread = nullptr;
    QHash<QString, QSqlQuery> m_statements;   // prepared by runQt(), reset after each use
    sqlite3 *m_handle = nullptr;              // the driver's connection, for runNative()
    QHash<QString, sqlite3_stmt *> m_native;  // prepared by runNative(), reset after each use
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::Utf8Text)

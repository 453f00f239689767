#include "core/storage/sqliteconnection.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>

namespace Madf {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

SqliteConnection::SqliteConnection(const QString &purpose)
    : m_purpose(purpose)
{
}

SqliteConnection::~SqliteConnection()
{
    close();
}

void SqliteConnection::close()
{
    if (m_connectionName.isEmpty())
        return;
    // Prepared statements belong to the connection: they go before it.
    finalizeStatements();
    m_statements.clear();
    m_handle = nullptr;
    m_db.close();
    // removeDatabase() warns (and leaks) while a handle to the connection is
    // still alive, so ours goes first.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_thread = nullptr;
}

bool SqliteConnection::open(const QString &path, const Migrations &migrations, QString *error)
{
    close();
    m_path = path;

    const QString operation = tr("open the database");
    // SQLite would open a throw-away temporary database for an empty name.
    if (path.trimmed().isEmpty()) {
        setError(error, describe(operation, tr("no file name was given")));
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        setError(error, describe(operation, tr("the Qt SQLite driver (QSQLITE) is not installed")));
        return false;
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        setError(error, describe(operation, tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder))));
        return false;
    }

    m_thread = QThread::currentThread();
    m_connectionName = QStringLiteral("madf-%1-%2-%3")
                           .arg(m_purpose)
                           .arg(++s_connectionCounter)
                           .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        setError(error, describe(operation, m_db.lastError()));
        close();
        return false;
    }
    const QVariant handle = m_db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    // SQLite opens lazily: a file that is not a database is only noticed by
    // the first statement, which is one of these.
    if (!applyPragmas(error) || !migrate(migrations, error)) {
        close();
        return false;
    }
    return true;
}

bool SqliteConnection::applyPragmas(QString *error)
{
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    // WAL with synchronous=NORMAL syncs at checkpoints, not at each commit:
    // a commit is on disk as soon as the process has written it, so a
    // killed `madf` (what resume is for) loses nothing committed; only a
    // power cut or OS crash can lose the last commits, and then resume
    // repeats those steps, as for calls in flight. FULL would add an fsync
    // to every commit for that case alone.
    // page_size before WAL, since it can change only while a file is new
    // (existing files keep theirs): a document's JSON (~13 KB) then fits in
    // one page instead of a chain of four, and a commit writes a third
    // fewer WAL frames, each one a write() (measured: 8,926 -> 5,535 for 40
    // documents).
    const QStringList pragmas = {
        QStringLiteral("PRAGMA busy_timeout=5000"),
        QStringLiteral("PRAGMA page_size=16384"),
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
    };
    for (const QString &pragma : pragmas) {
        if (!run(pragma, {}, tr("set up the database (%1)").arg(pragma), error))
            return false;
    }
    return true;
}

bool SqliteConnection::migrate(const Migrations &migrations, QString *error)
{
    const QString operation = tr("update the database schema");
    if (!begin(operation, error))
        return false;
    // Read inside the write transaction, so two processes opening a new file
    // at once cannot both create the schema.
    const int version = schemaVersion();
    if (version < 0) {
        rollback();
        setError(error, describe(operation, tr("cannot read the schema version")));
        return false;
    }
    if (version > migrations.size()) {
        rollback();
        setError(error, describe(operation, tr("the file has schema version %1 but this version of MADF Studio "
                                               "only knows up to %2; it was written by a newer version")
                                                .arg(version)
                                                .arg(migrations.size())));
        return false;
    }
    for (int step = version; step < migrations.size(); ++step) {
        for (const QString &statement : migrations.at(step)) {
            if (!run(statement, {}, tr("update the database schema to version %1").arg(step + 1), error)) {
                rollback();
                return false;
            }
        }
    }
    // PRAGMA takes no bound parameters; the number is ours, not user input.
    if (version != migrations.size()
        && !run(QStringLiteral("PRAGMA user_version=%1").arg(migrations.size()), {}, operation, error)) {
        rollback();
        return false;
    }
    return commit(operation, error);
}

bool SqliteConnection::ready(const QString &operation, QString *error) const
{
    if (!m_db.isOpen()) {
        setError(error, describe(operation, tr("the database is not open")));
        return false;
    }
    if (!isOwnerThread()) {
        setError(error, describe(operation, tr("the connection was used from a thread that did not open it")));
        return false;
    }
    return true;
}

std::optional<QSqlQuery> SqliteConnection::exec(const QString &sql, const QVariantList &values,
                                                const QString &operation, QString *error)
{
    if (!ready(operation, error))
        return std::nullopt;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        setError(error, describe(operation, query.lastError()));
        return std::nullopt;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        setError(error, describe(operation, query.lastError()));
        return std::nullopt;
    }
    return query;
}

bool SqliteConnection::run(const QString &sql, const QVariantList &values, const QString &operation, QString *error,
                           QVariant *lastInsertId)
{
    if (!ready(operation, error))
        return false;
    if (const std::optional<bool> done = runNative(sql, values, operation, error, lastInsertId))
        return *done;
    return runQt(sql, values, operation, error, lastInsertId);
}

bool SqliteConnection::runQt(const QString &sql, const QVariantList &values, const QString &operation, QString *error,
                             QVariant *lastInsertId)
{
    // A handful of statements run over and over; a runaway set of distinct
    // ones (they are never built from user input) must not grow without end.
    constexpr qsizetype kMaxStatements = 64;
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        if (m_statements.size() >= kMaxStatements)
            m_statements.clear();
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            setError(error, describe(operation, query.lastError()));
            return false;
        }
        it = m_statements.insert(sql, query);
    }
    QSqlQuery &query = *it;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.metaType() == QMetaType::fromType<Utf8Text>()) {
            // Never NULL, like the native path: a null string would bind as NULL.
            const QString text = QString::fromUtf8(value.value<Utf8Text>().bytes);
            query.bindValue(int(i), text.isNull() ? QStringLiteral("") : text);
        }
        else
            query.bindValue(int(i), value);
    }
    const bool ok = query.exec();
    if (!ok)
        setError(error, describe(operation, query.lastError()));
    else if (lastInsertId)
        *lastInsertId = query.lastInsertId();
    // Reset, so that the statement holds no lock or snapshot between uses.
    query.finish();
    return ok;
}

bool SqliteConnection::begin(const QString &operation, QString *error)
{
    return run(QStringLiteral("BEGIN IMMEDIATE"), {}, operation, error);
}

bool SqliteConnection::commit(const QString &operation, QString *error)
{
    if (run(QStringLiteral("COMMIT"), {}, operation, error))
        return true;
    rollback();
    return false;
}

void SqliteConnection::rollback()
{
    if (!m_db.isOpen() || !isOwnerThread())
        return;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

QString SqliteConnection::journalMode()
{
    auto query = exec(QStringLiteral("PRAGMA journal_mode"), {}, tr("read the journal mode"), nullptr);
    return query && query->next() ? query->value(0).toString().toLower() : QString();
}

int SqliteConnection::pageSize()
{
    auto query = exec(QStringLiteral("PRAGMA page_size"), {}, tr("read the page size"), nullptr);
    return query && query->next() ? query->value(0).toInt() : -1;
}

int SqliteConnection::schemaVersion()
{
    auto query = exec(QStringLiteral("PRAGMA user_version"), {}, tr("read the schema version"), nullptr);
    return query && query->next() ? query->value(0).toInt() : -1;
}

QString SqliteConnection::describe(const QString &operation, const QString &reason) const
{
    return tr("%1: could not %2: %3").arg(QDir::toNativeSeparators(m_path), operation, reason);
}

QString SqliteConnection::describe(const QString &operation, const QSqlError &error) const
{
    QString reason = error.databaseText().trimmed();
    if (reason.isEmpty())
        reason = error.driverText().trimmed();
    if (reason.isEmpty())
        reason = tr("unknown SQLite error");
    return describe(operation, reason);
}

} // namespace Madf

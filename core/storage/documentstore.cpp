#include "core/storage/documentstore.h"

#include "core/storage/storevalues.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <limits>

namespace Madf {

using namespace StoreValues;

// A later change appends a step; a released step never changes.
const SqliteConnection::Migrations &DocumentStore::migrations()
{
    static const SqliteConnection::Migrations steps = {
        {
            // title, topic and search_text copy what the history list shows
            // and searches, so listing never parses document JSON.
            // search_text is the case-folded "title\ntopic": SQLite's own
            // LIKE folds ASCII only.
            QStringLiteral("CREATE TABLE documents ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " title TEXT NOT NULL DEFAULT '',"
                           " topic TEXT NOT NULL DEFAULT '',"
                           " search_text TEXT NOT NULL DEFAULT '',"
                           " request_json TEXT NOT NULL,"
                           " document_json TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " quality_score REAL,"
                           " cost_usd REAL NOT NULL DEFAULT 0,"
                           " latency_ms INTEGER NOT NULL DEFAULT 0,"
                           " word_count INTEGER NOT NULL DEFAULT 0,"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL,"
                           " failure_reason TEXT,"
                           " batch_id TEXT,"
                           " config_json TEXT)"),
            QStringLiteral("CREATE INDEX documents_created_at ON documents(created_at)"),
            QStringLiteral("CREATE INDEX documents_status ON documents(status)"),
            QStringLiteral("CREATE INDEX documents_batch_id ON documents(batch_id)"),
            QStringLiteral("CREATE TABLE steps ("
                           " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                           " step_key TEXT NOT NULL,"
                           " stage TEXT NOT NULL DEFAULT '',"
                           " agent TEXT NOT NULL DEFAULT '',"
                           " status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),"
                           " output TEXT NOT NULL DEFAULT '',"
                           " metadata_json TEXT NOT NULL DEFAULT '{}',"
                           " created_at INTEGER NOT NULL,"
                           " UNIQUE (document_id, step_key))"),
            QStringLiteral("CREATE TABLE revisions ("
                           " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                           " round INTEGER NOT NULL,"
                           " document_json TEXT NOT NULL,"
                           " quality_json TEXT NOT NULL DEFAULT '{}',"
                           " score REAL,"
                           " created_at INTEGER NOT NULL,"
                           " UNIQUE (document_id, round))"),
            QStringLiteral("CREATE TABLE quality_reports ("
                           " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                           " round INTEGER NOT NULL,"
                           " report_json TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " UNIQUE (document_id, round))"),
            // cost_usd is NULL when the price is unknown: 0 would claim the
            // call was free.
            QStringLiteral("CREATE TABLE calls ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                           " step_key TEXT NOT NULL DEFAULT '',"
                           " agent TEXT NOT NULL DEFAULT '',"
                           " provider TEXT NOT NULL DEFAULT '',"
                           " model TEXT NOT NULL DEFAULT '',"
                           " prompt_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cached_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_write_tokens INTEGER NOT NULL DEFAULT 0,"
                           " completion_tokens INTEGER NOT NULL DEFAULT 0,"
                           " reasoning_tokens INTEGER NOT NULL DEFAULT 0,"
                           " usage_estimated INTEGER NOT NULL DEFAULT 0,"
                           " cost_usd REAL,"
                           " latency_ms INTEGER NOT NULL DEFAULT 0,"
                           " ttft_ms INTEGER,"
                           " queued_ms INTEGER NOT NULL DEFAULT 0,"
                           " attempts INTEGER NOT NULL DEFAULT 1,"
                           " error_kind TEXT,"
                           " from_cache INTEGER NOT NULL DEFAULT 0,"
                           " simulated INTEGER NOT NULL DEFAULT 0,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX calls_document_id ON calls(document_id)"),
            QStringLiteral("CREATE INDEX calls_created_at ON calls(created_at)"),
        },
        {
            // Version 2: saved benchmark and load-test runs (documentstorebench.cpp).
            QStringLiteral("CREATE TABLE benchmark_runs ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " created_at INTEGER NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " config_name TEXT NOT NULL DEFAULT '',"
                           " config_summary TEXT NOT NULL DEFAULT '',"
                           " parameters_json TEXT NOT NULL DEFAULT '{}',"
                           " results_json TEXT NOT NULL DEFAULT '{}')"),
            QStringLiteral("CREATE INDEX benchmark_runs_created_at ON benchmark_runs(created_at)"),
        },
        {
            // Version 3: fewer pages rewritten by each commit. A commit
            // writes every page it touches whole (16 KB) to the WAL, and the
            // engine commits after each step: every table and index a step
            // touches costs a page per commit. Measured at speed 0 (one
            // commit per document): 23 -> 19 pages per commit.
            //
            // quality_reports held the text revisions.quality_json holds
            // (saveRound writes both): the reports are read from there. A
            // report whose revision has none gives it its text; a report
            // saved without its revision (no version did either) is kept
            // as a revision with an empty document.
            QStringLiteral("UPDATE revisions SET quality_json = (SELECT report_json FROM quality_reports q"
                           " WHERE q.document_id = revisions.document_id AND q.round = revisions.round)"
                           " WHERE quality_json IN ('', '{}') AND EXISTS (SELECT 1 FROM quality_reports q"
                           " WHERE q.document_id = revisions.document_id AND q.round = revisions.round)"),
            QStringLiteral("INSERT INTO revisions (document_id, round, document_json, quality_json, score, created_at)"
                           " SELECT document_id, round, '{}', report_json, NULL, created_at FROM quality_reports q"
                           " WHERE NOT EXISTS (SELECT 1 FROM revisions r"
                           " WHERE r.document_id = q.document_id AND r.round = q.round)"),
            QStringLiteral("DROP TABLE quality_reports"),
            // AUTOINCREMENT rewrote sqlite_sequence in every commit; a call's
            // id only has to be unique (ids of deleted calls may come back).
            QStringLiteral("CREATE TABLE calls_v3 ("
                           " id INTEGER PRIMARY KEY,"
                           " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                           " step_key TEXT NOT NULL DEFAULT '',"
                           " agent TEXT NOT NULL DEFAULT '',"
                           " provider TEXT NOT NULL DEFAULT '',"
                           " model TEXT NOT NULL DEFAULT '',"
                           " prompt_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cached_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_write_tokens INTEGER NOT NULL DEFAULT 0,"
                           " completion_tokens INTEGER NOT NULL DEFAULT 0,"
                           " reasoning_tokens INTEGER NOT NULL DEFAULT 0,"
                           " usage_estimated INTEGER NOT NULL DEFAULT 0,"
                           " cost_usd REAL,"
                           " latency_ms INTEGER NOT NULL DEFAULT 0,"
                           " ttft_ms INTEGER,"
                           " queued_ms INTEGER NOT NULL DEFAULT 0,"
                           " attempts INTEGER NOT NULL DEFAULT 1,"
                           " error_kind TEXT,"
                           " from_cache INTEGER NOT NULL DEFAULT 0,"
                           " simulated INTEGER NOT NULL DEFAULT 0,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO calls_v3 SELECT * FROM calls"),
            QStringLiteral("DROP TABLE calls"),
            QStringLiteral("ALTER TABLE calls_v3 RENAME TO calls"),
            QStringLiteral("CREATE INDEX calls_document_id ON calls(document_id)"),
            QStringLiteral("CREATE INDEX calls_created_at ON calls(created_at)"),
            // Most documents belong to no batch: only those that do are
            // indexed (batchSpending()'s "batch_id = ?" implies NOT NULL).
            QStringLiteral("DROP INDEX documents_batch_id"),
            QStringLiteral("CREATE INDEX documents_batch_id ON documents(batch_id) WHERE batch_id IS NOT NULL"),
        },
    };
    return steps;
}

namespace {

QString searchText(const Document &document)
{
    return QString(document.title + QLatin1Char('\n') + document.request.topic).toCaseFolded();
}

QStringList nonTerminalStatusNames()
{
    QStringList names;
    for (int value = int(DocumentStatus::Pending); value <= int(DocumentStatus::Cancelled); ++value) {
        const auto status = DocumentStatus(value);
        if (!isTerminal(status))
            names.append(toString(status));
    }
    return names;
}

// What a document has cost, as the history and `madf show` give it. A
// document cut off mid-run (killed, crashed) was last saved at a stage
// change: what its calls cost since is in the calls table, not yet in
// cost_usd. Cached calls hold what they saved, not what they cost.
const QString &costSpent()
{
    static const QString expression = [] {
        QStringList quoted;
        for (const QString &name : nonTerminalStatusNames())
            quoted << QLatin1Char('\'') + name + QLatin1Char('\'');
        return QStringLiteral("CASE WHEN status IN (%1) THEN MAX(cost_usd, (SELECT TOTAL(cost_usd) FROM calls"
                              " WHERE calls.document_id = documents.id AND from_cache = 0)) ELSE cost_usd END")
            .arg(quoted.join(QLatin1Char(',')));
    }();
    return expression;
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QLatin1Char(','));
}

// The WHERE clause (with its leading space) and its values for a history query.
QString whereClause(const HistoryQuery &query, QVariantList *values)
{
    QStringList conditions;
    const QString needle = query.text.trimmed().toCaseFolded();
    if (!needle.isEmpty()) {
        // instr(), not LIKE: a '%' or '_' the user types is meant literally.
        conditions.append(QStringLiteral("instr(search_text, ?) > 0"));
        values->append(needle);
    }
    if (!query.statuses.isEmpty()) {
        conditions.append(QStringLiteral("status IN (%1)").arg(placeholders(query.statuses.size())));
        for (DocumentStatus status : query.statuses)
            values->append(toString(status));
    }
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString orderClause(const HistoryQuery &query)
{
    QString column;
    switch (query.sortBy) {
    case HistoryQuery::SortKey::CreatedAt: column = QStringLiteral("created_at"); break;
    case HistoryQuery::SortKey::Quality: column = QStringLiteral("quality_score"); break;
    case HistoryQuery::SortKey::Cost: column = QStringLiteral("cost"); break;
    case HistoryQuery::SortKey::Latency: column = QStringLiteral("latency_ms"); break;
    }
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    // Documents never scored go last either way; the newest first breaks ties.
    return QStringLiteral(" ORDER BY (%1 IS NULL), %1 %2, created_at DESC, id").arg(column, direction);
}

} // namespace

int DocumentStore::schemaVersion()
{
    return int(migrations().size());
}

DocumentStore::DocumentStore()
    : m_connection(QStringLiteral("documents"))
{
}

DocumentStore::~DocumentStore()
{
    close();
}

bool DocumentStore::open(const QString &dbPath, QString *error)
{
    close();
    QString message;
    if (!m_connection.open(dbPath, migrations(), &message))
        return fail(message, error);
    succeed(error);
    return true;
}

void DocumentStore::close()
{
    // What was written in an open transaction is kept, as if commit() had been called.
    if (m_transactionDepth > 0) {
        m_transactionDepth = 1;
        commit();
    }
    m_transactionDepth = 0;
    m_connection.close();
}

bool DocumentStore::isOpen() const
{
    return m_connection.isOpen();
}

QString DocumentStore::path() const
{
    return m_connection.path();
}

QString DocumentStore::journalMode()
{
    return m_connection.journalMode();
}

int DocumentStore::pageSize()
{
    return m_connection.pageSize();
}

bool DocumentStore::fail(const QString &message, QString *error)
{
    m_lastError = message;
    if (error)
        *error = message;
    return false;
}

void DocumentStore::succeed(QString *error)
{
    m_lastError.clear();
    if (error)
        error->clear();
}

std::optional<QSqlQuery> DocumentStore::exec(const QString &sql, const QVariantList &values,
                                             const QString &operation, QString *error)
{
    QString message;
    auto query = m_connection.exec(sql, values, operation, &message);
    if (!query) {
        fail(message, error);
        return std::nullopt;
    }
    succeed(error);
    return query;
}

bool DocumentStore::run(const QString &sql, const QVariantList &values, const QString &operation, QString *error,
                        QVariant *lastInsertId)
{
    QString message;
    if (!m_connection.run(sql, values, operation, &message, lastInsertId))
        return fail(message, error);
    succeed(error);
    return true;
}

bool DocumentStore::begin(QString *error)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        succeed(error);
        return true;
    }
    QString message;
    if (!m_connection.begin(tr("start a transaction"), &message))
        return fail(message, error);
    m_transactionDepth = 1;
    succeed(error);
    return true;
}

bool DocumentStore::commit(QString *error)
{
    if (m_transactionDepth <= 0)
        return fail(m_connection.describe(tr("commit"), tr("no transaction is open")), error);
    if (--m_transactionDepth > 0) {
        succeed(error);
        return true;
    }
    QString message;
    if (!m_connection.commit(tr("commit the writes"), &message))
        return fail(message, error);
    succeed(error);
    return true;
}

void DocumentStore::rollback()
{
    if (m_transactionDepth <= 0)
        return;
    m_transactionDepth = 0;
    m_connection.rollback();
}

bool DocumentStore::saveDocument(const Document &document, const DocumentRow &row, QString *error)
{
    const QString operation = tr("save document %1").arg(document.id);
    if (document.id.isEmpty())
        return fail(m_connection.describe(operation, tr("the document has no id")), error);

    // ON CONFLICT ... DO UPDATE, not INSERT OR REPLACE: a replace deletes the
    // row first, and the cascade would take the steps and calls with it.
    // created_at and batch_id are left out of the update: SQLite rewrites
    // the index of every column an UPDATE names, changed or not, and each
    // index page so touched is one more 16 KB WAL frame in every commit. A
    // document's creation time never changes; its batch is set below, and
    // only when it does change.
    static const QString sql = QStringLiteral(
        "INSERT INTO documents (id, title, topic, search_text, request_json, document_json, status,"
        " quality_score, cost_usd, latency_ms, word_count, created_at, updated_at, failure_reason,"
        " batch_id, config_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET title = excluded.title, topic = excluded.topic,"
        " search_text = excluded.search_text, request_json = excluded.request_json,"
        " document_json = excluded.document_json, status = excluded.status,"
        " quality_score = excluded.quality_score, cost_usd = excluded.cost_usd,"
        " latency_ms = excluded.latency_ms, word_count = excluded.word_count,"
        " updated_at = excluded.updated_at,"
        " failure_reason = excluded.failure_reason,"
        " config_json = COALESCE(excluded.config_json, documents.config_json)");
    if (!run(sql,
             {document.id, text(document.title), text(document.request.topic), text(searchText(document)),
              jsonText(document.request.toJsonText()), jsonText(document.toJsonText()), toString(document.status),
              realOrNull(document.qualityScore), row.costUsd, row.latencyMs, document.wordCount,
              toMs(document.createdAt), toMs(document.updatedAt), textOrNull(document.failureReason),
              textOrNull(row.batchId), textOrNull(row.configJson)},
             operation, error))
        return false;
    if (row.batchId.isEmpty())
        return true;   // keeps the batch stored first, if any
    // Matches no row (and so writes nothing) when the batch is already this one.
    static const QString batchSql = QStringLiteral("UPDATE documents SET batch_id = ? WHERE id = ? AND batch_id IS NOT ?");
    return run(batchSql, {row.batchId, document.id, row.batchId}, operation, error);
}

std::optional<Document> DocumentStore::document(const QString &id, QString *error)
{
    const QString operation = tr("read document %1").arg(id);
    auto query = exec(QStringLiteral("SELECT document_json, status, updated_at FROM documents WHERE id = ?"), {id},
                      operation, error);
    if (!query || !query->next())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(query->value(0).toString().toUtf8(), &parseError);
    if (!json.isObject()) {
        fail(m_connection.describe(operation, tr("the stored JSON is damaged (%1)").arg(parseError.errorString())),
             error);
        return std::nullopt;
    }
    Document document = Document::fromJson(json.object());
    // saveDocumentState() moves these on without rewriting the JSON.
    bool known = false;
    const DocumentStatus status = documentStatusFromString(query->value(1).toString(), &known);
    if (known)
        document.status = status;
    document.updatedAt = fromMs(query->value(2));
    return document;
}

bool DocumentStore::saveDocumentState(const QString &id, DocumentStatus status, const QDateTime &updatedAt,
                                      const DocumentRow &row, QString *error)
{
    static const QString sql = QStringLiteral(
        "UPDATE documents SET status = ?, updated_at = ?, cost_usd = ?, latency_ms = ? WHERE id = ?");
    return run(sql, {toString(status), toMs(updatedAt), row.costUsd, row.latencyMs, id},
               tr("save the status of document %1").arg(id), error);
}

std::optional<DocumentRow> DocumentStore::documentRow(const QString &id, QString *error)
{
    auto query = exec(QStringLiteral("SELECT %1, latency_ms, batch_id, config_json FROM documents WHERE id = ?")
                          .arg(costSpent()),
                      {id}, tr("read document %1").arg(id), error);
    if (!query || !query->next())
        return std::nullopt;
    DocumentRow row;
    row.costUsd = query->value(0).toDouble();
    row.latencyMs = query->value(1).toLongLong();
    row.batchId = query->value(2).toString();
    row.configJson = query->value(3).toString();
    return row;
}

QList<DocumentSummary> DocumentStore::list(const HistoryQuery &historyQuery, QString *error)
{
    QVariantList values;
    QString sql = QStringLiteral("SELECT id, title, topic, status, quality_score, %1 AS cost, latency_ms,"
                                 " word_count, created_at, updated_at FROM documents").arg(costSpent())
        + whereClause(historyQuery, &values) + orderClause(historyQuery) + QStringLiteral(" LIMIT ? OFFSET ?");
    values << (historyQuery.limit > 0 ? historyQuery.limit : -1) << qMax(0, historyQuery.offset);

    QList<DocumentSummary> summaries;
    auto query = exec(sql, values, tr("list the documents"), error);
    if (!query)
        return summaries;
    while (query->next()) {
        DocumentSummary summary;
        summary.id = query->value(0).toString();
        summary.title = query->value(1).toString();
        summary.topic = query->value(2).toString();
        summary.status = documentStatusFromString(query->value(3).toString());
        summary.qualityScore = optionalReal(query->value(4));
        summary.costUsd = query->value(5).toDouble();
        summary.latencyMs = query->value(6).toLongLong();
        summary.wordCount = query->value(7).toInt();
        summary.createdAt = fromMs(query->value(8));
        summary.updatedAt = fromMs(query->value(9));
        summaries.append(summary);
    }
    return summaries;
}

int DocumentStore::count(const HistoryQuery &historyQuery, QString *error)
{
    QVariantList values;
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM documents") + whereClause(historyQuery, &values);
    auto query = exec(sql, values, tr("count the documents"), error);
    return query && query->next() ? query->value(0).toInt() : 0;
}

QList<QString> DocumentStore::interrupted(QString *error)
{
    const QStringList names = nonTerminalStatusNames();
    QVariantList values;
    for (const QString &name : names)
        values.append(name);
    const QString sql = QStringLiteral("SELECT id FROM documents WHERE status IN (%1) ORDER BY created_at, id")
                            .arg(placeholders(names.size()));
    QList<QString> ids;
    auto query = exec(sql, values, tr("find interrupted documents"), error);
    while (query && query->next())
        ids.append(query->value(0).toString());
    return ids;
}

bool DocumentStore::remove(const QString &id, QString *error)
{
    // One statement: the foreign keys' ON DELETE CASCADE removes the steps,
    // revisions, reports and calls in the same implicit transaction.
    auto query = exec(QStringLiteral("DELETE FROM documents WHERE id = ?"), {id}, tr("delete document %1").arg(id),
                      error);
    return query && query->numRowsAffected() > 0;
}

DocumentStore::Totals DocumentStore::totals(const QDateTime &since, const QDateTime &before, QString *error)
{
    Totals totals;
    const qint64 sinceMs = since.isValid() ? since.toMSecsSinceEpoch() : 0;
    const qint64 beforeMs = before.isValid() ? before.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    const qint64 midnightMs = QDate::currentDate().startOfDay().toMSecsSinceEpoch();
    const QString operation = tr("add up the costs");

    auto documents = exec(QStringLiteral("SELECT COUNT(*) FROM documents WHERE created_at >= ? AND created_at < ?"),
                          {sinceMs, beforeMs}, operation, error);
    if (!documents)
        return totals;
    if (documents->next())
        totals.documents = documents->value(0).toInt();

    // Replies from the response cache and the simulator spent nothing; the
    // cached ones' cost is what they saved. One pass covers both periods.
    static const QString callSql = QStringLiteral(
        "SELECT TOTAL(created_at >= ?),"
        " TOTAL(created_at >= ? AND from_cache = 0 AND simulated = 0 AND cost_usd IS NULL),"
        " TOTAL(CASE WHEN created_at >= ? AND from_cache = 0 AND simulated = 0 THEN cost_usd END),"
        " TOTAL(CASE WHEN created_at >= ? AND from_cache = 0 AND simulated = 0 THEN cost_usd END),"
        " TOTAL(CASE WHEN created_at >= ? AND from_cache = 1 THEN cost_usd END),"
        " TOTAL(CASE WHEN created_at >= ? AND from_cache = 0 AND simulated = 1 THEN cost_usd END)"
        " FROM calls WHERE created_at >= ? AND created_at < ?");
    auto calls = exec(callSql, {sinceMs, sinceMs, sinceMs, midnightMs, sinceMs, midnightMs, qMin(sinceMs, midnightMs), beforeMs},
                      operation, error);
    if (!calls || !calls->next())
        return totals;
    totals.calls = int(calls->value(0).toDouble());
    totals.unknownCostCalls = int(calls->value(1).toDouble());
    totals.costUsd = calls->value(2).toDouble();
    totals.todayCostUsd = calls->value(3).toDouble();
    totals.savedUsd = calls->value(4).toDouble();
    totals.todaySimulatedUsd = calls->value(5).toDouble();
    return totals;
}

} // namespace Madf

#pragma once

#include "core/metrics/benchmarkresult.h"
#include "core/storage/sqliteconnection.h"
#include "core/storage/storerecords.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Madf {

/**
 * The documents database: every document, the steps that made it (so `madf
 * resume` can skip finished work), its revision rounds, quality reports and
 * every model call with its tokens, cost and timings.
 *
 * An SQLite file in WAL mode, so the GUI's history view can read while the
 * engine writes. The engine writes as each step completes, one short
 * statement or transaction at a time. Timestamps are stored as milliseconds
 * since the epoch (UTC). No column holds a credential; the config text is
 * stored as the caller gives it and must be written without secrets.
 *
 * Use one object per thread: it opens its own connection in the thread that
 * calls open() and must only be used there. Every call that can fail returns
 * false, nullopt, -1 or an empty list, and describes the failure (the file,
 * what was being done, SQLite's reason) in *error and lastError().
 */
class DocumentStore
{
    Q_DECLARE_TR_FUNCTIONS(Madf::DocumentStore)

public:
    using Totals = StoreTotals;

    /** The schema version this build writes (`PRAGMA user_version`). */
    static int schemaVersion();
    /** The schema's steps, oldest first: version N is the first N. Tests
     *  build a file as an older version left it from these. */
    static const SqliteConnection::Migrations &migrations();

    DocumentStore();
    ~DocumentStore();
    DocumentStore(const DocumentStore &) = delete;
    DocumentStore &operator=(const DocumentStore &) = delete;

    /** Opens (creating it and its folder if needed) and migrates @p dbPath. */
    bool open(const QString &dbPath, QString *error = nullptr);
    void close();
    bool isOpen() const;
    QString path() const;
    /** The last failure's description; empty after a success. */
    QString lastError() const { return m_lastError; }
    /** "wal" once open. */
    QString journalMode();
    int pageSize();

    /** Groups the writes that follow, until the matching commit(), into one
     *  transaction: they are saved together or not at all (a process killed
     *  in between loses them all), and a burst of small writes costs one
     *  commit instead of one each. Nested pairs join the outermost one. The
     *  transaction takes the write lock at once (other writers wait), so keep
     *  it short. close() commits what is open. */
    bool begin(QString *error = nullptr);
    bool commit(QString *error = nullptr);
    /** Abandons the open transaction (every level of it). */
    void rollback();
    bool inTransaction() const { return m_transactionDepth > 0; }

    // Documents --------------------------------------------------------------

    /** Inserts or updates the document and its row (its steps, calls and
     *  revisions stay). The document's updatedAt is stored, and its
     *  createdAt when it is first saved (a later save keeps that one); an
     *  empty row.batchId keeps the batch stored before. */
    bool saveDocument(const Document &document, const DocumentRow &row = {}, QString *error = nullptr);
    /** Updates only the status, the update time and the row's cost and
     *  latency of a saved document, when its text has not changed: much
     *  cheaper than saveDocument(). document() reads them back. */
    bool saveDocumentState(const QString &id, DocumentStatus status, const QDateTime &updatedAt,
                           const DocumentRow &row, QString *error = nullptr);
    /** nullopt when there is no such document (and *error stays empty) or on error. */
    std::optional<Document> document(const QString &id, QString *error = nullptr);
    /** costUsd is what the document has cost so far: for one cut off mid-run,
     *  with the calls made since its last save (as list() gives it). */
    std::optional<DocumentRow> documentRow(const QString &id, QString *error = nullptr);
    QList<DocumentSummary> list(const HistoryQuery &query = {}, QString *error = nullptr);
    /** How many documents list() would give without limit and offset. */
    int count(const HistoryQuery &query = {}, QString *error = nullptr);
    /** Ids of the documents left in a non-final status (pending ... revising),
     *  oldest first: what `madf resume` can pick up. */
    QList<QString> interrupted(QString *error = nullptr);
    /** Deletes the document with its steps, revisions, quality reports and
     *  calls. False when there was none (error empty) or on error. */
    bool remove(const QString &id, QString *error = nullptr);
    /** Spending since @p since (calls) and documents created since then.
     *  A valid @p before leaves out what came at or after it (today's
     *  figures included): what a window's own session adds as it goes. */
    Totals totals(const QDateTime &since, const QDateTime &before = {}, QString *error = nullptr);

    // Steps, revisions (with their quality reports) -------------------------

    /** Inserts the step, or replaces the one with the same key. */
    bool saveStep(const QString &documentId, const StepRecord &step, QString *error = nullptr);
    /** The same, with the metadata given as JSON text (an object, as
     *  JsonWriter writes it) instead of step.metadata. */
    bool saveStep(const QString &documentId, const StepRecord &step, const QByteArray &metadataJson,
                  QString *error = nullptr);
    /** In the order they were first saved. */
    QList<StepRecord> steps(const QString &documentId, QString *error = nullptr);
    std::optional<StepRecord> step(const QString &documentId, const QString &stepKey, QString *error = nullptr);

    /** Inserts the round, or replaces the one with the same number. */
    bool saveRevision(const QString &documentId, int round, const Document &document, const QJsonObject &quality,
                      double score, QString *error = nullptr);
    /** By round, ascending. */
    QList<RevisionRecord> revisions(const QString &documentId, QString *error = nullptr);

    /** A verification round: its quality report (JSON text, as
     *  QualityReport::toJsonText() makes it) and the revision it judged. */
    bool saveRound(const QString &documentId, int round, const Document &draft, const QByteArray &reportJson,
                   double score, QString *error = nullptr);
    /** The quality_json of each revision that has one, by round, ascending. */
    QList<QualityReportRecord> qualityReports(const QString &documentId, QString *error = nullptr);

    // Calls ------------------------------------------------------------------

    /** Appends the call; returns its id, or -1 on error. */
    qint64 recordCall(const CallRecord &call, QString *error = nullptr);
    /** Oldest first. */
    QList<CallRecord> calls(const QString &documentId, QString *error = nullptr);

    /** What the calls of a document cost so far (replies from the response
     *  cache left out: they were not paid for). */
    CallTotals spending(const QString &documentId, QString *error = nullptr);
    /** The same for every document of a batch. */
    CallTotals batchSpending(const QString &batchId, QString *error = nullptr);

    // Benchmark runs (documentstorebench.cpp) --------------------------------

    /** Appends a benchmark or load-test run; returns its id, or -1 on error. */
    qint64 saveBenchmarkRun(const BenchmarkResult &result, QString *error = nullptr);
    /** Newest first; @p limit 0 = all. */
    QList<BenchmarkResult> benchmarkRuns(int limit = 0, QString *error = nullptr);
    /** False when there was none (error empty) or on error. */
    bool removeBenchmarkRun(qint64 id, QString *error = nullptr);

private:
    bool fail(const QString &message, QString *error);
    void succeed(QString *error);
    std::optional<QSqlQuery> exec(const QString &sql, const QVariantList &values, const QString &operation,
                                  QString *error);
    bool saveRevisionText(const QString &documentId, int round, const Document &document, const QVariant &quality,
                          double score, QString *error);
    /** A write, through a statement prepared once. */
    bool run(const QString &sql, const QVariantList &values, const QString &operation, QString *error,
             QVariant *lastInsertId = nullptr);
    CallTotals callTotals(const QString &where, const QVariant &value, const QString &operation, QString *error);

    SqliteConnection m_connection;
    QString m_lastError;
    int m_transactionDepth = 0;
};

} // namespace Madf

// DocumentStore: what is recorded about a document as it is made (steps,
// revisions, quality reports, model calls). Documents themselves are in
// documentstore.cpp.

#include "core/storage/documentstore.h"

#include "core/model/jsonwriter.h"
#include "core/storage/storevalues.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace Madf {

using namespace StoreValues;

namespace {

QString stepStatusName(StepRecord::Status status)
{
    return status == StepRecord::Ok ? QStringLiteral("ok") : QStringLiteral("failed");
}

StepRecord stepFromQuery(const QSqlQuery &query)
{
    // Columns: step_key, stage, agent, status, output, metadata_json, created_at
    StepRecord step;
    step.stepKey = query.value(0).toString();
    step.stage = query.value(1).toString();
    step.agent = query.value(2).toString();
    step.status = query.value(3).toString() == QLatin1String("ok") ? StepRecord::Ok : StepRecord::Failed;
    step.output = query.value(4).toString();
    step.metadata = jsonObject(query.value(5));
    step.createdAt = fromMs(query.value(6));
    return step;
}

const QString kStepColumns = QStringLiteral("step_key, stage, agent, status, output, metadata_json, created_at");

} // namespace

bool DocumentStore::saveStep(const QString &documentId, const StepRecord &step, QString *error)
{
    JsonWriter metadata;
    metadata.json(step.metadata);
    return saveStep(documentId, step, metadata.take(), error);
}

bool DocumentStore::saveStep(const QString &documentId, const StepRecord &step, const QByteArray &metadataJson,
                             QString *error)
{
    const QString operation = tr("save step %1 of document %2").arg(step.stepKey, documentId);
    if (step.stepKey.isEmpty())
        return fail(m_connection.describe(operation, tr("the step has no key")), error);
    // The upsert keeps the row (and so its place in steps()) when a resumed
    // run redoes a step.
    static const QString sql = QStringLiteral(
        "INSERT INTO steps (document_id, step_key, stage, agent, status, output, metadata_json, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (document_id, step_key) DO UPDATE SET stage = excluded.stage, agent = excluded.agent,"
        " status = excluded.status, output = excluded.output, metadata_json = excluded.metadata_json,"
        " created_at = excluded.created_at");
    return run(sql,
               {documentId, step.stepKey, text(step.stage), text(step.agent), stepStatusName(step.status),
                longText(step.output), jsonText(metadataJson), toMs(step.createdAt)},
               operation, error);
}

QList<StepRecord> DocumentStore::steps(const QString &documentId, QString *error)
{
    QList<StepRecord> steps;
    auto query = exec(QStringLiteral("SELECT %1 FROM steps WHERE document_id = ? ORDER BY rowid").arg(kStepColumns),
                      {documentId}, tr("read the steps of document %1").arg(documentId), error);
    while (query && query->next())
        steps.append(stepFromQuery(*query));
    return steps;
}

std::optional<StepRecord> DocumentStore::step(const QString &documentId, const QString &stepKey, QString *error)
{
    auto query = exec(QStringLiteral("SELECT %1 FROM steps WHERE document_id = ? AND step_key = ?").arg(kStepColumns),
                      {documentId, stepKey}, tr("read step %1 of document %2").arg(stepKey, documentId), error);
    if (!query || !query->next())
        return std::nullopt;
    return stepFromQuery(*query);
}

bool DocumentStore::saveRevision(const QString &documentId, int round, const Document &document,
                                 const QJsonObject &quality, double score, QString *error)
{
    return saveRevisionText(documentId, round, document, jsonText(quality), score, error);
}

bool DocumentStore::saveRevisionText(const QString &documentId, int round, const Document &document,
                                     const QVariant &quality, double score, QString *error)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO revisions (document_id, round, document_json, quality_json, score, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (document_id, round) DO UPDATE SET document_json = excluded.document_json,"
        " quality_json = excluded.quality_json, score = excluded.score, created_at = excluded.created_at");
    return run(sql,
               {documentId, round, jsonText(document.toJsonText()), quality, score,
                toMs(QDateTime::currentDateTimeUtc())},
               tr("save revision %1 of document %2").arg(round).arg(documentId), error);
}

bool DocumentStore::saveRound(const QString &documentId, int round, const Document &draft,
                              const QByteArray &reportJson, double score, QString *error)
{
    return saveRevisionText(documentId, round, draft, jsonText(reportJson), score, error);
}

QList<RevisionRecord> DocumentStore::revisions(const QString &documentId, QString *error)
{
    QList<RevisionRecord> revisions;
    auto query = exec(QStringLiteral("SELECT round, document_json, quality_json, score, created_at FROM revisions"
                                     " WHERE document_id = ? ORDER BY round"),
                      {documentId}, tr("read the revisions of document %1").arg(documentId), error);
    while (query && query->next()) {
        RevisionRecord revision;
        revision.round = query->value(0).toInt();
        revision.document = Document::fromJson(jsonObject(query->value(1)));
        revision.quality = jsonObject(query->value(2));
        revision.score = query->value(3).toDouble();
        revision.createdAt = fromMs(query->value(4));
        revisions.append(revision);
    }
    return revisions;
}

QList<QualityReportRecord> DocumentStore::qualityReports(const QString &documentId, QString *error)
{
    QList<QualityReportRecord> reports;
    // A revision saved without a report holds '{}' (the column's default).
    auto query = exec(QStringLiteral("SELECT round, quality_json, created_at FROM revisions"
                                     " WHERE document_id = ? AND quality_json NOT IN ('', '{}') ORDER BY round"),
                      {documentId}, tr("read the quality reports of document %1").arg(documentId), error);
    while (query && query->next()) {
        QualityReportRecord report;
        report.round = query->value(0).toInt();
        report.report = jsonObject(query->value(1));
        report.createdAt = fromMs(query->value(2));
        reports.append(report);
    }
    return reports;
}

qint64 DocumentStore::recordCall(const CallRecord &call, QString *error)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO calls (document_id, step_key, agent, provider, model, prompt_tokens, cached_tokens,"
        " cache_write_tokens, completion_tokens, reasoning_tokens, usage_estimated, cost_usd, latency_ms,"
        " ttft_ms, queued_ms, attempts, error_kind, from_cache, simulated, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const TokenUsage &usage = call.usage;
    QVariant id;
    const bool written = run(sql,
                      {call.documentId, text(call.stepKey), text(call.agent), text(call.provider), text(call.model),
                       usage.promptTokens,
                       usage.cachedPromptTokens, usage.cacheWriteTokens, usage.completionTokens,
                       usage.reasoningTokens, int(usage.estimated), realOrNull(call.costUsd), call.latencyMs,
                       call.ttftMs >= 0 ? QVariant(call.ttftMs) : QVariant(), call.queuedMs, call.attempts,
                       textOrNull(call.errorKind), int(call.fromCache), int(call.simulated),
                       toMs(call.createdAt)},
                      tr("record a %1 call of document %2").arg(call.model, call.documentId), error, &id);
    return written ? id.toLongLong() : -1;
}

QList<CallRecord> DocumentStore::calls(const QString &documentId, QString *error)
{
    QList<CallRecord> calls;
    auto query = exec(QStringLiteral(
                          "SELECT id, document_id, step_key, agent, provider, model, prompt_tokens, cached_tokens,"
                          " cache_write_tokens, completion_tokens, reasoning_tokens, usage_estimated, cost_usd,"
                          " latency_ms, ttft_ms, queued_ms, attempts, error_kind, from_cache, simulated, created_at"
                          " FROM calls WHERE document_id = ? ORDER BY id"),
                      {documentId}, tr("read the calls of document %1").arg(documentId), error);
    while (query && query->next()) {
        CallRecord call;
        call.id = query->value(0).toLongLong();
        call.documentId = query->value(1).toString();
        call.stepKey = query->value(2).toString();
        call.agent = query->value(3).toString();
        call.provider = query->value(4).toString();
        call.model = query->value(5).toString();
        call.usage.promptTokens = query->value(6).toLongLong();
        call.usage.cachedPromptTokens = query->value(7).toLongLong();
        call.usage.cacheWriteTokens = query->value(8).toLongLong();
        call.usage.completionTokens = query->value(9).toLongLong();
        call.usage.reasoningTokens = query->value(10).toLongLong();
        call.usage.estimated = query->value(11).toBool();
        call.costUsd = optionalReal(query->value(12));
        call.latencyMs = query->value(13).toLongLong();
        call.ttftMs = query->value(14).isNull() ? -1 : query->value(14).toLongLong();
        call.queuedMs = query->value(15).toLongLong();
        call.attempts = query->value(16).toInt();
        call.errorKind = query->value(17).toString();
        call.fromCache = query->value(18).toBool();
        call.simulated = query->value(19).toBool();
        call.createdAt = fromMs(query->value(20));
        calls.append(call);
    }
    return calls;
}

CallTotals DocumentStore::spending(const QString &documentId, QString *error)
{
    return callTotals(QStringLiteral("document_id = ?"), documentId,
                      tr("add up the calls of document %1").arg(documentId), error);
}

CallTotals DocumentStore::batchSpending(const QString &batchId, QString *error)
{
    return callTotals(QStringLiteral("document_id IN (SELECT id FROM documents WHERE batch_id = ?)"), batchId,
                      tr("add up the calls of batch %1").arg(batchId), error);
}

CallTotals DocumentStore::callTotals(const QString &where, const QVariant &value, const QString &operation,
                                     QString *error)
{
    CallTotals totals;
    auto query = exec(QStringLiteral("SELECT COUNT(*), TOTAL(prompt_tokens), TOTAL(completion_tokens), TOTAL(cost_usd),"
                                     " TOTAL(cost_usd IS NULL) FROM calls WHERE from_cache = 0 AND ")
                          + where,
                      {value}, operation, error);
    if (!query || !query->next())
        return totals;
    totals.calls = query->value(0).toInt();
    totals.promptTokens = qint64(query->value(1).toDouble());
    totals.completionTokens = qint64(query->value(2).toDouble());
    totals.costUsd = query->value(3).toDouble();
    totals.unknownCostCalls = int(query->value(4).toDouble());
    return totals;
}

} // namespace Madf

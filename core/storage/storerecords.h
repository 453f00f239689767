#pragma once

#include "core/model/document.h"
#include "core/model/documentstatus.h"
#include "core/model/tokenusage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The plain values DocumentStore reads and writes besides Document itself.

namespace Madf {

/** What a documents row holds beyond the Document: filled in by the engine. */
struct DocumentRow
{
    double costUsd = 0;      ///< known spend so far, USD
    qint64 latencyMs = 0;    ///< wall time from start to the last step
    QString batchId;         ///< empty: not part of a batch (stored as NULL)
    /** The effective config (YAML or JSON) WITHOUT secrets, so that `madf
     *  resume` can carry on with the settings the document started with.
     *  Empty on a later save keeps the text stored first. */
    QString configJson;

    bool operator==(const DocumentRow &) const = default;
};

/** One finished pipeline step of a document, kept so a resumed run can skip
 *  it. Steps are keyed by a path-like name unique within the document:
 *  "research/q2", "outline", "section/3/draft", "revision/1/section/2". */
struct StepRecord
{
    enum Status { Ok, Failed };

    QString stepKey;
    QString stage;           ///< "research", "writing", ... (free text)
    QString agent;           ///< the agent that produced it
    Status status = Ok;
    QString output;          ///< the step's text result
    QJsonObject metadata;
    QDateTime createdAt = QDateTime::currentDateTimeUtc();

    bool operator==(const StepRecord &) const = default;
};

/** The document as it stood after one revision round, and its verdict. */
struct RevisionRecord
{
    int round = 0;
    Document document;
    QJsonObject quality;
    double score = 0;
    QDateTime createdAt;
};

/** One verification report (round 0 is the first verification). */
struct QualityReportRecord
{
    int round = 0;
    QJsonObject report;
    QDateTime createdAt;
};

/** One model call as the dashboard and cost reports need it. */
struct CallRecord
{
    qint64 id = -1;                   ///< set by the store
    QString documentId;               ///< must name a saved document
    QString stepKey;
    QString agent;
    QString provider;
    QString model;
    TokenUsage usage;                 ///< usage.estimated is the usage_estimated column
    /** USD; nullopt when the model's price is unknown (stored as NULL, never
     *  0). For a reply from the response cache (fromCache), what the original
     *  call cost: the saving. Totals never count cached or simulated calls
     *  as spent. */
    std::optional<double> costUsd;
    qint64 latencyMs = 0;
    qint64 ttftMs = -1;               ///< time to first token; -1 = none (NULL)
    qint64 queuedMs = 0;
    int attempts = 1;
    QString errorKind;                ///< LlmErrorKind's name; empty when the call succeeded
    bool fromCache = false;           ///< answered by the response cache
    bool simulated = false;           ///< answered by the simulator, not a real provider
    QDateTime createdAt = QDateTime::currentDateTimeUtc();

    bool operator==(const CallRecord &) const = default;
};

/** Tokens and money of a set of recorded calls. */
struct CallTotals
{
    int calls = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0;          ///< the known costs (simulated ones included, as CostTracker counts them)
    int unknownCostCalls = 0;    ///< calls whose price was unknown: costUsd is then a lower bound

    bool operator==(const CallTotals &) const = default;
};

/** One line of the history list. */
struct DocumentSummary
{
    QString id;
    QString title;
    QString topic;
    DocumentStatus status = DocumentStatus::Pending;
    std::optional<double> qualityScore;
    double costUsd = 0;
    qint64 latencyMs = 0;
    int wordCount = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/** Which documents the history list shows, and in which order. */
struct HistoryQuery
{
    enum class SortKey { CreatedAt, Quality, Cost, Latency };

    /** Matched against title and topic, ignoring case (Unicode case folding);
     *  empty matches all. */
    QString text;
    /** Only these statuses; empty means all. */
    QList<DocumentStatus> statuses;
    SortKey sortBy = SortKey::CreatedAt;
    bool descending = true;
    int limit = 0;           ///< 0: no limit
    int offset = 0;
};

/** Spending and volume since a point in time, for the status bar. */
struct StoreTotals
{
    int documents = 0;           ///< documents created since `since`
    int calls = 0;               ///< model calls made since `since` (cache hits included)
    int unknownCostCalls = 0;    ///< of those, calls whose price is unknown
    double costUsd = 0;          ///< known spend since `since`
    double todayCostUsd = 0;     ///< known spend since local midnight
    /** What today's simulated calls would have cost with the models they
     *  imitate (never paid, so kept out of the figures above). */
    double todaySimulatedUsd = 0;
    double savedUsd = 0;         ///< what the cache hits since `since` would have cost
};

} // namespace Madf

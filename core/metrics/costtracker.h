#pragma once

#include "core/cost/pricingtable.h"
#include "core/model/tokenusage.h"

#include <QCoreApplication>
#include <QMap>
#include <QMutex>
#include <QSet>
#include <QString>

#include <optional>

namespace Madf {

struct ProviderConfig;

/** One model call to account for. */
struct CostEntry
{
    QString documentId;
    QString batchId;        ///< empty = not part of a batch
    QString agent;
    QString provider;
    QString model;
    TokenUsage usage;
    bool localProvider = false;  ///< priced at 0 unless an override says otherwise
    bool simulated = false;      ///< the simulated provider: nothing was paid
    bool fromCache = false;      ///< answered by our response cache: no call was made
};

/** What one recorded call cost. */
struct CallCost
{
    std::optional<double> usd;  ///< actual cost; nullopt = the model's price is unknown
    double savedUsd = 0;        ///< a cache hit: what the call would have cost
    bool simulated = false;
    QString matchedRule;        ///< the pricing rule used, for display

    bool known() const { return usd.has_value(); }
};

/** Tokens and money of a group of calls (all, one agent, one document...). */
struct CostTotals
{
    qint64 calls = 0;              ///< recorded calls, cache hits included
    qint64 cacheHits = 0;
    qint64 tokensIn = 0;           ///< prompt tokens of calls actually made
    qint64 cachedTokensIn = 0;     ///< part of tokensIn read from the provider's prompt cache
    qint64 tokensOut = 0;
    double usd = 0;                ///< sum of the known costs, simulated ones included
    double simulatedUsd = 0;       ///< part of `usd` that the simulated provider "spent"
    double savedUsd = 0;           ///< what cache hits would have cost
    qint64 unknownCostCalls = 0;   ///< calls of models with no known price

    /** True when some cost is unknown: `usd` is then only a lower bound. */
    bool totalIsLowerBound() const { return unknownCostCalls > 0; }
    /** "$0.48", "at least $0.48", "$0.48 (simulated)", ... translated. */
    QString describe() const;
};

/** Outcome of a budget check before a call. */
struct BudgetCheck
{
    bool exceeded = false;
    QString which;     ///< "document" or "batch" when exceeded
    double spent = 0;  ///< known spending of that document/batch so far
    double limit = 0;
    QString message;   ///< translated, for the user; empty when not exceeded
};

/** The seed's CostTracker: prices each model call from the pricing table and
 *  adds it up per agent, model, document and batch, keeps what the response
 *  cache saved, and checks the per-document and per-batch budgets.
 *
 *  A model with no price makes its calls' cost unknown, never 0: totals then
 *  say "at least $X". Simulated calls are priced as the model they imitate
 *  and flagged so that the UI can label them. Thread-safe. */
class CostTracker
{
    Q_DECLARE_TR_FUNCTIONS(Madf::CostTracker)

public:
    explicit CostTracker(const PricingTable &table = PricingTable::builtIn());

    void setPricingTable(const PricingTable &table);
    /** Which providers are local (free unless priced) and which are
     *  simulated; used in addition to the flags of each CostEntry. */
    void setProviders(const QMap<QString, ProviderConfig> &providers);
    /** Spending caps in USD; 0 = none. */
    void setBudgets(double perDocument, double perBatch);

    CallCost record(const CostEntry &entry);

    CostTotals total() const;
    QMap<QString, CostTotals> byAgent() const;
    QMap<QString, CostTotals> byModel() const;
    QMap<QString, CostTotals> byDocument() const;
    QMap<QString, CostTotals> byBatch() const;
    CostTotals forDocument(const QString &documentId) const;
    CostTotals forBatch(const QString &batchId) const;
    qint64 unknownCostCalls() const;
    bool totalIsLowerBound() const;
    void clear();

    /** Whether a next call estimated at `estimatedNextCallUsd` would take the
     *  document or its batch over budget (the document is checked first).
     *  An empty batchId skips the batch check. */
    BudgetCheck wouldExceed(const QString &documentId, const QString &batchId,
                            double estimatedNextCallUsd) const;

    /** Upper bound of one call's cost before it is made: every prompt token at
     *  the dearest input price (cache writes can cost more than input) and
     *  the whole `maxCompletionTokens` at the output price. nullopt when the
     *  model's price is unknown. */
    static std::optional<double> estimateCallCost(const PricingTable &table, const QString &model,
                                                  qint64 promptTokens, qint64 maxCompletionTokens,
                                                  bool localProvider = false);

    /** "$0.48" (2 decimals), or 4 significant decimals under a cent ("$0.0036"). */
    static QString formatUsd(double usd);

private:
    static void add(CostTotals *totals, const CostEntry &entry, const CallCost &cost);

    mutable QMutex m_mutex;
    PricingTable m_table;
    QSet<QString> m_localProviders;
    QSet<QString> m_simulatedProviders;
    double m_perDocument = 0;
    double m_perBatch = 0;

    CostTotals m_total;
    QMap<QString, CostTotals> m_byAgent;
    QMap<QString, CostTotals> m_byModel;
    QMap<QString, CostTotals> m_byDocument;
    QMap<QString, CostTotals> m_byBatch;
};

} // namespace Madf

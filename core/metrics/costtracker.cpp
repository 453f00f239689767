#include "costtracker.h"

#include "core/config/providerconfig.h"

#include <QMutexLocker>

namespace Madf {

namespace {

QString trCost(const char *text)
{
    return QCoreApplication::translate("Madf::CostTracker", text);
}

QString spentText(const CostTotals &t)
{
    const QString amount = CostTracker::formatUsd(t.usd);
    return t.totalIsLowerBound() ? trCost("at least %1").arg(amount) : amount;
}

} // namespace

QString CostTotals::describe() const
{
    QString text = spentText(*this);
    // Only an all-simulated figure is labelled: a mixed one is mostly real money.
    if (simulatedUsd > 0 && simulatedUsd >= usd)
        text = trCost("%1 (simulated)").arg(text);
    return text;
}

CostTracker::CostTracker(const PricingTable &table)
    : m_table(table)
{
}

void CostTracker::setPricingTable(const PricingTable &table)
{
    QMutexLocker lock(&m_mutex);
    m_table = table;
}

void CostTracker::setProviders(const QMap<QString, ProviderConfig> &providers)
{
    QMutexLocker lock(&m_mutex);
    m_localProviders.clear();
    m_simulatedProviders.clear();
    for (auto it = providers.cbegin(); it != providers.cend(); ++it) {
        if (it->local)
            m_localProviders.insert(it.key());
        if (it->api == QLatin1String("simulated"))
            m_simulatedProviders.insert(it.key());
    }
}

void CostTracker::setBudgets(double perDocument, double perBatch)
{
    QMutexLocker lock(&m_mutex);
    m_perDocument = qMax(0.0, perDocument);
    m_perBatch = qMax(0.0, perBatch);
}

void CostTracker::add(CostTotals *t, const CostEntry &e, const CallCost &cost)
{
    ++t->calls;
    if (e.fromCache) {
        ++t->cacheHits;
        t->savedUsd += cost.savedUsd;
        return;
    }
    t->tokensIn += e.usage.promptTokens;
    t->cachedTokensIn += e.usage.cachedPromptTokens;
    t->tokensOut += e.usage.completionTokens;
    if (!cost.usd) {
        ++t->unknownCostCalls;
        return;
    }
    t->usd += *cost.usd;
    if (cost.simulated)
        t->simulatedUsd += *cost.usd;
}

CallCost CostTracker::record(const CostEntry &e)
{
    QMutexLocker lock(&m_mutex);
    const bool local = e.localProvider || m_localProviders.contains(e.provider);
    CallCost cost;
    cost.simulated = e.simulated || m_simulatedProviders.contains(e.provider);
    const auto price = m_table.lookup(e.model, local);
    if (price)
        cost.matchedRule = price->matchedRule;
    const std::optional<double> wouldBe = m_table.cost(e.model, e.usage, local);
    if (e.fromCache) {
        // Nothing was sent, so nothing was paid; an unknown price only means
        // we cannot say how much the cache saved.
        cost.usd = 0.0;
        cost.savedUsd = wouldBe.value_or(0.0);
    } else {
        cost.usd = wouldBe;
    }

    add(&m_total, e, cost);
    add(&m_byAgent[e.agent], e, cost);
    add(&m_byModel[e.model], e, cost);
    add(&m_byDocument[e.documentId], e, cost);
    if (!e.batchId.isEmpty())
        add(&m_byBatch[e.batchId], e, cost);
    return cost;
}

CostTotals CostTracker::total() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

QMap<QString, CostTotals> CostTracker::byAgent() const
{
    QMutexLocker lock(&m_mutex);
    return m_byAgent;
}

QMap<QString, CostTotals> CostTracker::byModel() const
{
    QMutexLocker lock(&m_mutex);
    return m_byModel;
}

QMap<QString, CostTotals> CostTracker::byDocument() const
{
    QMutexLocker lock(&m_mutex);
    return m_byDocument;
}

QMap<QString, CostTotals> CostTracker::byBatch() const
{
    QMutexLocker lock(&m_mutex);
    return m_byBatch;
}

CostTotals CostTracker::forDocument(const QString &documentId) const
{
    QMutexLocker lock(&m_mutex);
    return m_byDocument.value(documentId);
}

CostTotals CostTracker::forBatch(const QString &batchId) const
{
    QMutexLocker lock(&m_mutex);
    return m_byBatch.value(batchId);
}

qint64 CostTracker::unknownCostCalls() const
{
    QMutexLocker lock(&m_mutex);
    return m_total.unknownCostCalls;
}

bool CostTracker::totalIsLowerBound() const
{
    QMutexLocker lock(&m_mutex);
    return m_total.totalIsLowerBound();
}

void CostTracker::clear()
{
    QMutexLocker lock(&m_mutex);
    m_total = {};
    m_byAgent.clear();
    m_byModel.clear();
    m_byDocument.clear();
    m_byBatch.clear();
}

BudgetCheck CostTracker::wouldExceed(const QString &documentId, const QString &batchId,
                                     double estimatedNextCallUsd) const
{
    QMutexLocker lock(&m_mutex);
    const double next = qMax(0.0, estimatedNextCallUsd);
    // A tolerance well under a cent keeps "exactly at the limit" from tripping
    // on rounding of sums.
    constexpr double epsilon = 1e-9;

    BudgetCheck check;
    if (m_perDocument > 0) {
        const CostTotals spent = m_byDocument.value(documentId);
        if (spent.usd + next > m_perDocument + epsilon) {
            check.exceeded = true;
            check.which = QStringLiteral("document");
            check.spent = spent.usd;
            check.limit = m_perDocument;
            check.message = tr("Document budget of %1 would be exceeded: %2 spent, next call ≈ %3")
                                .arg(formatUsd(m_perDocument), spentText(spent), formatUsd(next));
            return check;
        }
    }
    if (m_perBatch > 0 && !batchId.isEmpty()) {
        const CostTotals spent = m_byBatch.value(batchId);
        if (spent.usd + next > m_perBatch + epsilon) {
            check.exceeded = true;
            check.which = QStringLiteral("batch");
            check.spent = spent.usd;
            check.limit = m_perBatch;
            check.message = tr("Batch budget of %1 would be exceeded: %2 spent, next call ≈ %3")
                                .arg(formatUsd(m_perBatch), spentText(spent), formatUsd(next));
            return check;
        }
    }
    return check;
}

std::optional<double> CostTracker::estimateCallCost(const PricingTable &table, const QString &model,
                                                    qint64 promptTokens, qint64 maxCompletionTokens,
                                                    bool localProvider)
{
    const auto price = table.lookup(model, localProvider);
    if (!price)
        return std::nullopt;
    const double inputPrice = qMax(price->input, qMax(price->cachedInput, price->cacheWrite));
    return (double(qMax<qint64>(0, promptTokens)) * inputPrice
            + double(qMax<qint64>(0, maxCompletionTokens)) * price->output) / 1e6;
}

QString CostTracker::formatUsd(double usd)
{
    if (usd > 0 && usd < 0.0001)
        return tr("< $0.0001");
    const int decimals = (usd == 0 || usd >= 0.01) ? 2 : 4;
    return QStringLiteral("$") + QString::number(usd, 'f', decimals);
}

} // namespace Madf

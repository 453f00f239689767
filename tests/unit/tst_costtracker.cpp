#include "core/config/providerconfig.h"
#include "core/metrics/costtracker.h"

#include <QTest>

#include <cmath>

using namespace Madf;

namespace {

CostEntry entry(const QString &model, qint64 in, qint64 out, const QString &doc = QStringLiteral("doc1"),
                const QString &agent = QStringLiteral("writing"), const QString &batch = {})
{
    CostEntry e;
    e.documentId = doc;
    e.batchId = batch;
    e.agent = agent;
    e.provider = QStringLiteral("openai");
    e.model = model;
    e.usage.promptTokens = in;
    e.usage.completionTokens = out;
    return e;
}

bool near(double a, double b)
{
    return std::fabs(a - b) < 1e-12;
}

// The tests price with the seed's rates (per 1K: gpt-4 0.03/0.06,
// gpt-3.5-turbo 0.0015/0.002), independent of the built-in file.
PricingTable seedTable()
{
    PricingTable table;
    QStringList errors;
    const bool ok = table.loadYaml("unit: USD per 1K tokens\n"
                                   "models:\n"
                                   "  gpt-4: {input: 0.03, output: 0.06}\n"
                                   "  gpt-3.5-turbo: {input: 0.0015, output: 0.002}\n"
                                   "  gpt-4o*: {input: 0.0025, cached_input: 0.00125, output: 0.01}\n"
                                   "  claude-x: {input: 0.003, cache_write: 0.00375, cached_input: 0.0003, output: 0.015}\n",
                                   QStringLiteral("seed.yaml"), &errors);
    if (!ok)
        qFatal("seed pricing does not load: %s", qPrintable(errors.join('\n')));
    return table;
}

} // namespace

class TestCostTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedRates_data();
    void seedRates();
    void cachedPromptTokensAreCheaper();
    void aggregatesPerAgentModelDocumentBatch();
    void unknownModelMakesTotalALowerBound();
    void cacheHitCostsNothingAndRecordsSaving();
    void simulatedCostIsFlagged();
    void localProviderIsFree();
    void budgetExceeded_data();
    void budgetExceeded();
    void batchBudget();
    void estimateIsAnUpperBound();
    void formatUsd_data();
    void formatUsd();
};

void TestCostTracker::seedRates_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("in");
    QTest::addColumn<qint64>("out");
    QTest::addColumn<double>("expected");
    // The seed's calculate_cost(): in/1000 * input + out/1000 * output.
    QTest::newRow("gpt-4 1000/500") << QStringLiteral("gpt-4") << qint64(1000) << qint64(500) << 0.06;
    QTest::newRow("gpt-4 2500/1200") << QStringLiteral("gpt-4") << qint64(2500) << qint64(1200) << 0.147;
    QTest::newRow("gpt-3.5 10k/2k") << QStringLiteral("gpt-3.5-turbo") << qint64(10000) << qint64(2000) << 0.019;
    QTest::newRow("nothing") << QStringLiteral("gpt-4") << qint64(0) << qint64(0) << 0.0;
}

void TestCostTracker::seedRates()
{
    QFETCH(QString, model);
    QFETCH(qint64, in);
    QFETCH(qint64, out);
    QFETCH(double, expected);
    CostTracker tracker(seedTable());
    const CallCost cost = tracker.record(entry(model, in, out));
    QVERIFY(cost.known());
    QVERIFY2(near(*cost.usd, expected), qPrintable(QString::number(*cost.usd, 'g', 17)));
    QVERIFY(near(tracker.total().usd, expected));
    QVERIFY(!tracker.totalIsLowerBound());
    QCOMPARE(tracker.total().describe(), CostTracker::formatUsd(expected));
}

void TestCostTracker::cachedPromptTokensAreCheaper()
{
    CostTracker tracker(seedTable());
    CostEntry e = entry(QStringLiteral("gpt-4o-2024-08-06"), 10000, 1000);
    e.usage.cachedPromptTokens = 8000;
    const CallCost cost = tracker.record(e);
    // 2000 × 2.5/1M + 8000 × 1.25/1M + 1000 × 10/1M
    QVERIFY(near(*cost.usd, 0.005 + 0.01 + 0.01));
    QCOMPARE(cost.matchedRule, QStringLiteral("gpt-4o*"));
    QCOMPARE(tracker.total().tokensIn, 10000);
    QCOMPARE(tracker.total().cachedTokensIn, 8000);

    // gpt-4 has no cached price: cached tokens cost the full input price.
    CostEntry g = entry(QStringLiteral("gpt-4"), 1000, 0);
    g.usage.cachedPromptTokens = 1000;
    QVERIFY(near(*tracker.record(g).usd, 0.03));
}

void TestCostTracker::aggregatesPerAgentModelDocumentBatch()
{
    CostTracker tracker(seedTable());
    tracker.record(entry(QStringLiteral("gpt-4"), 1000, 1000, QStringLiteral("d1"), QStringLiteral("research"),
                         QStringLiteral("b1")));                                   // 0.09
    tracker.record(entry(QStringLiteral("gpt-3.5-turbo"), 1000, 1000, QStringLiteral("d1"),
                         QStringLiteral("editing"), QStringLiteral("b1")));        // 0.0035
    tracker.record(entry(QStringLiteral("gpt-4"), 2000, 0, QStringLiteral("d2"), QStringLiteral("research"),
                         QStringLiteral("b1")));                                   // 0.06
    tracker.record(entry(QStringLiteral("gpt-4"), 0, 1000, QStringLiteral("d3"), QStringLiteral("writing")));  // 0.06

    QVERIFY(near(tracker.total().usd, 0.2135));
    QCOMPARE(tracker.total().calls, 4);
    QCOMPARE(tracker.total().tokensIn, 4000);
    QCOMPARE(tracker.total().tokensOut, 3000);

    const auto agents = tracker.byAgent();
    QVERIFY(near(agents.value(QStringLiteral("research")).usd, 0.15));
    QCOMPARE(agents.value(QStringLiteral("research")).tokensIn, 3000);
    QVERIFY(near(agents.value(QStringLiteral("editing")).usd, 0.0035));

    const auto models = tracker.byModel();
    QCOMPARE(models.size(), 2);
    QVERIFY(near(models.value(QStringLiteral("gpt-4")).usd, 0.21));
    QCOMPARE(models.value(QStringLiteral("gpt-4")).tokensOut, 2000);

    QVERIFY(near(tracker.forDocument(QStringLiteral("d1")).usd, 0.0935));
    QCOMPARE(tracker.byDocument().size(), 3);
    QVERIFY(near(tracker.forBatch(QStringLiteral("b1")).usd, 0.1535));
    // A document outside any batch adds to no batch.
    QCOMPARE(tracker.byBatch().keys(), QStringList{QStringLiteral("b1")});
}

void TestCostTracker::unknownModelMakesTotalALowerBound()
{
    CostTracker tracker(seedTable());
    tracker.record(entry(QStringLiteral("gpt-4"), 1000, 500));
    const CallCost unknown = tracker.record(entry(QStringLiteral("mystery-model-7b"), 1000, 500));
    QVERIFY(!unknown.known());

    const CostTotals total = tracker.total();
    QCOMPARE(total.unknownCostCalls, 1);
    QVERIFY(total.totalIsLowerBound());
    QVERIFY(tracker.totalIsLowerBound());
    QCOMPARE(tracker.unknownCostCalls(), 1);
    QVERIFY(near(total.usd, 0.06));           // unknown is not counted as 0... nor as anything
    QCOMPARE(total.tokensIn, 2000);           // but its tokens are
    QCOMPARE(total.describe(), QStringLiteral("at least $0.06"));

    const auto models = tracker.byModel();
    QVERIFY(models.value(QStringLiteral("mystery-model-7b")).totalIsLowerBound());
    QVERIFY(!models.value(QStringLiteral("gpt-4")).totalIsLowerBound());
    QVERIFY(tracker.forDocument(QStringLiteral("doc1")).totalIsLowerBound());
}

void TestCostTracker::cacheHitCostsNothingAndRecordsSaving()
{
    CostTracker tracker(seedTable());
    CostEntry hit = entry(QStringLiteral("gpt-4"), 1000, 500);
    hit.fromCache = true;
    const CallCost cost = tracker.record(hit);
    QVERIFY(cost.known());
    QCOMPARE(*cost.usd, 0.0);
    QVERIFY(near(cost.savedUsd, 0.06));

    const CostTotals total = tracker.total();
    QCOMPARE(total.usd, 0.0);
    QVERIFY(near(total.savedUsd, 0.06));
    QCOMPARE(total.cacheHits, 1);
    QCOMPARE(total.calls, 1);
    QCOMPARE(total.tokensIn, 0);  // nothing was sent
    QVERIFY(!total.totalIsLowerBound());

    // A cache hit of an unpriced model still costs a known 0.
    CostEntry unknownHit = entry(QStringLiteral("mystery"), 100, 100);
    unknownHit.fromCache = true;
    QCOMPARE(tracker.record(unknownHit).usd, std::optional<double>(0.0));
    QVERIFY(!tracker.totalIsLowerBound());
}

void TestCostTracker::simulatedCostIsFlagged()
{
    CostTracker tracker(seedTable());
    ProviderConfig sim;
    sim.api = QStringLiteral("simulated");
    tracker.setProviders({{QStringLiteral("sim"), sim}});

    CostEntry e = entry(QStringLiteral("gpt-4"), 1000, 500);
    e.provider = QStringLiteral("sim");
    const CallCost cost = tracker.record(e);
    QVERIFY(cost.simulated);
    QVERIFY(near(tracker.total().simulatedUsd, 0.06));
    QCOMPARE(tracker.total().describe(), QStringLiteral("$0.06 (simulated)"));

    tracker.record(entry(QStringLiteral("gpt-4"), 1000, 500));  // real openai call
    QVERIFY(near(tracker.total().usd, 0.12));
    QVERIFY(near(tracker.total().simulatedUsd, 0.06));
    QCOMPARE(tracker.total().describe(), QStringLiteral("$0.12"));
}

void TestCostTracker::localProviderIsFree()
{
    CostTracker tracker(seedTable());
    ProviderConfig ollama;
    ollama.local = true;
    tracker.setProviders({{QStringLiteral("ollama"), ollama}});
    CostEntry e = entry(QStringLiteral("llama3.1:8b"), 5000, 5000);
    e.provider = QStringLiteral("ollama");
    const CallCost cost = tracker.record(e);
    QVERIFY(cost.known());   // free, not unknown
    QCOMPARE(*cost.usd, 0.0);

    CostEntry flagged = entry(QStringLiteral("whatever"), 10, 10);
    flagged.localProvider = true;
    QCOMPARE(tracker.record(flagged).usd, std::optional<double>(0.0));
    QVERIFY(!tracker.totalIsLowerBound());
}

void TestCostTracker::budgetExceeded_data()
{
    QTest::addColumn<double>("perDocument");
    QTest::addColumn<qint64>("spentOutputTokens");
    QTest::addColumn<double>("next");
    QTest::addColumn<bool>("exceeded");
    QTest::addColumn<QString>("message");
    // 8000 gpt-4 output tokens = $0.48.
    QTest::newRow("over") << 0.50 << qint64(8000) << 0.04 << true
                          << QStringLiteral("Document budget of $0.50 would be exceeded: $0.48 spent, next call ≈ $0.04");
    QTest::newRow("exactly at the limit is allowed") << 0.50 << qint64(8000) << 0.02 << false << QString();
    QTest::newRow("under") << 0.50 << qint64(1000) << 0.04 << false << QString();
    QTest::newRow("no budget") << 0.0 << qint64(100000) << 10.0 << false << QString();
    QTest::newRow("already over") << 0.10 << qint64(8000) << 0.0 << true
                                  << QStringLiteral("Document budget of $0.10 would be exceeded: $0.48 spent, next call ≈ $0.00");
}

void TestCostTracker::budgetExceeded()
{
    QFETCH(double, perDocument);
    QFETCH(qint64, spentOutputTokens);
    QFETCH(double, next);
    QFETCH(bool, exceeded);
    QFETCH(QString, message);
    CostTracker tracker(seedTable());
    tracker.setBudgets(perDocument, 0);
    tracker.record(entry(QStringLiteral("gpt-4"), 0, spentOutputTokens));
    const BudgetCheck check = tracker.wouldExceed(QStringLiteral("doc1"), {}, next);
    QCOMPARE(check.exceeded, exceeded);
    QCOMPARE(check.message, message);
    if (exceeded) {
        QCOMPARE(check.which, QStringLiteral("document"));
        QCOMPARE(check.limit, perDocument);
        QVERIFY(near(check.spent, double(spentOutputTokens) * 0.06 / 1000));
    }
    // Another document has spent nothing.
    QVERIFY(!tracker.wouldExceed(QStringLiteral("doc2"), {}, 0.01).exceeded);
}

void TestCostTracker::batchBudget()
{
    CostTracker tracker(seedTable());
    tracker.setBudgets(1.0, 0.25);
    const QString batch = QStringLiteral("batch-7");
    tracker.record(entry(QStringLiteral("gpt-4"), 0, 2000, QStringLiteral("a"), QStringLiteral("writing"), batch));
    tracker.record(entry(QStringLiteral("gpt-4"), 0, 1500, QStringLiteral("b"), QStringLiteral("writing"), batch));
    // $0.21 spent in the batch; each document is far under its own $1.
    const BudgetCheck check = tracker.wouldExceed(QStringLiteral("c"), batch, 0.05);
    QVERIFY(check.exceeded);
    QCOMPARE(check.which, QStringLiteral("batch"));
    QCOMPARE(check.message,
             QStringLiteral("Batch budget of $0.25 would be exceeded: $0.21 spent, next call ≈ $0.05"));
    QVERIFY(!tracker.wouldExceed(QStringLiteral("c"), batch, 0.03).exceeded);
    // Without a batch id there is no batch to check.
    QVERIFY(!tracker.wouldExceed(QStringLiteral("c"), {}, 0.05).exceeded);

    // Unknown costs make the spent figure a lower bound, and the message says so.
    tracker.record(entry(QStringLiteral("mystery"), 10, 10, QStringLiteral("c"), QStringLiteral("writing"), batch));
    QCOMPARE(tracker.wouldExceed(QStringLiteral("c"), batch, 0.05).message,
             QStringLiteral("Batch budget of $0.25 would be exceeded: at least $0.21 spent, next call ≈ $0.05"));
}

void TestCostTracker::estimateIsAnUpperBound()
{
    const PricingTable table = seedTable();
    // gpt-4: 1000 prompt × 30/1M + 4000 max output × 60/1M
    QVERIFY(near(*CostTracker::estimateCallCost(table, QStringLiteral("gpt-4"), 1000, 4000), 0.27));
    // Cache writes cost more than input for claude: the bound uses the dearer price.
    QVERIFY(near(*CostTracker::estimateCallCost(table, QStringLiteral("claude-x"), 1000, 0), 0.00375));
    QVERIFY(!CostTracker::estimateCallCost(table, QStringLiteral("mystery"), 1000, 1000).has_value());
    QCOMPARE(*CostTracker::estimateCallCost(table, QStringLiteral("mystery"), 1000, 1000, true), 0.0);

    // What is recorded never exceeds the estimate made for the same call.
    CostTracker tracker(table);
    CostEntry e = entry(QStringLiteral("gpt-4"), 1000, 3500);
    QVERIFY(*tracker.record(e).usd <= *CostTracker::estimateCallCost(table, e.model, 1000, 4000));
}

void TestCostTracker::formatUsd_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << QStringLiteral("$0.00");
    QTest::newRow("cents") << 0.48 << QStringLiteral("$0.48");
    QTest::newRow("dollars") << 12.5 << QStringLiteral("$12.50");
    QTest::newRow("under a cent") << 0.0036 << QStringLiteral("$0.0036");
    QTest::newRow("tiny") << 0.00001 << QStringLiteral("< $0.0001");
}

void TestCostTracker::formatUsd()
{
    QFETCH(double, usd);
    QFETCH(QString, text);
    QCOMPARE(CostTracker::formatUsd(usd), text);
}

QTEST_GUILESS_MAIN(TestCostTracker)
#include "tst_costtracker.moc"

#include "core/cost/pricingtable.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using Madf::ModelPrice;
using Madf::PricingTable;
using Madf::TokenUsage;

class TestPricingTable : public QObject
{
    Q_OBJECT

private:
    static TokenUsage usage(qint64 prompt, qint64 completion, qint64 cached = 0, qint64 cacheWrite = 0)
    {
        TokenUsage u;
        u.promptTokens = prompt;
        u.cachedPromptTokens = cached;
        u.cacheWriteTokens = cacheWrite;
        u.completionTokens = completion;
        return u;
    }

    static ModelPrice price(double input, double cachedInput, double cacheWrite, double output)
    {
        ModelPrice p;
        p.input = input;
        p.cachedInput = cachedInput;
        p.cacheWrite = cacheWrite;
        p.output = output;
        return p;
    }

private Q_SLOTS:
    void builtInFileIsComplete();
    void lookup_data();
    void lookup();
    void unknownModelHasUnknownCost_data();
    void unknownModelHasUnknownCost();
    void seedRates_data();
    void seedRates();
    void gpt4oCachedInput();
    void claudeCacheWriteAndRead();
    void missingCachePricesFallBackToInput();
    void localModelsCostNothing_data();
    void localModelsCostNothing();
    void localProviderMakesEverythingFree();
    void overrideBeatsBuiltIn();
    void loadErrorsNameFileLineAndKey_data();
    void loadErrorsNameFileLineAndKey();
    void perThousandUnitIsScaled();
    void laterFileReplacesSameRule();
};

void TestPricingTable::builtInFileIsComplete()
{
    QFile file(QStringLiteral(":/madf/pricing.yaml"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray text = file.readAll();
    QVERIFY(QRegularExpression(QStringLiteral("^unit: USD per 1M tokens$"),
                               QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(text)).hasMatch());

    // The file loads with no complaint at all, not merely "something loaded".
    PricingTable fresh;
    QStringList errors;
    QVERIFY2(fresh.loadYaml(text, QStringLiteral("pricing.yaml"), &errors), qPrintable(errors.join('\n')));
    QVERIFY(errors.isEmpty());

    const auto entries = PricingTable::builtIn().entries();
    QCOMPARE(entries.size(), fresh.entries().size());
    QVERIFY(entries.size() >= 40);
    for (const auto &[name, p] : entries) {
        for (double v : {p.input, p.cachedInput, p.cacheWrite, p.output}) {
            QVERIFY2(std::isfinite(v) && v >= 0, qPrintable(name));
        }
        // Reading from a cache is never dearer than a plain prompt token.
        QVERIFY2(p.cachedInput <= p.input, qPrintable(name));
    }
}

void TestPricingTable::lookup_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("cachedInput");
    QTest::addColumn<double>("cacheWrite");
    QTest::addColumn<double>("output");

    QTest::newRow("seed gpt-4 exact") << "gpt-4" << "gpt-4" << 30.0 << 30.0 << 30.0 << 60.0;
    QTest::newRow("seed gpt-3.5") << "gpt-3.5-turbo" << "gpt-3.5-turbo" << 1.5 << 1.5 << 1.5 << 2.0;
    QTest::newRow("gpt-4o") << "gpt-4o" << "gpt-4o*" << 2.5 << 1.25 << 2.5 << 10.0;
    QTest::newRow("case ignored") << "GPT-4o" << "gpt-4o*" << 2.5 << 1.25 << 2.5 << 10.0;
    QTest::newRow("dated gpt-4o") << "gpt-4o-2024-08-06" << "gpt-4o*" << 2.5 << 1.25 << 2.5 << 10.0;
    QTest::newRow("exact beats prefix") << "gpt-4o-2024-05-13" << "gpt-4o-2024-05-13" << 5.0 << 5.0 << 5.0 << 15.0;
    QTest::newRow("longest prefix") << "gpt-4o-mini-2024-07-18" << "gpt-4o-mini*" << 0.15 << 0.075 << 0.15 << 0.6;
    QTest::newRow("gpt-4-turbo") << "gpt-4-turbo-2024-04-09" << "gpt-4-turbo*" << 10.0 << 10.0 << 10.0 << 30.0;
    QTest::newRow("gpt-4.1-nano") << "gpt-4.1-nano-2025-04-14" << "gpt-4.1-nano*" << 0.1 << 0.025 << 0.1 << 0.4;
    QTest::newRow("o3 dated") << "o3-2025-04-16" << "o3*" << 2.0 << 0.5 << 2.0 << 8.0;
    QTest::newRow("o3-mini not o3") << "o3-mini" << "o3-mini*" << 1.1 << 0.55 << 1.1 << 4.4;
    QTest::newRow("o4-mini") << "o4-mini-2025-04-16" << "o4-mini*" << 1.1 << 0.275 << 1.1 << 4.4;
    QTest::newRow("gpt-5-mini") << "gpt-5-mini" << "gpt-5-mini*" << 0.25 << 0.025 << 0.25 << 2.0;
    QTest::newRow("gpt-5 dated") << "gpt-5-2025-08-07" << "gpt-5*" << 1.25 << 0.125 << 1.25 << 10.0;
    QTest::newRow("claude-3-5-sonnet dated") << "claude-3-5-sonnet-20241022" << "claude-3-5-sonnet*"
                                             << 3.0 << 0.3 << 3.75 << 15.0;
    QTest::newRow("claude-3-5-haiku alias") << "claude-3-5-haiku-latest" << "claude-3-5-haiku*"
                                            << 0.8 << 0.08 << 1.0 << 4.0;
    QTest::newRow("claude-sonnet-4-5") << "claude-sonnet-4-5-20250929" << "claude-sonnet-4-5*"
                                       << 3.0 << 0.3 << 3.75 << 15.0;
    QTest::newRow("claude-opus-4") << "claude-opus-4-20250514" << "claude-opus-4*" << 15.0 << 1.5 << 18.75 << 75.0;
    QTest::newRow("claude-opus-4-1") << "claude-opus-4-1-20250805" << "claude-opus-4-1*"
                                     << 15.0 << 1.5 << 18.75 << 75.0;
    QTest::newRow("claude-opus-4-5 cheaper than opus-4") << "claude-opus-4-5-20251101" << "claude-opus-4-5*"
                                                         << 5.0 << 0.5 << 6.25 << 25.0;
    QTest::newRow("claude-3-haiku") << "claude-3-haiku-20240307" << "claude-3-haiku*" << 0.25 << 0.03 << 0.3 << 1.25;
    QTest::newRow("claude-haiku-4-5") << "claude-haiku-4-5" << "claude-haiku-4-5*" << 1.0 << 0.1 << 1.25 << 5.0;
    QTest::newRow("sim imitates gpt-4o") << "sim-gpt-4o" << "sim-* as gpt-4o*" << 2.5 << 1.25 << 2.5 << 10.0;
    QTest::newRow("sim imitates claude") << "sim-claude-3-5-sonnet-20241022" << "sim-* as claude-3-5-sonnet*"
                                         << 3.0 << 0.3 << 3.75 << 15.0;
    QTest::newRow("sim of nothing known") << "sim-echo" << "sim-*" << 0.0 << 0.0 << 0.0 << 0.0;
}

void TestPricingTable::lookup()
{
    QFETCH(QString, model);
    QFETCH(QString, rule);
    QFETCH(double, input);
    QFETCH(double, cachedInput);
    QFETCH(double, cacheWrite);
    QFETCH(double, output);

    const auto p = PricingTable::builtIn().lookup(model);
    QVERIFY(p.has_value());
    QCOMPARE(p->matchedRule, rule);
    QCOMPARE(p->input, input);
    QCOMPARE(p->cachedInput, cachedInput);
    QCOMPARE(p->cacheWrite, cacheWrite);
    QCOMPARE(p->output, output);
}

void TestPricingTable::unknownModelHasUnknownCost_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("made up") << "some-new-model";
    QTest::newRow("other provider") << "gemini-1.5-pro";
    QTest::newRow("seed names are exact only") << "gpt-3.5-turbo-0125";
    QTest::newRow("prefix of a rule is not a match") << "claude-3-5";
    QTest::newRow("empty") << "";
}

void TestPricingTable::unknownModelHasUnknownCost()
{
    QFETCH(QString, model);
    const PricingTable table = PricingTable::builtIn();
    QVERIFY(!table.lookup(model).has_value());
    // Unknown must stay unknown, not silently become a free call.
    QVERIFY(!table.cost(model, usage(1000, 1000)).has_value());
}

void TestPricingTable::seedRates_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("usd");
    // The seed's CostTracker: 1K in + 1K out at its per-1K rates.
    QTest::newRow("gpt-4") << "gpt-4" << 0.03 + 0.06;
    QTest::newRow("gpt-3.5-turbo") << "gpt-3.5-turbo" << 0.0015 + 0.002;
}

void TestPricingTable::seedRates()
{
    QFETCH(QString, model);
    QFETCH(double, usd);
    const auto cost = PricingTable::builtIn().cost(model, usage(1000, 1000));
    QVERIFY(cost.has_value());
    QCOMPARE(*cost, usd);
}

void TestPricingTable::gpt4oCachedInput()
{
    // 6000 uncached * 2.50 + 4000 cached * 1.25 + 1000 out * 10.00, per 1M.
    const auto cost = PricingTable::builtIn().cost(QStringLiteral("gpt-4o-2024-08-06"), usage(10000, 1000, 4000));
    QVERIFY(cost.has_value());
    QCOMPARE(*cost, 0.030);
    const auto uncached = PricingTable::builtIn().cost(QStringLiteral("gpt-4o-2024-08-06"), usage(10000, 1000));
    QCOMPARE(*uncached, 0.035);
}

void TestPricingTable::claudeCacheWriteAndRead()
{
    // 2000 uncached * 3 + 6000 read * 0.30 + 2000 written * 3.75 + 500 out * 15, per 1M.
    const auto cost = PricingTable::builtIn().cost(QStringLiteral("claude-3-5-sonnet-20241022"),
                                                   usage(10000, 500, 6000, 2000));
    QVERIFY(cost.has_value());
    QCOMPARE(*cost, 0.0228);
}

void TestPricingTable::missingCachePricesFallBackToInput()
{
    // gpt-4 had no prompt cache: cached tokens are billed as ordinary input.
    const auto cost = PricingTable::builtIn().cost(QStringLiteral("gpt-4"), usage(1000, 0, 500, 200));
    QVERIFY(cost.has_value());
    QCOMPARE(*cost, 0.03);
}

void TestPricingTable::localModelsCostNothing_data()
{
    QTest::addColumn<QString>("model");
    for (const char *name : {"llama3.1:8b", "codellama:13b", "tinyllama", "mistral", "mixtral:8x7b", "qwen2.5:7b",
                             "gemma2:9b", "phi3:mini", "deepseek-r1:14b", "local/my-finetune", "Llama-3.2-3B-Instruct"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestPricingTable::localModelsCostNothing()
{
    QFETCH(QString, model);
    const auto cost = PricingTable::builtIn().cost(model, usage(50000, 20000, 1000, 1000));
    QVERIFY(cost.has_value());
    QCOMPARE(*cost, 0.0);
}

void TestPricingTable::localProviderMakesEverythingFree()
{
    const PricingTable table = PricingTable::builtIn();
    const QString custom = QStringLiteral("my-own-gguf-q4");
    QVERIFY(!table.cost(custom, usage(1000, 1000)).has_value());
    const auto local = table.cost(custom, usage(1000, 1000), true);
    QVERIFY(local.has_value());
    QCOMPARE(*local, 0.0);
    // A local server may well serve a model under a cloud name.
    QCOMPARE(*table.cost(QStringLiteral("gpt-4o"), usage(1000, 1000), true), 0.0);
    QVERIFY(*table.cost(QStringLiteral("gpt-4o"), usage(1000, 1000)) > 0);
    QCOMPARE(table.lookup(custom, true)->matchedRule, QStringLiteral("local provider"));
}

void TestPricingTable::overrideBeatsBuiltIn()
{
    PricingTable table = PricingTable::builtIn();
    table.setOverride(QStringLiteral("gpt-4o"), price(1.0, 0.5, 1.0, 2.0));
    table.setOverride(QStringLiteral("claude*"), price(4.0, 0.4, 5.0, 20.0));

    auto p = table.lookup(QStringLiteral("gpt-4o"));
    QVERIFY(p.has_value());
    QCOMPARE(p->input, 1.0);
    QCOMPARE(p->output, 2.0);
    QVERIFY(p->matchedRule.contains(QLatin1String("override")));
    QCOMPARE(*table.cost(QStringLiteral("gpt-4o"), usage(1000000, 1000000)), 3.0);

    // An exact override is exact: the dated name still uses the file's rule.
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o-2024-08-06"))->input, 2.5);
    // A short override prefix beats the file's longer one.
    QCOMPARE(table.lookup(QStringLiteral("claude-3-5-sonnet-20241022"))->input, 4.0);
    // The user's price beats "local is free".
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o"), true)->input, 1.0);
    // The simulated model follows what it imitates.
    QCOMPARE(table.lookup(QStringLiteral("sim-gpt-4o"))->input, 1.0);

    bool listed = false;
    for (const auto &[name, entry] : table.entries())
        listed = listed || (name == QLatin1String("gpt-4o") && entry.input == 1.0);
    QVERIFY(listed);

    // The shared built-in table is not changed by a copy's overrides.
    QCOMPARE(PricingTable::builtIn().lookup(QStringLiteral("gpt-4o"))->input, 2.5);

    table.clearOverrides();
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o"))->input, 2.5);
}

void TestPricingTable::loadErrorsNameFileLineAndKey_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    const QByteArray head = "unit: USD per 1M tokens\nmodels:\n";
    QTest::newRow("negative") << head + "  ok: {input: 1, output: 2}\n  foo: {input: -1, output: 2}\n"
                              << QStringList{"my.yaml:4:", "models.foo.input", "\"-1\"", "negative"};
    QTest::newRow("not a number") << head + "  foo:\n    input: 1\n    output: cheap\n"
                                  << QStringList{"my.yaml:5:", "models.foo.output", "\"cheap\"", "not a number"};
    QTest::newRow("nan") << head + "  foo: {input: .nan, output: 2}\n"
                         << QStringList{"my.yaml:3:", "models.foo.input", "not a number"};
    QTest::newRow("typo in key") << head + "  foo: {input: 1, ouput: 2}\n"
                                 << QStringList{"my.yaml:3:", "models.foo.ouput", "unknown key",
                                                "models.foo: \"output\" is missing"};
    QTest::newRow("star inside") << head + "  gpt-*-mini: {input: 1, output: 2}\n"
                                 << QStringList{"my.yaml:3:", "models.gpt-*-mini"};
    QTest::newRow("twice") << head + "  foo: {input: 1, output: 2}\n  FOO: {input: 3, output: 4}\n"
                           << QStringList{"my.yaml:4:", "models.FOO", "line 3"};
    QTest::newRow("imitate on exact") << head + "  foo: {input: 1, output: 2, imitate: true}\n"
                                      << QStringList{"my.yaml:3:", "models.foo.imitate"};
    QTest::newRow("no unit") << QByteArray("models:\n  foo: {input: 1, output: 2}\n")
                             << QStringList{"my.yaml: unit: missing"};
    QTest::newRow("wrong unit") << QByteArray("unit: EUR per token\nmodels:\n  foo: {input: 1, output: 2}\n")
                                << QStringList{"my.yaml:1: unit:", "EUR per token"};
    QTest::newRow("bad yaml") << head + "  foo: {input: 1, output: 2\n  bar: [1,\n"
                              << QStringList{"my.yaml:", "not valid YAML"};
    QTest::newRow("bad yaml line") << head + "  foo: {input: 1, output: 2}\n   bar: 3\n"
                                   << QStringList{"my.yaml:4:", "not valid YAML"};
}

void TestPricingTable::loadErrorsNameFileLineAndKey()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);

    PricingTable table = PricingTable::builtIn();
    const int before = table.entries().size();
    QStringList errors;
    QVERIFY(!table.loadYaml(yaml, QStringLiteral("my.yaml"), &errors));
    const QString all = errors.join(QLatin1Char('\n'));
    for (const QString &part : expected)
        QVERIFY2(all.contains(part), qPrintable(QStringLiteral("'%1' not in:\n%2").arg(part, all)));

    // A rejected file changes nothing: not even its good rules are taken.
    QCOMPARE(table.entries().size(), before);
    QVERIFY(!table.lookup(QStringLiteral("ok")).has_value());
    QVERIFY(!table.lookup(QStringLiteral("foo")).has_value());
}

void TestPricingTable::perThousandUnitIsScaled()
{
    PricingTable table;
    QStringList errors;
    QVERIFY(table.loadYaml("unit: USD per 1K tokens\nmodels:\n  old-gpt-4: {input: 0.03, output: 0.06}\n",
                           QStringLiteral("seed.yaml"), &errors));
    const auto p = table.lookup(QStringLiteral("old-gpt-4"));
    QVERIFY(p.has_value());
    QCOMPARE(p->input, 30.0);
    QCOMPARE(p->output, 60.0);
}

void TestPricingTable::laterFileReplacesSameRule()
{
    PricingTable table = PricingTable::builtIn();
    const int before = table.entries().size();
    QStringList errors;
    QVERIFY(table.loadYaml("unit: USD per 1M tokens\nmodels:\n"
                           "  gpt-4o*: {input: 2.00, cached_input: 1.00, output: 8.00}\n"
                           "  my-gateway/*: {input: 0.5, output: 1.5}\n",
                           QStringLiteral("mine.yaml"), &errors));
    QCOMPARE(table.entries().size(), before + 1);
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o-2024-11-20"))->input, 2.0);
    QCOMPARE(table.lookup(QStringLiteral("my-gateway/anything"))->cacheWrite, 0.5);
}

QTEST_GUILESS_MAIN(TestPricingTable)
#include "tst_pricingtable.moc"

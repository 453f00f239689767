// The config's `pricing:` overrides merged with the built-in table.
#include "core/config/configloader.h"
#include "core/cost/configpricing.h"

#include <QtTest>

using namespace Madf;

class TestConfigPricing : public QObject
{
    Q_OBJECT
private slots:
    void partialOverrideKeepsOtherPrices();
    void unknownModelNeedsBothPrices();
    void noOverridesIsBuiltIn();
};

static Config load(const QByteArray &yaml)
{
    const ConfigLoadResult r = ConfigLoader::fromYaml(yaml, "p.yaml", Config::defaults());
    return r.config;
}

void TestConfigPricing::partialOverrideKeepsOtherPrices()
{
    const PricingTable t = pricingFor(load("pricing:\n  gpt-4o:\n    input: 2.0\n"));
    const auto p = t.lookup("gpt-4o");
    QVERIFY(p);
    QCOMPARE(p->input, 2.0);
    QCOMPARE(p->output, 10.0);      // built-in
    QCOMPARE(p->cachedInput, 1.25); // built-in
    TokenUsage u;
    u.promptTokens = 1'000'000;
    u.completionTokens = 0;
    QCOMPARE(*t.cost("gpt-4o", u), 2.0);
}

void TestConfigPricing::unknownModelNeedsBothPrices()
{
    QStringList warnings;
    const PricingTable t = pricingFor(load("pricing:\n  my-finetune:\n    input: 1.0\n    output: 4.0\n"
                                           "  half-known:\n    input: 1.0\n"),
                                      &warnings);
    const auto p = t.lookup("my-finetune");
    QVERIFY(p);
    QCOMPARE(p->cachedInput, 1.0);
    QCOMPARE(p->output, 4.0);
    QVERIFY(!t.lookup("half-known"));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().contains("pricing.half-known"));
}

void TestConfigPricing::noOverridesIsBuiltIn()
{
    const PricingTable t = pricingFor(Config::defaults());
    QCOMPARE(t.lookup("gpt-4"), PricingTable::builtIn().lookup("gpt-4"));
    QVERIFY(!t.lookup("totally-unknown-model"));
}

QTEST_GUILESS_MAIN(TestConfigPricing)
#include "tst_configpricing.moc"

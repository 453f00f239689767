#include "enginepricing.h"

namespace Madf {

PricingTable pricingTableFor(const Config &config)
{
    PricingTable table = PricingTable::builtIn();
    for (auto it = config.pricing.cbegin(); it != config.pricing.cend(); ++it) {
        const PriceOverride &o = it.value();
        const QString model = o.model.isEmpty() ? it.key() : o.model;
        const std::optional<ModelPrice> base = table.lookup(model);
        ModelPrice price = base.value_or(ModelPrice{});
        if (o.input) {
            price.input = *o.input;
            // Without a built-in rule there is no cache discount to keep.
            if (!base)
                price.cachedInput = price.cacheWrite = *o.input;
        }
        if (o.cachedInput)
            price.cachedInput = *o.cachedInput;
        if (o.cacheWrite)
            price.cacheWrite = *o.cacheWrite;
        if (o.output)
            price.output = *o.output;
        table.setOverride(model, price);
    }
    return table;
}

bool isLocalProvider(const Config &config, const QString &provider)
{
    return config.providers.value(provider).local;
}

bool isSimulatedProvider(const Config &config, const QString &provider)
{
    const auto it = config.providers.constFind(provider);
    return it != config.providers.cend() && it->api == QLatin1String("simulated");
}

} // namespace Madf

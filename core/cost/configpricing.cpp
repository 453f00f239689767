#include "configpricing.h"

#include "core/config/config.h"

#include <QCoreApplication>

namespace Madf {

PricingTable pricingFor(const Config &config, QStringList *warnings)
{
    PricingTable table = PricingTable::builtIn();
    for (const PriceOverride &o : config.pricing) {
        const std::optional<ModelPrice> base = table.lookup(o.model);
        if (!base && (!o.input || !o.output)) {
            if (warnings)
                *warnings << QCoreApplication::translate("Madf::Pricing",
                                                         "pricing.%1: a model the built-in table does not know needs "
                                                         "both input and output prices; ignored")
                                 .arg(o.model);
            continue;
        }
        ModelPrice p = base.value_or(ModelPrice{});
        if (o.input) {
            p.input = *o.input;
            // A model the table does not know: without its own cache prices,
            // cached input and cache writes cost what input costs.
            if (!base) {
                p.cachedInput = *o.input;
                p.cacheWrite = *o.input;
            }
        }
        if (o.cachedInput)
            p.cachedInput = *o.cachedInput;
        if (o.cacheWrite)
            p.cacheWrite = *o.cacheWrite;
        if (o.output)
            p.output = *o.output;
        table.setOverride(o.model, p);
    }
    return table;
}

} // namespace Madf

#pragma once

#include "core/config/config.h"
#include "core/cost/pricingtable.h"

namespace Madf {

/** The pricing table a configuration means: the built-in table with the
 *  config's `pricing:` overrides applied (an override's unset prices keep
 *  the built-in rule's, or 0 when no rule knows the model). */
PricingTable pricingTableFor(const Config &config);

/** Whether `provider` is local (its calls cost 0 unless priced) or simulated. */
bool isLocalProvider(const Config &config, const QString &provider);
bool isSimulatedProvider(const Config &config, const QString &provider);

} // namespace Madf

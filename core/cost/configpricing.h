#pragma once

#include "pricingtable.h"

namespace Madf {

struct Config;

/** The built-in price table with the config's `pricing:` overrides on top.
 *  An override may give only some prices; the rest come from the built-in
 *  rule for that model, or, for a model the table does not know, cached
 *  input and cache writes fall back to the input price. An override with
 *  neither input nor output for an unknown model is ignored (and reported):
 *  a cost is never invented. */
PricingTable pricingFor(const Config &config, QStringList *warnings = nullptr);

} // namespace Madf

#pragma once

#include "core/config/config.h"
#include "core/cost/configpricing.h"

namespace Madf {


/** Whether `provider` is local (its calls cost 0 unless priced) or simulated. */
bool isLocalProvider(const Config &config, const QString &provider);
bool isSimulatedProvider(const Config &config, const QString &provider);

} // namespace Madf

#include "enginepricing.h"

namespace Madf {

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

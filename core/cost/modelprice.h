#pragma once

#include <QString>

namespace Madf {

/** What one model costs, in US dollars per 1 million tokens, and which pricing
 *  rule said so (shown to users next to a cost, e.g. "claude-3-5-sonnet*"). */
struct ModelPrice
{
    double input = 0;        ///< uncached prompt tokens, USD per 1M
    double cachedInput = 0;  ///< prompt tokens read from the provider's cache, USD per 1M
    double cacheWrite = 0;   ///< prompt tokens written to the provider's cache, USD per 1M
    double output = 0;       ///< completion tokens (reasoning included), USD per 1M
    QString matchedRule;     ///< the pricing rule that matched, e.g. "gpt-4o*"

    bool operator==(const ModelPrice &) const = default;
};

} // namespace Madf

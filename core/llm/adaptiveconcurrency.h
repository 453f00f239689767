#pragma once

#include <QtGlobal>

namespace Madf {

/** How many requests one replica may have in flight right now: AIMD, as TCP
 *  does. A 429 or an overload halves the limit (never below 1); each success
 *  adds 1/limit, so a full window of successes adds one slot and the limit
 *  climbs back slowly; it never exceeds the configured maximum.
 *
 *  A burst of 429s from requests that were all sent under the old limit
 *  counts once: each request carries the generation it started in, and only
 *  an overload from the current generation halves again. */
class AdaptiveConcurrency
{
public:
    explicit AdaptiveConcurrency(int maximum = 16) { setMaximum(maximum); }

    /** A new maximum (ProviderConfig max_in_flight); the limit is clamped, not reset. */
    void setMaximum(int maximum);
    int maximum() const { return m_maximum; }

    /** Requests allowed in flight now, 1..maximum. */
    int limit() const { return int(m_limit + 1e-9); }
    double exactLimit() const { return m_limit; }
    /** Tag a starting request with this. */
    int generation() const { return m_generation; }

    void onSuccess();
    /** Returns true when the limit was halved. */
    bool onOverload(int requestGeneration);

private:
    int m_maximum = 16;
    double m_limit = 16;
    int m_generation = 0;
};

} // namespace Madf

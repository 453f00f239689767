#include "core/llm/adaptiveconcurrency.h"

namespace Madf {

void AdaptiveConcurrency::setMaximum(int maximum)
{
    const int old = m_maximum;
    m_maximum = qMax(1, maximum);
    // A raised maximum is usable at once when the limit was not cut down.
    if (m_maximum > old && m_limit >= old)
        m_limit = m_maximum;
    m_limit = qBound(1.0, m_limit, double(m_maximum));
}

void AdaptiveConcurrency::onSuccess()
{
    m_limit = qMin(double(m_maximum), m_limit + 1.0 / m_limit);
}

bool AdaptiveConcurrency::onOverload(int requestGeneration)
{
    if (requestGeneration != m_generation)
        return false;
    m_limit = qMax(1.0, m_limit / 2.0);
    ++m_generation;
    return true;
}

} // namespace Madf

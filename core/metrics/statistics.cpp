#include "statistics.h"

#include <algorithm>
#include <cmath>

namespace Madf::Statistics {

double mean(const QList<double> &values)
{
    if (values.isEmpty())
        return 0;
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / double(values.size());
}

double stdev(const QList<double> &values)
{
    const qsizetype n = values.size();
    if (n < 2)
        return 0;
    const double m = mean(values);
    // Two passes plus the correction term (Welford/Chan's "corrected two-pass"):
    // the rounding error of the mean cancels, which keeps us within a few ulps
    // of Python's exact-fraction result.
    double squares = 0;
    double deviations = 0;
    for (double v : values) {
        const double d = v - m;
        squares += d * d;
        deviations += d;
    }
    const double ss = squares - deviations * deviations / double(n);
    return std::sqrt(qMax(0.0, ss) / double(n - 1));
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size() - 1);
    const auto lower = qsizetype(std::floor(rank));
    const auto upper = qMin(lower + 1, values.size() - 1);
    const double fraction = rank - double(lower);
    return values.at(lower) + (values.at(upper) - values.at(lower)) * fraction;
}

} // namespace Madf::Statistics

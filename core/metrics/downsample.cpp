#include "downsample.h"

#include <cmath>

namespace Madf::Downsample {

QList<QPointF> minMax(const QList<QPointF> &points, int buckets)
{
    buckets = qMax(1, buckets);
    const qsizetype n = points.size();
    const auto valid = [](const QPointF &p) { return !std::isnan(p.x()) && !std::isnan(p.y()); };
    qsizetype firstValid = 0, lastValid = n - 1;
    while (firstValid < n && !valid(points[firstValid]))
        ++firstValid;
    while (lastValid > firstValid && !valid(points[lastValid]))
        --lastValid;
    if (firstValid >= n)
        return {};
    if (n <= 4 * buckets) {
        QList<QPointF> out;
        out.reserve(n);
        for (const QPointF &p : points)
            if (valid(p))
                out.append(p);
        return out;
    }

    const double x0 = points[firstValid].x();
    const double span = points[lastValid].x() - x0;
    const double scale = span > 0 ? double(buckets) / span : 0;
    QList<QPointF> out;
    out.reserve(4 * buckets);
    const auto flush = [&out, &points](qsizetype first, qsizetype lo, qsizetype hi, qsizetype last) {
        // In x order, each index once, so the line never doubles back.
        const qsizetype picks[4] = {first, qMin(lo, hi), qMax(lo, hi), last};
        qsizetype previous = -1;
        for (qsizetype p : picks) {
            if (p != previous)
                out.append(points[p]);
            previous = p;
        }
    };
    int bucket = -1;
    qsizetype first = -1, last = -1, lo = -1, hi = -1;
    for (qsizetype i = firstValid; i <= lastValid; ++i) {
        const QPointF &p = points[i];
        if (!valid(p))
            continue;
        const int b = qMin(buckets - 1, int((p.x() - x0) * scale));
        if (b != bucket) {
            if (first >= 0)
                flush(first, lo, hi, last);
            bucket = b;
            first = last = lo = hi = i;
            continue;
        }
        last = i;
        if (p.y() < points[lo].y())
            lo = i;
        if (p.y() > points[hi].y())
            hi = i;
    }
    if (first >= 0)
        flush(first, lo, hi, last);
    return out;
}

QList<int> evenIndices(int count, int maxCount)
{
    QList<int> out;
    if (count <= 0)
        return out;
    maxCount = qMax(2, maxCount);
    if (count <= maxCount) {
        out.reserve(count);
        for (int i = 0; i < count; ++i)
            out.append(i);
        return out;
    }
    out.reserve(maxCount);
    for (int k = 0; k < maxCount; ++k)
        out.append(int(std::llround(double(k) * (count - 1) / (maxCount - 1))));
    return out;
}

} // namespace Madf::Downsample

#pragma once

#include <QList>
#include <QPointF>

namespace Madf {

/** Thinning a long series for a chart without losing what the eye looks
 *  for: peaks, dips, and where the line starts and ends.
 *
 *  minMax() splits the x range into `buckets` equal slices (one per pixel
 *  column of the plot, typically) and keeps, in x order, the first, lowest,
 *  highest and last point of each slice (the "M4" method). A line drawn
 *  through the result covers the same pixels as one drawn through every
 *  point, so a chart of 100,000 points redraws as if it had a few thousand.
 *  Guarantees: the first and last points are kept, every slice's minimum and
 *  maximum are kept (so the global extremes are), and the output has at most
 *  4 · buckets points. Input must be sorted by x; NaN values are dropped. */
namespace Downsample {

QList<QPointF> minMax(const QList<QPointF> &points, int buckets);

/** `indices` evenly spread over [0, count), first and last included, at
 *  most `maxCount` of them: for series that must keep a common x (stacked
 *  areas), where cumulative values make the extremes the ends. */
QList<int> evenIndices(int count, int maxCount);

} // namespace Downsample
} // namespace Madf

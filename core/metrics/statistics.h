#pragma once

#include <QList>

#include <deque>

namespace Madf {

/** The few statistics the monitors and the benchmark report: the same
 *  definitions as Python's `statistics` module and numpy's default
 *  percentile, so figures match the seed's scripts. */
namespace Statistics {

/** Arithmetic mean; 0 for no values. */
double mean(const QList<double> &values);

/** Sample standard deviation (divides by n − 1, like statistics.stdev);
 *  0 for fewer than two values. */
double stdev(const QList<double> &values);

/** The p-th percentile (p in 0..100, clamped) with linear interpolation
 *  between closest ranks (numpy's default): rank = p/100 · (n − 1).
 *  0 for no values. The input need not be sorted. */
double percentile(QList<double> values, double p);

} // namespace Statistics

/** The last `capacity` values added, oldest first: the rolling window of the
 *  seed's `deque(maxlen=window_size)`. Not thread-safe on its own. */
template<typename T>
class RollingWindow
{
public:
    explicit RollingWindow(int capacity = 100) : m_capacity(qMax(1, capacity)) {}

    void add(const T &value)
    {
        m_values.push_back(value);
        while (int(m_values.size()) > m_capacity)
            m_values.pop_front();
    }

    /** Changes the capacity; shrinking drops the oldest values. */
    void setCapacity(int capacity)
    {
        m_capacity = qMax(1, capacity);
        while (int(m_values.size()) > m_capacity)
            m_values.pop_front();
    }

    int capacity() const { return m_capacity; }
    int size() const { return int(m_values.size()); }
    bool isEmpty() const { return m_values.empty(); }
    void clear() { m_values.clear(); }

    QList<T> values() const { return QList<T>(m_values.begin(), m_values.end()); }
    typename std::deque<T>::const_iterator begin() const { return m_values.begin(); }
    typename std::deque<T>::const_iterator end() const { return m_values.end(); }

private:
    int m_capacity;
    std::deque<T> m_values;
};

/** A rolling window of plain numbers with its summary at hand. */
class RollingSeries : public RollingWindow<double>
{
public:
    using RollingWindow<double>::RollingWindow;

    double mean() const { return Statistics::mean(values()); }
    double stdev() const { return Statistics::stdev(values()); }
    double percentile(double p) const { return Statistics::percentile(values(), p); }
};

} // namespace Madf

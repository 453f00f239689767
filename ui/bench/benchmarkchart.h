#pragma once

#include "core/metrics/benchmarkresult.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QValueAxis;

namespace Madf::Ui {

/** The trade-off of benchmark runs at a glance: average quality against cost
 *  per document, one series per configuration (A, B, presets…), each run a
 *  point whose size grows with its average latency; hovering a point names
 *  the run. The best trade-off sits top left with a small point. */
class BenchmarkChart : public QWidget
{
    Q_OBJECT
public:
    explicit BenchmarkChart(QWidget *parent = nullptr);

    /** Redraws from @p results (newest first); at most MaxSeries configurations. */
    void setResults(const QList<BenchmarkResult> &results);

    QChart *chart() const { return m_chart; }
    /** Configurations drawn (each run is a series of its own). */
    int seriesCount() const;
    int pointCount() const;
    bool isShowingChart() const;

    static constexpr int MaxSeries = 6;
    /** Marker diameter in pixels for a run of @p latency when the slowest has @p maxLatency. */
    static qreal markerSize(double latency, double maxLatency);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    QList<QColor> seriesColors() const;

    QChart *m_chart;
    QChartView *m_view;
    QValueAxis *m_x;
    QValueAxis *m_y;
    QLabel *m_empty;
    QList<BenchmarkResult> m_results;
};

} // namespace Madf::Ui

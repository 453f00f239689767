#pragma once

#include <QChart>
#include <QWidget>

class QChartView;
class QDateTimeAxis;
class QLabel;
class QStackedWidget;
class QValueAxis;
class QXYSeries;

namespace Madf::Ui {

/** One dashboard chart: a QChartView, or in its place a short sentence
 *  saying why there is nothing to draw yet and how to get something. The
 *  chart follows the application palette (light or dark chart theme); the
 *  page that owns it restyles its own series after a theme change. */
class ChartCard : public QWidget
{
    Q_OBJECT
public:
    explicit ChartCard(QWidget *parent = nullptr);

    QChart *chart() const { return m_chart; }
    QChartView *view() const { return m_view; }
    /** Shows `message` instead of the chart (an empty message shows the chart). */
    void setEmptyMessage(const QString &message);
    bool isShowingChart() const;
    QString emptyMessage() const;

    /** Width in pixels the series are thinned to (one bucket per column). */
    int pixelWidth() const;

    /** Where the legend goes when the card is tall enough (beside the
     *  plot when it is not). */
    void setLegendAlignment(Qt::Alignment side);

    /** The chart theme that reads well on `palette`: dark on a dark window. */
    static QChart::ChartTheme themeFor(const QPalette &palette);
    /** Applies the theme matching the current palette, keeping the chart's
     *  compact margins and fonts. */
    void applyPalette();

Q_SIGNALS:
    /** The theme was applied again (the palette changed): series colours
     *  that carry meaning need setting again. */
    void paletteApplied();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_empty;
    QStackedWidget *m_stack;
    Qt::Alignment m_legendSide = Qt::AlignBottom;
};

/** Small helpers the dashboard pages share. */
namespace ChartUtil {

/** A date-time x axis and a value y axis titled `yTitle`, attached to the
 *  chart (left and bottom). */
QPair<QDateTimeAxis *, QValueAxis *> addTimeAxes(QChart *chart, const QString &yTitle);
/** Sets the x range to the window, its ends rounded out to a thirtieth of
 *  the span (so that the axis, its labels and the chart's layout change a
 *  few times a minute, not on every redraw), and a label format that suits
 *  the span. */
void setTimeRange(QDateTimeAxis *axis, qint64 fromMs, qint64 toMs);
/** Sets [0, top] with top a little above `max` (at least `minimumMax`;
 *  exactly `max` without headroom), ticks at a round interval (1, 2, 2.5 or
 *  5 × 10ⁿ) and labels with just the decimals that interval needs. */
void setValueRange(QValueAxis *axis, double max, double minimumMax = 1, bool headroom = true);
/** The same for counts: whole-number ticks. */
void setCountRange(QValueAxis *axis, double max);
/** Replaces the series' points, thinned to the card's pixel width (a
 *  scatter series to a third of it: its dots are several pixels wide). */
void setPoints(QXYSeries *series, const QList<QPointF> &points, int pixelWidth);
double maxY(const QList<QPointF> &points);
/** Draws the series' points as one pre-rendered dot in its colour (a
 *  "light marker"): QScatterSeries otherwise makes a graphics item per
 *  point, which costs ~20 ms per thousand points to redraw. Call again after
 *  a theme change (the colour). */
void useLightMarker(QXYSeries *series, qreal size);
/** Sets the title if it changed (a new title lays the chart out again). */
void setTitle(QChart *chart, const QString &title);
/** "1.2 s", "350 ms", "2 min" for a duration in seconds. */
QString formatSeconds(double seconds);

} // namespace ChartUtil
} // namespace Madf::Ui

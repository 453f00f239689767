#include "chartcard.h"

#include "core/metrics/downsample.h"

#include <QChartView>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QLegendMarker>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QXYSeries>

#include <cmath>
#include <iterator>

namespace Madf::Ui {

ChartCard::ChartCard(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart)), m_empty(new QLabel),
      m_stack(new QStackedWidget(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(160, 150); // the dock can be made small; the charts then squeeze
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false); // the palette's disabled colour: an empty state, not content
    m_empty->setMargin(16);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    applyPalette();
}

void ChartCard::setEmptyMessage(const QString &message)
{
    m_empty->setText(message);
    m_stack->setCurrentWidget(message.isEmpty() ? static_cast<QWidget *>(m_view) : m_empty);
}

bool ChartCard::isShowingChart() const
{
    return m_stack->currentWidget() == m_view;
}

QString ChartCard::emptyMessage() const
{
    return isShowingChart() ? QString() : m_empty->text();
}

int ChartCard::pixelWidth() const
{
    const int plot = int(m_chart->plotArea().width());
    return qMax(100, plot > 0 ? plot : m_view->width());
}

QChart::ChartTheme ChartCard::themeFor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight;
}

void ChartCard::applyPalette()
{
    m_chart->setTheme(themeFor(palette()));
    // The theme's own backdrop would frame each chart in a foreign colour.
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    QFont title = font();
    title.setBold(true);
    m_chart->setTitleFont(title);
    m_chart->setTitleBrush(palette().color(QPalette::Text));
    m_chart->legend()->setFont(font());
    m_chart->legend()->setLabelColor(palette().color(QPalette::Text));
    m_chart->legend()->setAlignment(height() < 280 ? Qt::AlignRight : m_legendSide);
}

void ChartCard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // A short card (a low dock) keeps its height for the plot: legend beside it.
    const Qt::Alignment side = height() < 280 ? Qt::AlignRight : m_legendSide;
    if (m_chart->legend()->alignment() != side)
        m_chart->legend()->setAlignment(side);
}

void ChartCard::setLegendAlignment(Qt::Alignment side)
{
    m_legendSide = side;
    m_chart->legend()->setAlignment(height() < 280 ? Qt::AlignRight : side);
}

void ChartCard::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        Q_EMIT paletteApplied();
    }
}

namespace ChartUtil {

QPair<QDateTimeAxis *, QValueAxis *> addTimeAxes(QChart *chart, const QString &yTitle)
{
    auto *x = new QDateTimeAxis;
    x->setTickCount(5);
    auto *y = new QValueAxis;
    y->setTitleText(yTitle);
    y->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return {x, y};
}

void setTimeRange(QDateTimeAxis *axis, qint64 fromMs, qint64 toMs)
{
    const qint64 span = qMax<qint64>(1000, toMs - fromMs);
    static const qint64 steps[] = {1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000,
                                   900000, 1800000, 3600000, 7200000, 21600000, 43200000, 86400000};
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 s : steps) {
        if (s * 30 >= span) {
            step = s;
            break;
        }
    }
    fromMs = (fromMs / step) * step;
    toMs = ((toMs + step - 1) / step) * step;
    if (toMs - fromMs < 1000)
        fromMs = toMs - 1000;
    QString format = QStringLiteral("HH:mm:ss");
    if (span > 2 * 24 * 3600 * 1000LL)
        format = QStringLiteral("MMM d");
    else if (span > 6 * 3600 * 1000LL)
        format = QStringLiteral("MMM d HH:mm");
    else if (span > 3600 * 1000LL)
        format = QStringLiteral("HH:mm");
    if (axis->format() != format)
        axis->setFormat(format);
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs), to = QDateTime::fromMSecsSinceEpoch(toMs);
    if (axis->min() != from || axis->max() != to)
        axis->setRange(from, to);
}

void setTitle(QChart *chart, const QString &title)
{
    if (chart->title() != title)
        chart->setTitle(title);
}

namespace {
void applyTicks(QValueAxis *axis, double max, std::initializer_list<double> steps, double minimumStep)
{
    // At most five intervals of a round size, from 0 to the first tick at or above max.
    const double raw = qMax(max / 5.0, minimumStep);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double interval = 10 * magnitude;
    for (double m : steps) {
        if (m * magnitude >= raw * (1 - 1e-9)) {
            interval = m * magnitude;
            break;
        }
    }
    interval = qMax(interval, minimumStep);
    const int intervals = qMax(1, int(std::ceil(max / interval - 1e-9)));
    const double top = intervals * interval;
    int decimals = 0;
    while (decimals < 6 && std::abs(interval * std::pow(10.0, decimals) - std::round(interval * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    const QString format = QStringLiteral("%.%1f").arg(decimals);
    if (axis->labelFormat() != format)
        axis->setLabelFormat(format);
    if (axis->min() != 0 || axis->max() != top)
        axis->setRange(0, top);
    if (axis->tickCount() != intervals + 1)
        axis->setTickCount(intervals + 1);
}
} // namespace

void setValueRange(QValueAxis *axis, double max, double minimumMax, bool headroom)
{
    applyTicks(axis, qMax(qMax(minimumMax, headroom ? max * 1.05 : max), 1e-9), {1.0, 2.0, 2.5, 5.0, 10.0}, 0);
}

void setCountRange(QValueAxis *axis, double max)
{
    applyTicks(axis, qMax(1.0, max * 1.1), {1.0, 2.0, 5.0, 10.0}, 1); // the tallest bar below the top
}

void setPoints(QXYSeries *series, const QList<QPointF> &points, int pixelWidth)
{
    // A line needs every pixel column; a dot is several columns wide, so a
    // scatter keeps the extremes of every third column (a third the markers).
    const bool dots = series->type() == QAbstractSeries::SeriesTypeScatter;
    series->replace(Downsample::minMax(points, dots ? qMax(1, pixelWidth / 3) : pixelWidth));
}

double maxY(const QList<QPointF> &points)
{
    double m = 0;
    for (const QPointF &p : points)
        m = qMax(m, p.y());
    return m;
}

void useLightMarker(QXYSeries *series, qreal size)
{
    const int px = qMax(2, qRound(size));
    QImage dot(px, px, QImage::Format_ARGB32_Premultiplied);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(series->color());
    painter.drawEllipse(QRectF(0.5, 0.5, px - 1.0, px - 1.0));
    painter.end();
    series->setMarkerSize(px);
    series->setLightMarker(dot);
}

QString formatSeconds(double seconds)
{
    if (seconds < 1)
        return QCoreApplication::translate("Madf::Ui::ChartUtil", "%1 ms").arg(qRound(seconds * 1000));
    if (seconds < 120)
        return QCoreApplication::translate("Madf::Ui::ChartUtil", "%1 s").arg(seconds, 0, 'f', seconds < 10 ? 1 : 0);
    return QCoreApplication::translate("Madf::Ui::ChartUtil", "%1 min").arg(seconds / 60, 0, 'f', 1);
}

} // namespace ChartUtil
} // namespace Madf::Ui

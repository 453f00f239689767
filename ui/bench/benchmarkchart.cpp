#include "benchmarkchart.h"

#include "ui/theme/theme.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedLayout>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace Madf::Ui {

BenchmarkChart::BenchmarkChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_x(new QValueAxis), m_y(new QValueAxis)
{
    setObjectName(QStringLiteral("benchmarkChart"));
    m_chart->setTitle(tr("Quality against cost per document (point size: average latency)"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_x->setTitleText(tr("Cost per document (USD)"));
    m_x->setLabelFormat(QStringLiteral("%.4f"));
    m_y->setTitleText(tr("Quality (%)"));
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);

    m_view = new QChartView(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_empty = new QLabel(tr("Run a benchmark to compare configurations: each run becomes a point, its quality "
                            "against its cost per document, larger when it was slower. The best trade-off sits "
                            "top left with a small point."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_empty->setMargin(16);

    auto *stack = new QStackedLayout(this);
    stack->setContentsMargins(0, 0, 0, 0);
    stack->addWidget(m_empty);
    stack->addWidget(m_view);
    applyPalette();
}

qreal BenchmarkChart::markerSize(double latency, double maxLatency)
{
    // Area, not diameter, grows with latency: a run twice as slow looks twice as big.
    if (maxLatency <= 0)
        return 10;
    return 8 + 22 * std::sqrt(qBound(0.0, latency / maxLatency, 1.0));
}

void BenchmarkChart::setResults(const QList<BenchmarkResult> &results)
{
    m_results = results;
    applyPalette(); // first: a theme change would reset the colours given below
    m_chart->removeAllSeries();
    QStringList names;
    double maxLatency = 0, maxCost = 0, minQuality = 100;
    for (const BenchmarkResult &r : results) {
        if (r.samples.isEmpty())
            continue;
        if (!names.contains(r.configName)) {
            if (names.size() == MaxSeries)
                continue;
            names << r.configName;
        }
        maxLatency = qMax(maxLatency, r.avgLatency());
        maxCost = qMax(maxCost, r.costPerDocument());
        minQuality = qMin(minQuality, r.avgQuality() * 100);
    }
    // One series per run, so that each point has its own size (per-point
    // sizes of one series are not drawn by Qt 6.4's scatter series); the
    // legend shows each configuration once, in its first run's colour.
    const QList<QColor> colors = seriesColors();
    for (int i = 0; i < results.size(); ++i) {
        const BenchmarkResult &r = results[i];
        const int config = int(names.indexOf(r.configName));
        if (config < 0 || r.samples.isEmpty())
            continue;
        auto *series = new QScatterSeries;
        series->setName(r.configName);
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(markerSize(r.avgLatency(), maxLatency));
        QColor color = colors.at(config % colors.size());
        series->setColor(color);
        color.setAlpha(150);
        series->setBrush(color);
        series->setBorderColor(colors.at(config % colors.size()).darker(130));
        series->append(r.costPerDocument(), r.avgQuality() * 100);
        m_chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        const QList<QLegendMarker *> markers = m_chart->legend()->markers(series);
        const bool firstOfConfig = std::none_of(results.begin(), results.begin() + i, [&](const BenchmarkResult &o) {
            return o.configName == r.configName && !o.samples.isEmpty();
        });
        for (QLegendMarker *m : markers)
            m->setVisible(firstOfConfig);
        connect(series, &QXYSeries::hovered, this, [this, i](const QPointF &, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const BenchmarkResult &r = m_results.at(i);
            QToolTip::showText(QCursor::pos(),
                               tr("<b>%1</b> · %2 of %3<br>%4<br>quality %5% · $%6 per document · %7 s "
                                  "average latency · %8 docs/hour")
                                   .arg(r.configName.toHtmlEscaped(), BenchmarkResult::kindLabel(r.kind))
                                   .arg(r.count)
                                   .arg(QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat))
                                   .arg(r.avgQuality() * 100, 0, 'f', 1)
                                   .arg(r.costPerDocument(), 0, 'f', 4)
                                   .arg(r.avgLatency(), 0, 'f', 2)
                                   .arg(r.docsPerHour(), 0, 'f', 0),
                               m_view);
        });
    }
    // Cost from 0, so the points' distance from the axis reads as their cost.
    m_x->setRange(0, maxCost > 0 ? maxCost * 1.15 : 0.01);
    m_x->setLabelFormat(maxCost >= 0.1 ? QStringLiteral("%.2f") : QStringLiteral("%.4f"));
    m_y->setRange(qMax(0.0, std::floor(minQuality / 5) * 5 - 5), 100);
    m_x->applyNiceNumbers();
    static_cast<QStackedLayout *>(layout())->setCurrentIndex(names.isEmpty() ? 0 : 1);
}

int BenchmarkChart::seriesCount() const
{
    QStringList names;
    for (QAbstractSeries *s : m_chart->series())
        if (!names.contains(s->name()))
            names << s->name();
    return int(names.size());
}

int BenchmarkChart::pointCount() const
{
    int n = 0;
    for (QAbstractSeries *s : m_chart->series())
        n += int(static_cast<QXYSeries *>(s)->count());
    return n;
}

bool BenchmarkChart::isShowingChart() const
{
    return static_cast<QStackedLayout *>(layout())->currentWidget() == m_view;
}

QList<QColor> BenchmarkChart::seriesColors() const
{
    // Distinct on a light and on a dark base; the chart theme's own would change with every theme switch.
    if (Theme::isDark(palette()))
        return {QColor(0x60, 0xa5, 0xfa), QColor(0xfb, 0xbf, 0x24), QColor(0x34, 0xd3, 0x99), QColor(0xf4, 0x72, 0xb6),
                QColor(0xa7, 0x8b, 0xfa), QColor(0xf8, 0x71, 0x71)};
    return {QColor(0x25, 0x63, 0xeb), QColor(0xd9, 0x77, 0x06), QColor(0x05, 0x96, 0x69), QColor(0xbe, 0x18, 0x5d),
            QColor(0x7c, 0x3a, 0xed), QColor(0xdc, 0x26, 0x26)};
}

void BenchmarkChart::applyPalette()
{
    const bool dark = Theme::isDark(palette());
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() != theme) {
        // A theme resets fonts and colours of everything drawn; the series take its colours.
        m_chart->setTheme(theme);
        m_chart->setMargins(QMargins(4, 4, 4, 4));
    }
    m_chart->setBackgroundBrush(palette().base());
    m_chart->setTitleBrush(palette().text());
    for (QValueAxis *axis : {m_x, m_y}) {
        axis->setLabelsBrush(palette().text());
        axis->setTitleBrush(palette().text());
    }
    m_chart->legend()->setLabelColor(palette().color(QPalette::Text));
}

void BenchmarkChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        setResults(m_results);
    QWidget::changeEvent(event);
}

} // namespace Madf::Ui

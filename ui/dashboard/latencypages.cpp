// Pages about documents: latency, time to first token, quality.
#include "chartcard.h"
#include "dashboardpages.h"

#include "core/quality/qualityreport.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

namespace Madf::Ui {

using namespace ChartUtil;

namespace {
void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}
} // namespace

LatencyPage::LatencyPage(QWidget *parent) : DashboardPage(parent)
{
    m_timeCard = addCard();
    m_histCard = addCard();
    QChart *chart = m_timeCard->chart();
    std::tie(m_x, m_y) = addTimeAxes(chart, tr("Latency (s)"));
    m_points = new QScatterSeries;
    m_points->setName(tr("Documents"));
    m_p50 = new QLineSeries;
    m_p95 = new QLineSeries;
    attach(chart, m_points, m_x, m_y);
    attach(chart, m_p50, m_x, m_y);
    attach(chart, m_p95, m_x, m_y);

    QChart *hist = m_histCard->chart();
    hist->setTitle(tr("Latency distribution"));
    m_barSet = new QBarSet(tr("Documents"));
    m_bars = new QBarSeries;
    m_bars->append(m_barSet);
    m_bars->setBarWidth(0.9);
    hist->addSeries(m_bars);
    m_binAxis = new QBarCategoryAxis;
    m_binAxis->setTitleText(tr("Latency (s)"));
    m_countAxis = new QValueAxis;
    m_countAxis->setTitleText(tr("Documents"));
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    hist->addAxis(m_binAxis, Qt::AlignBottom);
    hist->addAxis(m_countAxis, Qt::AlignLeft);
    m_bars->attachAxis(m_binAxis);
    m_bars->attachAxis(m_countAxis);
    hist->legend()->hide();
    restyle();
}

void LatencyPage::restyle()
{
    useLightMarker(m_points, 7);
    QPen p95 = m_p95->pen();
    p95.setStyle(Qt::DashLine);
    p95.setWidthF(2);
    m_p95->setPen(p95);
    QPen p50 = m_p50->pen();
    p50.setWidthF(2);
    m_p50->setPen(p50);
}

void LatencyPage::showSeries(const DashboardSeries &s, const PageContext &context)
{
    const QString empty = s.latencySeconds.isEmpty()
                              ? noDocuments(context, tr("No documents yet — generate one to see latency."))
                              : QString();
    m_timeCard->setEmptyMessage(empty);
    m_histCard->setVisible(empty.isEmpty()); // one message across the page reads better than two
    if (!empty.isEmpty())
        return;
    setTitle(m_timeCard->chart(), tr("Latency per document: p50 %1, p95 %2 (%n completed)", nullptr,
                                     s.completedDocuments)
                                      .arg(formatSeconds(s.p50Seconds), formatSeconds(s.p95Seconds)));
    m_p50->setName(tr("Rolling p50 (last %1)").arg(s.rollingCount));
    m_p95->setName(tr("Rolling p95 (last %1)").arg(s.rollingCount));
    const int width = m_timeCard->pixelWidth();
    setPoints(m_points, s.latencySeconds, width);
    setPoints(m_p50, s.latencyP50Seconds, width);
    setPoints(m_p95, s.latencyP95Seconds, width);
    setTimeRange(m_x, s.fromMs, s.toMs);
    setValueRange(m_y, qMax(maxY(s.latencySeconds), maxY(s.latencyP95Seconds)));

    QStringList categories;
    QList<qreal> counts;
    int top = 1;
    for (const HistogramBin &b : s.latencyHistogram) {
        categories << QStringLiteral("%1–%2").arg(b.from).arg(b.to);
        counts << b.count;
        top = qMax(top, b.count);
    }
    if (m_binAxis->categories() != categories) {
        m_binAxis->clear();
        m_binAxis->append(categories);
    }
    if (m_barSet->count() != counts.size()) {
        m_barSet->remove(0, m_barSet->count());
        m_barSet->append(counts);
    } else {
        for (int i = 0; i < counts.size(); ++i)
            if (m_barSet->at(i) != counts[i])
                m_barSet->replace(i, counts[i]);
    }
    setCountRange(m_countAxis, top);
}

FirstTokenPage::FirstTokenPage(QWidget *parent) : DashboardPage(parent)
{
    m_card = addCard();
    std::tie(m_x, m_y) = addTimeAxes(m_card->chart(), tr("Time to first token (ms)"));
    m_card->setLegendAlignment(Qt::AlignRight);
}

void FirstTokenPage::restyle()
{
    for (QScatterSeries *series : std::as_const(m_byModel))
        useLightMarker(series, 7);
}

void FirstTokenPage::showSeries(const DashboardSeries &s, const PageContext &context)
{
    if (s.ttftMsByModel.isEmpty()) {
        m_card->setEmptyMessage(s.hasCalls() ? tr("No streamed replies in %1 — time to first token is measured "
                                                  "when a model streams its answer.")
                                                   .arg(context.windowName)
                                             : noCalls(context, tr("No model calls yet — time to first token per "
                                                                   "model appears as agents call models.")));
        return;
    }
    m_card->setEmptyMessage({});
    QChart *chart = m_card->chart();
    setTitle(chart, tr("Time to first token per model"));
    const int width = m_card->pixelWidth();
    double top = 0;
    for (auto it = s.ttftMsByModel.cbegin(); it != s.ttftMsByModel.cend(); ++it) {
        QScatterSeries *series = m_byModel.value(it.key());
        if (!series) {
            series = new QScatterSeries;
            chart->addSeries(series);
            series->attachAxis(m_x);
            series->attachAxis(m_y);
            useLightMarker(series, 7);
            m_byModel.insert(it.key(), series);
        }
        series->setName(tr("%1: p50 %2 ms").arg(it.key()).arg(qRound(s.ttftP50MsByModel.value(it.key()))));
        setPoints(series, it.value(), width);
        top = qMax(top, maxY(it.value()));
    }
    // Models gone from the window keep their colour but draw nothing.
    for (auto it = m_byModel.cbegin(); it != m_byModel.cend(); ++it) {
        const bool present = s.ttftMsByModel.contains(it.key());
        if (!present)
            it.value()->clear();
        const QList<QLegendMarker *> markers = chart->legend()->markers(it.value());
        for (QLegendMarker *m : markers)
            m->setVisible(present);
    }
    setTimeRange(m_x, s.fromMs, s.toMs);
    setValueRange(m_y, top, 100);
}

QualityPage::QualityPage(QWidget *parent) : DashboardPage(parent)
{
    m_card = addCard();
    QChart *chart = m_card->chart();
    std::tie(m_x, m_y) = addTimeAxes(chart, tr("Quality score"));
    m_y->setRange(0, 1);
    m_y->setLabelFormat(QStringLiteral("%.2f"));
    m_bandAxis = new QCategoryAxis;
    m_bandAxis->setRange(0, 1);
    m_bandAxis->setStartValue(0);
    m_bandAxis->setGridLineVisible(false);
    QList<QualityBand> bands = QualityBand::all();
    std::reverse(bands.begin(), bands.end()); // lowest first
    for (int i = 0; i < bands.size(); ++i) {
        const double top = i + 1 < bands.size() ? bands[i + 1].minScore : 1.0;
        m_bandAxis->append(bands[i].verdictLabel(), top);
        auto *lower = new QLineSeries(this);
        auto *upper = new QLineSeries(this);
        lower->setProperty("y", bands[i].minScore);
        upper->setProperty("y", top);
        auto *area = new QAreaSeries(upper, lower);
        area->setName(bands[i].verdictLabel());
        attach(chart, area, m_x, m_y);
        m_bands.append(area);
    }
    chart->addAxis(m_bandAxis, Qt::AlignRight);
    m_threshold = new QLineSeries;
    attach(chart, m_threshold, m_x, m_y);
    m_points = new QScatterSeries;
    m_points->setName(tr("Documents"));
    attach(chart, m_points, m_x, m_y);
    restyle();
}

void QualityPage::restyle()
{
    // Best band green through the worst red, faint so the points stand out.
    const QList<QColor> colours = {QColor(0xd3, 0x2f, 0x2f), QColor(0xf5, 0x7c, 0x00), QColor(0xfb, 0xc0, 0x2d),
                                   QColor(0x7c, 0xb3, 0x42), QColor(0x2e, 0x7d, 0x32)};
    QChart *chart = m_card->chart();
    for (int i = 0; i < m_bands.size(); ++i) {
        QColor c = colours.value(i, Qt::gray);
        c.setAlpha(45);
        m_bands[i]->setBrush(c);
        m_bands[i]->setPen(Qt::NoPen);
        for (QLegendMarker *m : chart->legend()->markers(m_bands[i]))
            m->setVisible(false); // the right-hand axis names the bands
    }
    QPen pen(QColor(0xc6, 0x28, 0x28));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(2);
    m_threshold->setPen(pen);
    useLightMarker(m_points, 8);
    m_bandAxis->setLabelsColor(palette().color(QPalette::Text));
}

void QualityPage::showSeries(const DashboardSeries &s, const PageContext &context)
{
    if (s.quality.isEmpty()) {
        m_card->setEmptyMessage(noDocuments(
            context, tr("No verified documents yet — quality scores appear once verification has run.")));
        return;
    }
    m_card->setEmptyMessage({});
    setTitle(m_card->chart(), tr("Quality per document: %1 of %2 below the threshold")
                                  .arg(s.belowThreshold)
                                  .arg(s.quality.size()));
    const double from = double(s.fromMs), to = double(s.toMs);
    for (QAreaSeries *band : std::as_const(m_bands)) {
        for (QLineSeries *edge : {band->lowerSeries(), band->upperSeries()}) {
            const double y = edge->property("y").toDouble();
            edge->replace({QPointF(from, y), QPointF(to, y)});
        }
    }
    m_threshold->setName(tr("Threshold %1").arg(s.qualityThreshold, 0, 'f', 2));
    m_threshold->replace({QPointF(from, s.qualityThreshold), QPointF(to, s.qualityThreshold)});
    setPoints(m_points, s.quality, m_card->pixelWidth());
    setTimeRange(m_x, s.fromMs, s.toMs);
    // From 0.5 while every score is above it: the bands near the threshold
    // are what matters, and "good" (0.85–0.90) would be a hairline from 0.
    double lowest = 1;
    for (const QPointF &p : s.quality)
        lowest = qMin(lowest, p.y());
    const double bottom = qMin(0.5, std::floor(lowest * 10) / 10);
    if (m_y->min() != bottom) {
        m_y->setRange(bottom, 1);
        m_y->setTickCount(bottom > 0.2 ? int(std::round((1 - bottom) * 10)) + 1 : 6);
        m_bandAxis->setStartValue(bottom);
        m_bandAxis->setRange(bottom, 1);
    }
}

} // namespace Madf::Ui

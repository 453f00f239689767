// Pages about the engine's capacity: utilization, cache and throughput.
#include "chartcard.h"
#include "dashboardpages.h"

#include "core/metrics/costtracker.h"

#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace Madf::Ui {

using namespace ChartUtil;

namespace {
QLineSeries *lineOn(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, const QString &name)
{
    auto *series = new QLineSeries;
    series->setName(name);
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    return series;
}
} // namespace

UtilizationPage::UtilizationPage(QWidget *parent) : DashboardPage(parent)
{
    m_poolCard = addCard();
    m_flightCard = addCard();
    std::tie(m_poolX, m_poolY) = addTimeAxes(m_poolCard->chart(), tr("Agents in use (%)"));
    m_pool = lineOn(m_poolCard->chart(), m_poolX, m_poolY, tr("Agent pool in use / max_agents"));
    std::tie(m_flightX, m_flightY) = addTimeAxes(m_flightCard->chart(), tr("Model calls"));
    m_flightY->setLabelFormat(QStringLiteral("%d"));
    m_flight = lineOn(m_flightCard->chart(), m_flightX, m_flightY, tr("Calls in flight"));
    m_flightLimit = lineOn(m_flightCard->chart(), m_flightX, m_flightY, QString());
    restyle();
}

void UtilizationPage::restyle()
{
    for (QLineSeries *s : {m_pool, m_flight}) {
        QPen pen = s->pen();
        pen.setWidthF(2);
        s->setPen(pen);
    }
    QPen limit(palette().color(QPalette::Text));
    limit.setStyle(Qt::DashLine);
    limit.setWidthF(1.5);
    m_flightLimit->setPen(limit);
}

void UtilizationPage::showSeries(const DashboardSeries &s, const PageContext &context)
{
    const bool idle = s.agentPeak == 0 && s.callsInFlightPeak == 0;
    if (s.agentUtilizationPercent.isEmpty() || idle) {
        m_poolCard->setEmptyMessage(context.totalCalls == 0
                                        ? tr("No agent activity yet — the pool fills while documents run.")
                                        : tr("No agent was busy in %1.").arg(context.windowName));
        m_flightCard->hide();
        return;
    }
    m_poolCard->setEmptyMessage({});
    m_flightCard->show();
    const int width = m_poolCard->pixelWidth();
    setTitle(m_poolCard->chart(), tr("Agent pool: peak %1 of %2 agents (max_agents)").arg(s.agentPeak).arg(s.maxAgents));
    setPoints(m_pool, s.agentUtilizationPercent, width);
    setTimeRange(m_poolX, s.fromMs, s.toMs);
    setValueRange(m_poolY, qMax(100.0, maxY(s.agentUtilizationPercent)), 100, false);

    setTitle(m_flightCard->chart(), tr("Model calls in flight: peak %1 of %2 (max_concurrent_tasks)")
                                        .arg(s.callsInFlightPeak)
                                        .arg(s.maxConcurrentTasks));
    setPoints(m_flight, s.callsInFlight, width);
    m_flightLimit->setName(tr("max_concurrent_tasks = %1").arg(s.maxConcurrentTasks));
    m_flightLimit->replace({QPointF(double(s.fromMs), s.maxConcurrentTasks), QPointF(double(s.toMs), s.maxConcurrentTasks)});
    setTimeRange(m_flightX, s.fromMs, s.toMs);
    setCountRange(m_flightY, qMax(s.maxConcurrentTasks, s.callsInFlightPeak));
}

ThroughputPage::ThroughputPage(QWidget *parent) : DashboardPage(parent)
{
    m_cacheCard = addCard();
    m_rateCard = addCard();
    std::tie(m_cacheX, m_cacheY) = addTimeAxes(m_cacheCard->chart(), tr("Cache hits (%)"));
    m_hitRate = lineOn(m_cacheCard->chart(), m_cacheX, m_cacheY, tr("Hit rate so far"));
    m_cacheCard->chart()->legend()->hide();

    QChart *chart = m_rateCard->chart();
    std::tie(m_rateX, m_docsY) = addTimeAxes(chart, tr("Documents/hour"));
    m_tokensY = new QValueAxis;
    m_tokensY->setTitleText(tr("Output tokens/s"));
    m_tokensY->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(m_tokensY, Qt::AlignRight);
    m_docs = lineOn(chart, m_rateX, m_docsY, tr("Documents/hour"));
    m_tokens = lineOn(chart, m_rateX, m_tokensY, tr("Output tokens/s"));
}

void ThroughputPage::showSeries(const DashboardSeries &s, const PageContext &context)
{
    if (!s.hasCalls() && !s.hasDocuments()) {
        m_cacheCard->setEmptyMessage(
            noCalls(context, tr("No model calls yet — cache hits and throughput appear as documents run.")));
        m_rateCard->hide();
        return;
    }
    m_cacheCard->setEmptyMessage({});
    m_rateCard->show();
    const int width = m_cacheCard->pixelWidth();
    QString saved = CostTracker::formatUsd(s.savedUsd);
    if (s.isSimulated())
        saved = tr("%1 (simulated)").arg(saved);
    setTitle(m_cacheCard->chart(), tr("Response cache: %1% hits (%2 of %3 calls), saved %4")
                                       .arg(s.cacheHitRate() * 100, 0, 'f', 0)
                                       .arg(s.cacheHits)
                                       .arg(s.calls)
                                       .arg(saved));
    setPoints(m_hitRate, s.cacheHitRatePercent, width);
    setTimeRange(m_cacheX, s.fromMs, s.toMs);
    setValueRange(m_cacheY, 100, 100, false);

    setTitle(m_rateCard->chart(), tr("Throughput: %1 documents/hour, %2 output tokens/s")
                                      .arg(s.docsPerHour, 0, 'f', 1)
                                      .arg(s.tokensPerSecond, 0, 'f', 1));
    setPoints(m_docs, s.docsPerHourSeries, width);
    setPoints(m_tokens, s.tokensPerSecondSeries, width);
    setTimeRange(m_rateX, s.fromMs, s.toMs);
    setValueRange(m_docsY, maxY(s.docsPerHourSeries));
    setValueRange(m_tokensY, maxY(s.tokensPerSecondSeries));
}

} // namespace Madf::Ui

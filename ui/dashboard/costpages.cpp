// Pages about money and failures: cumulative cost, errors and queueing.
#include "chartcard.h"
#include "dashboardpages.h"

#include "core/metrics/costtracker.h"
#include "core/metrics/downsample.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace Madf::Ui {

using namespace ChartUtil;

CostPage::CostPage(QWidget *parent) : DashboardPage(parent)
{
    for (Stack *stack : {&m_byModel, &m_byAgent}) {
        stack->card = addCard();
        std::tie(stack->x, stack->y) = addTimeAxes(stack->card->chart(), tr("Cost (USD)"));
        stack->card->setLegendAlignment(Qt::AlignRight);
    }
}

void CostPage::showSeries(const DashboardSeries &s, const PageContext &context)
{
    if (s.costByModel.isEmpty()) {
        m_byModel.card->setEmptyMessage(
            s.hasCalls() ? tr("Nothing spent in %1: the calls were free, cached or of unknown price.").arg(context.windowName)
                         : noCalls(context, tr("No model calls yet — costs appear as agents call models.")));
        m_byAgent.card->hide();
        return;
    }
    m_byModel.card->setEmptyMessage({});
    m_byAgent.card->show();
    showStack(&m_byModel, s.costByModel, s, tr("Cumulative cost by model: %1"));
    showStack(&m_byAgent, s.costByAgent, s, tr("Cumulative cost by agent: %1"));
}

void CostPage::showStack(Stack *stack, const StackedSeries &data, const DashboardSeries &s, const QString &title)
{
    QChart *chart = stack->card->chart();
    if (stack->keys != data.keys) {
        // New model or agent, or a new order: the stack is rebuilt (rare).
        for (QAreaSeries *area : std::as_const(stack->areas)) {
            chart->removeSeries(area);
            delete area->upperSeries();
            delete area->lowerSeries();
            delete area;
        }
        stack->areas.clear();
        QLineSeries *below = nullptr;
        for (int k = 0; k < data.keys.size(); ++k) {
            auto *upper = new QLineSeries(this);
            auto *area = new QAreaSeries(upper, below);
            chart->addSeries(area);
            area->attachAxis(stack->x);
            area->attachAxis(stack->y);
            stack->areas.append(area);
            // The next area's floor has the same points as this one's top.
            below = new QLineSeries(this);
        }
        delete below;
        stack->keys = data.keys;
    }
    setTitle(chart, title.arg(s.costLabel(s.costUsd)));

    const QList<int> picks = Downsample::evenIndices(int(data.timesMs.size()), qMax(50, stack->card->pixelWidth() / 2));
    QList<double> running(picks.size() + 1, 0.0);
    for (int k = 0; k < data.keys.size(); ++k) {
        QList<QPointF> top;
        top.reserve(picks.size() + 1);
        for (int j = 0; j < picks.size(); ++j) {
            running[j] += data.cumulative[k][picks[j]];
            top.append(QPointF(data.timesMs[picks[j]], running[j]));
        }
        // Flat to the window's end: spending so far, not a forecast.
        running[picks.size()] += data.total(k);
        top.append(QPointF(double(s.toMs), running[picks.size()]));
        QAreaSeries *area = stack->areas[k];
        area->setName(QStringLiteral("%1 (%2)").arg(data.keys[k], CostTracker::formatUsd(data.total(k))));
        if (k + 1 < stack->areas.size())
            stack->areas[k + 1]->lowerSeries()->replace(top);
        area->upperSeries()->replace(top);
    }
    setTimeRange(stack->x, s.fromMs, s.toMs);
    setValueRange(stack->y, running.isEmpty() ? 0 : running.last(), 0.01);
}

ErrorsPage::ErrorsPage(QWidget *parent) : DashboardPage(parent)
{
    m_errorCard = addCard();
    m_queueCard = addCard();
    QChart *chart = m_errorCard->chart();
    m_bars = new QBarSeries;
    m_bars->append(new QBarSet(tr("Failed calls")));
    chart->addSeries(m_bars);
    m_kindAxis = new QBarCategoryAxis;
    m_kindAxis->setTitleText(tr("Error kind"));
    m_countAxis = new QValueAxis;
    m_countAxis->setTitleText(tr("Failed calls"));
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_kindAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_bars->attachAxis(m_kindAxis);
    m_bars->attachAxis(m_countAxis);
    chart->legend()->hide();

    std::tie(m_queueX, m_queueY) = addTimeAxes(m_queueCard->chart(), tr("Queued (s)"));
    m_queued = new QScatterSeries;
    m_queued->setName(tr("Calls"));
    m_queueCard->chart()->addSeries(m_queued);
    m_queued->attachAxis(m_queueX);
    m_queued->attachAxis(m_queueY);
    restyle();
    m_queueCard->chart()->legend()->hide();
    m_queueCard->setToolTip(tr("Time each call waited before it was sent: for a free agent, a concurrency slot "
                               "(max_concurrent_tasks), the provider's rate limits, and retry back-off."));
}

void ErrorsPage::restyle()
{
    useLightMarker(m_queued, 6);
}

void ErrorsPage::showSeries(const DashboardSeries &s, const PageContext &context)
{
    if (!s.hasCalls()) {
        m_errorCard->setEmptyMessage(noCalls(
            context, tr("No model calls yet — failed calls and time queued on limits appear as documents run.")));
        m_queueCard->hide();
        return;
    }
    m_queueCard->show();
    if (s.errorsByKind.isEmpty()) {
        m_errorCard->setEmptyMessage(
            tr("No failed calls in %1: all %2 calls succeeded.").arg(context.windowName).arg(s.calls));
    } else {
        m_errorCard->setEmptyMessage({});
        setTitle(m_errorCard->chart(), tr("Failed calls by kind: %1 of %2").arg(s.failedCalls).arg(s.calls));
        const QStringList kinds = s.errorsByKind.keys();
        if (m_kindAxis->categories() != kinds) {
            m_kindAxis->clear();
            m_kindAxis->append(kinds);
        }
        QBarSet *set = m_bars->barSets().constFirst();
        set->remove(0, set->count());
        int top = 1;
        for (const QString &kind : kinds) {
            set->append(s.errorsByKind.value(kind));
            top = qMax(top, s.errorsByKind.value(kind));
        }
        setCountRange(m_countAxis, top);
        m_bars->setBarWidth(qMin(0.8, 0.3 * kinds.size())); // one kind: not a slab across the chart
    }
    setTitle(m_queueCard->chart(), tr("Time queued per call: total %1, p95 %2")
                                       .arg(formatSeconds(s.totalQueuedSeconds), formatSeconds(s.queuedP95Seconds)));
    setPoints(m_queued, s.queuedSeconds, m_queueCard->pixelWidth());
    setTimeRange(m_queueX, s.fromMs, s.toMs);
    setValueRange(m_queueY, maxY(s.queuedSeconds));
}

} // namespace Madf::Ui

#pragma once

#include "core/metrics/dashboardseries.h"

#include <QHash>
#include <QWidget>

class QAreaSeries;
class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace Madf::Ui {

class ChartCard;

/** What an empty state needs to say the right thing. */
struct PageContext
{
    int totalDocuments = 0;  ///< in the whole timeline, not just the window
    int totalCalls = 0;
    QString windowName;      ///< "the last 5 minutes", translated
};

/** One tab of the dashboard: one or two charts side by side, drawn from a
 *  DashboardSeries. Series objects are made once and their points replaced
 *  on each update, so a redraw costs what the points cost. */
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);

    virtual void showSeries(const DashboardSeries &series, const PageContext &context) = 0;
    QList<ChartCard *> cards() const { return m_cards; }
    /** Re-themes the charts for the current palette, then restyle(). */
    void applyPalette();

protected:
    ChartCard *addCard();

protected Q_SLOTS:
    /** Colours and pens that the theme reset and that carry meaning. */
    virtual void restyle() {}

protected:
    QString noDocuments(const PageContext &context, const QString &what) const;
    QString noCalls(const PageContext &context, const QString &what) const;

private:
    QList<ChartCard *> m_cards;
};

/** Latency per document with rolling p50/p95, and its histogram. */
class LatencyPage : public DashboardPage
{
    Q_OBJECT
public:
    explicit LatencyPage(QWidget *parent = nullptr);
    void showSeries(const DashboardSeries &series, const PageContext &context) override;

protected:
    void restyle() override;

private:
    ChartCard *m_timeCard;
    ChartCard *m_histCard;
    QScatterSeries *m_points;
    QLineSeries *m_p50;
    QLineSeries *m_p95;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QBarSeries *m_bars;
    QBarSet *m_barSet;
    QBarCategoryAxis *m_binAxis;
    QValueAxis *m_countAxis;
};

/** Time to first token per model. */
class FirstTokenPage : public DashboardPage
{
    Q_OBJECT
public:
    explicit FirstTokenPage(QWidget *parent = nullptr);
    void showSeries(const DashboardSeries &series, const PageContext &context) override;

protected:
    void restyle() override;

private:
    ChartCard *m_card;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QHash<QString, QScatterSeries *> m_byModel;
};

/** Quality per document against the threshold, over the score bands. */
class QualityPage : public DashboardPage
{
    Q_OBJECT
public:
    explicit QualityPage(QWidget *parent = nullptr);
    void showSeries(const DashboardSeries &series, const PageContext &context) override;

protected:
    void restyle() override;

private:
    ChartCard *m_card;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QCategoryAxis *m_bandAxis;
    QList<QAreaSeries *> m_bands;
    QLineSeries *m_threshold;
    QScatterSeries *m_points;
};

/** Agent pool utilization and model calls in flight against their limits. */
class UtilizationPage : public DashboardPage
{
    Q_OBJECT
public:
    explicit UtilizationPage(QWidget *parent = nullptr);
    void showSeries(const DashboardSeries &series, const PageContext &context) override;

protected:
    void restyle() override;

private:
    ChartCard *m_poolCard;
    ChartCard *m_flightCard;
    QLineSeries *m_pool;
    QDateTimeAxis *m_poolX;
    QValueAxis *m_poolY;
    QLineSeries *m_flight;
    QLineSeries *m_flightLimit;
    QDateTimeAxis *m_flightX;
    QValueAxis *m_flightY;
};

/** Cumulative cost stacked by model and by agent. */
class CostPage : public DashboardPage
{
    Q_OBJECT
public:
    explicit CostPage(QWidget *parent = nullptr);
    void showSeries(const DashboardSeries &series, const PageContext &context) override;

private:
    struct Stack
    {
        ChartCard *card = nullptr;
        QDateTimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QStringList keys;
        QList<QAreaSeries *> areas;
    };
    void showStack(Stack *stack, const StackedSeries &data, const DashboardSeries &series, const QString &title);

    Stack m_byModel;
    Stack m_byAgent;
};

/** Cache hit rate and savings; throughput in documents/hour and tokens/s. */
class ThroughputPage : public DashboardPage
{
    Q_OBJECT
public:
    explicit ThroughputPage(QWidget *parent = nullptr);
    void showSeries(const DashboardSeries &series, const PageContext &context) override;

private:
    ChartCard *m_cacheCard;
    ChartCard *m_rateCard;
    QLineSeries *m_hitRate;
    QDateTimeAxis *m_cacheX;
    QValueAxis *m_cacheY;
    QLineSeries *m_docs;
    QLineSeries *m_tokens;
    QDateTimeAxis *m_rateX;
    QValueAxis *m_docsY;
    QValueAxis *m_tokensY;
};

/** Failed calls by error kind; time queued before each call. */
class ErrorsPage : public DashboardPage
{
    Q_OBJECT
public:
    explicit ErrorsPage(QWidget *parent = nullptr);
    void showSeries(const DashboardSeries &series, const PageContext &context) override;

protected:
    void restyle() override;

private:
    ChartCard *m_errorCard;
    ChartCard *m_queueCard;
    QBarSeries *m_bars;
    QBarCategoryAxis *m_kindAxis;
    QValueAxis *m_countAxis;
    QScatterSeries *m_queued;
    QDateTimeAxis *m_queueX;
    QValueAxis *m_queueY;
};

} // namespace Madf::Ui

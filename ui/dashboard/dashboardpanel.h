#pragma once

#include "core/metrics/metricstimeline.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;
class QTimer;

namespace Madf {
class EngineThread;
struct Config;
}

namespace Madf::Ui {

class DashboardPage;
class EndpointsPage;
class ChartCard;

/** The live performance dashboard: latency, time to first token, quality,
 *  utilization, cost, cache and throughput, errors and queueing, for the
 *  last 5 minutes, the last hour, this run or all of the history.
 *
 *  Engine events only feed the MetricsTimeline (cheap). The visible tab is
 *  redrawn at most four times a second by a timer, and only when something
 *  changed (or a sliding window moved); hidden tabs wait until shown. Long
 *  series are thinned to the chart's pixel width, history is read in a
 *  worker thread: nothing here holds up the GUI thread for long. */
class DashboardPanel : public QWidget
{
    Q_OBJECT
public:
    enum Page { LatencyTab, FirstTokenTab, QualityTab, UtilizationTab, CostTab, ThroughputTab, ErrorsTab, EndpointsTab };

    explicit DashboardPanel(QWidget *parent = nullptr);
    ~DashboardPanel() override;

    /** Listens to the engine's events and samples its calls in flight. */
    void setEngine(EngineThread *engine);
    /** Limits, quality threshold and prices (for what cache hits saved). */
    void setConfig(const Config &config);
    /** Loads the history from this database in a worker thread. */
    void setDatabasePath(const QString &path);
    bool isLoadingHistory() const { return m_history.isRunning(); }

    MetricsTimeline &timeline() { return m_timeline; }
    MetricsWindow window() const { return m_window; }
    void setWindow(MetricsWindow window);
    int currentPage() const;
    void setCurrentPage(int page);
    DashboardPage *page(int index) const;
    QList<ChartCard *> cards() const;

    /** The series of the current window as last drawn (or computed now). */
    DashboardSeries currentSeries() const;
    /** Redraws the current tab now instead of at the next tick. */
    void refreshNow();
    /** How many times a tab was redrawn: updates are coalesced, never per event. */
    int redrawCount() const { return m_redraws; }

    /** The current tab's charts as a PNG. */
    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportCsv(const QString &path, QString *error = nullptr);
    bool exportJson(const QString &path, QString *error = nullptr);

public Q_SLOTS:
    void onCallRecorded(const Madf::CallRecordEvent &call);
    void onDocumentStarted(const QString &documentId);
    void onDocumentFinished(const Madf::Document &document);
    void onResourceStats(const QVariantMap &stats);

Q_SIGNALS:
    /** An export finished; `error` is empty on success. */
    void exported(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void onTick();
    void redraw();
    void updateSummary(const DashboardSeries &series);
    void chooseExport(const QString &suffix);
    QString windowName(MetricsWindow window) const;

    MetricsTimeline m_timeline;
    MetricsWindow m_window = MetricsWindow::ThisRun;
    QPointer<EngineThread> m_engine;
    QComboBox *m_windowBox;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QList<DashboardPage *> m_pages;
    EndpointsPage *m_endpoints;   ///< also in m_pages
    QTimer *m_tick;
    QList<quint64> m_drawnRevision;   // per page: the timeline revision it shows
    QList<qint64> m_drawnAtMs;        // per page: when (sliding windows move with time)
    QList<MetricsWindow> m_drawnWindow;
    DashboardSeries m_last;
    int m_redraws = 0;
    QString m_dbPath;
    QFutureWatcher<MetricsHistory> m_history;
};

} // namespace Madf::Ui

#pragma once

#include "core/config/config.h"
#include "core/model/document.h"

#include <QDate>
#include <QMainWindow>

class QDockWidget;
class QFrame;
class QLabel;
class QTimer;

namespace Madf {
class EngineThread;
struct DocumentProgress;
struct LocalServer;
}

namespace Madf::Ui {

class BenchmarkPanel;
class ComposerPanel;
class DashboardPanel;
class DocumentView;
class HistoryPanel;
class InspectorPanel;
class StageTimelineView;
class LocalServerOffer;
class ModelCatalog;
class ProviderKeys;

/** The MADF Studio main window: the document view in the centre, the
 *  composer, inspector, history and dashboard in docks the user can
 *  rearrange, and a status bar with the active provider, the documents
 *  running and today's cost. Geometry and dock layout are remembered.
 *  The engine runs in its own thread (EngineThread); this window only
 *  renders its events and forwards the user's intent. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** The configuration in force and the file GUI changes are saved to
     *  (empty: the user config file). Starts the engine on first call. */
    void setConfig(const Config &config, const QString &savePath = {});
    const Config &config() const { return m_config; }

    InspectorPanel *inspector() const { return m_inspector; }
    ComposerPanel *composer() const { return m_composer; }
    DocumentView *documentView() const { return m_view; }
    HistoryPanel *history() const { return m_history; }
    DashboardPanel *dashboard() const { return m_dashboard; }
    EngineThread *engine() const { return m_engine; }
    QDockWidget *composerDock() const { return m_composerDock; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    QDockWidget *historyDock() const { return m_historyDock; }
    QDockWidget *dashboardDock() const { return m_dashboardDock; }
    StageTimelineView *timeline() const { return m_timeline; }
    QDockWidget *timelineDock() const { return m_timelineDock; }
    /** The benchmark window; null until Tools > Benchmark… first opens it. */
    BenchmarkPanel *benchmarkPanel() const { return m_bench; }
    /** The "simulated provider" banner (visible when no real model is used). */
    QFrame *simulatedBanner() const { return m_banner; }
    /** The banner's offer of a local model server (first run). */
    LocalServerOffer *localServerOffer() const { return m_localOffer; }
    /** The API keys of this session (keychain), handed to the engine in memory only. */
    ProviderKeys *providerKeys() const { return m_keys; }
    /** How long from @p now (local time) until the status bar's "Today"
     *  figure starts the next day: just past midnight. */
    static int msecsToNextDay(const QDateTime &now);
    /** The longest wait between two looks at the date (see msecsToNextDay()). */
    static constexpr int kCostDayCheckMs = 60 * 1000;

public Q_SLOTS:
    /** Starts a document; returns its id. */
    QString generate(const Madf::DocumentRequest &request);
    void openDocument(const Madf::Document &document);
    /** Shows the stage timeline dock. */
    void showTimeline();
    /** Opens the benchmark window (a load test when @p loadTest). */
    void openBenchmark(bool loadTest = false);
    /** Settings > Providers (window-modal, asynchronous). */
    void openProvidersDialog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPanel(const QString &objectName, const QString &title, QWidget *content,
                          Qt::DockWidgetArea area);
    void createMenus();
    void createStatusBar();
    /** Starts the day's cost figures again once the date has changed. */
    void rollCostDay();
    /** Arms m_costDayTimer for the next midnight or a minute, whichever is sooner. */
    void scheduleCostDayRoll();
    void connectEngine();
    void restoreLayout();
    void onAbout();
    void onConfigChanged(const Config &config);
    void onProgress(const DocumentProgress &progress);
    void onDocumentFinished(const Document &document);
    void updateEstimate();
    void updateProviderLabel();
    void saveConfig();
    void applyKeys();
    void onUseLocalServer(const LocalServer &server);

    Config m_config;
    QString m_savePath;
    EngineThread *m_engine = nullptr;
    ComposerPanel *m_composer = nullptr;
    DocumentView *m_view = nullptr;
    HistoryPanel *m_history = nullptr;
    DashboardPanel *m_dashboard = nullptr;
    InspectorPanel *m_inspector = nullptr;
    QFrame *m_banner = nullptr;
    LocalServerOffer *m_localOffer = nullptr;
    ProviderKeys *m_keys = nullptr;
    ModelCatalog *m_models = nullptr;
    QDockWidget *m_composerDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QDockWidget *m_dashboardDock = nullptr;
    StageTimelineView *m_timeline = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    BenchmarkPanel *m_bench = nullptr;
    QLabel *m_providerLabel = nullptr;
    QLabel *m_runningLabel = nullptr;
    QLabel *m_costLabel = nullptr;
    QTimer *m_saveTimer = nullptr;
    QTimer *m_estimateTimer = nullptr;
    QTimer *m_historyTimer = nullptr;
    QTimer *m_costDayTimer = nullptr;  ///< "Today" turns to $0 at midnight, calls or not
    QSet<QString> m_running;
    double m_costToday = 0;
    double m_simulatedCostToday = 0; ///< what simulated calls would cost; shown when no model is connected
    QDate m_costDay;                 ///< the day the two figures above add up
};

} // namespace Madf::Ui

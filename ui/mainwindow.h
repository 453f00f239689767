#pragma once

#include "core/config/config.h"
#include "core/model/document.h"

#include <QMainWindow>

class QDockWidget;
class QFrame;
class QLabel;
class QTimer;

namespace Madf {
class EngineThread;
struct DocumentProgress;
}

namespace Madf::Ui {

class ComposerPanel;
class DocumentView;
class HistoryPanel;
class InspectorPanel;

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
    EngineThread *engine() const { return m_engine; }
    QDockWidget *composerDock() const { return m_composerDock; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    QDockWidget *historyDock() const { return m_historyDock; }
    QDockWidget *dashboardDock() const { return m_dashboardDock; }
    /** The "simulated provider" banner (visible when no real model is used). */
    QFrame *simulatedBanner() const { return m_banner; }

public Q_SLOTS:
    /** Starts a document; returns its id. */
    QString generate(const Madf::DocumentRequest &request);
    void openDocument(const Madf::Document &document);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPanel(const QString &objectName, const QString &title, QWidget *content,
                          Qt::DockWidgetArea area);
    void createMenus();
    void createStatusBar();
    void connectEngine();
    void restoreLayout();
    void onAbout();
    void onConfigChanged(const Config &config);
    void onProgress(const DocumentProgress &progress);
    void onDocumentFinished(const Document &document);
    void updateEstimate();
    void updateProviderLabel();
    void saveConfig();

    Config m_config;
    QString m_savePath;
    EngineThread *m_engine = nullptr;
    ComposerPanel *m_composer = nullptr;
    DocumentView *m_view = nullptr;
    HistoryPanel *m_history = nullptr;
    InspectorPanel *m_inspector = nullptr;
    QFrame *m_banner = nullptr;
    QDockWidget *m_composerDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QDockWidget *m_dashboardDock = nullptr;
    QLabel *m_providerLabel = nullptr;
    QLabel *m_runningLabel = nullptr;
    QLabel *m_costLabel = nullptr;
    QTimer *m_saveTimer = nullptr;
    QTimer *m_estimateTimer = nullptr;
    QSet<QString> m_running;
    double m_costToday = 0;
};

} // namespace Madf::Ui

#pragma once

#include "core/config/config.h"

#include <QMainWindow>

class QDockWidget;
class QTimer;

namespace Madf::Ui {

class InspectorPanel;

/** The MADF Studio main window: the document view in the centre, the
 *  composer, inspector, history and dashboard in docks the user can
 *  rearrange. Geometry and dock layout are remembered between runs. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** The configuration in force and the file GUI changes are saved to
     *  (empty: the user config file). */
    void setConfig(const Config &config, const QString &savePath = {});
    const Config &config() const { return m_config; }
    class InspectorPanel *inspector() const { return m_inspector; }

    QDockWidget *composerDock() const { return m_composerDock; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    QDockWidget *historyDock() const { return m_historyDock; }
    QDockWidget *dashboardDock() const { return m_dashboardDock; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPanel(const QString &objectName, const QString &title,
                          const QString &emptyText, Qt::DockWidgetArea area);
    void createMenus();
    void restoreLayout();
    void onAbout();
    void onConfigChanged(const Config &config);
    void saveConfig();

    QDockWidget *m_composerDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QDockWidget *m_dashboardDock = nullptr;
    InspectorPanel *m_inspector = nullptr;
    Config m_config;
    QString m_savePath;
    QTimer *m_saveTimer = nullptr;
};

} // namespace Madf::Ui

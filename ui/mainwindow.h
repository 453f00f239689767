#pragma once

#include <QMainWindow>

class QDockWidget;

namespace Madf::Ui {

/** The MADF Studio main window: the document view in the centre, the
 *  composer, inspector, history and dashboard in docks the user can
 *  rearrange. Geometry and dock layout are remembered between runs. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

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

    QDockWidget *m_composerDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QDockWidget *m_dashboardDock = nullptr;
};

} // namespace Madf::Ui

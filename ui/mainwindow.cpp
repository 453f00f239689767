#include "mainwindow.h"

#include "settings/inspectorpanel.h"

#include "core/config/configloader.h"
#include "core/config/configwriter.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent>

namespace Madf::Ui {

namespace {
QLabel *placeholder(const QString &text)
{
    auto *label = new QLabel(text);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setEnabled(false); // drawn in the palette's disabled colour: an empty state, not content
    label->setMargin(16);
    return label;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("MADF Studio %1").arg(QApplication::applicationVersion()));
    setDockNestingEnabled(true);

    auto *central = placeholder(tr("No document open.\nCompose a request and press Generate (Ctrl+Return)."));
    central->setAccessibleName(tr("Document view"));
    setCentralWidget(central);

    m_composerDock = addPanel(QStringLiteral("composerDock"), tr("Composer"),
                              tr("The request composer will appear here."), Qt::LeftDockWidgetArea);
    m_inspectorDock = addPanel(QStringLiteral("inspectorDock"), tr("Inspector"), {}, Qt::RightDockWidgetArea);
    m_inspector = new InspectorPanel(m_inspectorDock);
    m_inspectorDock->setWidget(m_inspector);
    connect(m_inspector, &InspectorPanel::configChanged, this, &MainWindow::onConfigChanged);
    connect(m_inspector, &InspectorPanel::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 5000);
    });
    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(500); // a burst of edits is written once
    connect(m_saveTimer, &QTimer::timeout, this, &MainWindow::saveConfig);
    m_historyDock = addPanel(QStringLiteral("historyDock"), tr("History"),
                             tr("Documents you generate are listed here."), Qt::LeftDockWidgetArea);
    m_dashboardDock = addPanel(QStringLiteral("dashboardDock"), tr("Dashboard"),
                               tr("Latency, quality, utilization, cost and throughput charts will appear here."),
                               Qt::BottomDockWidgetArea);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::setConfig(const Config &config, const QString &savePath)
{
    m_config = config;
    m_savePath = savePath;
    m_inspector->setConfig(config);
}

void MainWindow::onConfigChanged(const Config &config)
{
    m_config = config;
    m_saveTimer->start();
}

void MainWindow::saveConfig()
{
    // Written off the GUI thread, atomically (QSaveFile): a failure leaves
    // the previous file whole.
    const QString path = m_savePath.isEmpty() ? ConfigLoader::userConfigPath() : m_savePath;
    const Config config = m_config;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        statusBar()->showMessage(error.isEmpty() ? tr("Settings saved to %1").arg(path) : error, 5000);
    });
    watcher->setFuture(QtConcurrent::run([path, config] {
        QString error;
        ConfigWriter::save(path, config, &error, ConfigWriter::Options{true, false, false, false});
        return error;
    }));
}

QDockWidget *MainWindow::addPanel(const QString &objectName, const QString &title,
                                  const QString &emptyText, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(placeholder(emptyText));
    dock->setAccessibleName(title);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : {m_composerDock, m_inspectorDock, m_historyDock, m_dashboardDock})
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MADF Studio"), this, &MainWindow::onAbout);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_saveTimer->isActive()) {
        m_saveTimer->stop();
        saveConfig();
    }
    event->accept();
}

void MainWindow::onAbout()
{
    QMessageBox::about(this, tr("About MADF Studio"),
                       tr("<h3>MADF Studio %1</h3><p>Turns a document request into a finished, "
                          "verified document with a team of LLM agents.</p>")
                           .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

} // namespace Madf::Ui

#include "mainwindow.h"

#include "bench/benchmarkpanel.h"
#include "compose/composerpanel.h"
#include "dashboard/dashboardpanel.h"
#include "document/documentview.h"
#include "history/historypanel.h"
#include "providers/localserveroffer.h"
#include "providers/modelcatalog.h"
#include "providers/providerkeys.h"
#include "providers/providersdialog.h"
#include "settings/inspectorpanel.h"
#include "settings/language.h"
#include "theme/theme.h"
#include "timeline/stagetimelineview.h"

#include "core/config/configloader.h"
#include "core/config/configwriter.h"
#include "core/orchestration/documentorchestrator.h"
#include "core/orchestration/enginethread.h"
#include "core/orchestration/runestimator.h"
#include "core/storage/documentstore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Madf::Ui {

namespace {
bool usesOnlySimulated(const Config &config)
{
    for (const AgentConfig &a : config.agents) {
        const auto p = config.providers.constFind(a.modelConfig.provider);
        if (p == config.providers.constEnd() || p->api != QLatin1String("simulated"))
            return false;
    }
    return true;
}

QString databasePath(const Config &config)
{
    return DocumentOrchestrator::databasePath(config);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_config(Config::defaults())
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("MADF Studio %1").arg(QApplication::applicationVersion()));
    setDockNestingEnabled(true);

    // Centre: the simulated-provider banner over the document view.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QFrame(centre);
    m_banner->setObjectName(QStringLiteral("simulatedBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    // A warm yellow in a light theme, a dark amber in a dark one.
    Theme::follow(m_banner, [this] { m_banner->setPalette(Theme::noticePalette(palette())); });
    auto *bannerLayout = new QHBoxLayout(m_banner);
    auto *bannerText = new QLabel(tr("<b>Simulated provider.</b> No model is connected: documents are written by "
                                     "MADF Studio's built-in simulator, so their text is placeholder. Pipeline, "
                                     "timings, charts and (simulated) costs are real."),
                                  m_banner);
    bannerText->setWordWrap(true);
    auto *connectButton = new QPushButton(tr("Connect a model…"), m_banner);
    connectButton->setObjectName(QStringLiteral("connectModelButton"));
    connectButton->setToolTip(tr("Add a model provider (OpenAI, Anthropic, Ollama, …) and its key"));
    connect(connectButton, &QPushButton::clicked, this, &MainWindow::openProvidersDialog);
    auto *bannerColumn = new QVBoxLayout;
    bannerColumn->addWidget(bannerText);
    m_localOffer = new LocalServerOffer(m_banner);
    connect(m_localOffer, &LocalServerOffer::useRequested, this, &MainWindow::onUseLocalServer);
    bannerColumn->addWidget(m_localOffer);
    bannerLayout->addLayout(bannerColumn, 1);
    bannerLayout->addWidget(connectButton, 0, Qt::AlignTop);
    centreLayout->addWidget(m_banner);
    m_view = new DocumentView(centre);
    centreLayout->addWidget(m_view, 1);
    setCentralWidget(centre);

    m_composer = new ComposerPanel(this);
    m_composer->setShortcutEnabled(false); // File > Generate owns Ctrl+Return here
    m_composerDock = addPanel(QStringLiteral("composerDock"), tr("Composer"), m_composer, Qt::LeftDockWidgetArea);
    m_inspector = new InspectorPanel(this);
    m_keys = new ProviderKeys(ProviderKeys::createDesktopStore(), this);
    connect(m_keys, &ProviderKeys::keysChanged, this, &MainWindow::applyKeys);
    m_models = new ModelCatalog(this);
    m_inspector->setModelCatalog(m_models);
    m_inspectorDock = addPanel(QStringLiteral("inspectorDock"), tr("Inspector"), m_inspector, Qt::RightDockWidgetArea);
    m_history = new HistoryPanel(this);
    m_historyDock = addPanel(QStringLiteral("historyDock"), tr("History"), m_history, Qt::LeftDockWidgetArea);
    m_dashboard = new DashboardPanel(this);
    m_dashboardDock = addPanel(QStringLiteral("dashboardDock"), tr("Dashboard"), m_dashboard, Qt::BottomDockWidgetArea);
    connect(m_dashboard, &DashboardPanel::exported, this, [this](const QString &path, const QString &error) {
        statusBar()->showMessage(error.isEmpty() ? tr("Exported %1").arg(path) : error, 8000);
    });
    tabifyDockWidget(m_composerDock, m_historyDock);
    m_composerDock->raise();
    m_timeline = new StageTimelineView(this);
    m_timelineDock = addPanel(QStringLiteral("timelineDock"), tr("Timeline"), m_timeline, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_dashboardDock, m_timelineDock);
    m_timelineDock->hide(); // until View > Stage timeline; a saved layout may show it
    m_dashboardDock->raise();

    connect(m_composer, &ComposerPanel::generateRequested, this, &MainWindow::generate);
    connect(m_composer, &ComposerPanel::requestChanged, this, [this] { m_estimateTimer->start(); });
    connect(m_inspector, &InspectorPanel::configChanged, this, &MainWindow::onConfigChanged);
    connect(m_inspector, &InspectorPanel::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 5000);
    });
    connect(m_history, &HistoryPanel::openRequested, this, &MainWindow::openDocument);
    connect(m_history, &HistoryPanel::rerunRequested, this, [this](const DocumentRequest &request) {
        m_composer->setRequest(request);
        m_composerDock->show();
        m_composerDock->raise();
        statusBar()->showMessage(tr("Request loaded into the composer: edit it and press Generate."), 5000);
    });
    connect(m_history, &HistoryPanel::resumeRequested, this, [this] { m_engine->resumeInterrupted(); });
    connect(m_view, &DocumentView::cancelRequested, this, [this](const QString &id) {
        if (m_engine)
            m_engine->cancelDocument(id);
    });
    connect(m_view, &DocumentView::exported, this, [this](const QString &path, const QString &error) {
        statusBar()->showMessage(error.isEmpty() ? tr("Exported %1").arg(path) : error, 8000);
    });

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(500); // a burst of edits is written once
    connect(m_saveTimer, &QTimer::timeout, this, &MainWindow::saveConfig);
    m_estimateTimer = new QTimer(this);
    m_estimateTimer->setSingleShot(true);
    m_estimateTimer->setInterval(150);
    connect(m_estimateTimer, &QTimer::timeout, this, &MainWindow::updateEstimate);
    // Documents of a batch finish in bursts: the history list is rebuilt
    // once a second at most, not once per document.
    m_historyTimer = new QTimer(this);
    m_historyTimer->setSingleShot(true);
    m_historyTimer->setInterval(1000);
    connect(m_historyTimer, &QTimer::timeout, m_history, &HistoryPanel::refresh);

    createMenus();
    createStatusBar();
    // Precise: a coarse timer may fire 5% early. At most a minute apart:
    // a timer's clock stops while the machine sleeps, and the wall clock
    // can jump (time zone, NTP), so the date is looked at again each minute.
    m_costDayTimer = new QTimer(this);
    m_costDayTimer->setObjectName(QStringLiteral("costDayTimer"));
    m_costDayTimer->setSingleShot(true);
    m_costDayTimer->setTimerType(Qt::PreciseTimer);
    connect(m_costDayTimer, &QTimer::timeout, this, [this] {
        if (QDate::currentDate() != m_costDay)
            createStatusBar();   // rolls the day over
        scheduleCostDayRoll();
    });
    scheduleCostDayRoll();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The engine's destructor waits for its thread; documents still running
    // stay resumable from the store.
    delete m_engine;
}

QDockWidget *MainWindow::addPanel(const QString &objectName, const QString &title, QWidget *content,
                                  Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setAccessibleName(title);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::setConfig(const Config &config, const QString &savePath)
{
    m_config = config;
    m_savePath = savePath;
    m_models->setConfig(m_keys->applied(config));
    m_inspector->setConfig(config);
    m_dashboard->setConfig(config);
    m_timeline->setContext({config.orchestrator.maxConcurrentTasks, config.orchestrator.maxAgents});
    updateProviderLabel();
    updateEstimate();
    if (!m_engine) {
        m_keys->load(config.providers.keys());
        if (usesOnlySimulated(config))
            m_localOffer->scan(); // first run: offer a local server if one is there
        // Before the engine runs: the status bar's cost reads from the
        // database what came before this moment (see below).
        const QDateTime started = QDateTime::currentDateTime();
        m_engine = new EngineThread(m_keys->applied(config));
        connectEngine();
        m_dashboard->setEngine(m_engine);
        m_engine->start();
        const QString db = databasePath(config);
        m_history->setDatabasePath(db);
        m_timeline->setDatabasePath(db);
        m_dashboard->setDatabasePath(db);
        // The label shows the day's spending, paid and simulated, not this
        // session's: today's calls from before this start are read back;
        // those after it arrive through callRecorded, however late the
        // query runs. The answer is dropped if the day has changed by then.
        const QDate day = started.date();
        auto *watcher = new QFutureWatcher<StoreTotals>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, day] {
            const StoreTotals today = watcher->result();
            watcher->deleteLater();
            rollCostDay();
            if (day != m_costDay)
                return;
            m_costToday += today.todayCostUsd;
            m_simulatedCostToday += today.todaySimulatedUsd;
            createStatusBar();
        });
        rollCostDay();
        watcher->setFuture(QtConcurrent::run([db, day, started] {
            DocumentStore store;
            return store.open(db) ? store.totals(day.startOfDay(), started) : StoreTotals{};
        }));
    } else {
        m_engine->setConfig(m_keys->applied(config));
    }
}

void MainWindow::connectEngine()
{
    auto mine = [this](const QString &id) { return id == m_view->documentId(); };
    connect(m_engine, &EngineThread::engineStarted, this, [this](bool ok, const QString &error) {
        if (!ok)
            statusBar()->showMessage(tr("Documents are not saved: %1").arg(error));
    });
    connect(m_engine, &EngineThread::progressChanged, this, &MainWindow::onProgress);
    connect(m_engine, &EngineThread::stageCompleted, this, [this, mine](const QString &id, const QString &stage) {
        if (mine(id))
            m_view->onStageCompleted(stage);
    });
    connect(m_engine, &EngineThread::taskFailed, this,
            [this, mine](const QString &id, const QString &step, const QString &, const QString &error) {
                if (mine(id))
                    m_view->onTaskFailed(step, error);
            });
    connect(m_engine, &EngineThread::textStreamed, this,
            [this, mine](const QString &id, const QString &step, const QString &delta) {
                if (mine(id))
                    m_view->onTextStreamed(step, delta);
            });
    connect(m_engine, &EngineThread::sectionUpdated, this,
            [this, mine](const QString &id, int index, const DocumentSection &section) {
                if (mine(id))
                    m_view->onSectionUpdated(index, section);
            });
    connect(m_engine, &EngineThread::qualityReported, this, [this, mine](const QString &id, const QualityReport &r) {
        if (mine(id))
            m_view->onQualityReport(r);
    });
    connect(m_engine, &EngineThread::callRecorded, this, [this](const CallRecordEvent &call) {
        if (call.costUsd && !call.fromCache) {
            // Simulated calls are priced as the models they imitate; kept apart, never added to what is paid.
            rollCostDay();
            (call.simulated ? m_simulatedCostToday : m_costToday) += *call.costUsd;
            createStatusBar();
        }
    });
    connect(m_engine, &EngineThread::documentFinished, this, &MainWindow::onDocumentFinished);
    connect(m_engine, &EngineThread::callRecorded, m_timeline, &StageTimelineView::onCallRecorded);
    connect(m_engine, &EngineThread::errorOccurred, this, [this](const QString &, const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
    connect(m_engine, &EngineThread::documentsResumed, this, [this](const QStringList &ids) {
        statusBar()->showMessage(ids.isEmpty() ? tr("Nothing to resume") : tr("Resumed %n document(s)", nullptr, int(ids.size())), 5000);
        for (const QString &id : ids)
            m_running.insert(id);
        createStatusBar();
    });
}

QString MainWindow::generate(const DocumentRequest &request)
{
    if (!m_engine)
        setConfig(m_config, m_savePath);
    const QString id = m_engine->createDocument(request);
    Document doc;
    doc.id = id;
    doc.request = request;
    doc.title = request.topic;
    doc.status = DocumentStatus::Pending;
    m_view->showDocument(doc, m_config.orchestrator.qualityThreshold);
    m_timeline->followDocument(id, request.documentType);
    m_running.insert(id);
    createStatusBar();
    // The new document shows in the history (as running) once the engine
    // has saved it.
    if (!m_historyTimer->isActive())
        m_historyTimer->start();
    statusBar()->showMessage(tr("Generating \"%1\"…").arg(request.topic), 4000);
    return id;
}

void MainWindow::openDocument(const Document &document)
{
    m_view->showDocument(document, m_config.orchestrator.qualityThreshold);
    m_timeline->loadDocument(document.id, document.request.documentType);
}

void MainWindow::showTimeline()
{
    m_timelineDock->show();
    m_timelineDock->raise();
}

void MainWindow::openBenchmark(bool loadTest)
{
    if (!m_bench) {
        // Not modal: a run goes on while the window is closed or the user works on.
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("benchmarkDialog"));
        dialog->setWindowTitle(tr("Benchmark and load test"));
        auto *layout = new QVBoxLayout(dialog);
        m_bench = new BenchmarkPanel(dialog);
        layout->addWidget(m_bench);
        dialog->resize(1100, 860);
        m_bench->setConfig(m_keys->applied(m_config));
        m_bench->setDatabasePath(databasePath(m_config));
        connect(m_bench, &BenchmarkPanel::runFinished, m_history, &HistoryPanel::refresh);
    }
    if (!m_bench->isRunning())
        m_bench->setKind(loadTest ? BenchmarkResult::Kind::LoadTest : BenchmarkResult::Kind::Benchmark);
    QWidget *dialog = m_bench->window();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::onProgress(const DocumentProgress &progress)
{
    if (progress.documentId == m_view->documentId())
        m_view->onProgress(progress);
    m_history->showProgress(progress);
}

void MainWindow::onDocumentFinished(const Document &document)
{
    m_running.remove(document.id);
    createStatusBar();
    if (document.id == m_view->documentId())
        m_view->onFinished(document);
    if (!m_historyTimer->isActive())
        m_historyTimer->start();
    statusBar()->showMessage(tr("\"%1\": %2").arg(document.title, documentStatusLabel(document.status)), 8000);
}

void MainWindow::updateEstimate()
{
    const DocumentRequest request = m_composer->request();
    if (!request.validate().isEmpty()) {
        m_composer->setEstimate(QString());
        return;
    }
    const RunEstimate e = RunEstimator::estimate(request, m_config,
                                                 m_engine ? &m_engine->performanceMonitor() : nullptr);
    QString cost = e.costUsd ? QStringLiteral("$%1").arg(*e.costUsd, 0, 'f', 4) : tr("unknown cost");
    if (e.simulated)
        cost += tr(" (simulated)");
    m_composer->setEstimate(tr("Estimate: %1 calls, about %2 s, %3; up to %4 calls with every revision round.")
                                .arg(e.calls)
                                .arg(e.latencySeconds, 0, 'f', 0)
                                .arg(cost)
                                .arg(e.maxCalls));
}

void MainWindow::updateProviderLabel()
{
    QStringList providers;
    for (const AgentConfig &a : m_config.agents)
        if (!providers.contains(a.modelConfig.provider))
            providers << a.modelConfig.provider;
    const bool simulated = usesOnlySimulated(m_config);
    m_banner->setVisible(simulated);
    if (m_providerLabel) {
        m_providerLabel->setText(simulated ? tr("Provider: simulated (offline)")
                                           : tr("Provider: %1").arg(providers.join(QStringLiteral(", "))));
        createStatusBar(); // the cost label says whether costs are simulated
    }
}

void MainWindow::createStatusBar()
{
    if (!m_providerLabel) {
        m_providerLabel = new QLabel(this);
        m_runningLabel = new QLabel(this);
        m_costLabel = new QLabel(this);
        statusBar()->addPermanentWidget(m_providerLabel);
        statusBar()->addPermanentWidget(m_runningLabel);
        statusBar()->addPermanentWidget(m_costLabel);
        updateProviderLabel();
    }
    m_runningLabel->setText(tr("Running: %1").arg(m_running.size()));
    if (m_history)
        m_history->setRunning(m_running);
    rollCostDay();
    if (usesOnlySimulated(m_config)) {
        m_costLabel->setText(tr("Today: $%1 (simulated)").arg(m_simulatedCostToday, 0, 'f', 4));
        m_costLabel->setToolTip(tr("No model is connected: this is what the simulated calls would cost with "
                                   "the models they imitate. Nothing is paid."));
    } else {
        m_costLabel->setText(tr("Today: $%1").arg(m_costToday, 0, 'f', 4));
        m_costLabel->setToolTip(tr("What today's model calls cost"));
    }
}

int MainWindow::msecsToNextDay(const QDateTime &now)
{
    // startOfDay(): a day that begins at 01:00 (a DST change at midnight)
    // still has a start. A second past it, so the date has surely changed;
    // should the timer come early anyway, rollCostDay() sees the same day
    // and the next arming waits the rest of it.
    const qint64 ms = now.msecsTo(now.date().addDays(1).startOfDay()) + 1000;
    return int(qBound<qint64>(1000, ms, 25LL * 3600 * 1000));
}

void MainWindow::scheduleCostDayRoll()
{
    m_costDayTimer->start(qMin(msecsToNextDay(QDateTime::currentDateTime()), kCostDayCheckMs));
}

void MainWindow::rollCostDay()
{
    const QDate today = QDate::currentDate();
    if (m_costDay == today)
        return;
    m_costDay = today;
    m_costToday = 0;
    m_simulatedCostToday = 0;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New request"), QKeySequence::New, this, [this] {
        m_composerDock->show();
        m_composerDock->raise();
        m_composer->setFocus();
    });
    file->addAction(tr("&Generate"), QKeySequence(Qt::CTRL | Qt::Key_Return), m_composer, &ComposerPanel::generate);
    file->addAction(tr("&Export document…"), QKeySequence(Qt::CTRL | Qt::Key_E), m_view,
                    &DocumentView::chooseExportFile);
    file->addSeparator();
    // Ctrl+Q spelled out: not every platform theme defines QKeySequence::Quit.
    file->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &QWidget::close);

    QMenu *doc = menuBar()->addMenu(tr("&Document"));
    doc->addAction(tr("&Copy as Markdown"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), m_view,
                   &DocumentView::copyToClipboard);
    doc->addAction(tr("C&ancel"), QKeySequence(Qt::CTRL | Qt::Key_Period), this, [this] {
        if (m_engine && !m_view->documentId().isEmpty())
            m_engine->cancelDocument(m_view->documentId());
    });
    doc->addAction(tr("Cancel a&ll"), this, [this] {
        if (m_engine)
            m_engine->cancelAll();
    });
    doc->addAction(tr("&Resume interrupted"), this, [this] {
        if (m_engine)
            m_engine->resumeInterrupted();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : {m_composerDock, m_inspectorDock, m_historyDock, m_dashboardDock})
        view->addAction(dock->toggleViewAction());
    QAction *timeline = view->addAction(tr("Stage &timeline"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), this,
                                        &MainWindow::showTimeline);
    timeline->setObjectName(QStringLiteral("timelineAction"));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *bench = tools->addAction(tr("&Benchmark…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), this,
                                      [this] { openBenchmark(false); });
    bench->setObjectName(QStringLiteral("benchmarkAction"));
    QAction *load = tools->addAction(tr("&Load test…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this,
                                     [this] { openBenchmark(true); });
    load->setObjectName(QStringLiteral("loadTestAction"));

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *providers = settings->addAction(tr("&Providers…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this,
                                             &MainWindow::openProvidersDialog);
    providers->setObjectName(QStringLiteral("providersAction"));
    settings->addSeparator();
    settings->addAction(tr("&Import configuration…"), QKeySequence(Qt::CTRL | Qt::Key_O), m_inspector,
                        &InspectorPanel::onImportClicked);
    settings->addAction(tr("E&xport configuration…"), m_inspector, &InspectorPanel::onExportClicked);
    settings->addAction(tr("Save as p&reset…"), m_inspector, &InspectorPanel::onSavePresetClicked);
    settings->addSeparator();
    settings->addMenu(Language::createMenu(this));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MADF Studio"), this, &MainWindow::onAbout);
}

void MainWindow::onConfigChanged(const Config &config)
{
    m_config = config;
    updateProviderLabel();
    m_estimateTimer->start();
    m_dashboard->setConfig(config);
    m_timeline->setContext({config.orchestrator.maxConcurrentTasks, config.orchestrator.maxAgents});
    if (m_bench)
        m_bench->setConfig(m_keys->applied(config));
    m_models->setConfig(m_keys->applied(config));
    if (m_engine)
        m_engine->setConfig(m_keys->applied(config));
    m_saveTimer->start();
}

void MainWindow::applyKeys()
{
    // Keys reach the engine in memory only (Config::providerKeys is never saved).
    m_models->setConfig(m_keys->applied(m_config));
    if (m_engine)
        m_engine->setConfig(m_keys->applied(m_config));
}

void MainWindow::openProvidersDialog()
{
    if (auto *open = findChild<ProvidersDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new ProvidersDialog(m_config, m_keys, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProvidersDialog::configAccepted, this, [this](const Config &config) {
        onConfigChanged(config);
        m_inspector->setConfig(config);
        statusBar()->showMessage(tr("Providers saved"), 5000);
    });
    dialog->open();
}

void MainWindow::onUseLocalServer(const LocalServer &server)
{
    // Window-modal and asynchronous: no nested event loop.
    const QString model = LocalServerOffer::pickModel(server.models, QString());
    auto *box = new QMessageBox(QMessageBox::Question, tr("Use %1").arg(server.label()),
                                tr("Use %1 at %2 for all agents?").arg(server.label(), server.address()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setInformativeText(tr("Each agent gets the model \"%1\" unless it already names one the server has. "
                               "You can pick another model per agent in the Inspector, and change providers "
                               "under Settings > Providers.")
                                .arg(model));
    box->button(QMessageBox::Yes)->setText(tr("Use %1").arg(server.label()));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box->button(QMessageBox::Yes), &QAbstractButton::clicked, this, [this, server] {
        QString name;
        const Config config = LocalServerOffer::configured(m_config, server, &name);
        onConfigChanged(config);
        m_inspector->setConfig(config);
        statusBar()->showMessage(tr("All agents now use %1 (provider \"%2\").").arg(server.label(), name), 8000);
    });
    box->open();
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

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({m_dashboardDock}, {340}, Qt::Vertical); // first run: charts tall enough to read
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_saveTimer->isActive()) {
        m_saveTimer->stop();
        saveConfig(); // the thread pool finishes it before the process exits
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

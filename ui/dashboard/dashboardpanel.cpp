#include "dashboardpanel.h"

#include "chartcard.h"
#include "dashboardpages.h"
#include "endpointspage.h"

#include "core/config/config.h"
#include "core/metrics/costtracker.h"
#include "core/metrics/metricsregistry.h"
#include "core/model/document.h"
#include "core/orchestration/enginepricing.h"
#include "core/orchestration/enginethread.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPixmap>
#include <QSaveFile>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Madf::Ui {

namespace {

constexpr int TickMs = 250;            // at most four redraws a second
constexpr qint64 SlideEveryMs = 2000;  // a quiet time window still moves along

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Madf::Ui::DashboardPanel", "Could not write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

DashboardPanel::DashboardPanel(QWidget *parent)
    : QWidget(parent), m_windowBox(new QComboBox(this)), m_summary(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboardPanel"));
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_windowBox);
    for (MetricsWindow w : {MetricsWindow::Last5Minutes, MetricsWindow::LastHour, MetricsWindow::ThisRun,
                            MetricsWindow::AllHistory}) {
        static const char *const names[] = {QT_TR_NOOP("Last 5 minutes"), QT_TR_NOOP("Last hour"),
                                            QT_TR_NOOP("This run"), QT_TR_NOOP("All from history")};
        m_windowBox->addItem(tr(names[int(w)]), int(w));
    }
    m_windowBox->setCurrentIndex(int(m_window));
    m_windowBox->setToolTip(tr("Time span the charts show"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(windowLabel);
    bar->addWidget(m_windowBox);
    bar->addSpacing(8);
    bar->addWidget(m_summary, 1);
    auto addButton = [this, bar](const QString &text, const QString &tip, const QString &suffix) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, [this, suffix] { chooseExport(suffix); });
        bar->addWidget(button);
    };
    addButton(tr("PNG…"), tr("Save the charts of this tab as a PNG image"), QStringLiteral("png"));
    addButton(tr("CSV…"), tr("Export every metric of this window as CSV"), QStringLiteral("csv"));
    addButton(tr("JSON…"), tr("Export every metric of this window as JSON"), QStringLiteral("json"));

    m_endpoints = new EndpointsPage;
    m_pages = {new LatencyPage, new FirstTokenPage, new QualityPage, new UtilizationPage,
               new CostPage,    new ThroughputPage, new ErrorsPage,   m_endpoints};
    const QStringList titles = {tr("Latency"), tr("First token"), tr("Quality"), tr("Utilization"),
                                tr("Cost"), tr("Cache && throughput"), tr("Errors && queueing"), tr("Endpoints")};
    for (int i = 0; i < m_pages.size(); ++i)
        m_tabs->addTab(m_pages[i], titles[i]);
    m_tabs->setDocumentMode(true);
    m_drawnRevision = QList<quint64>(m_pages.size(), ~quint64(0));
    m_drawnAtMs = QList<qint64>(m_pages.size(), 0);
    m_drawnWindow = QList<MetricsWindow>(m_pages.size(), m_window);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_windowBox, &QComboBox::currentIndexChanged, this,
            [this] { setWindow(MetricsWindow(m_windowBox->currentData().toInt())); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { onTick(); });
    connect(&m_history, &QFutureWatcherBase::finished, this, [this] {
        const MetricsHistory history = m_history.result();
        m_timeline.addHistory(history);
        m_summary->setToolTip(history.error.isEmpty() ? QString() : tr("History not loaded: %1").arg(history.error));
        onTick();
    });
    m_tick->setInterval(TickMs);
    connect(m_tick, &QTimer::timeout, this, &DashboardPanel::onTick);
    m_tick->start();
    redraw();
}

DashboardPanel::~DashboardPanel() = default;

void DashboardPanel::setEngine(EngineThread *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &EngineThread::callRecorded, this, &DashboardPanel::onCallRecorded);
    connect(engine, &EngineThread::documentStarted, this,
            [this](const QString &id, const DocumentRequest &) { onDocumentStarted(id); });
    connect(engine, &EngineThread::documentFinished, this, &DashboardPanel::onDocumentFinished);
    connect(engine, &EngineThread::resourceStatsChanged, this, &DashboardPanel::onResourceStats);
    connect(engine, &EngineThread::endpointStatusChanged, m_endpoints, &EndpointsPage::setEndpoints);
    connect(engine, &EngineThread::engineStarted, this, [this] {
        if (m_engine)
            m_engine->requestResourceStats();
    });
    engine->requestResourceStats();
}

void DashboardPanel::setConfig(const Config &config)
{
    m_timeline.setLimits(config.orchestrator.maxAgents, config.orchestrator.maxConcurrentTasks);
    m_timeline.setQualityThreshold(config.orchestrator.qualityThreshold);
    m_endpoints->keepProviders(config.providers.keys());
    const PricingTable pricing = pricingFor(config);
    QSet<QString> local;
    for (auto it = config.providers.cbegin(); it != config.providers.cend(); ++it)
        if (isLocalProvider(config, it.key()))
            local.insert(it.key());
    m_timeline.setSavingsPricer([pricing, local](const CallRecordEvent &call) {
        return pricing.cost(call.model, call.usage, local.contains(call.provider));
    });
}

void DashboardPanel::setDatabasePath(const QString &path)
{
    if (path == m_dbPath && !m_history.isRunning())
        return;
    m_dbPath = path;
    const qint64 before = m_timeline.runStartMs();
    m_history.setFuture(QtConcurrent::run([path, before] { return MetricsHistory::load(path, before); }));
}

void DashboardPanel::setWindow(MetricsWindow window)
{
    m_window = window;
    if (m_windowBox->currentData().toInt() != int(window))
        m_windowBox->setCurrentIndex(m_windowBox->findData(int(window)));
    onTick();
}

int DashboardPanel::currentPage() const
{
    return m_tabs->currentIndex();
}

void DashboardPanel::setCurrentPage(int page)
{
    m_tabs->setCurrentIndex(page);
}

DashboardPage *DashboardPanel::page(int index) const
{
    return m_pages.value(index);
}

QList<ChartCard *> DashboardPanel::cards() const
{
    QList<ChartCard *> all;
    for (DashboardPage *p : m_pages)
        all += p->cards();
    return all;
}

DashboardSeries DashboardPanel::currentSeries() const
{
    return m_timeline.series(m_window, now());
}

void DashboardPanel::onCallRecorded(const CallRecordEvent &call)
{
    m_timeline.addCall(call);
}

void DashboardPanel::onDocumentStarted(const QString &documentId)
{
    m_timeline.addDocumentStarted(documentId, now());
}

void DashboardPanel::onDocumentFinished(const Document &document)
{
    m_timeline.addDocument(document, now());
}

void DashboardPanel::onResourceStats(const QVariantMap &stats)
{
    m_timeline.addResourceStats(stats, now());
}

void DashboardPanel::onTick()
{
    const qint64 t = now();
    if (m_engine)
        m_timeline.addInFlightSample(int(m_engine->metricsRegistry().value(QLatin1String(MetricNames::CallsInFlight))), t);
    if (!isVisible())
        return; // drawn when shown
    const int i = m_tabs->currentIndex();
    if (i < 0)
        return;
    const bool changed = m_drawnRevision[i] != m_timeline.revision() || m_drawnWindow[i] != m_window;
    const bool empty = m_timeline.documentCount() == 0 && m_timeline.callCount() == 0;
    if (changed || (!empty && t - m_drawnAtMs[i] >= SlideEveryMs))
        redraw();
}

void DashboardPanel::refreshNow()
{
    redraw();
}

void DashboardPanel::redraw()
{
    const int i = qMax(0, m_tabs->currentIndex());
    const qint64 t = now();
    m_last = m_timeline.series(m_window, t);
    PageContext context;
    context.totalDocuments = m_timeline.documentCount();
    context.totalCalls = m_timeline.callCount();
    context.windowName = windowName(m_window);
    m_pages[i]->showSeries(m_last, context);
    m_drawnRevision[i] = m_timeline.revision();
    m_drawnAtMs[i] = t;
    m_drawnWindow[i] = m_window;
    updateSummary(m_last);
    ++m_redraws;
}

void DashboardPanel::updateSummary(const DashboardSeries &s)
{
    QStringList parts;
    parts << tr("%n document(s)", nullptr, s.documents);
    if (s.completedDocuments > 0)
        parts << tr("latency p50 %1 · p95 %2")
                     .arg(ChartUtil::formatSeconds(s.p50Seconds), ChartUtil::formatSeconds(s.p95Seconds));
    if (s.hasCalls()) {
        parts << tr("cost %1").arg(s.costLabel(s.costUsd));
        parts << tr("cache %1%").arg(s.cacheHitRate() * 100, 0, 'f', 0);
        parts << tr("%1 docs/h").arg(s.docsPerHour, 0, 'f', 1);
        parts << tr("%1 tokens/s").arg(s.tokensPerSecond, 0, 'f', 1);
        if (s.failedCalls > 0)
            parts << tr("%n failed call(s)", nullptr, s.failedCalls);
    }
    if (m_history.isRunning() && m_window != MetricsWindow::ThisRun)
        parts << tr("loading history…");
    const QString text = parts.join(QStringLiteral("  ·  "));
    if (m_summary->text() != text)
        m_summary->setText(text);
}

QString DashboardPanel::windowName(MetricsWindow window) const
{
    switch (window) {
    case MetricsWindow::Last5Minutes: return tr("the last 5 minutes");
    case MetricsWindow::LastHour: return tr("the last hour");
    case MetricsWindow::ThisRun: return tr("this run");
    case MetricsWindow::AllHistory: return tr("the history");
    }
    return {};
}

bool DashboardPanel::exportPng(const QString &path, QString *error)
{
    redraw();
    const QPixmap picture = m_tabs->currentWidget()->grab();
    if (picture.isNull() || !picture.save(path, "PNG")) {
        if (error)
            *error = tr("Could not write %1").arg(path);
        return false;
    }
    return true;
}

bool DashboardPanel::exportCsv(const QString &path, QString *error)
{
    return writeFile(path, currentSeries().toCsv(), error);
}

bool DashboardPanel::exportJson(const QString &path, QString *error)
{
    return writeFile(path, QJsonDocument(currentSeries().toJson()).toJson(QJsonDocument::Indented), error);
}

void DashboardPanel::chooseExport(const QString &suffix)
{
    const QString filter = suffix == QLatin1String("png")   ? tr("PNG image (*.png)")
                           : suffix == QLatin1String("csv") ? tr("CSV (*.csv)")
                                                            : tr("JSON (*.json)");
    const QString name = QStringLiteral("madf-%1-%2.%3")
                             .arg(suffix == QLatin1String("png") ? m_tabs->tabText(m_tabs->currentIndex())
                                                                        .remove(QLatin1Char('&'))
                                                                        .simplified()
                                                                        .replace(QLatin1Char(' '), QLatin1Char('-'))
                                                                        .toLower()
                                                                  : QStringLiteral("metrics"),
                                  toString(m_window), suffix);
    // Not exec(): no nested event loop while the engine keeps reporting.
    auto *dialog = new QFileDialog(this, tr("Export dashboard"), name, filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(suffix);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, suffix](const QString &path) {
        QString error;
        if (suffix == QLatin1String("png"))
            exportPng(path, &error);
        else if (suffix == QLatin1String("csv"))
            exportCsv(path, &error);
        else
            exportJson(path, &error);
        Q_EMIT exported(path, error);
    });
    dialog->open();
}

void DashboardPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The cards re-theme themselves; the points are drawn again on the new theme.
    if (event->type() == QEvent::PaletteChange)
        std::fill(m_drawnRevision.begin(), m_drawnRevision.end(), ~quint64(0));
}

void DashboardPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QTimer::singleShot(0, this, &DashboardPanel::onTick);
}

} // namespace Madf::Ui

// The performance dashboard as a user sees it: charts that follow the
// engine's events, empty states, windows, theme and exports.
#include "ui/dashboard/chartcard.h"
#include "ui/dashboard/dashboardpages.h"
#include "ui/dashboard/dashboardpanel.h"
#include "ui/dashboard/endpointspage.h"
#include "ui/mainwindow.h"

#include "core/model/document.h"
#include "core/orchestration/engineevents.h"
#include "core/storage/documentstore.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QDateTime>
#include <QDockWidget>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScatterSeries>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;
using Madf::Ui::ChartCard;
using Madf::Ui::DashboardPanel;

namespace {

CallRecordEvent call(const QString &doc, const QString &model, const QString &agent, qint64 endedAt, double cost,
                     bool simulated = false)
{
    CallRecordEvent e;
    e.documentId = doc;
    e.stage = QStringLiteral("writing");
    e.agent = agent;
    e.provider = QStringLiteral("p");
    e.model = model;
    e.startedAtMs = endedAt - 2000;
    e.totalMs = 2000;
    e.firstTokenMs = 400;
    e.queuedMs = 100;
    e.ok = true;
    e.simulated = simulated;
    e.usage.completionTokens = 100;
    e.costUsd = cost;
    return e;
}

Document finished(const QString &id, double quality)
{
    Document d;
    d.id = id;
    d.status = DocumentStatus::Complete;
    d.qualityScore = quality;
    return d;
}

template<typename T>
T *seriesOf(ChartCard *card)
{
    for (QAbstractSeries *s : card->chart()->series())
        if (auto *t = qobject_cast<T *>(s))
            return t;
    return nullptr;
}

// Feeds `count` documents of 3 calls each, as the engine would.
void feed(DashboardPanel *panel, int count, bool simulated = false)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("doc-%1").arg(i);
        panel->onDocumentStarted(id);
        panel->onCallRecorded(call(id, "model-a", "research", now, 0.01, simulated));
        panel->onCallRecorded(call(id, "model-b", "writing", now, 0.02, simulated));
        panel->onCallRecorded(call(id, "model-a", "editing", now, 0.01, simulated));
        panel->onResourceStats({{"max_agents", 10}, {"in_use", i % 10}, {"peak_usage", 9}});
        panel->onDocumentFinished(finished(id, i % 2 ? 0.9 : 0.8));
    }
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void emptyStatesSayWhatToDo();
    void eventsUpdateTheCharts();
    void updatesAreCoalesced();
    void costsAreMarkedSimulated();
    void windowSelectorFilters();
    void historyLoadsInTheBackground();
    void longSeriesAreThinned();
    void themeFollowsPalette();
    void exportsReadBack();
    void endpointsTabShowsEachEndpoint();
    void mainWindowShowsTheDashboard();

private:
    QTemporaryDir m_settingsDir;
};

void TestDashboard::initTestCase()
{
    QApplication::setOrganizationName(QStringLiteral("madf-test"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestDashboard::emptyStatesSayWhatToDo()
{
    DashboardPanel panel;
    panel.resize(1400, 350);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.refreshNow();
    ChartCard *latency = panel.page(DashboardPanel::LatencyTab)->cards().first();
    QVERIFY(!latency->isShowingChart());
    QCOMPARE(latency->emptyMessage(), QStringLiteral("No documents yet — generate one to see latency."));
    panel.setCurrentPage(DashboardPanel::CostTab);
    panel.refreshNow();
    QVERIFY(panel.page(DashboardPanel::CostTab)->cards().first()->emptyMessage().contains("No model calls yet"));
}

void TestDashboard::eventsUpdateTheCharts()
{
    DashboardPanel panel;
    panel.resize(1400, 350);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed(&panel, 5);
    ChartCard *latency = panel.page(DashboardPanel::LatencyTab)->cards().first();
    // The timer draws them, without anyone asking.
    QTRY_VERIFY(latency->isShowingChart());
    QCOMPARE(seriesOf<QScatterSeries>(latency)->count(), 5);
    QVERIFY(latency->chart()->title().contains("5 completed"));
    QBarSet *bins = seriesOf<QBarSeries>(panel.page(DashboardPanel::LatencyTab)->cards().at(1))->barSets().first();
    qreal total = 0;
    for (int i = 0; i < bins->count(); ++i)
        total += bins->at(i);
    QCOMPARE(total, 5.0);

    panel.setCurrentPage(DashboardPanel::CostTab);
    ChartCard *byModel = panel.page(DashboardPanel::CostTab)->cards().first();
    QTRY_VERIFY(byModel->isShowingChart());
    QStringList names;
    for (QAbstractSeries *s : byModel->chart()->series())
        names << s->name();
    QCOMPARE(names, (QStringList{"model-b ($0.10)", "model-a ($0.10)"}));

    panel.setCurrentPage(DashboardPanel::QualityTab);
    ChartCard *quality = panel.page(DashboardPanel::QualityTab)->cards().first();
    QTRY_VERIFY(quality->isShowingChart());
    QVERIFY2(quality->chart()->title().contains("3 of 5 below"), qPrintable(quality->chart()->title()));

    panel.setCurrentPage(DashboardPanel::ErrorsTab);
    QTRY_VERIFY(panel.page(DashboardPanel::ErrorsTab)->cards().first()->emptyMessage().contains("all 15 calls succeeded"));
}

void TestDashboard::endpointsTabShowsEachEndpoint()
{
    DashboardPanel panel;
    panel.resize(1400, 350);
    panel.show();
    panel.setCurrentPage(DashboardPanel::EndpointsTab);
    auto *page = qobject_cast<Madf::Ui::EndpointsPage *>(panel.page(DashboardPanel::EndpointsTab));
    QVERIFY(page);
    // Before any HTTP call: what will show here, and why the simulator has nothing.
    QVERIFY(!page->table()->isVisible());
    QVERIFY2(page->note().contains("No HTTP provider has been called yet"), qPrintable(page->note()));
    QVERIFY(page->note().contains("simulated provider"));

    EndpointStatus a;
    a.baseUrl = "http://gpu-1:8000/v1";
    a.inFlight = 3;
    a.effectiveLimit = 4;
    a.maxInFlight = 8;       // halved after a 429
    a.queued = 5;
    a.remainingRequests = 120;
    a.lastErrorKind = LlmErrorKind::RateLimited;
    EndpointStatus b;
    b.baseUrl = "http://gpu-2:8000/v1";
    b.effectiveLimit = b.maxInFlight = 8;
    b.circuitState = CircuitState::Open;
    b.consecutiveFailures = 5;
    b.lastErrorKind = LlmErrorKind::ServerError;
    panel.setConfig([] {
        Config c = Config::defaults();
        c.providers.insert("vllm", ProviderConfig{});
        return c;
    }());
    page->setEndpoints("vllm", {a, b});
    QTableWidget *table = page->table();
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, Madf::Ui::EndpointsPage::Provider)->text(), QStringLiteral("vllm"));
    QCOMPARE(table->item(0, Madf::Ui::EndpointsPage::Endpoint)->text(), a.baseUrl);
    QCOMPARE(table->item(0, Madf::Ui::EndpointsPage::InFlight)->text(), QStringLiteral("3 / 4 (max 8)"));
    QCOMPARE(table->item(0, Madf::Ui::EndpointsPage::Queued)->text(), QStringLiteral("5"));
    QVERIFY(table->item(0, Madf::Ui::EndpointsPage::RateBudget)->text().contains("120 requests"));
    QCOMPARE(table->item(0, Madf::Ui::EndpointsPage::LastError)->text(), toString(LlmErrorKind::RateLimited));
    QCOMPARE(table->item(1, Madf::Ui::EndpointsPage::InFlight)->text(), QStringLiteral("0 / 8"));
    QVERIFY(table->item(1, Madf::Ui::EndpointsPage::Circuit)->text().startsWith("open"));
    QCOMPARE(table->item(1, Madf::Ui::EndpointsPage::Failures)->text(), QStringLiteral("5"));
    QVERIFY2(page->note().contains("Endpoints: 2 · providers: 1 · calls in flight: 3"), qPrintable(page->note()));
    QVERIFY(page->note().contains("circuits not closed: 1"));

    // A provider taken out of the configuration leaves the table.
    panel.setConfig(Config::defaults());
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!table->isVisible());
}

void TestDashboard::updatesAreCoalesced()
{
    DashboardPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTest::qWait(300);
    const int before = panel.redrawCount();
    // 200 documents' worth of events within one tick.
    feed(&panel, 200);
    QTest::qWait(600);
    const int redraws = panel.redrawCount() - before;
    QVERIFY2(redraws >= 1 && redraws <= 4, qPrintable(QString::number(redraws)));
}

void TestDashboard::costsAreMarkedSimulated()
{
    DashboardPanel panel;
    panel.resize(1400, 350);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed(&panel, 2, true);
    panel.setCurrentPage(DashboardPanel::CostTab);
    panel.refreshNow();
    const QString title = panel.page(DashboardPanel::CostTab)->cards().first()->chart()->title();
    QVERIFY2(title.contains("(simulated)"), qPrintable(title));
}

void TestDashboard::windowSelectorFilters()
{
    DashboardPanel panel;
    panel.resize(1400, 350);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Finished 10 minutes ago (history from before this run).
    MetricsHistory history;
    history.documents = {{"old", now - 10 * 60000, 30000, DocumentStatus::Complete, 0.9, 0.1}};
    panel.timeline().setRunStartMs(now - 60000);
    panel.timeline().addHistory(history);

    panel.setWindow(MetricsWindow::Last5Minutes);
    panel.refreshNow();
    ChartCard *latency = panel.page(DashboardPanel::LatencyTab)->cards().first();
    QVERIFY2(latency->emptyMessage().contains("last 5 minutes"), qPrintable(latency->emptyMessage()));
    panel.setWindow(MetricsWindow::LastHour);
    panel.refreshNow();
    QVERIFY(latency->isShowingChart());
    QCOMPARE(seriesOf<QScatterSeries>(latency)->count(), 1);
    panel.setWindow(MetricsWindow::ThisRun);
    panel.refreshNow();
    QVERIFY(!latency->isShowingChart());
    panel.setWindow(MetricsWindow::AllHistory);
    panel.refreshNow();
    QVERIFY(latency->isShowingChart());
}

void TestDashboard::historyLoadsInTheBackground()
{
    QTemporaryDir dir;
    const QString db = dir.filePath("documents.sqlite");
    {
        DocumentStore store;
        QVERIFY(store.open(db));
        Document old = finished("old", 0.92);
        old.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        old.updatedAt = old.createdAt.addSecs(40);
        DocumentRow row;
        row.latencyMs = 40000;
        QVERIFY(store.saveDocument(old, row));
    }
    DashboardPanel panel;
    panel.resize(1400, 350);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setWindow(MetricsWindow::AllHistory);
    panel.setDatabasePath(db);
    // Read in a worker thread; the chart follows when it arrives.
    QTRY_COMPARE(panel.timeline().documentCount(), 1);
    QVERIFY(!panel.isLoadingHistory());
    ChartCard *latency = panel.page(DashboardPanel::LatencyTab)->cards().first();
    QTRY_VERIFY(latency->isShowingChart());
    QCOMPARE(seriesOf<QScatterSeries>(latency)->count(), 1);
    QCOMPARE(seriesOf<QScatterSeries>(latency)->at(0).y(), 40.0);
}

void TestDashboard::longSeriesAreThinned()
{
    DashboardPanel panel;
    panel.resize(1000, 350);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    MetricsHistory history;
    for (int i = 0; i < 20000; ++i)
        history.documents.append({QString::number(i), now - 3'600'000 + i * 100, 1000 + (i % 97) * 100,
                                  DocumentStatus::Complete, std::nullopt, 0});
    history.documents[12345].latencyMs = 500000; // one slow document must stay visible
    panel.timeline().setRunStartMs(now);
    panel.timeline().addHistory(history);
    panel.setWindow(MetricsWindow::AllHistory);
    panel.refreshNow();
    ChartCard *latency = panel.page(DashboardPanel::LatencyTab)->cards().first();
    QScatterSeries *points = seriesOf<QScatterSeries>(latency);
    QVERIFY2(points->count() <= 4 * latency->pixelWidth() && points->count() < 20000,
             qPrintable(QString::number(points->count())));
    bool slowKept = false;
    for (const QPointF &p : points->points())
        slowKept = slowKept || p.y() == 500.0;
    QVERIFY(slowKept);
}

void TestDashboard::themeFollowsPalette()
{
    DashboardPanel panel;
    panel.show();
    QPalette dark = panel.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, Qt::white);
    panel.setPalette(dark);
    for (ChartCard *card : panel.cards())
        QCOMPARE(card->chart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(panel.cards().first()->chart()->backgroundBrush().color(), QColor(0x18, 0x18, 0x18));
    QPalette light = dark;
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::Base, Qt::white);
    panel.setPalette(light);
    QCOMPARE(panel.cards().last()->chart()->theme(), QChart::ChartThemeLight);
}

void TestDashboard::exportsReadBack()
{
    QTemporaryDir dir;
    DashboardPanel panel;
    panel.resize(1400, 350);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed(&panel, 4);
    QString error;

    const QString png = dir.filePath("latency.png");
    QVERIFY2(panel.exportPng(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 600 && image.height() > 200);

    const QString csv = dir.filePath("metrics.csv");
    QVERIFY2(panel.exportCsv(csv, &error), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvFile.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("series,key,time_ms,time,value"));
    QVERIFY(lines.contains("summary,documents,,,4\r"));
    int latencyRows = 0;
    for (const QByteArray &l : lines)
        latencyRows += l.startsWith("latency_s,") ? 1 : 0;
    QCOMPARE(latencyRows, 4);

    const QString json = dir.filePath("metrics.json");
    QVERIFY2(panel.exportJson(json, &error), qPrintable(error));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(jsonFile.readAll()).object();
    QCOMPARE(o["window"].toString(), QStringLiteral("this_run"));
    QCOMPARE(o["summary"]["calls"].toInt(), 12);
    QCOMPARE(o["series"]["quality"].toArray().size(), 4);

    QVERIFY(!panel.exportCsv(dir.filePath("missing/dir/x.csv"), &error));
    QVERIFY(!error.isEmpty());
}

void TestDashboard::mainWindowShowsTheDashboard()
{
    Ui::MainWindow w;
    QVERIFY(w.dashboard());
    QCOMPARE(w.dashboardDock()->widget(), w.dashboard());
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"

// The benchmark panel with the real runner on the instant simulated
// provider: run, watch rows appear, cancel, compare A with B, reopen, export.
#include "ui/bench/benchmarkchart.h"
#include "ui/bench/benchmarkpanel.h"

#include "core/orchestration/documentorchestrator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

class TestBenchmarkPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void smallBenchmarkAddsARow();
    void cancelStopsTheRun();
    void comparisonShowsTwoRowsSideBySide();
    void pastRunsAreListedAndExported();

private:
    Config config() const;
    /** A panel on the test's database, with its past runs read. */
    void prepare(BenchmarkPanel &panel);
    QPushButton *button(BenchmarkPanel &panel, const QString &text);

    QTemporaryDir m_dir;
};

void TestBenchmarkPanel::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
    QCoreApplication::setOrganizationName("madf-test");
}

Config TestBenchmarkPanel::config() const
{
    Config c = Config::defaults();
    c.storage.statePath = m_dir.filePath("state");
    c.providers["simulated"].speed = 0;
    return c;
}

void TestBenchmarkPanel::prepare(BenchmarkPanel &panel)
{
    QSignalSpy loaded(&panel, &BenchmarkPanel::historyLoaded);
    panel.setConfig(config());
    panel.setDatabasePath(DocumentOrchestrator::databasePath(config()));
    QVERIFY(loaded.wait(10000));
}

QPushButton *TestBenchmarkPanel::button(BenchmarkPanel &panel, const QString &text)
{
    for (QPushButton *b : panel.findChildren<QPushButton *>())
        if (b->text().remove('&') == text)
            return b;
    return nullptr;
}

void TestBenchmarkPanel::smallBenchmarkAddsARow()
{
    BenchmarkPanel panel;
    prepare(panel);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.rowCount(), 0);
    QVERIFY(!panel.chart()->isShowingChart()); // the empty state explains what will appear

    panel.setCount(2);
    QSignalSpy done(&panel, &BenchmarkPanel::allFinished);
    QSignalSpy saved(&panel, &BenchmarkPanel::runSaved);
    QTest::mouseClick(button(panel, "Run"), Qt::LeftButton);
    QVERIFY(panel.isRunning());
    QVERIFY(!button(panel, "Run")->isEnabled());
    QVERIFY(button(panel, "Cancel")->isEnabled());
    QVERIFY(done.wait(60000));

    QCOMPARE(panel.rowCount(), 1);
    QTableWidget *t = panel.table();
    QCOMPARE(t->item(0, BenchmarkPanel::Test)->text(), QStringLiteral("Benchmark"));
    QCOMPARE(t->item(0, BenchmarkPanel::ConfigName)->text(), QStringLiteral("current"));
    QCOMPARE(t->item(0, BenchmarkPanel::Count)->text(), QStringLiteral("2"));
    QCOMPARE(t->item(0, BenchmarkPanel::Successes)->text(), QStringLiteral("2/2"));
    const BenchmarkResult &r = panel.results().first();
    QCOMPARE(t->item(0, BenchmarkPanel::DocsPerHour)->text(), QString::number(r.docsPerHour(), 'f', 1));
    QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());
    QCOMPARE(panel.progressBar()->maximum(), 2);
    QVERIFY(button(panel, "Run")->isEnabled());
    QVERIFY(panel.chart()->isShowingChart());
    QCOMPARE(panel.chart()->pointCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    QVERIFY(saved.first().first().toLongLong() > 0);
}

void TestBenchmarkPanel::cancelStopsTheRun()
{
    BenchmarkPanel panel;
    prepare(panel);
    const int before = panel.rowCount();
    panel.setCount(500);
    QSignalSpy done(&panel, &BenchmarkPanel::allFinished);
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(panel.progressBar()->value() >= 1, 30000);
    QTest::mouseClick(button(panel, "Cancel"), Qt::LeftButton);
    QVERIFY(done.wait(30000));
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.progressBar()->value() < 500);
    QCOMPARE(panel.rowCount(), before); // a cancelled run is not a result
    QVERIFY2(panel.statusText().startsWith("Cancelled"), qPrintable(panel.statusText()));
    QVERIFY(button(panel, "Run")->isEnabled());
    QVERIFY(!button(panel, "Cancel")->isEnabled());
}

void TestBenchmarkPanel::comparisonShowsTwoRowsSideBySide()
{
    BenchmarkPanel panel;
    prepare(panel);
    const int before = panel.rowCount();
    panel.setKind(BenchmarkResult::Kind::LoadTest);
    panel.setCount(2);
    panel.setComparison("fast");
    QCOMPARE(panel.comparison(), QStringLiteral("fast"));
    QSignalSpy each(&panel, &BenchmarkPanel::runFinished);
    QSignalSpy done(&panel, &BenchmarkPanel::allFinished);
    QSignalSpy saved(&panel, &BenchmarkPanel::runSaved);
    panel.run();
    QVERIFY(done.wait(60000));
    QCOMPARE(each.count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 10000);
    QVERIFY(saved.at(0).at(0).toLongLong() > 0 && saved.at(1).at(0).toLongLong() > 0);
    QCOMPARE(panel.rowCount(), before + 2);
    QCOMPARE(panel.progressBar()->maximum(), 4);
    // Newest first: B ran after A.
    QCOMPARE(panel.table()->item(0, BenchmarkPanel::ConfigName)->text(), QStringLiteral("preset: fast"));
    QCOMPARE(panel.table()->item(1, BenchmarkPanel::ConfigName)->text(), QStringLiteral("current"));
    QCOMPARE(panel.table()->item(0, BenchmarkPanel::Test)->text(), QStringLiteral("Load test"));
    QVERIFY(panel.table()->item(0, BenchmarkPanel::ConfigName)->toolTip().contains("quality_threshold 0.80"));
    QVERIFY(panel.table()->item(1, BenchmarkPanel::ConfigName)->toolTip().contains("quality_threshold 0.85"));
    QCOMPARE(panel.chart()->seriesCount(), 2);
}

void TestBenchmarkPanel::pastRunsAreListedAndExported()
{
    // The runs of the tests before were saved: a new panel lists them.
    BenchmarkPanel panel;
    prepare(panel);
    QCOMPARE(panel.rowCount(), 3);
    QCOMPARE(panel.table()->item(0, BenchmarkPanel::ConfigName)->text(), QStringLiteral("preset: fast"));

    const QString csv = m_dir.filePath("runs.csv");
    QString error;
    QVERIFY2(panel.exportTo(csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith("started_at,kind,config"));
    QVERIFY(lines[1].contains(",load-test,preset: fast,"));

    const QString json = m_dir.filePath("runs.json");
    QVERIFY(panel.exportTo(json));
    QFile j(json);
    QVERIFY(j.open(QIODevice::ReadOnly));
    const QJsonArray runs = QJsonDocument::fromJson(j.readAll()).array();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.last().toObject().value("iterations").toInt(), 2);
    QCOMPARE(runs.last().toObject().value("documents").toArray().size(), 2);
}

QTEST_MAIN(TestBenchmarkPanel)
#include "tst_benchmarkpanel.moc"

// The main window's stage timeline and benchmark window: menu actions with
// shortcuts, the timeline following the document being generated and
// showing one reopened from the history.
#include "ui/bench/benchmarkpanel.h"
#include "ui/mainwindow.h"
#include "ui/timeline/stagetimelineview.h"

#include "core/orchestration/enginethread.h"

#include <QAction>
#include <QDockWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

class TestTimelineWiring : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void actionsHaveShortcuts();
    void timelineFollowsTheGeneratedDocument();
    void benchmarkWindowOpensOnTheChosenTest();

private:
    Config config() const;
    QTemporaryDir m_dir;
};

void TestTimelineWiring::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
    QCoreApplication::setOrganizationName("madf-test");
}

Config TestTimelineWiring::config() const
{
    Config c = Config::defaults();
    c.storage.statePath = m_dir.filePath("state");
    c.providers["simulated"].speed = 0;
    return c;
}

void TestTimelineWiring::actionsHaveShortcuts()
{
    MainWindow w;
    auto *timeline = w.findChild<QAction *>("timelineAction");
    auto *bench = w.findChild<QAction *>("benchmarkAction");
    auto *load = w.findChild<QAction *>("loadTestAction");
    QVERIFY(timeline && bench && load);
    QCOMPARE(timeline->shortcut(), QKeySequence("Ctrl+Shift+T"));
    QCOMPARE(bench->shortcut(), QKeySequence("Ctrl+Shift+B"));
    QCOMPARE(load->shortcut(), QKeySequence("Ctrl+Shift+L"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.timelineDock()->close();
    timeline->trigger();
    QVERIFY(w.timelineDock()->isVisible());
}

void TestTimelineWiring::timelineFollowsTheGeneratedDocument()
{
    MainWindow w;
    w.setConfig(config(), m_dir.filePath("config/madf.yaml"));
    QSignalSpy finished(w.engine(), &EngineThread::documentFinished);
    DocumentRequest r;
    r.topic = QStringLiteral("Night trains of Europe");
    const QString id = w.generate(r);
    QCOMPARE(w.timeline()->documentId(), id);
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(!w.timeline()->timeline().isEmpty());
    const qsizetype liveCalls = w.timeline()->timeline().calls().size();
    QVERIFY(!w.timeline()->bottleneckText().isEmpty());

    // Another document reopened from the history replaces it; this one comes back from the store.
    w.timeline()->followDocument("someone-else");
    QVERIFY(w.timeline()->timeline().isEmpty());
    QSignalSpy loaded(w.timeline(), &StageTimelineView::loaded);
    w.openDocument(finished.first().first().value<Document>());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(w.timeline()->timeline().calls().size(), liveCalls);
}

void TestTimelineWiring::benchmarkWindowOpensOnTheChosenTest()
{
    MainWindow w;
    w.setConfig(config(), m_dir.filePath("config/madf.yaml"));
    QVERIFY(!w.benchmarkPanel());
    w.findChild<QAction *>("loadTestAction")->trigger();
    QVERIFY(w.benchmarkPanel());
    QVERIFY(w.benchmarkPanel()->window()->isVisible());
    QCOMPARE(w.benchmarkPanel()->kind(), BenchmarkResult::Kind::LoadTest);
    w.findChild<QAction *>("benchmarkAction")->trigger();
    QCOMPARE(w.benchmarkPanel()->kind(), BenchmarkResult::Kind::Benchmark);
}

QTEST_MAIN(TestTimelineWiring)
#include "tst_timelinewiring.moc"

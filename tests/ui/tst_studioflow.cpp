// The whole window with the real engine on the simulated provider: compose,
// generate, watch it arrive, cancel, find it in the history and reopen it.
#include "ui/compose/composerpanel.h"
#include "ui/document/documentview.h"
#include "ui/document/qualityview.h"
#include "ui/history/historypanel.h"
#include "ui/mainwindow.h"

#include "core/orchestration/enginethread.h"

#include <QFrame>
#include <QLabel>
#include <QStatusBar>
#include <QLineEdit>
#include <QTreeWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

class TestStudioFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void composeGenerateAndSeeItArrive();
    void historyListsAndReopens();
    void cancelStopsADocument();

private:
    Config config(double speed) const;
    QTemporaryDir m_dir;
    QString m_firstId;
};

void TestStudioFlow::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
    QCoreApplication::setOrganizationName("madf-test");
}

Config TestStudioFlow::config(double speed) const
{
    Config c = Config::defaults();
    c.storage.statePath = m_dir.filePath("state");
    c.providers["simulated"].speed = speed;
    return c;
}

void TestStudioFlow::composeGenerateAndSeeItArrive()
{
    MainWindow w;
    w.setConfig(config(0), m_dir.filePath("config/madf.yaml"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.simulatedBanner()->isVisible());
    QSignalSpy finished(w.engine(), &EngineThread::documentFinished);

    auto *topic = w.composer()->findChild<QLineEdit *>();
    topic->setFocus();
    QTest::keyClicks(topic, "Urban beekeeping for beginners");
    QTest::keyClick(topic, Qt::Key_Return, Qt::ControlModifier);

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const Document doc = finished.first().first().value<Document>();
    QCOMPARE(doc.status, DocumentStatus::Complete);
    QVERIFY(doc.sections.size() >= 2);
    QVERIFY(doc.qualityScore.has_value());
    m_firstId = doc.id;
    QCOMPARE(w.documentView()->documentId(), doc.id);
    QTRY_VERIFY(w.documentView()->renderedText().contains(doc.sections.first().title));
    QVERIFY(w.documentView()->qualityView()->roundCount() >= 1);
    QVERIFY(!w.documentView()->liveText().isEmpty()); // text streamed in while it was written
}

void TestStudioFlow::historyListsAndReopens()
{
    MainWindow w;
    w.setConfig(config(0), m_dir.filePath("config/madf.yaml"));
    QTRY_VERIFY_WITH_TIMEOUT(w.history()->rowCount() >= 1, 10000);
    QCOMPARE(w.history()->idAt(0), m_firstId);
    QSignalSpy opened(w.history(), &HistoryPanel::openRequested);
    w.history()->view()->setCurrentItem(w.history()->view()->topLevelItem(0));
    w.history()->openSelected();
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(w.documentView()->documentId(), m_firstId);
    QVERIFY(w.documentView()->renderedText().contains("beekeeping", Qt::CaseInsensitive));

    // After a restart the status bar still counts the first window's
    // (simulated) spending today, read back from the documents database.
    auto todayLabel = [&w]() -> QString {
        for (const QLabel *label : w.statusBar()->findChildren<QLabel *>())
            if (label->text().startsWith(QLatin1String("Today:")))
                return label->text();
        return {};
    };
    QTRY_VERIFY2(todayLabel().endsWith(QLatin1String("(simulated)")) && todayLabel() != "Today: $0.0000 (simulated)",
                 qPrintable(todayLabel()));
}

void TestStudioFlow::cancelStopsADocument()
{
    MainWindow w;
    w.setConfig(config(1.0), m_dir.filePath("config/madf.yaml")); // real-time latencies: slow enough to cancel
    QSignalSpy finished(w.engine(), &EngineThread::documentFinished);
    QSignalSpy progress(w.engine(), &EngineThread::progressChanged);
    DocumentRequest r;
    r.topic = "A long history of bridges";
    r.targetLength = 3000;
    const QString id = w.generate(r);
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 1, 20000);
    emit w.documentView()->cancelRequested(id);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    const Document doc = finished.first().first().value<Document>();
    QCOMPARE(doc.id, id);
    QCOMPARE(doc.status, DocumentStatus::Cancelled);
}

QTEST_MAIN(TestStudioFlow)
#include "tst_studioflow.moc"

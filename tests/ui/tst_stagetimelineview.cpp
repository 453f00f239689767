// The stage timeline view: empty state, a document followed live, one read
// back from the store, the painted bars, and a real document from the engine.
#include "ui/theme/theme.h"
#include "ui/timeline/ganttchart.h"
#include "ui/timeline/stagetimelineview.h"

#include "core/orchestration/documentorchestrator.h"
#include "core/orchestration/enginethread.h"
#include "core/storage/documentstore.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

namespace {
constexpr qint64 T0 = 1'700'000'000'000;

CallRecordEvent callEvent(const QString &doc, const QString &key, qint64 start, qint64 total, qint64 queued = 0)
{
    CallRecordEvent e;
    e.documentId = doc;
    e.stepKey = key;
    e.agent = QStringLiteral("writing");
    e.provider = QStringLiteral("simulated");
    e.model = QStringLiteral("gpt-4");
    e.startedAtMs = T0 + start;
    e.totalMs = total;
    e.queuedMs = queued;
    e.attempts = 1;
    e.ok = true;
    e.usage.promptTokens = 1200;
    e.usage.completionTokens = 800;
    e.costUsd = 0.06;
    return e;
}

// Sections drafted at once; section 2 is slow and waited 300 ms for a slot.
QList<CallRecordEvent> schedule(const QString &doc)
{
    return {callEvent(doc, "research/plan", 0, 100),     callEvent(doc, "outline", 100, 100),
            callEvent(doc, "section/1/draft", 200, 300), callEvent(doc, "section/2/draft", 200, 1500, 300),
            callEvent(doc, "edit/structure", 1700, 200), callEvent(doc, "verify/accuracy", 1900, 100)};
}
} // namespace

class TestStageTimelineView : public QObject
{
    Q_OBJECT
private slots:
    void emptyStateSaysWhatWillAppear();
    void followsADocumentLive();
    void paintsBarsInThePaletteColours();
    void readsAFinishedDocumentFromTheStore();
    void engineDocumentLiveMatchesStored();
};

void TestStageTimelineView::emptyStateSaysWhatWillAppear()
{
    StageTimelineView view;
    QVERIFY(view.isShowingEmptyState());
    QVERIFY(view.emptyText().contains("Generate a document"));
    view.followDocument("d1");
    QVERIFY(view.isShowingEmptyState());
    QVERIFY(view.emptyText().contains("No model calls"));
}

void TestStageTimelineView::followsADocumentLive()
{
    StageTimelineView view;
    view.setContext({4, 10});
    view.followDocument("d1");
    view.onCallRecorded(callEvent("other", "outline", 0, 5000)); // another document's call
    for (const CallRecordEvent &e : schedule("d1"))
        view.onCallRecorded(e);
    QVERIFY(!view.isShowingEmptyState());
    QCOMPARE(view.timeline().calls().size(), 6);
    QVERIFY2(view.bottleneckText().startsWith("Writing is 75% of this document's latency"),
             qPrintable(view.bottleneckText()));
    QVERIFY(view.hintTexts().join('\n').contains("faster model for the writing agent"));

    const CriticalPath &path = view.timeline().criticalPath();
    QCOMPARE(path.calls.size(), 5); // section 1 ran beside the slow section 2
    const int slow = 3;
    QVERIFY(path.contains(slow));
    const QString tip = view.chart()->toolTipFor(slow);
    QVERIFY2(tip.contains("section/2/draft") && tip.contains("gpt-4") && tip.contains("1200 in, 800 out")
                 && tip.contains("$0.0600") && tip.contains("Queued 300 ms") && tip.contains("critical path"),
             qPrintable(tip));
    QVERIFY(!view.chart()->toolTipFor(2).contains("critical path"));
}

void TestStageTimelineView::paintsBarsInThePaletteColours()
{
    for (const bool dark : {false, true}) {
        StageTimelineView view;
        if (dark)
            view.setPalette(Theme::darkPalette());
        view.resize(900, 500);
        view.followDocument("d1");
        for (const CallRecordEvent &e : schedule("d1"))
            view.onCallRecorded(e);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        GanttChart *chart = view.chart();
        const GanttChart::Colors c = GanttChart::colorsFor(chart->palette());
        const QImage image = chart->grab().toImage();
        // Section 2: 300 ms queued, then 1200 ms running.
        const QRect bar = chart->barRect(3);
        QVERIFY(bar.width() > 100);
        QCOMPARE(image.pixelColor(bar.left() + bar.width() / 10, bar.center().y()).rgb(), c.queued.rgb());
        QCOMPARE(image.pixelColor(bar.left() + bar.width() * 6 / 10, bar.center().y()).rgb(), c.running.rgb());
        // The bar is at the call's place on the time axis: it starts a tenth of the way in.
        const QRect first = chart->barRect(0);
        QVERIFY(qAbs((bar.left() - first.left()) - (chart->width() - first.left() - 16) / 10) <= 2);
        QCOMPARE(Theme::isDark(chart->palette()), dark);
    }
}

void TestStageTimelineView::readsAFinishedDocumentFromTheStore()
{
    QTemporaryDir dir;
    const QString db = dir.filePath("documents.sqlite");
    DocumentRequest request;
    request.topic = QStringLiteral("Tides");
    Document doc = Document::fromRequest(request);
    {
        DocumentStore store;
        QVERIFY(store.open(db));
        QVERIFY(store.saveDocument(doc));
        for (const CallRecordEvent &e : schedule(doc.id)) {
            CallRecord r;
            r.documentId = doc.id;
            r.stepKey = e.stepKey;
            r.agent = e.agent;
            r.model = e.model;
            r.latencyMs = e.totalMs;
            r.queuedMs = e.queuedMs;
            r.createdAt = QDateTime::fromMSecsSinceEpoch(e.startedAtMs + e.totalMs, Qt::UTC);
            QVERIFY(store.recordCall(r) > 0);
        }
    }
    StageTimelineView view;
    view.setDatabasePath(db);
    QSignalSpy loaded(&view, &StageTimelineView::loaded);
    view.loadDocument(doc.id);
    QVERIFY(view.isShowingEmptyState()); // while reading
    // A call recorded while the store is read is not lost, nor counted twice.
    view.onCallRecorded(schedule(doc.id).last());
    view.onCallRecorded(callEvent(doc.id, "revision/1/section/2", 2000, 400));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(1).toInt(), 7);
    QCOMPARE(view.timeline().calls().size(), 7);
    QVERIFY(!view.isShowingEmptyState());
    QCOMPARE(view.timeline().bottleneck()->stage, QStringLiteral("writing"));
    QCOMPARE(view.timeline().criticalPath().wallMs(), 2400);
}

void TestStageTimelineView::engineDocumentLiveMatchesStored()
{
    QTemporaryDir dir;
    Config config = Config::defaults();
    config.storage.statePath = dir.filePath("state");
    config.providers["simulated"].speed = 0;
    EngineThread engine(config);
    StageTimelineView live;
    connect(&engine, &EngineThread::callRecorded, &live, &StageTimelineView::onCallRecorded);
    QSignalSpy finished(&engine, &EngineThread::documentFinished);
    engine.start();
    DocumentRequest request;
    request.topic = QStringLiteral("Lighthouses");
    const QString id = engine.createDocument(request);
    live.followDocument(id);
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(!live.timeline().isEmpty());
    QVERIFY(!live.bottleneckText().isEmpty());
    QStringList stages;
    for (const auto &group : live.timeline().rows())
        stages << group.stage;
    QVERIFY2(stages.contains("research") && stages.contains("writing") && stages.contains("verification"),
             qPrintable(stages.join(',')));

    StageTimelineView stored;
    stored.setDatabasePath(DocumentOrchestrator::databasePath(config));
    QSignalSpy loaded(&stored, &StageTimelineView::loaded);
    stored.loadDocument(id);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(stored.timeline().calls().size(), live.timeline().calls().size());
    QStringList storedStages;
    for (const auto &group : stored.timeline().rows())
        storedStages << group.stage;
    QCOMPARE(storedStages, stages);
}

QTEST_MAIN(TestStageTimelineView)
#include "tst_stagetimelineview.moc"

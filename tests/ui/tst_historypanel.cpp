// The history list: an unfinished document nobody is running is shown as
// interrupted (with Resume to continue it), not as still "Researching".
#include "core/model/document.h"
#include "core/storage/documentstore.h"
#include "ui/history/historypanel.h"

#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

class TestHistoryPanel : public QObject
{
    Q_OBJECT
private slots:
    void unfinishedDocumentsNotRunningAreInterrupted();
};

void TestHistoryPanel::unfinishedDocumentsNotRunningAreInterrupted()
{
    QTemporaryDir dir;
    const QString db = dir.filePath("documents.db");
    {
        DocumentStore store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        Document running;
        running.id = "doc-running";
        running.request.topic = "Solar power";
        running.title = "Solar power";
        running.status = DocumentStatus::Researching;
        DocumentRow runningRow;
        runningRow.latencyMs = 34700;   // how long it had run at its last save
        Document done = running;
        done.id = "doc-done";
        done.title = "Wind power";
        done.status = DocumentStatus::Complete;
        QVERIFY2(store.saveDocument(running, runningRow, &error), qPrintable(error));
        QVERIFY2(store.saveDocument(done, {}, &error), qPrintable(error));
    }
    HistoryPanel panel;
    panel.setDatabasePath(db);
    QTRY_COMPARE(panel.rowCount(), 2);
    auto itemOf = [&](const QString &id) -> const QTreeWidgetItem * {
        for (int i = 0; i < panel.rowCount(); ++i)
            if (panel.idAt(i) == id)
                return panel.view()->topLevelItem(i);
        return nullptr;
    };
    auto cellOf = [&](const QString &id, int column) {
        const QTreeWidgetItem *item = itemOf(id);
        return item ? item->text(column) : QString();
    };
    auto statusOf = [&](const QString &id) { return cellOf(id, 1); };
    QCOMPARE(statusOf("doc-running"), QStringLiteral("Interrupted"));
    QVERIFY(itemOf("doc-running")->toolTip(1).contains("Resume"));
    QCOMPARE(statusOf("doc-done"), documentStatusLabel(DocumentStatus::Complete));
    // Latency: none for one that never finished (not "0.0 s"), the time taken for one that did.
    auto latencyOf = [&](const QString &id) { return cellOf(id, 4); };
    QCOMPARE(latencyOf("doc-running"), QStringLiteral("—"));
    QVERIFY(itemOf("doc-running")->toolTip(4).contains("34.7 s"));
    QCOMPARE(latencyOf("doc-done"), QStringLiteral("0.0 s"));
    panel.setRunning({"doc-running"});
    QCOMPARE(statusOf("doc-running"), documentStatusLabel(DocumentStatus::Researching));
    panel.setRunning({});
    QCOMPARE(statusOf("doc-running"), QStringLiteral("Interrupted"));

    // While it runs, its row follows the engine's progress between reads.
    panel.setRunning({"doc-running"});
    DocumentProgress progress;
    progress.documentId = "doc-running";
    progress.status = DocumentStatus::Writing;
    progress.costUsd = 0.0421;
    panel.showProgress(progress);
    QCOMPARE(statusOf("doc-running"), documentStatusLabel(DocumentStatus::Writing));
    auto costOf = [&](const QString &id) { return cellOf(id, 3); };
    QCOMPARE(costOf("doc-running"), QStringLiteral("$0.0421"));
    progress.documentId = "not-listed";   // ignored
    panel.showProgress(progress);
    QCOMPARE(panel.rowCount(), 2);
    // A fresh read shows the database's values again.
    panel.refresh();
    QTRY_COMPARE(costOf("doc-running"), QStringLiteral("$0.0000"));
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"

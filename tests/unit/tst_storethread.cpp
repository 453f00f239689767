#include "core/storage/documentstore.h"
#include "core/storage/storethread.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Madf;

namespace {

Document makeDocument(const QString &id)
{
    DocumentRequest request;
    request.topic = QStringLiteral("Tides and the moon");
    Document document = Document::fromRequest(request);
    document.id = id;
    document.title = QStringLiteral("Tides");
    document.status = DocumentStatus::Writing;
    return document;
}

StepRecord makeStep(const QString &key)
{
    StepRecord step;
    step.stepKey = key;
    step.stage = key.section(QLatin1Char('/'), 0, 0);
    step.agent = QStringLiteral("writer");
    step.output = QStringLiteral("output of ") + key;
    return step;
}

StoreThread::Write saveDocument(const Document &document)
{
    // Not QVERIFY: this runs on the store's thread. The steps that follow
    // refer to the document, so a failure shows there.
    return [document](DocumentStore &store) { store.saveDocument(document); };
}

StoreThread::Write saveStep(const QString &documentId, const QString &key)
{
    return [documentId, key](DocumentStore &store) { store.saveStep(documentId, makeStep(key)); };
}

QStringList stepKeys(const QString &dbPath, const QString &documentId)
{
    DocumentStore reader;
    if (!reader.open(dbPath))
        return {QStringLiteral("cannot open")};
    QStringList keys;
    for (const StepRecord &s : reader.steps(documentId))
        keys << s.stepKey;
    return keys;
}

} // namespace

class TestStoreThread : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath()
    {
        const QString path = m_dir.filePath(QStringLiteral("db%1/madf.db").arg(++m_counter));
        DocumentStore migrate;   // the engine migrates before its writer opens
        if (!migrate.open(path))
            qWarning("cannot create %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void batchesAreSavedInOrderOnTheirOwnThread()
    {
        const QString path = freshPath();
        std::atomic<quint64> lastReported {0};
        std::atomic<bool> reportedOffThisThread {false};
        QThread *const mine = QThread::currentThread();
        StoreThread writer;
        QString error;
        QVERIFY2(writer.open(path,
                             [&](quint64 last) {
                                 reportedOffThisThread = QThread::currentThread() != mine;
                                 lastReported = last;   // last: the test waits on it
                             },
                             &error),
                 qPrintable(error));
        QVERIFY(writer.isOpen());

        QCOMPARE(writer.submit({}), quint64(0));   // nothing to save
        const quint64 first = writer.submit({saveDocument(makeDocument(QStringLiteral("D1")))});
        const quint64 second = writer.submit({saveStep(QStringLiteral("D1"), QStringLiteral("research/plan")),
                                              saveStep(QStringLiteral("D1"), QStringLiteral("outline"))});
        QCOMPARE(first, quint64(1));
        QCOMPARE(second, quint64(2));
        writer.waitUntilSaved(second);
        QVERIFY(writer.saved() >= second);
        QTRY_COMPARE(lastReported.load(), second);
        QVERIFY(reportedOffThisThread);
        // Readable through another connection once saved.
        QCOMPARE(stepKeys(path, QStringLiteral("D1")),
                 (QStringList {QStringLiteral("research/plan"), QStringLiteral("outline")}));
    }

    void queuedBatchesShareCommits()
    {
        const QString path = freshPath();
        std::atomic<int> commits {0};
        std::atomic<quint64> reported {0};
        StoreThread writer;
        QVERIFY(writer.open(path, [&](quint64 last) {
            ++commits;
            reported = last;
        }));
        // The first batch holds the thread until every other one is queued:
        // whatever the machine's speed, they then wait together.
        std::atomic<bool> release {false};
        writer.submit({saveDocument(makeDocument(QStringLiteral("D2"))), StoreThread::Write([&](DocumentStore &) {
                           while (!release)
                               QThread::yieldCurrentThread();
                       })});
        constexpr int kBatches = 200;
        quint64 last = 0;
        for (int i = 0; i < kBatches; ++i)
            last = writer.submit({saveStep(QStringLiteral("D2"), QStringLiteral("section/%1/draft").arg(i))});
        release = true;
        writer.waitUntilSaved(last);
        QCOMPARE(stepKeys(path, QStringLiteral("D2")).size(), kBatches);
        // The news of a commit comes just after waitUntilSaved() hears of it.
        QTRY_COMPARE(reported.load(), last);
        // The held batch (with those queued before the thread woke), then
        // all the others in one transaction.
        QVERIFY2(commits >= 1 && commits <= 2, qPrintable(QString::number(commits)));
    }

    // Without anyone waiting (no waitUntilSaved(), which wakes the thread):
    // a batch handed to an idle thread, and one handed over while it pauses
    // between commits, are saved all the same.
    void theThreadWakesForWhatItIsGiven()
    {
        const QString path = freshPath();
        StoreThread writer;
        QVERIFY(writer.open(path, {}));
        const quint64 first = writer.submit({saveDocument(makeDocument(QStringLiteral("D7")))});
        QTRY_VERIFY(writer.saved() >= first);   // idle: woken
        const quint64 paused = writer.submit({saveStep(QStringLiteral("D7"), QStringLiteral("outline"))});
        const quint64 urgent = writer.submit({saveStep(QStringLiteral("D7"), QStringLiteral("research/plan"))}, true);
        QVERIFY(urgent > paused);
        QTRY_VERIFY(writer.saved() >= urgent);
        QCOMPARE(stepKeys(path, QStringLiteral("D7")).size(), 2);
        // Nothing queued: returns at once.
        writer.waitUntilSaved(urgent);
    }

    void closeSavesWhatIsQueued()
    {
        const QString path = freshPath();
        StoreThread writer;
        QVERIFY(writer.open(path, {}));
        writer.submit({saveDocument(makeDocument(QStringLiteral("D3")))});
        writer.submit({saveStep(QStringLiteral("D3"), QStringLiteral("outline"))});
        writer.close();
        QVERIFY(!writer.isOpen());
        QCOMPARE(stepKeys(path, QStringLiteral("D3")), QStringList {QStringLiteral("outline")});
        QCOMPARE(writer.submit({saveStep(QStringLiteral("D3"), QStringLiteral("late"))}), quint64(0));
    }

    void aFailingWriteDoesNotStopTheOthers()
    {
        const QString path = freshPath();
        StoreThread writer;
        QVERIFY(writer.open(path, {}));
        std::atomic<bool> failed {false};
        QString why;
        const quint64 n = writer.submit({
            saveDocument(makeDocument(QStringLiteral("D4"))),
            // No such document: the foreign key refuses the step.
            StoreThread::Write([&](DocumentStore &store) {
                failed = !store.saveStep(QStringLiteral("nobody"), makeStep(QStringLiteral("outline")), &why);
            }),
            saveStep(QStringLiteral("D4"), QStringLiteral("outline")),
        });
        writer.waitUntilSaved(n);
        QVERIFY(failed);
        QVERIFY2(why.contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive), qPrintable(why));
        QCOMPARE(stepKeys(path, QStringLiteral("D4")), QStringList {QStringLiteral("outline")});
    }

    void aLaterWholeSaveMakesEarlierOnesPointless()
    {
        const QString path = freshPath();
        StoreThread writer;
        QVERIFY(writer.open(path, {}));
        using Entry = StoreThread::Entry;
        std::atomic<int> ran[6] = {};
        const auto save = [&](int n, const QString &title, DocumentStatus status, const QString &id = QStringLiteral("D6")) {
            Document d = makeDocument(id);
            d.title = title;
            d.status = status;
            return StoreThread::Write([&, n, d](DocumentStore &store) {
                ++ran[n];
                store.saveDocument(d);
            });
        };
        const QString key = QStringLiteral("D6");
        // One batch: one transaction, whatever the timing.
        const quint64 n = writer.submit({
            Entry(save(0, QStringLiteral("first"), DocumentStatus::Researching), key, Entry::Replaces),
            saveStep(key, QStringLiteral("outline")),
            Entry(save(1, QStringLiteral("second"), DocumentStatus::Writing), key,
                  Entry::Replaceable | Entry::Replaces),
            Entry(StoreThread::Write([&](DocumentStore &store) {
                      ++ran[2];
                      store.saveDocumentState(key, DocumentStatus::Editing, QDateTime::currentDateTimeUtc(), {});
                  }),
                  key, Entry::Replaceable),
            Entry(save(3, QStringLiteral("third"), DocumentStatus::Verifying), key,
                  Entry::Replaceable | Entry::Replaces),
            // Another document's whole save replaces nothing of this one.
            Entry(save(4, QStringLiteral("other"), DocumentStatus::Complete, QStringLiteral("other")), QStringLiteral("other"), Entry::Replaces),
            Entry(StoreThread::Write([&](DocumentStore &store) {
                      ++ran[5];
                      store.saveDocumentState(key, DocumentStatus::Complete, QDateTime::currentDateTimeUtc(), {});
                  }),
                  key, Entry::Replaceable),
        });
        writer.waitUntilSaved(n);
        QCOMPARE(ran[0].load(), 1);   // creates the row: never skipped
        QCOMPARE(ran[1].load(), 0);
        QCOMPARE(ran[2].load(), 0);
        QCOMPARE(ran[3].load(), 1);
        QCOMPARE(ran[4].load(), 1);
        QCOMPARE(ran[5].load(), 1);   // nothing whole comes after it
        DocumentStore reader;
        QVERIFY(reader.open(path));
        const std::optional<Document> stored = reader.document(key);
        QVERIFY(stored);
        QCOMPARE(stored->title, QStringLiteral("third"));
        QCOMPARE(stored->status, DocumentStatus::Complete);
        QCOMPARE(stepKeys(path, key), QStringList {QStringLiteral("outline")});
    }

    void openFailureIsReported()
    {
        // A file where the folder should be.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        StoreThread writer;
        QString error;
        QVERIFY(!writer.open(blocker + QStringLiteral("/madf.db"), {}, &error));
        QVERIFY(!writer.isOpen());
        QVERIFY2(error.contains(QLatin1String("blocker")), qPrintable(error));
        QCOMPARE(writer.submit({saveDocument(makeDocument(QStringLiteral("D5")))}), quint64(0));
        writer.waitUntilSaved(1);   // returns: nothing will ever be saved
    }
};

QTEST_GUILESS_MAIN(TestStoreThread)
#include "tst_storethread.moc"

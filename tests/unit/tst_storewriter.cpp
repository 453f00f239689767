#include "core/orchestration/storewriter.h"
#include "core/storage/documentstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Madf;

namespace {

Document makeDocument(const QString &id, DocumentStatus status = DocumentStatus::Writing)
{
    DocumentRequest request;
    request.topic = QStringLiteral("Tides and the moon");
    Document document = Document::fromRequest(request);
    document.id = id;
    document.title = QStringLiteral("Tides");
    document.status = status;
    return document;
}

StoreWriter::Write saveDocument(const Document &document)
{
    return [document](DocumentStore &store, QString *error) { return store.saveDocument(document, {}, error); };
}

StoreWriter::Write saveStep(const QString &documentId, const QString &key)
{
    return [documentId, key](DocumentStore &store, QString *error) {
        StepRecord step;
        step.stepKey = key;
        step.output = key;
        return store.saveStep(documentId, step, error);
    };
}

} // namespace

class TestStoreWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath()
    {
        const QString path = m_dir.filePath(QStringLiteral("db%1/madf.db").arg(++m_counter));
        DocumentStore migrate;
        if (!migrate.open(path))
            qWarning("cannot create %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void writesLandTogetherAfterTheEventLoopPass()
    {
        const QString path = freshPath();
        StoreWriter writer;
        QVERIFY(writer.open(path));
        writer.write("the document", QStringLiteral("W1"), saveDocument(makeDocument(QStringLiteral("W1"))));
        writer.write("a step", QStringLiteral("W1"), saveStep(QStringLiteral("W1"), QStringLiteral("outline")));
        DocumentStore reader;
        QVERIFY(reader.open(path));
        // Nothing is handed over inside the pass that wrote it.
        QVERIFY(!reader.document(QStringLiteral("W1")));
        QTRY_COMPARE(reader.steps(QStringLiteral("W1")).size(), 1);
        QVERIFY(reader.document(QStringLiteral("W1")));
    }

    void whenSavedRunsOnceTheWritesCanBeRead()
    {
        const QString path = freshPath();
        StoreWriter writer;
        QVERIFY(writer.open(path));
        writer.write("the document", QStringLiteral("W2"),
                     saveDocument(makeDocument(QStringLiteral("W2"), DocumentStatus::Complete)));
        DocumentStore reader;
        QVERIFY(reader.open(path));
        std::optional<DocumentStatus> seen;
        QObject context;
        writer.whenSaved(&context, [&] {
            const std::optional<Document> stored = reader.document(QStringLiteral("W2"));
            seen = stored ? stored->status : DocumentStatus::Pending;
        });
        QVERIFY(!seen);   // later, from the event loop
        QTRY_VERIFY(seen.has_value());
        QCOMPARE(*seen, DocumentStatus::Complete);
    }

    void whenSavedSkipsAContextThatIsGone()
    {
        StoreWriter writer;
        QVERIFY(writer.open(freshPath()));
        writer.write("the document", QStringLiteral("W3"), saveDocument(makeDocument(QStringLiteral("W3"))));
        bool called = false;
        auto context = std::make_unique<QObject>();
        writer.whenSaved(context.get(), [&] { called = true; });
        context.reset();
        bool later = false;
        QObject other;
        writer.write("a step", QStringLiteral("W3"), saveStep(QStringLiteral("W3"), QStringLiteral("outline")));
        writer.whenSaved(&other, [&] { later = true; });
        QTRY_VERIFY(later);
        QVERIFY(!called);
    }

    void withoutAStoreNothingWaits()
    {
        StoreWriter writer;   // never opened: documents run in memory
        bool saved = false;
        bool ran = false;
        writer.write("a step", QStringLiteral("W4"), [&](DocumentStore &, QString *) { return ran = true; });
        writer.saveBeforeHandOff(this, [&] { ran = true; });
        writer.whenSaved(this, [&] { saved = true; });
        QVERIFY(saved);   // at once
        QCoreApplication::processEvents();
        QVERIFY(!ran);
    }

    void aPendingSaveRunsOncePerPass()
    {
        const QString path = freshPath();
        StoreWriter writer;
        QVERIFY(writer.open(path));
        writer.write("the document", QStringLiteral("W5"), saveDocument(makeDocument(QStringLiteral("W5"))));
        int saves = 0;
        for (int i = 0; i < 5; ++i)
            writer.saveBeforeHandOff(this, [&, i] {
                ++saves;
                writer.write("a step", QStringLiteral("W5"),
                             saveStep(QStringLiteral("W5"), QStringLiteral("step/%1").arg(i)));
            });
        bool done = false;
        writer.whenSaved(this, [&] { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(saves, 1);
        DocumentStore reader;
        QVERIFY(reader.open(path));
        const QList<StepRecord> steps = reader.steps(QStringLiteral("W5"));
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps.first().stepKey, QStringLiteral("step/4"));   // the last one asked for

        // saveNow() runs it at once (its owner is going away).
        writer.saveBeforeHandOff(this, [&] { ++saves; });
        writer.saveNow(this);
        QCOMPARE(saves, 2);
        QCoreApplication::processEvents();
        QCOMPARE(saves, 2);
    }

    void destructionSavesWhatIsPending()
    {
        const QString path = freshPath();
        {
            StoreWriter writer;
            QVERIFY(writer.open(path));
            writer.write("the document", QStringLiteral("W6"), saveDocument(makeDocument(QStringLiteral("W6"))));
            writer.saveBeforeHandOff(this, [&] {
                writer.write("a step", QStringLiteral("W6"), saveStep(QStringLiteral("W6"), QStringLiteral("last")));
            });
        }
        DocumentStore reader;
        QVERIFY(reader.open(path));
        QCOMPARE(reader.steps(QStringLiteral("W6")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStoreWriter)
#include "tst_storewriter.moc"

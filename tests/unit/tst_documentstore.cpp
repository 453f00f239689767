#include "core/storage/documentstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Madf;

namespace {

DocumentSection section(const QString &title, const QString &content, int order)
{
    DocumentSection s;
    s.title = title;
    s.content = content;
    s.order = order;
    return s;
}

Document makeDocument(const QString &title, DocumentStatus status, const QDateTime &createdAt,
                      const QString &topic = {})
{
    DocumentRequest request;
    request.topic = topic.isEmpty() ? title : topic;
    Document document = Document::fromRequest(request);
    document.title = title;
    document.status = status;
    document.createdAt = createdAt;
    document.updatedAt = createdAt.addSecs(60);
    return document;
}

Document richDocument()
{
    DocumentRequest request;
    request.topic = QStringLiteral("The history of the printing press");
    request.documentType = QStringLiteral("report");
    request.targetLength = 1500;
    request.requirements = {QStringLiteral("Cite sources"), QStringLiteral("Use plain words")};
    Document document = Document::fromRequest(request);
    document.sections = {section(QStringLiteral("Introduction"), QStringLiteral("Gutenberg's press, c. 1450 [1]."), 0),
                         section(QStringLiteral("Impact"), QStringLiteral("- Literacy\n- **Reformation** ü"), 1)};
    document.sections[1].metadata = {{QStringLiteral("revision"), 2}};
    document.status = DocumentStatus::Complete;
    document.qualityScore = 0.8731;
    document.recomputeWordCount();
    document.metadata = {{QStringLiteral("references"), QStringList {QStringLiteral("Eisenstein 1979")}}};
    document.updatedAt = document.createdAt.addSecs(95);
    return document;
}

StepRecord makeStep(const QString &key, const QString &output, StepRecord::Status status = StepRecord::Ok)
{
    StepRecord step;
    step.stepKey = key;
    step.stage = key.section(QLatin1Char('/'), 0, 0);
    step.agent = QStringLiteral("writer");
    step.status = status;
    step.output = output;
    step.metadata = {{QStringLiteral("tokens"), 42}};
    return step;
}

CallRecord makeCall(const QString &documentId, std::optional<double> cost, const QDateTime &at = {})
{
    CallRecord call;
    call.documentId = documentId;
    call.stepKey = QStringLiteral("research/q1");
    call.agent = QStringLiteral("researcher");
    call.provider = QStringLiteral("openai");
    call.model = QStringLiteral("gpt-4o-mini");
    call.usage.promptTokens = 1200;
    call.usage.cachedPromptTokens = 200;
    call.usage.cacheWriteTokens = 10;
    call.usage.completionTokens = 300;
    call.usage.reasoningTokens = 50;
    call.costUsd = cost;
    call.latencyMs = 2345;
    call.ttftMs = 321;
    call.queuedMs = 12;
    call.attempts = 2;
    if (at.isValid())
        call.createdAt = at;
    return call;
}

QStringList ids(const QList<DocumentSummary> &summaries)
{
    QStringList list;
    for (const DocumentSummary &summary : summaries)
        list.append(summary.id);
    return list;
}

} // namespace

class TestDocumentStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1/madf.db").arg(++m_counter)); }

    // Four documents an hour apart; ids "A".."D", oldest first.
    void addHistory(DocumentStore &store)
    {
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-1);
        struct Row {
            const char *id; const char *title; const char *topic; DocumentStatus status;
            std::optional<double> quality; double cost; qint64 latency;
        };
        const Row rows[] = {
            {"A", "Solar power basics", "", DocumentStatus::Complete, 0.9, 0.05, 1000},
            {"B", "Wind turbines", "Offshore wind energy", DocumentStatus::Failed, std::nullopt, 0.01, 5000},
            {"C", "ÜNÏCODE guide", "Straße names", DocumentStatus::Complete, 0.7, 0.2, 3000},
            {"D", "Solar panels in winter", "", DocumentStatus::Writing, std::nullopt, 0.0, 200},
        };
        int hour = 0;
        for (const Row &row : rows) {
            Document document = makeDocument(QString::fromUtf8(row.title), row.status, t0.addSecs(3600 * hour++),
                                             QString::fromUtf8(row.topic));
            document.id = QString::fromLatin1(row.id);
            document.qualityScore = row.quality;
            DocumentRow extra;
            extra.costUsd = row.cost;
            extra.latencyMs = row.latency;
            QString error;
            QVERIFY2(store.saveDocument(document, extra, &error), qPrintable(error));
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void documentRoundTrip()
    {
        DocumentStore store;
        QString error;
        QVERIFY2(store.open(freshPath(), &error), qPrintable(error));
        QCOMPARE(store.journalMode(), QStringLiteral("wal"));

        const Document original = richDocument();
        DocumentRow row;
        row.costUsd = 0.0421;
        row.latencyMs = 98765;
        row.batchId = QStringLiteral("batch-7");
        row.configJson = QStringLiteral("{\"orchestrator\":{\"max_concurrent_tasks\":3}}");
        QVERIFY2(store.saveDocument(original, row, &error), qPrintable(error));

        const std::optional<Document> loaded = store.document(original.id, &error);
        QVERIFY2(loaded.has_value(), qPrintable(error));
        QCOMPARE(*loaded, original);
        QCOMPARE(loaded->sections.size(), 2);
        QCOMPARE(loaded->qualityScore.value(), 0.8731);
        QCOMPARE(store.documentRow(original.id), std::optional<DocumentRow>(row));

        // A later save without config or batch keeps the ones stored first.
        Document updated = original;
        updated.status = DocumentStatus::Failed;
        updated.failureReason = QStringLiteral("out of credit");
        updated.qualityScore.reset();
        QVERIFY(store.saveDocument(updated, DocumentRow {0.05, 100000, {}, {}}, &error));
        QCOMPARE(*store.document(original.id), updated);
        QCOMPARE(store.documentRow(original.id)->configJson, row.configJson);
        QCOMPARE(store.documentRow(original.id)->batchId, row.batchId);
        QCOMPARE(store.documentRow(original.id)->costUsd, 0.05);

        QVERIFY(!store.document(QStringLiteral("no-such-id"), &error).has_value());
        QVERIFY(error.isEmpty());
    }

    void resavingKeepsStepsAndCalls()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        Document document = richDocument();
        document.status = DocumentStatus::Writing;
        QVERIFY(store.saveDocument(document));
        QVERIFY(store.saveStep(document.id, makeStep(QStringLiteral("outline"), QStringLiteral("1. Intro"))));
        QVERIFY(store.recordCall(makeCall(document.id, 0.01)) > 0);

        document.status = DocumentStatus::Complete;
        QVERIFY(store.saveDocument(document));
        QCOMPARE(store.steps(document.id).size(), 1);
        QCOMPARE(store.calls(document.id).size(), 1);
    }

    void stepsUpsertAndLookup()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        const Document document = richDocument();
        QVERIFY(store.saveDocument(document));

        QString error;
        QVERIFY2(store.saveStep(document.id, makeStep(QStringLiteral("research/q1"), QStringLiteral("timeout"),
                                                      StepRecord::Failed), &error),
                 qPrintable(error));
        QVERIFY(store.saveStep(document.id, makeStep(QStringLiteral("research/q2"), QStringLiteral("facts 2"))));
        QVERIFY(store.saveStep(document.id, makeStep(QStringLiteral("section/3/draft"), QStringLiteral("draft"))));
        // The resumed run redoes q1: same key, new result, same place.
        const StepRecord redone = makeStep(QStringLiteral("research/q1"), QStringLiteral("facts 1"));
        QVERIFY(store.saveStep(document.id, redone));

        const QList<StepRecord> steps = store.steps(document.id);
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0), redone);
        QCOMPARE(steps.at(1).stepKey, QStringLiteral("research/q2"));
        QCOMPARE(steps.at(2).stepKey, QStringLiteral("section/3/draft"));

        const std::optional<StepRecord> draft = store.step(document.id, QStringLiteral("section/3/draft"));
        QVERIFY(draft.has_value());
        QCOMPARE(draft->output, QStringLiteral("draft"));
        QCOMPARE(draft->metadata.value(QStringLiteral("tokens")).toInt(), 42);
        // Metadata given as JSON text (the engine's way) reads back the same.
        StepRecord withText = makeStep(QStringLiteral("edit/structure"), {});
        QVERIFY(store.saveStep(document.id, withText, R"({"calls":2,"from_cache":false,"repaired":true})", &error));
        const std::optional<StepRecord> edited = store.step(document.id, QStringLiteral("edit/structure"));
        QVERIFY(edited.has_value());
        QCOMPARE(edited->metadata, QJsonObject({{QStringLiteral("calls"), 2}, {QStringLiteral("from_cache"), false},
                                                {QStringLiteral("repaired"), true}}));
        QVERIFY(!store.step(document.id, QStringLiteral("section/4/draft"), &error).has_value());
        QVERIFY(error.isEmpty());
        QVERIFY(store.steps(QStringLiteral("other")).isEmpty());

        QVERIFY(!store.saveStep(QStringLiteral("no-such-document"), makeStep(QStringLiteral("x"), {}), &error));
        QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY")), qPrintable(error));
    }

    // Outputs and JSON are bound as UTF-8 bytes: they must land as TEXT, not
    // BLOB, and read back the same, whatever the script.
    void longTextsAreStoredAsText()
    {
        const QString path = freshPath();
        const QString output = QStringLiteral("Ünïcode – naïve café ✓ 漢字 😀\n\"quoted\" \\ end");
        Document document = richDocument();
        document.title = QStringLiteral("Straße ✓");
        {
            DocumentStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.saveDocument(document));
            QVERIFY(store.saveStep(document.id, makeStep(QStringLiteral("section/1/draft"), output)));
            QCOMPARE(store.step(document.id, QStringLiteral("section/1/draft"))->output, output);
            QCOMPARE(store.document(document.id)->title, document.title);
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("utf8"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(QStringLiteral("SELECT typeof(output), output, length(output), typeof(metadata_json) FROM steps"), db);
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("text"));
            QCOMPARE(q.value(1).toString(), output);
            QCOMPARE(q.value(2).toInt(), output.size() - 1);  // SQLite counts the emoji once, UTF-16 twice
            QCOMPARE(q.value(3).toString(), QStringLiteral("text"));
            QSqlQuery d(QStringLiteral("SELECT typeof(document_json), typeof(request_json) FROM documents"), db);
            QVERIFY(d.next());
            QCOMPARE(d.value(0).toString(), QStringLiteral("text"));
            QCOMPARE(d.value(1).toString(), QStringLiteral("text"));
            q = QSqlQuery();
            d = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("utf8"));
    }

    void textsReachTheFileAsTheSameUtf8()
    {
        // A title is bound as a QString: long ones go as UTF-8 made by Qt,
        // short ASCII ones are copied, others go as UTF-16 for SQLite to
        // convert (sqlitenative.cpp). The file holds the same bytes for all.
        const QString path = freshPath();
        const QString shortNonAscii = QStringLiteral("Ünïcode – café ✓ 漢字 😀");
        const QStringList titles = {shortNonAscii.repeated(4), shortNonAscii, QStringLiteral("Plain title"),
                                    QStringLiteral("x").repeated(64) + QStringLiteral("ascii and long")};
        QVERIFY(titles.at(0).size() >= 64 && titles.at(1).size() < 64 && titles.at(2).size() < 64);
        {
            DocumentStore store;
            QVERIFY(store.open(path));
            for (int i = 0; i < titles.size(); ++i) {
                Document document = richDocument();
                document.id = QStringLiteral("doc-%1").arg(i);
                document.title = titles.at(i);
                QVERIFY(store.saveDocument(document));
                QCOMPARE(store.document(document.id)->title, titles.at(i));
            }
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bytes"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(QStringLiteral("SELECT typeof(title), hex(title), length(title) FROM documents ORDER BY id"), db);
            for (const QString &title : titles) {
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("text"));
                QCOMPARE(q.value(1).toByteArray(), title.toUtf8().toHex().toUpper());
                QCOMPARE(q.value(2).toInt(), int(title.toUcs4().size()));
            }
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bytes"));
    }

    void revisionsAndReportsOrdered()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        Document document = richDocument();
        QVERIFY(store.saveDocument(document));

        for (int round : {2, 0, 1}) {
            Document version = document;
            version.sections[0].content = QStringLiteral("Round %1").arg(round);
            const QJsonObject quality {{QStringLiteral("round"), round}, {QStringLiteral("issues"), 3 - round}};
            QVERIFY(store.saveRevision(document.id, round, version, quality, 0.6 + 0.1 * round));
        }
        // Redoing round 1 replaces it.
        QVERIFY(store.saveRevision(document.id, 1, document, {{QStringLiteral("redone"), true}}, 0.75));

        const QList<RevisionRecord> revisions = store.revisions(document.id);
        QCOMPARE(revisions.size(), 3);
        QCOMPARE(revisions.at(0).round, 0);
        QCOMPARE(revisions.at(1).round, 1);
        QCOMPARE(revisions.at(2).round, 2);
        QCOMPARE(revisions.at(0).document.sections.at(0).content, QStringLiteral("Round 0"));
        QCOMPARE(revisions.at(1).document, document);
        QCOMPARE(revisions.at(1).quality.value(QStringLiteral("redone")).toBool(), true);
        QCOMPARE(revisions.at(1).score, 0.75);
        QCOMPARE(revisions.at(2).quality.value(QStringLiteral("issues")).toInt(), 1);
        QVERIFY(revisions.at(2).createdAt.isValid());

        const QList<QualityReportRecord> reports = store.qualityReports(document.id);
        QCOMPARE(reports.size(), 3);
        QCOMPARE(reports.at(0).round, 0);
        QCOMPARE(reports.at(2).report.value(QStringLiteral("round")).toInt(), 2);

        // A round as the engine saves it: one report text for both tables.
        const QJsonObject roundReport{{QStringLiteral("round"), 3}, {QStringLiteral("overall"), 0.91}};
        QVERIFY(store.saveRound(document.id, 3, document, QJsonDocument(roundReport).toJson(), 0.91));
        QCOMPARE(store.qualityReports(document.id).constLast().report, roundReport);
        QCOMPARE(store.revisions(document.id).constLast().quality, roundReport);
        QCOMPARE(store.revisions(document.id).constLast().score, 0.91);
    }

    void callsKeepUnknownCostAsNull()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        const Document document = richDocument();
        QVERIFY(store.saveDocument(document));

        CallRecord priced = makeCall(document.id, 0.0123);
        CallRecord unknown = makeCall(document.id, std::nullopt);
        unknown.model = QStringLiteral("my-finetune");
        unknown.ttftMs = -1;
        unknown.errorKind = QStringLiteral("timeout");
        unknown.usage.estimated = true;
        CallRecord free = makeCall(document.id, 0.0);
        free.provider = QStringLiteral("ollama");
        free.fromCache = true;
        free.simulated = true;

        QString error;
        for (CallRecord *call : {&priced, &unknown, &free}) {
            call->id = store.recordCall(*call, &error);
            QVERIFY2(call->id > 0, qPrintable(error));
        }
        const QList<CallRecord> calls = store.calls(document.id);
        QCOMPARE(calls.size(), 3);
        QCOMPARE(calls.at(0), priced);
        QCOMPARE(calls.at(1), unknown);
        QCOMPARE(calls.at(2), free);
        QVERIFY(!calls.at(1).costUsd.has_value());
        QVERIFY(calls.at(2).costUsd.has_value());
        QCOMPARE(*calls.at(2).costUsd, 0.0);

        QCOMPARE(store.recordCall(makeCall(QStringLiteral("no-such-document"), 1.0), &error), qint64(-1));
        QVERIFY(error.contains(store.path()) || error.contains(QDir::toNativeSeparators(store.path())));
    }

    void list_data()
    {
        using Sort = HistoryQuery::SortKey;
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<DocumentStatus>>("statuses");
        QTest::addColumn<Sort>("sortBy");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("total");

        const QList<DocumentStatus> any;
        const QList<DocumentStatus> complete {DocumentStatus::Complete};
        const QList<DocumentStatus> finished {DocumentStatus::Complete, DocumentStatus::Failed};
        QTest::newRow("newest first") << "" << any << Sort::CreatedAt << true << 0 << 0
                                      << QStringList {"D", "C", "B", "A"} << 4;
        QTest::newRow("oldest first") << "" << any << Sort::CreatedAt << false << 0 << 0
                                      << QStringList {"A", "B", "C", "D"} << 4;
        QTest::newRow("search ignores case") << "  SOLAR " << any << Sort::CreatedAt << true << 0 << 0
                                             << QStringList {"D", "A"} << 2;
        QTest::newRow("search folds non-ASCII case") << "ünïcode" << any << Sort::CreatedAt << true << 0 << 0
                                                     << QStringList {"C"} << 1;
        QTest::newRow("search matches the topic") << "offshore" << any << Sort::CreatedAt << true << 0 << 0
                                                  << QStringList {"B"} << 1;
        QTest::newRow("search wildcards are literal") << "%" << any << Sort::CreatedAt << true << 0 << 0
                                                      << QStringList {} << 0;
        QTest::newRow("status filter") << "" << complete << Sort::CreatedAt << true << 0 << 0
                                       << QStringList {"C", "A"} << 2;
        QTest::newRow("two statuses") << "" << finished << Sort::CreatedAt << true << 0 << 0
                                       << QStringList {"C", "B", "A"} << 3;
        QTest::newRow("search and filter") << "solar" << complete << Sort::CreatedAt << true << 0 << 0
                                           << QStringList {"A"} << 1;
        QTest::newRow("best quality first, unscored last") << "" << any << Sort::Quality << true << 0 << 0
                                                           << QStringList {"A", "C", "D", "B"} << 4;
        QTest::newRow("worst quality first, unscored last") << "" << any << Sort::Quality << false << 0 << 0
                                                            << QStringList {"C", "A", "D", "B"} << 4;
        QTest::newRow("dearest first") << "" << any << Sort::Cost << true << 0 << 0
                                       << QStringList {"C", "A", "B", "D"} << 4;
        QTest::newRow("fastest first") << "" << any << Sort::Latency << false << 0 << 0
                                       << QStringList {"D", "A", "C", "B"} << 4;
        QTest::newRow("a page") << "" << any << Sort::CreatedAt << true << 2 << 1
                                << QStringList {"C", "B"} << 4;
        QTest::newRow("past the end") << "" << any << Sort::CreatedAt << true << 2 << 4 << QStringList {} << 4;
    }

    void list()
    {
        QFETCH(QString, text);
        QFETCH(QList<DocumentStatus>, statuses);
        QFETCH(HistoryQuery::SortKey, sortBy);
        QFETCH(bool, descending);
        QFETCH(int, limit);
        QFETCH(int, offset);
        QFETCH(QStringList, expected);
        QFETCH(int, total);

        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        addHistory(store);

        HistoryQuery query;
        query.text = text;
        query.statuses = statuses;
        query.sortBy = sortBy;
        query.descending = descending;
        query.limit = limit;
        query.offset = offset;
        QString error;
        QCOMPARE(ids(store.list(query, &error)), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(store.count(query), total);
    }

    void summaryFields()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        const Document document = richDocument();
        QVERIFY(store.saveDocument(document, DocumentRow {0.42, 4200, {}, {}}));

        const QList<DocumentSummary> summaries = store.list();
        QCOMPARE(summaries.size(), 1);
        const DocumentSummary &summary = summaries.first();
        QCOMPARE(summary.id, document.id);
        QCOMPARE(summary.title, document.title);
        QCOMPARE(summary.topic, document.request.topic);
        QCOMPARE(summary.status, DocumentStatus::Complete);
        QCOMPARE(summary.qualityScore.value(), 0.8731);
        QCOMPARE(summary.costUsd, 0.42);
        QCOMPARE(summary.latencyMs, qint64(4200));
        QCOMPARE(summary.wordCount, document.wordCount);
        QCOMPARE(summary.createdAt, document.createdAt);
        QCOMPARE(summary.updatedAt, document.updatedAt);
    }

    void interruptedDocuments()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-2);
        int minute = 0;
        QStringList expected;
        for (int value = int(DocumentStatus::Cancelled); value >= int(DocumentStatus::Pending); --value) {
            const auto status = DocumentStatus(value);
            Document document = makeDocument(toString(status), status, t0.addSecs(60 * minute++));
            document.id = toString(status);
            QVERIFY(store.saveDocument(document));
            if (!isTerminal(status))
                expected.append(document.id);
        }
        // Oldest first: the reverse enum order they were created in.
        QCOMPARE(store.interrupted(), expected);
        QCOMPARE(expected.size(), 7);
        QVERIFY(!expected.contains(QStringLiteral("complete")));
    }

    // A document killed mid-stage was last saved before its latest calls:
    // the history counts what they cost. A finished one keeps its total.
    void interruptedDocumentsCountTheirCalls()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        Document cut = makeDocument(QStringLiteral("cut off"), DocumentStatus::Writing, QDateTime::currentDateTimeUtc());
        Document done = makeDocument(QStringLiteral("done"), DocumentStatus::Complete, QDateTime::currentDateTimeUtc());
        DocumentRow row;
        QVERIFY(store.saveDocument(cut, row));
        row.costUsd = 0.2;
        QVERIFY(store.saveDocument(done, row));
        CallRecord cached = makeCall(cut.id, 0.5);
        cached.fromCache = true;   // saved $0.50: not spent
        for (const CallRecord &call : {makeCall(cut.id, 0.01), makeCall(cut.id, 0.02), makeCall(cut.id, std::nullopt),
                                       cached, makeCall(done.id, 0.05)})
            QVERIFY(store.recordCall(call) > 0);

        HistoryQuery query;
        query.sortBy = HistoryQuery::SortKey::Cost;
        query.descending = true;
        const QList<DocumentSummary> rows = store.list(query);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).id, done.id);
        QCOMPARE(rows.at(0).costUsd, 0.2);
        QCOMPARE(rows.at(1).id, cut.id);
        QCOMPARE(rows.at(1).costUsd, 0.03);
        // The same figure for `madf show`.
        QCOMPARE(store.documentRow(cut.id)->costUsd, 0.03);
        QCOMPARE(store.documentRow(done.id)->costUsd, 0.2);
    }

    void removeCascades()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        const Document doomed = richDocument();
        const Document kept = makeDocument(QStringLiteral("Kept document"), DocumentStatus::Complete,
                                           QDateTime::currentDateTimeUtc());
        for (const Document &document : {doomed, kept}) {
            QVERIFY(store.saveDocument(document));
            QVERIFY(store.saveStep(document.id, makeStep(QStringLiteral("outline"), QStringLiteral("1."))));
            QVERIFY(store.saveRevision(document.id, 1, document, {{QStringLiteral("score"), 0.5}}, 0.5));
            QVERIFY(store.recordCall(makeCall(document.id, 0.01)) > 0);
        }

        QString error;
        QVERIFY2(store.remove(doomed.id, &error), qPrintable(error));
        QVERIFY(!store.document(doomed.id).has_value());
        QVERIFY(store.steps(doomed.id).isEmpty());
        QVERIFY(store.revisions(doomed.id).isEmpty());
        QVERIFY(store.qualityReports(doomed.id).isEmpty());
        QVERIFY(store.calls(doomed.id).isEmpty());

        QVERIFY(store.document(kept.id).has_value());
        QCOMPARE(store.steps(kept.id).size(), 1);
        QCOMPARE(store.revisions(kept.id).size(), 1);
        QCOMPARE(store.qualityReports(kept.id).size(), 1);
        QCOMPARE(store.calls(kept.id).size(), 1);

        QVERIFY(!store.remove(doomed.id, &error));
        QVERIFY(error.isEmpty());
    }

    // A later save keeps the creation time and, when it names none, the
    // batch: the update leaves those columns (and their indexes) alone.
    void laterSavesKeepCreationTimeAndBatch()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        const QDateTime created = QDateTime::currentDateTimeUtc().addDays(-3);
        Document document = makeDocument(QStringLiteral("Kept"), DocumentStatus::Pending, created);
        DocumentRow row;
        row.batchId = QStringLiteral("batch-1");
        QString error;
        QVERIFY2(store.saveDocument(document, row, &error), qPrintable(error));

        document.status = DocumentStatus::Writing;
        document.createdAt = created.addDays(2);
        QVERIFY2(store.saveDocument(document, DocumentRow{}, &error), qPrintable(error));
        QCOMPARE(store.documentRow(document.id)->batchId, QStringLiteral("batch-1"));
        const QList<DocumentSummary> listed = store.list();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().createdAt.toMSecsSinceEpoch(), created.toMSecsSinceEpoch());
        QCOMPARE(listed.first().status, DocumentStatus::Writing);
        // Since then: still a creation date three days back.
        QCOMPARE(store.totals(created.addDays(1)).documents, 0);

        row.batchId = QStringLiteral("batch-2");
        QVERIFY2(store.saveDocument(document, row, &error), qPrintable(error));
        QCOMPARE(store.documentRow(document.id)->batchId, QStringLiteral("batch-2"));
        QVERIFY2(store.saveDocument(document, row, &error), qPrintable(error));   // the same batch again
        QCOMPARE(store.documentRow(document.id)->batchId, QStringLiteral("batch-2"));
    }

    void totals()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Document recent = makeDocument(QStringLiteral("Recent one"), DocumentStatus::Complete, now);
        const Document old = makeDocument(QStringLiteral("Old one"), DocumentStatus::Complete, now.addDays(-5));
        QVERIFY(store.saveDocument(recent));
        QVERIFY(store.saveDocument(old));

        QVERIFY(store.recordCall(makeCall(recent.id, 0.10, now)) > 0);
        QVERIFY(store.recordCall(makeCall(recent.id, std::nullopt, now)) > 0);
        // 25 hours back is before today's midnight whenever the test runs.
        QVERIFY(store.recordCall(makeCall(recent.id, 0.50, now.addSecs(-25 * 3600))) > 0);
        QVERIFY(store.recordCall(makeCall(old.id, 1.00, now.addDays(-5))) > 0);
        CallRecord cached = makeCall(recent.id, 0.20, now);
        cached.fromCache = true;
        QVERIFY(store.recordCall(cached) > 0);
        CallRecord simulated = makeCall(recent.id, 0.30, now);
        simulated.simulated = true;
        QVERIFY(store.recordCall(simulated) > 0);
        CallRecord simulatedYesterday = makeCall(recent.id, 0.40, now.addSecs(-25 * 3600));
        simulatedYesterday.simulated = true;
        QVERIFY(store.recordCall(simulatedYesterday) > 0);

        QString error;
        const DocumentStore::Totals totals = store.totals(now.addDays(-2), {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(totals.documents, 1);
        QCOMPARE(totals.calls, 6);
        QCOMPARE(totals.unknownCostCalls, 1);
        QVERIFY(qAbs(totals.costUsd - 0.60) < 1e-9);
        QVERIFY(qAbs(totals.todayCostUsd - 0.10) < 1e-9);
        QVERIFY(qAbs(totals.savedUsd - 0.20) < 1e-9);
        // What the status bar shows after a restart with only the simulator.
        QVERIFY(qAbs(totals.todaySimulatedUsd - 0.30) < 1e-9);

        // Up to a moment (a window's start): what came at or after it is left out.
        const DocumentStore::Totals earlier = store.totals(now.addDays(-2), now.addSecs(-1), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(earlier.documents, 0);
        QCOMPARE(earlier.calls, 2);   // the paid and the simulated one of 25 hours ago
        QVERIFY(qAbs(earlier.costUsd - 0.50) < 1e-9);
        QCOMPARE(earlier.todayCostUsd, 0.0);
        QCOMPARE(earlier.todaySimulatedUsd, 0.0);

        const DocumentStore::Totals all = store.totals(QDateTime());
        QCOMPARE(all.documents, 2);
        QVERIFY(qAbs(all.costUsd - 1.60) < 1e-9);
        QVERIFY(qAbs(all.todayCostUsd - 0.10) < 1e-9);
    }

    // A file made before the page size was raised keeps its pages (SQLite
    // cannot change them in WAL mode) and works as before. 8 KB, so that
    // neither SQLite's default nor ours would pass by chance.
    void olderFileKeepsItsPageSize()
    {
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old-file"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA page_size=8192")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE older (x INTEGER)")));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old-file"));
        DocumentStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(store.pageSize(), 8192);
        const Document document = richDocument();
        QVERIFY(store.saveDocument(document));
        QCOMPARE(*store.document(document.id), document);
    }

    void secondStoreSeesTheSameFile()
    {
        const QString path = freshPath();
        const Document document = richDocument();
        {
            DocumentStore writer;
            QVERIFY(writer.open(path));
            QVERIFY(writer.saveDocument(document));
            QVERIFY(writer.saveStep(document.id, makeStep(QStringLiteral("outline"), QStringLiteral("1."))));
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));

            // Two stores on one file at once, as the GUI and the engine do.
            DocumentStore reader;
            QVERIFY(reader.open(path));
            QCOMPARE(*reader.document(document.id), document);
            QVERIFY(writer.saveStep(document.id, makeStep(QStringLiteral("research/q1"), QStringLiteral("x"))));
            QCOMPARE(reader.steps(document.id).size(), 2);
        }
        DocumentStore reopened;
        QString error;
        QVERIFY2(reopened.open(path, &error), qPrintable(error));
        QCOMPARE(reopened.journalMode(), QStringLiteral("wal"));
        QCOMPARE(reopened.pageSize(), 16384);
        QCOMPARE(*reopened.document(document.id), document);
        QCOMPARE(reopened.steps(document.id).size(), 2);
        QCOMPARE(reopened.interrupted(), QList<QString>());
    }

    void groupedWritesAreSavedTogetherOrNotAtAll()
    {
        const QString path = freshPath();
        const Document document = richDocument();
        DocumentStore writer;
        QVERIFY(writer.open(path));
        QVERIFY(writer.saveDocument(document));
        DocumentStore reader;
        QVERIFY(reader.open(path));

        // A step and the call that paid for it: nobody sees one without the other.
        QVERIFY(writer.begin());
        QVERIFY(writer.inTransaction());
        QVERIFY(writer.begin());   // nested: joins the outer one
        QVERIFY(writer.recordCall(makeCall(document.id, 0.5)) > 0);
        QVERIFY(writer.commit());
        QVERIFY(writer.saveStep(document.id, makeStep(QStringLiteral("research/q1"), QStringLiteral("x"))));
        QCOMPARE(writer.steps(document.id).size(), 1);   // the writer sees its own writes
        QCOMPARE(reader.calls(document.id).size(), 0);
        QCOMPARE(reader.steps(document.id).size(), 0);
        QVERIFY(writer.commit());
        QVERIFY(!writer.inTransaction());
        QCOMPARE(reader.calls(document.id).size(), 1);
        QCOMPARE(reader.steps(document.id).size(), 1);

        // Rolled back: neither is kept.
        QVERIFY(writer.begin());
        QVERIFY(writer.recordCall(makeCall(document.id, 0.5)) > 0);
        QVERIFY(writer.saveStep(document.id, makeStep(QStringLiteral("research/q2"), QStringLiteral("y"))));
        writer.rollback();
        QCOMPARE(reader.calls(document.id).size(), 1);
        QCOMPARE(reader.steps(document.id).size(), 1);
        QString error;
        QVERIFY(!writer.commit(&error));
        QVERIFY(!error.isEmpty());

        // Closing keeps what an open transaction wrote.
        QVERIFY(writer.begin());
        QVERIFY(writer.saveStep(document.id, makeStep(QStringLiteral("outline"), QStringLiteral("1."))));
        writer.close();
        QCOMPARE(reader.steps(document.id).size(), 2);
    }

    void spendingOfDocumentsAndBatches()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        Document a = richDocument();
        Document b = richDocument();
        b.id = QStringLiteral("b");
        Document other = richDocument();
        other.id = QStringLiteral("other");
        DocumentRow inBatch;
        inBatch.batchId = QStringLiteral("batch-1");
        QVERIFY(store.saveDocument(a, inBatch));
        QVERIFY(store.saveDocument(b, inBatch));
        QVERIFY(store.saveDocument(other));

        QVERIFY(store.recordCall(makeCall(a.id, 0.25)) > 0);
        QVERIFY(store.recordCall(makeCall(a.id, std::nullopt)) > 0);
        CallRecord cached = makeCall(a.id, 0.75);   // a cache hit: what it saved, not what it cost
        cached.fromCache = true;
        QVERIFY(store.recordCall(cached) > 0);
        QVERIFY(store.recordCall(makeCall(b.id, 0.5)) > 0);
        QVERIFY(store.recordCall(makeCall(other.id, 4.0)) > 0);

        const CallTotals spentA = store.spending(a.id);
        QCOMPARE(spentA.calls, 2);
        QCOMPARE(spentA.costUsd, 0.25);
        QCOMPARE(spentA.unknownCostCalls, 1);
        QCOMPARE(spentA.promptTokens, qint64(2400));
        QCOMPARE(spentA.completionTokens, qint64(600));
        const CallTotals batch = store.batchSpending(QStringLiteral("batch-1"));
        QCOMPARE(batch.calls, 3);
        QCOMPARE(batch.costUsd, 0.75);
        QCOMPARE(store.spending(QStringLiteral("none")), CallTotals{});
    }

    void openFailures_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a database") << "garbage" << "not a database";
        QTest::newRow("folder is a file") << "file-as-folder" << "cannot create the folder";
        QTest::newRow("path is a folder") << "folder" << "could not";
        QTest::newRow("newer schema") << "newer" << "newer version";
        QTest::newRow("no path") << "empty" << "no file name";
    }

    void openFailures()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);

        const QString folder = m_dir.filePath(QStringLiteral("bad%1").arg(++m_counter));
        QVERIFY(QDir().mkpath(folder));
        QString path = folder + QStringLiteral("/madf.db");
        if (kind == QLatin1String("garbage")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        } else if (kind == QLatin1String("file-as-folder")) {
            QFile file(folder + QStringLiteral("/plain"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            path = folder + QStringLiteral("/plain/sub/madf.db");
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("empty")) {
            path.clear();
        } else if (kind == QLatin1String("newer")) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(QStringLiteral("PRAGMA user_version=99"), db);
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        }

        DocumentStore store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY(!store.isOpen());
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QCOMPARE(store.lastError(), error);

        // Everything after a failed open fails politely.
        QString later;
        QVERIFY(!store.saveDocument(richDocument(), {}, &later));
        QVERIFY(later.contains(QStringLiteral("not open")));
        QVERIFY(store.list({}, &later).isEmpty());
        QVERIFY(!later.isEmpty());
    }

    // A file as version 2 left it: its quality reports, calls and batch
    // index come through version 3's changes with nothing lost.
    void upgradesVersion2File()
    {
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QStringList statements;
            for (const QStringList &step : DocumentStore::migrations().mid(0, 2))
                statements << step;
            statements << QStringLiteral("PRAGMA user_version=2")
                       << QStringLiteral("INSERT INTO documents (id, request_json, document_json, status, created_at,"
                                         " updated_at, batch_id) VALUES ('d1', '{}', '{}', 'complete', 1, 1, 'b1')")
                       << QStringLiteral("INSERT INTO revisions (document_id, round, document_json, quality_json, score,"
                                         " created_at) VALUES ('d1', 0, '{}', '{\"overall\":0.6}', 0.6, 2)")
                       << QStringLiteral("INSERT INTO quality_reports VALUES ('d1', 0, '{\"overall\":0.6}', 2)")
                       // A revision saved without its report, the report apart: joined.
                       << QStringLiteral("INSERT INTO revisions (document_id, round, document_json, created_at)"
                                         " VALUES ('d1', 2, '{}', 6)")
                       << QStringLiteral("INSERT INTO quality_reports VALUES ('d1', 2, '{\"overall\":0.9}', 6)")
                       // A report with no revision: kept.
                       << QStringLiteral("INSERT INTO quality_reports VALUES ('d1', 1, '{\"overall\":0.8}', 3)")
                       << QStringLiteral("INSERT INTO calls (document_id, cost_usd, created_at) VALUES ('d1', 0.5, 4)")
                       << QStringLiteral("INSERT INTO calls (document_id, cost_usd, created_at) VALUES ('d1', 0.25, 5)");
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                QVERIFY2(query.exec(statement), qPrintable(statement + QLatin1Char(' ') + query.lastError().text()));
            }
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("v2"));
        }

        DocumentStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        const QList<QualityReportRecord> reports = store.qualityReports(QStringLiteral("d1"));
        QCOMPARE(reports.size(), 3);
        QCOMPARE(reports.at(0).report.value(QStringLiteral("overall")).toDouble(), 0.6);
        QCOMPARE(reports.at(1).round, 1);
        QCOMPARE(reports.at(1).report.value(QStringLiteral("overall")).toDouble(), 0.8);
        QCOMPARE(reports.at(2).round, 2);
        QCOMPARE(reports.at(2).report.value(QStringLiteral("overall")).toDouble(), 0.9);
        QCOMPARE(store.revisions(QStringLiteral("d1")).size(), 3);
        const QList<CallRecord> calls = store.calls(QStringLiteral("d1"));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).id, qint64(1));
        QCOMPARE(calls.at(1).id, qint64(2));
        QCOMPARE(calls.at(1).costUsd, std::optional<double>(0.25));
        QCOMPARE(store.recordCall(makeCall(QStringLiteral("d1"), 0.125)), qint64(3));
        QCOMPARE(store.batchSpending(QStringLiteral("b1")).costUsd, 0.875);

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            auto scalar = [&](const QString &sql) {
                QSqlQuery query(sql, db);
                return query.next() ? query.value(0) : QVariant();
            };
            QCOMPARE(scalar(QStringLiteral("PRAGMA user_version")).toInt(), DocumentStore::schemaVersion());
            QCOMPARE(DocumentStore::schemaVersion(), 3);
            QVERIFY(scalar(QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'quality_reports'")).isNull());
            const QString callsSql = scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'calls'")).toString();
            QVERIFY2(!callsSql.contains(QStringLiteral("AUTOINCREMENT")), qPrintable(callsSql));
            QVERIFY(scalar(QStringLiteral("SELECT name FROM sqlite_sequence WHERE name = 'calls'")).isNull());
            // The partial index still serves a batch's documents.
            QSqlQuery planQuery(db);
            QVERIFY(planQuery.prepare(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM documents WHERE batch_id = ?")));
            planQuery.addBindValue(QStringLiteral("b1"));
            QVERIFY(planQuery.exec());
            QString detail;
            while (planQuery.next())
                detail += planQuery.value(3).toString();
            QVERIFY2(detail.contains(QStringLiteral("documents_batch_id")), qPrintable(detail));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));
    }

    void otherThreadGetsAnError()
    {
        DocumentStore store;
        QVERIFY(store.open(freshPath()));
        const Document document = richDocument();
        QVERIFY(store.saveDocument(document));

        QString error;
        bool found = true;
        QScopedPointer<QThread> thread(
            QThread::create([&] { found = store.document(document.id, &error).has_value(); }));
        thread->start();
        QVERIFY(thread->wait(30000));
        QVERIFY(!found);
        QVERIFY2(error.contains(QStringLiteral("thread")), qPrintable(error));
        QVERIFY(store.document(document.id).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDocumentStore)
#include "tst_documentstore.moc"

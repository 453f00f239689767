// `madf batch` killed with SIGKILL in the middle of its work, then `madf
// resume`, as a user whose machine or terminal died would run them; against
// `madf-mock-llm` over loopback, where calls take real time and every
// request is counted.
//
// What a user would notice, and what is asserted:
//  - no document of the batch is lost, and every one ends COMPLETE, with the
//    same text as a batch that was never interrupted;
//  - no completed call is paid twice: the database bills each step once,
//    and the server saw exactly one request per recorded call, plus at most
//    the few that were in flight when the process died (never answered,
//    hence asked again);
//  - a step's call and the step itself are saved together: none paid
//    without its step (resume would pay for it again), none without its call;
//  - the cost and running time of a resumed document include the work done
//    before the interruption;
//  - `madf show ID --json` gives each document's full text, and resume writes
//    the files the killed batch never wrote.
//
// The mock answers with deterministic filler; the steps whose reply must be
// JSON get it from a `MOCK_REPLY:` line added to their prompt templates in
// the user prompt folder ($XDG_CONFIG_HOME/madf/prompts), as in
// tst_orchestratormock.
#include "clitestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace {

constexpr int kMaxConcurrentTasks = 4;

const QList<QPair<const char *, const char *>> kJsonReplies{
    {"research-plan", R"({"questions":["How did it start?","Who uses it today?","What changes next?"]})"},
    {"outline", R"({"title":"An overview","sections":[{"title":"Introduction","plan":"Why it matters","key_points":[],"target_words":120},{"title":"How it works","plan":"The mechanics","key_points":[],"target_words":160},{"title":"Conclusion","plan":"What follows","key_points":[],"target_words":120}]})"},
    {"edit-structure", R"({"notes":[]})"},
    {"verify-accuracy", R"({"accuracy":0.9,"claims":[{"text":"It started long ago","verdict":"verified","note":""}]})"},
    {"verify-completeness", R"({"completeness":0.9,"missing":[]})"},
    {"verify-quality", R"({"coherence":0.9,"clarity":0.85,"issues":[]})"},
};

const QStringList kTopics{
    QStringLiteral("The history of the printing press"),
    QStringLiteral("Tidal energy along the Atlantic coast"),
    QStringLiteral("Urban beekeeping in northern cities"),
    QStringLiteral("The economics of container shipping"),
};

/** madf-mock-llm in a process of its own; its counters come from GET /mock/stats. */
class MockProcess
{
public:
    ~MockProcess()
    {
        m_process.kill();
        m_process.waitForFinished();
    }

    bool start()
    {
        // About 0.25 s a call: long enough to kill the batch in the middle.
        m_process.start(QStringLiteral(MADF_BINARY_DIR "/tests/support/madf-mock-llm"),
                        {"--port", "0", "--ttft-ms", "100", "--tokens-per-second", "400"});
        if (!m_process.waitForStarted() || !m_process.waitForReadyRead(10000))
            return false;
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (!line.startsWith(QLatin1String("listening on http://")))
            return false;
        m_url = line.mid(QStringLiteral("listening on ").size());
        return true;
    }

    QString url() const { return m_url; }

    QJsonObject stats()
    {
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(m_url + QStringLiteral("/mock/stats"))));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject stats = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        return stats;
    }

private:
    QProcess m_process;
    QString m_url;
};

using StepKey = QPair<QString, QString>;   // document id, step key

/** What the documents database holds, read through a read-only connection
 *  while (or after) another process writes it. */
struct StoreSnapshot
{
    bool ok = false;
    QString error;
    QHash<QString, QString> status;        // by document id
    QHash<QString, QString> topic;
    QHash<QString, qint64> latencyMs;
    QHash<QString, double> costUsd;        // the documents row
    QHash<QString, double> callCostUsd;    // sum of its calls
    QHash<StepKey, int> okCalls;           // calls that succeeded, by step
    QSet<StepKey> steps;                   // steps saved as done
    int calls = 0;

    int completedCalls() const
    {
        int n = 0;
        for (const int c : okCalls)
            n += c;
        return n;
    }
    bool allComplete() const
    {
        return std::all_of(status.cbegin(), status.cend(), [](const QString &s) { return s == "complete"; });
    }
};

StoreSnapshot readStore(const QString &path)
{
    StoreSnapshot snap;
    if (!QFile::exists(path)) {
        snap.error = QStringLiteral("no database yet");
        return snap;
    }
    static int connections = 0;
    const QString name = QStringLiteral("readonly-%1").arg(++connections);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            snap.error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            bool ok = q.exec("SELECT id, status, topic, latency_ms, cost_usd FROM documents");
            while (ok && q.next()) {
                const QString id = q.value(0).toString();
                snap.status.insert(id, q.value(1).toString());
                snap.topic.insert(id, q.value(2).toString());
                snap.latencyMs.insert(id, q.value(3).toLongLong());
                snap.costUsd.insert(id, q.value(4).toDouble());
            }
            ok = ok && q.exec("SELECT document_id, step_key, error_kind IS NULL, cost_usd FROM calls");
            while (ok && q.next()) {
                ++snap.calls;
                snap.callCostUsd[q.value(0).toString()] += q.value(3).toDouble();
                if (q.value(2).toBool())
                    ++snap.okCalls[{q.value(0).toString(), q.value(1).toString()}];
            }
            ok = ok && q.exec("SELECT document_id, step_key FROM steps WHERE status = 'ok'");
            while (ok && q.next())
                snap.steps.insert({q.value(0).toString(), q.value(1).toString()});
            snap.ok = ok;
            if (!ok)
                snap.error = q.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return snap;
}

QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/** Title and content of each section, in order: the text a reader gets. */
QStringList sectionTexts(const QJsonObject &document)
{
    QStringList texts;
    for (const QJsonValue &v : document.value("sections").toArray())
        texts << v.toObject().value("title").toString() + "\n" + v.toObject().value("content").toString();
    return texts;
}

} // namespace

class TestCliBatchResume : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_xdg;
    QProcessEnvironment m_env;

    /** A config on the mock at @p url, with state and output under @p dir. */
    QString writeConfig(const QTemporaryDir &dir, const QString &url)
    {
        QByteArray agents;
        for (const char *agent : {"research", "writing", "editing", "verification"})
            // No response cache: a step asked again must reach the server.
            agents += QByteArray("  ") + agent + ": {provider: mock, model: gpt-4o-mini, cache_enabled: false}\n";
        return writeSimConfig(dir, "  mock:\n    api: openai\n    base_urls: [" + url.toUtf8() + "/v1]\n    local: true\n"
                                   "orchestrator:\n  max_concurrent_tasks: " + QByteArray::number(kMaxConcurrentTasks)
                                   + "\n  quality_threshold: 0\n"
                                   "agents:\n" + agents
                                   // Local models are free unless priced: priced, so costs can be compared.
                                   + "pricing:\n  gpt-4o-mini:\n    input: 100\n    output: 400\n");
    }

    QString writeBatch(const QTemporaryDir &dir)
    {
        const QString path = dir.filePath("batch.yaml");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write("documents:\n");
        for (const QString &topic : kTopics)
            f.write("  - {topic: \"" + topic.toUtf8() + "\", type: article, length: 400}\n");
        return path;
    }

    /** `madf show ID --json` of every document in @p snap, by topic. */
    QHash<QString, QJsonObject> showAll(const StoreSnapshot &snap, const QString &config)
    {
        QHash<QString, QJsonObject> shown;
        for (auto it = snap.topic.cbegin(); it != snap.topic.cend(); ++it) {
            const CliRun r = runMadf({"show", it.key(), "--json", "--config", config}, m_env);
            if (r.exitCode != 0)
                qWarning("madf show %s: %s", qPrintable(it.key()), qPrintable(r.err));
            shown.insert(it.value(), parseJson(r.out));
        }
        return shown;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_xdg.isValid());
        const QString prompts = m_xdg.filePath("madf/prompts");
        QVERIFY(QDir().mkpath(prompts));
        for (const auto &[name, reply] : kJsonReplies) {
            QFile builtIn(QStringLiteral(MADF_SOURCE_DIR "/resources/prompts/%1.md").arg(QLatin1String(name)));
            QVERIFY2(builtIn.open(QIODevice::ReadOnly), name);
            QFile out(prompts + "/" + QLatin1String(name) + ".md");
            QVERIFY(out.open(QIODevice::WriteOnly));
            // The user part comes last: the marker ends the last user message.
            out.write(builtIn.readAll() + "\n\nMOCK_REPLY: " + reply + "\n");
        }
        m_env.insert("XDG_CONFIG_HOME", m_xdg.path());
    }

    void killedBatchResumesWithoutLosingOrRepayingWork()
    {
        // The same batch, never interrupted: what the documents must read like.
        MockProcess referenceMock;
        QVERIFY(referenceMock.start());
        QTemporaryDir referenceDir;
        const QString referenceConfig = writeConfig(referenceDir, referenceMock.url());
        const CliRun reference = runMadf({"batch", writeBatch(referenceDir), "--json", "--config", referenceConfig},
                                         m_env, {}, 120000);
        QVERIFY2(reference.exitCode == 0, qPrintable(reference.err));
        const StoreSnapshot referenceStore = readStore(referenceDir.filePath("state/documents.sqlite"));
        QVERIFY2(referenceStore.ok, qPrintable(referenceStore.error));
        const QHash<QString, QJsonObject> expected = showAll(referenceStore, referenceConfig);
        QCOMPARE(expected.size(), kTopics.size());

        MockProcess mock;
        QVERIFY(mock.start());
        QTemporaryDir dir;
        const QString config = writeConfig(dir, mock.url());
        const QString db = dir.filePath("state/documents.sqlite");

        QProcess batch;
        batch.setProcessEnvironment(madfEnvironment(m_env));
        batch.start(madfExecutable(), {"batch", writeBatch(dir), "--config", config});
        QVERIFY(batch.waitForStarted());
        // Killed once some calls are saved but no document is done.
        StoreSnapshot before;
        QElapsedTimer waited;
        waited.start();
        bool midway = false;
        while (!midway && waited.elapsed() < 60000 && batch.state() == QProcess::Running) {
            QTest::qWait(25);
            const StoreSnapshot s = readStore(db);
            midway = s.ok && s.status.size() == kTopics.size() && s.completedCalls() >= 12;
        }
        QVERIFY2(midway, "the batch never got half-way");
        batch.kill();   // SIGKILL: no chance to clean up
        QVERIFY(batch.waitForFinished(10000));
        QCOMPARE(batch.exitStatus(), QProcess::CrashExit);

        before = readStore(db);
        QVERIFY2(before.ok, qPrintable(before.error));
        const QJsonObject statsBefore = mock.stats();
        const int requestsBefore = statsBefore.value("chat_requests").toInt();

        // Every document was saved as soon as the batch started.
        QCOMPARE(before.status.size(), kTopics.size());
        QVERIFY2(!before.allComplete(), "the batch finished before it was killed");
        QStringList interrupted;
        for (auto it = before.status.cbegin(); it != before.status.cend(); ++it)
            if (it.value() != "complete")
                interrupted << it.key();
        // A call and its step are saved together.
        for (auto it = before.okCalls.cbegin(); it != before.okCalls.cend(); ++it) {
            QVERIFY2(it.value() == 1, qPrintable(it.key().second + " was paid twice"));
            QVERIFY2(before.steps.contains(it.key()), qPrintable(it.key().second + " was paid but not saved"));
        }
        for (const StepKey &step : std::as_const(before.steps))
            QVERIFY2(before.okCalls.contains(step), qPrintable(step.second + " was saved without its call"));
        // One request per saved call, plus those in flight at the kill.
        QVERIFY2(requestsBefore >= before.completedCalls()
                     && requestsBefore <= before.completedCalls() + kMaxConcurrentTasks,
                 qPrintable(QStringLiteral("%1 requests for %2 saved calls").arg(requestsBefore).arg(before.completedCalls())));
        QCOMPARE(statsBefore.value("repeated_conversations").toInt(), 0);

        const CliRun resumed = runMadf({"resume", "--json", "--config", config}, m_env, {}, 120000);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        const QJsonArray resumedDocs = parseJson(resumed.out).value("documents").toArray();
        QCOMPARE(resumedDocs.size(), interrupted.size());
        for (const QJsonValue &v : resumedDocs) {
            const QJsonObject d = v.toObject();
            QVERIFY(interrupted.contains(d.value("id").toString()));
            QCOMPARE(d.value("status").toString(), QStringLiteral("complete"));
            // The file the killed batch never wrote.
            QVERIFY2(QFile::exists(d.value("path").toString()), qPrintable(d.value("path").toString()));
        }

        const StoreSnapshot after = readStore(db);
        QVERIFY2(after.ok, qPrintable(after.error));
        const QJsonObject statsAfter = mock.stats();
        const int resumeRequests = statsAfter.value("chat_requests").toInt() - requestsBefore;
        QCOMPARE(after.status.size(), kTopics.size());
        QVERIFY(after.allComplete());
        // Each step billed once; what was done before the kill was not asked again.
        for (auto it = after.okCalls.cbegin(); it != after.okCalls.cend(); ++it) {
            QVERIFY2(it.value() == 1, qPrintable(it.key().second + " was paid twice"));
            QVERIFY(after.steps.contains(it.key()));
        }
        for (auto it = before.okCalls.cbegin(); it != before.okCalls.cend(); ++it)
            QVERIFY(after.okCalls.contains(it.key()));
        QCOMPARE(after.calls, after.completedCalls());
        // Every request resume made is a call it recorded...
        QCOMPARE(resumeRequests, after.completedCalls() - before.completedCalls());
        // ...and only those lost in flight at the kill had been asked before.
        QVERIFY(statsAfter.value("repeated_conversations").toInt() <= requestsBefore - before.completedCalls());
        // As many calls as the uninterrupted batch, no more.
        QCOMPARE(after.completedCalls(), referenceStore.completedCalls());

        const QHash<QString, QJsonObject> shown = showAll(after, config);
        for (const QString &topic : kTopics) {
            const QJsonObject doc = shown.value(topic);
            const QString id = doc.value("id").toString();
            QCOMPARE(doc.value("status").toString(), QStringLiteral("complete"));
            const QStringList texts = sectionTexts(doc);
            QVERIFY(texts.size() >= 3);
            for (const QString &t : texts)
                QVERIFY2(t.section('\n', 1).trimmed().size() > 50, qPrintable(topic + ": " + t));
            QCOMPARE(texts, sectionTexts(expected.value(topic)));
            QCOMPARE(doc.value("word_count").toInt(), expected.value(topic).value("word_count").toInt());
            // The bill and the clock include the work before the interruption.
            QVERIFY(qAbs(doc.value("cost").toDouble() - after.callCostUsd.value(id)) < 1e-9);
            QVERIFY(qAbs(doc.value("cost").toDouble() - expected.value(topic).value("cost").toDouble()) < 1e-9);
            QVERIFY(doc.value("cost").toDouble() > 0);
            QVERIFY(after.latencyMs.value(id) >= before.latencyMs.value(id));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliBatchResume)
#include "tst_clibatchresume.moc"

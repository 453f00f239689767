// Whole documents over real HTTP against the project's mock LLM server
// (OpenAI wire format, streaming, loopback).
//
// The mock answers with deterministic filler text, which is fine for the
// prose steps but not for the steps whose reply must be JSON (research plan,
// outline, structure notes, the three verification checks). We use the
// mock's `MOCK_REPLY:` facility: the test installs user prompt templates
// ($XDG_CONFIG_HOME/madf/prompts/, the documented override folder) that are
// the built-in templates plus one `MOCK_REPLY: {...}` line, so each
// JSON-expecting request carries the exact reply the mock must send. Relying
// on the repair path instead would not work: the repair request gets filler
// text too, so every JSON step would fail twice.

#include "tst_orchestratorutil.h"

#include "core/orchestration/enginethread.h"
#include "core/orchestration/resourcemanager.h"
#include "core/storage/documentstore.h"
#include "tests/support/mockllmserver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace OrchTest;
using Madf::Test::MockLlmServer;

namespace {

const QList<QPair<QString, QByteArray>> kJsonReplies{
    {"research-plan", R"({"questions":["How did movable type work?","Who used the early presses?","What changed for readers?"]})"},
    {"outline", R"({"title":"The printing press","sections":[{"title":"Introduction","plan":"Why printing matters","key_points":["Gutenberg"],"target_words":150},{"title":"How the press worked","plan":"Type, ink and press","key_points":[],"target_words":200},{"title":"Conclusion","plan":"Legacy","key_points":[],"target_words":150}]})"},
    {"edit-structure", R"({"notes":[]})"},
    {"verify-accuracy", R"({"accuracy":0.9,"claims":[{"text":"Gutenberg printed a Bible","verdict":"verified","note":""}]})"},
    {"verify-completeness", R"({"completeness":0.9,"missing":[]})"},
    {"verify-quality", R"({"coherence":0.9,"clarity":0.85,"issues":[]})"},
};

const QByteArray kCitingProse =
    "Gutenberg combined movable metal type, oil-based ink and a screw press around 1440 [1]. "
    "Printed books spread quickly across Europe and changed how knowledge travelled between cities. "
    "Scholars could compare identical copies, which made errors easier to find and correct.";

void installPrompt(const QString &folder, const QString &name, const QByteArray &reply)
{
    QFile builtIn(QStringLiteral(":/madf/prompts/%1.md").arg(name));
    QVERIFY2(builtIn.open(QIODevice::ReadOnly), qPrintable(name));
    QFile out(folder + QLatin1Char('/') + name + QStringLiteral(".md"));
    QVERIFY(out.open(QIODevice::WriteOnly));
    // The user part comes last: the marker ends the last user message.
    out.write(builtIn.readAll() + "\n\nMOCK_REPLY: " + reply + "\n");
}

} // namespace

class TestOrchestratorMock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_xdg;
    MockLlmServer m_mock;
    QString m_prompts;

    Config mockConfig(const QString &stateDir) const
    {
        Config c = simulatedConfig(stateDir);
        ProviderConfig mock;
        mock.name = "mock";
        mock.api = "openai";
        mock.baseUrls = {m_mock.openAiBaseUrl().toString()};
        mock.local = true;  // no key needed
        c.providers.insert("mock", mock);
        for (AgentConfig &a : c.agents) {
            a.modelConfig.provider = "mock";
            a.modelConfig.model = "mock-gpt-4o";
            a.timeout = 30;
        }
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_xdg.isValid());
        qputenv("XDG_CONFIG_HOME", m_xdg.path().toUtf8());
        m_prompts = m_xdg.path() + "/madf/prompts";
        QVERIFY(QDir().mkpath(m_prompts));
        for (const auto &[name, reply] : kJsonReplies)
            installPrompt(m_prompts, name, reply);
        QVERIFY(m_mock.startInThread());
        // Long enough for calls to overlap, short enough for a quick test.
        m_mock.setTimeToFirstTokenMs(60);
        m_mock.setTokensPerSecond(3000);
    }

    void articleOverHttpRespectsTheConcurrencyLimit()
    {
        m_mock.reset();
        QTemporaryDir dir;
        Config config = mockConfig(dir.path());
        config.orchestrator.maxConcurrentTasks = 2;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        // The endpoint's load as the engine reports it (to the dashboard's Endpoints tab).
        int peakInFlight = 0;
        QList<EndpointStatus> lastStatus;
        connect(&engine, &DocumentOrchestrator::endpointStatusChanged, &engine,
                [&](const QString &provider, const QList<EndpointStatus> &endpoints) {
                    QCOMPARE(provider, QStringLiteral("mock"));
                    for (const EndpointStatus &e : endpoints)
                        peakInFlight = qMax(peakInFlight, e.inFlight);
                    lastStatus = endpoints;
                });
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id, 60000));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QCOMPARE(lastStatus.size(), 1);
        QCOMPARE(lastStatus.first().baseUrl, m_mock.openAiBaseUrl().toString());
        QCOMPARE(lastStatus.first().circuitState, CircuitState::Closed);
        QCOMPARE(toString(lastStatus.first().lastErrorKind), toString(LlmErrorKind::None));
        QVERIFY2(peakInFlight >= 1 && peakInFlight <= 2, qPrintable(QString::number(peakInFlight)));
        QTRY_COMPARE(lastStatus.first().inFlight, 0);   // the last report follows the last call's end
        QCOMPARE(doc.title, QStringLiteral("The printing press"));
        QCOMPARE(doc.sections.size(), 3);
        for (const DocumentSection &s : doc.sections)
            QVERIFY(!s.content.trimmed().isEmpty());
        QVERIFY(doc.hasQualityScore());

        // Every call went over HTTP, streamed where it was prose.
        const QList<CallRecordEvent> calls = rec.callsOf(id);
        QCOMPARE(m_mock.requestCount("/v1/chat/completions"), int(calls.size()));
        for (const CallRecordEvent &c : calls) {
            QVERIFY2(c.ok, qPrintable(c.stepKey));
            QVERIFY(!c.simulated);
            QCOMPARE(c.provider, QStringLiteral("mock"));
            QVERIFY(c.usage.totalTokens() > 0);
        }
        QVERIFY(rec.streamed.value(id) > 0);

        // The server itself never saw more than max_concurrent_tasks at once.
        QVERIFY2(m_mock.peakConcurrent() <= 2, qPrintable(QString::number(m_mock.peakConcurrent())));
        QCOMPARE(m_mock.peakConcurrent(), 2);
        QCOMPARE(engine.callLimiter()->stats().peakUsage, 2);
        const ResourceManager::Stats pool = engine.resourceManager()->stats();
        QCOMPARE(pool.totalAllocations, pool.totalDeallocations);
        QCOMPARE(engine.store()->calls(id).size(), calls.size());
    }

    void engineThreadForwardsEndpointStatus()
    {
        // Across threads, as the dashboard receives it: the list arrives
        // whole (its type is registered for queued connections).
        m_mock.reset();
        QTemporaryDir dir;
        EngineThread engine(mockConfig(dir.path()));
        QSignalSpy status(&engine, &EngineThread::endpointStatusChanged);
        QSignalSpy finished(&engine, &EngineThread::documentFinished);
        engine.start();
        engine.createDocument(request());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QTRY_VERIFY(!status.isEmpty());
        QTRY_COMPARE(status.last().at(1).value<QList<EndpointStatus>>().value(0).inFlight, 0);
        const QList<EndpointStatus> last = status.last().at(1).value<QList<EndpointStatus>>();
        QCOMPARE(status.last().at(0).toString(), QStringLiteral("mock"));
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.first().baseUrl, m_mock.openAiBaseUrl().toString());
        QVERIFY(last.first().maxInFlight > 0);
    }

    void paperCitesItsReferenceOverHttp()
    {
        m_mock.reset();
        QTemporaryDir dir;
        const QString ref = dir.filePath("press.txt");
        QFile f(ref);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Gutenberg developed movable metal type in Mainz around 1440, with an oil-based ink.\n");
        f.close();
        // Every prose step answers with text that cites source [1].
        QTemporaryDir xdg;
        const QString prompts = xdg.path() + "/madf/prompts";
        QVERIFY(QDir().mkpath(prompts));
        for (const auto &[name, reply] : kJsonReplies)
            installPrompt(prompts, name, reply);
        for (const char *name : {"write-section", "edit-style", "edit-polish", "revise-section"})
            installPrompt(prompts, QString::fromLatin1(name), kCitingProse);
        const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", xdg.path().toUtf8());

        DocumentOrchestrator engine(mockConfig(dir.path()));
        qputenv("XDG_CONFIG_HOME", previous);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        DocumentRequest r = request("Movable type and the Gutenberg press", "paper", 500);
        r.references = {ref};
        const QString id = engine.createDocument(r);
        QVERIFY(rec.waitFinished(id, 60000));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QCOMPARE(doc.metadata.value("citations").toString(), QStringLiteral("ok"));
        QCOMPARE(doc.referenceList().size(), 1);
        QVERIFY(doc.toMarkdown().contains("[1]"));
        // The paper's outline opens with an abstract even though the model's did not.
        QCOMPARE(doc.orderedSections().first().title, QStringLiteral("Abstract"));
    }

    void stalledServerHitsTheAgentTimeout()
    {
        m_mock.reset();
        QTemporaryDir dir;
        Config config = mockConfig(dir.path());
        config.agents["editing"].modelConfig.model = "mock-fault-stall";
        config.agents["editing"].timeout = 1;
        config.agents["editing"].maxRetries = 0;
        DocumentOrchestrator engine(config);
        QVERIFY(engine.open(nullptr));
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id, 60000));
        const Document doc = rec.finished.value(id);
        // Editing is optional in the article workflow: skipped, not fatal.
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QVERIFY(doc.metadata.value("skipped_stages").toStringList().contains("edit"));
        QVERIFY(doc.metadata.value("notes").toStringList().join('\n').contains("edit/structure"));
        bool timedOut = false;
        for (const CallRecordEvent &c : rec.callsOf(id))
            timedOut = timedOut || (c.stepKey == "edit/structure" && c.errorKind == LlmErrorKind::Timeout);
        QVERIFY(timedOut);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorMock)
#include "tst_orchestratormock.moc"

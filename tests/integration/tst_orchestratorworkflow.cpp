// Users' own workflows ($XDG_CONFIG_HOME/madf/workflows/<type>.yaml) drive
// the engine: their stages, order, parallel flags and agents.

#include "tst_orchestratorutil.h"

#include "core/orchestration/resourcemanager.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace OrchTest;

namespace {

void writeWorkflow(const QString &xdg, const QString &type, const QByteArray &yaml)
{
    const QString folder = xdg + "/madf/workflows";
    QVERIFY(QDir().mkpath(folder));
    QFile f(folder + "/" + type + ".yaml");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(yaml);
}

/** An engine that reads its workflows from `xdg`. */
std::unique_ptr<DocumentOrchestrator> engineWith(const QString &xdg, const Config &config)
{
    const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", xdg.toUtf8());
    auto engine = std::make_unique<DocumentOrchestrator>(config);
    qputenv("XDG_CONFIG_HOME", previous);
    return engine;
}

} // namespace

class TestOrchestratorWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownDocumentTypeRunsItsOwnStages()
    {
        QTemporaryDir xdg;
        writeWorkflow(xdg.path(), "memo",
                      "name: memo\n"
                      "stages:\n"
                      "  - name: plan\n    kind: outline\n    agent: planner\n"
                      "  - name: write\n    depends_on: [plan]\n    parallel: false\n"
                      "  - name: verify\n    depends_on: [write]\n    parallel: false\n"
                      "  - name: finalize\n    depends_on: [verify]\n");
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        AgentConfig planner = config.agents.value("writing");
        planner.name = "planner";
        config.agents.insert("planner", planner);
        auto engine = engineWith(xdg.path(), config);
        Recorder rec(engine.get());
        const QString id = engine->createDocument(request("Moving the office to the second floor", "memo", 300));
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QCOMPARE(doc.metadata.value("workflow").toString(), QStringLiteral("memo"));
        QCOMPARE(rec.stages.value(id), (QStringList{"plan", "write", "verify", "finalize"}));
        for (const CallRecordEvent &c : rec.callsOf(id)) {
            QVERIFY2(!c.stepKey.startsWith("research") && !c.stepKey.startsWith("edit"), qPrintable(c.stepKey));
            if (c.stepKey == "outline")
                QCOMPARE(c.agent, QStringLiteral("planner"));
        }
        // Every stage is serial: one call at a time.
        QCOMPARE(engine->callLimiter()->stats().peakUsage, 1);
    }

    void invalidWorkflowFailsTheDocumentWithItsLocation()
    {
        QTemporaryDir xdg;
        writeWorkflow(xdg.path(), "article", "stages:\n  - name: reserch\n");
        QTemporaryDir dir;
        auto engine = engineWith(xdg.path(), simulatedConfig(dir.path()));
        Recorder rec(engine.get());
        const QString id = engine->createDocument(request());
        QVERIFY(rec.waitFinished(id, 5000));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Failed);
        QCOMPARE(doc.metadata.value("failure_kind").toString(), QStringLiteral("workflow"));
        QVERIFY2(doc.failureReason.contains("article.yaml:2: error"), qPrintable(doc.failureReason));
        QVERIFY(rec.calls.isEmpty());
    }

    void failingOptionalStageIsSkipped()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        // Every call of the editing agent fails; editing is optional in an article.
        config.agents["editing"].modelConfig.model = "sim-fault-server_error";
        config.agents["editing"].maxRetries = 0;
        DocumentOrchestrator engine(config);
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QVERIFY2(doc.status == DocumentStatus::Complete, qPrintable(doc.failureReason));
        QCOMPARE(doc.metadata.value("skipped_stages").toStringList(), QStringList{"edit"});
        QVERIFY(rec.stages.value(id).contains("verify"));
        QVERIFY(!rec.stages.value(id).contains("edit"));
    }

    void failingRequiredStageFailsTheDocument()
    {
        QTemporaryDir dir;
        Config config = simulatedConfig(dir.path());
        config.agents["verification"].modelConfig.model = "sim-fault-auth";
        DocumentOrchestrator engine(config);
        Recorder rec(&engine);
        const QString id = engine.createDocument(request());
        QVERIFY(rec.waitFinished(id));
        const Document doc = rec.finished.value(id);
        QCOMPARE(doc.status, DocumentStatus::Failed);
        QCOMPARE(doc.metadata.value("failure_kind").toString(), QStringLiteral("agent"));
        QCOMPARE(doc.metadata.value("error_kind").toString(), QStringLiteral("auth"));
        QVERIFY(doc.failureReason.contains("verify/"));
        // The written sections are kept.
        QVERIFY(doc.wordCount > 100);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorWorkflow)
#include "tst_orchestratorworkflow.moc"

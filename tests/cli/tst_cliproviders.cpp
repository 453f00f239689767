// `madf providers ...` and `madf complete ...` as a user runs them.
#include "clitestutil.h"

#include <QJsonDocument>
#include <QJsonObject>

class TestCliProviders : public QObject
{
    Q_OBJECT
private slots:
    void listNeverPrintsKeys();
    void testAndModelsOnSimulated();
    void completeOnSimulated();
    void completeJson();
    void completeFailureNamesKind();
    void completeAgainstMockServer();
};

void TestCliProviders::listNeverPrintsKeys()
{
    QProcessEnvironment env;
    env.insert("OPENAI_API_KEY", "sk-cli-providers-0123456789");
    const CliRun r = runMadf({"providers", "list"}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!r.out.contains("sk-cli-providers") && !r.err.contains("sk-cli-providers"));
    QVERIFY(r.out.contains("$OPENAI_API_KEY (set)"));
    QVERIFY(r.out.contains("$ANTHROPIC_API_KEY (not set)"));
    QVERIFY(r.out.contains("agents:   editing, research, verification, writing"));
    const CliRun json = runMadf({"providers", "list", "--json"}, env);
    QVERIFY(!json.out.contains("sk-cli-providers"));
    QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).object().value("providers").isArray());
    QCOMPARE(runMadf({"providers", "frob"}).exitCode, 2);
    QCOMPARE(runMadf({"providers", "test", "nosuch"}).exitCode, 2);
}

void TestCliProviders::testAndModelsOnSimulated()
{
    const CliRun t = runMadf({"providers", "test", "simulated"});
    QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    QVERIFY(t.out.contains("reachable:    yes"));
    const CliRun m = runMadf({"providers", "models", "simulated"});
    QCOMPARE(m.exitCode, 0);
    QVERIFY(m.out.split('\n', Qt::SkipEmptyParts).size() >= 1);
    // Without a key the OpenAI API is unusable: the test says so and fails.
    const CliRun noKey = runMadf({"providers", "test", "openai"});
    QCOMPARE(noKey.exitCode, 1);
    QVERIFY2(noKey.err.contains("OPENAI_API_KEY"), qPrintable(noKey.err));
}

void TestCliProviders::completeOnSimulated()
{
    QTemporaryDir dir;
    const QString config = writeSimConfig(dir);
    const CliRun r = runMadf({"complete", "--provider", "simulated", "--config", config, "--max-tokens", "50",
                              "Explain tides briefly"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.trimmed().size() > 20);
    QVERIFY(!r.out.contains("usage:"));
    QVERIFY(r.err.contains("usage: "));
    QVERIFY(r.err.contains("completion tokens"));
    QVERIFY(r.err.contains("attempts 1"));
    const CliRun streamed = runMadf({"complete", "--provider", "simulated", "--config", config, "--stream", "Hi there"});
    QCOMPARE(streamed.exitCode, 0);
    QVERIFY(streamed.out.trimmed().size() > 20);
    QCOMPARE(runMadf({"complete", "--provider", "simulated"}).exitCode, 2);
}

void TestCliProviders::completeJson()
{
    QTemporaryDir dir;
    const CliRun r = runMadf({"complete", "--provider", "simulated", "--config", writeSimConfig(dir), "--json", "Hello"});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
    QCOMPARE(o.value("ok").toBool(), true);
    QVERIFY(!o.value("text").toString().isEmpty());
    QVERIFY(o.value("usage").toObject().value("completion_tokens").toInt() > 0);
    QCOMPARE(o.value("attempts").toInt(), 1);
    QCOMPARE(o.value("error_kind").toString(), QStringLiteral("none"));
}

void TestCliProviders::completeFailureNamesKind()
{
    QTemporaryDir dir;
    const QString config = writeSimConfig(dir);
    const CliRun r = runMadf({"complete", "--provider", "simulated", "--model", "sim-fault-rate_limited", "--config",
                              config, "Hello"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("error: rate_limited"), qPrintable(r.err));
    const CliRun json = runMadf({"complete", "--provider", "simulated", "--model", "sim-fault-auth", "--config",
                                 config, "--json", "Hello"});
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value("error_kind").toString(),
             QStringLiteral("auth"));
}

void TestCliProviders::completeAgainstMockServer()
{
    QProcess mock;
    mock.start(QStringLiteral(MADF_BINARY_DIR "/tests/support/madf-mock-llm"), {"--port", "0"});
    if (!mock.waitForStarted())
        QSKIP("madf-mock-llm is not built");
    QVERIFY(mock.waitForReadyRead(10000));
    const QString line = QString::fromUtf8(mock.readLine()).trimmed();
    QVERIFY2(line.startsWith("listening on http://"), qPrintable(line));
    const QString url = line.mid(QStringLiteral("listening on ").size());
    QTemporaryDir dir;
    const QString config =
        writeSimConfig(dir, "  mock:\n    api: openai\n    base_urls: [" + url.toUtf8() + "/v1]\n    local: true\n");
    const CliRun r = runMadf({"complete", "--provider", "mock", "--model", "gpt-4o-mini", "--config", config, "--stream",
                              "Hello mock"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.trimmed().size() > 10);
    QVERIFY(r.err.contains("attempts 1"));
    const CliRun t = runMadf({"providers", "test", "mock", "--config", config});
    QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    QVERIFY(t.out.contains("key accepted: yes"));
    // A fault the server injects comes back as its kind.
    const CliRun fault = runMadf({"complete", "--provider", "mock", "--model", "mock-fault-401", "--config", config,
                                  "--json", "Hello"});
    QCOMPARE(fault.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(fault.out.toUtf8()).object().value("error_kind").toString(),
             QStringLiteral("auth"));
    mock.kill();
    mock.waitForFinished();
}

QTEST_GUILESS_MAIN(TestCliProviders)
#include "tst_cliproviders.moc"

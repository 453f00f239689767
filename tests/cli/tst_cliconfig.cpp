// `madf --help/--version` and `madf config ...` as a user runs them.
#include "clitestutil.h"

#include <QTemporaryDir>

class TestCliConfig : public QObject
{
    Q_OBJECT
private slots:
    void versionAndHelp();
    void unknownCommand();
    void validateValidFiles_data();
    void validateValidFiles();
    void validateReportsEveryError();
    void showMarksOrigins();
    void showNeverPrintsKeys();
    void initWritesValidCommentedFile();
    void readmeReferenceIsCurrent();
};

void TestCliConfig::versionAndHelp()
{
    const CliRun v = runMadf({"--version"});
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.out.trimmed(), QStringLiteral("madf " MADF_VERSION));
    const CliRun h = runMadf({"--help"});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.contains("Usage: madf <command>"));
    QVERIFY(h.out.contains("config"));
    QVERIFY(h.out.contains("Exit status"));
}

void TestCliConfig::unknownCommand()
{
    const CliRun r = runMadf({"frobnicate"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown command \"frobnicate\""));
    QCOMPARE(runMadf({"config", "validate"}).exitCode, 2);
}

void TestCliConfig::validateValidFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("reference") << testData("config/reference.yaml");
    QTest::newRow("production") << testData("config/production.yaml");
    QTest::newRow("preset") << QStringLiteral(MADF_SOURCE_DIR "/resources/presets/cost-saving.yaml");
}

void TestCliConfig::validateValidFiles()
{
    QFETCH(QString, file);
    const CliRun r = runMadf({"config", "validate", file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("valid"));
}

void TestCliConfig::validateReportsEveryError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("orchestrator:\n  max_agents: 0\n  quality_threshhold: 0.9\nagents:\n  writing:\n    temperature: hot\n"
            "logging:\n  level: LOUD\n");
    f.close();
    const CliRun r = runMadf({"config", "validate", path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path + ":2:15: error: orchestrator.max_agents: 0 is out of range"), qPrintable(r.err));
    QVERIFY(r.err.contains(path + ":3:3: warning: orchestrator.quality_threshhold: unknown key"));
    QVERIFY(r.err.contains("did you mean \"quality_threshold\""));
    QVERIFY(r.err.contains(path + ":6:18: error: agents.writing.temperature: \"hot\" is not a number"));
    QVERIFY(r.err.contains(path + ":8:10: error: logging.level: \"LOUD\" is not allowed (allowed: one of: trace"));
    QVERIFY(r.err.contains("3 error(s)"));
    QCOMPARE(runMadf({"config", "validate", dir.filePath("missing.yaml")}).exitCode, 2);
}

void TestCliConfig::showMarksOrigins()
{
    QProcessEnvironment env;
    env.insert("MADF_MAX_AGENTS", "33");
    const CliRun r = runMadf({"config", "show", "--effective", "--config", testData("config/production.yaml")}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("max_agents: 33  # environment MADF_MAX_AGENTS"));
    QVERIFY(r.out.contains("timeout: 600  # file " + testData("config/production.yaml") + ":4"));
    QVERIFY(r.out.contains("enable_parallel: true  # file"));
    QVERIFY(r.out.contains("memory_entries: 5000"));
    QVERIFY(r.out.contains("port: 9100"));
    // Without --effective only what differs from the defaults.
    const CliRun changed = runMadf({"config", "show"}, env);
    QCOMPARE(changed.exitCode, 0);
    QVERIFY(changed.out.contains("max_agents: 33"));
    QVERIFY(!changed.out.contains("retry_attempts"));
    // An invalid environment value stops with the error.
    env.insert("MADF_MAX_AGENTS", "zero");
    const CliRun bad = runMadf({"config", "show"}, env);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("environment MADF_MAX_AGENTS"));
}

void TestCliConfig::showNeverPrintsKeys()
{
    QProcessEnvironment env;
    env.insert("OPENAI_API_KEY", "sk-cli-test-0123456789abcdef");
    env.insert("MADF_TEST_KEY", "plain-secret-value-42");
    QTemporaryDir dir;
    QFile f(dir.filePath("k.yaml"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("agents:\n  research:\n    api_key: ${MADF_TEST_KEY}\n");
    f.close();
    const CliRun r = runMadf({"config", "show", "--effective", "--config", f.fileName()}, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains("sk-cli-test") && !r.err.contains("sk-cli-test"));
    QVERIFY(!r.out.contains("plain-secret-value-42") && !r.err.contains("plain-secret-value-42"));
    QVERIFY(r.out.contains("# key: set (hidden)"));
    QVERIFY(r.out.contains("api_key_env: OPENAI_API_KEY"));
}

void TestCliConfig::initWritesValidCommentedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("sub/madf.yaml");
    const CliRun r = runMadf({"config", "init", path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("# Size of the agent pool"));
    QVERIFY(text.contains("quality_threshold: 0.85"));
    QCOMPARE(runMadf({"config", "validate", path}).exitCode, 0);
    const CliRun again = runMadf({"config", "init", path});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("--force"));
    QCOMPARE(runMadf({"config", "init", path, "--force"}).exitCode, 0);
    const CliRun toStdout = runMadf({"config", "init", "-"});
    QCOMPARE(toStdout.exitCode, 0);
    QVERIFY(toStdout.out.startsWith("# MADF Studio configuration"));
}

void TestCliConfig::readmeReferenceIsCurrent()
{
    const CliRun r = runMadf({"config", "reference"});
    QCOMPARE(r.exitCode, 0);
    QFile readme(QStringLiteral(MADF_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const QString begin = QStringLiteral("<!-- config-reference:begin -->\n");
    const QString end = QStringLiteral("<!-- config-reference:end -->");
    const qsizetype b = text.indexOf(begin);
    const qsizetype e = text.indexOf(end);
    QVERIFY2(b >= 0 && e > b, "README.md lacks the config reference markers");
    const QString inReadme = text.mid(b + begin.size(), e - b - begin.size());
    QVERIFY2(inReadme == r.out, "README's configuration reference is out of date: regenerate it with "
                                "`madf config reference` (see README)");
}

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cliconfig.moc"

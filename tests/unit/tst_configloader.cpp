// Loading layers: the framework's own files, our additions, precedence,
// round trips and secrets.
#include "core/config/configloader.h"
#include "core/config/configwriter.h"
#include "core/config/presets.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;

namespace {
QString data(const char *name) { return QStringLiteral(MADF_TEST_DATA_DIR "/config/") + QLatin1String(name); }

QString dump(const ConfigIssues &issues)
{
    QStringList l;
    for (const ConfigIssue &i : issues)
        l << i.toString();
    return l.join(QLatin1Char('\n'));
}
} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT
private slots:
    void defaultsMatchReference();
    void referenceLayoutLoadsUnchanged();
    void productionFileLoads();
    void yamlRoundTrip();
    void savedFileNeverHoldsSecrets();
    void secretFromEnvReference();
    void environmentOverrides_data();
    void environmentOverrides();
    void badEnvironmentValueIsReported();
    void precedence();
    void locateOrder();
    void invalidFileKeepsOldConfigOnDisk();
    void starterFileIsValidAndCommented();
    void presetsLoad_data();
    void presetsLoad();
    void userPresetRoundTrip();
};

void TestConfigLoader::defaultsMatchReference()
{
    const Config c = Config::defaults();
    QCOMPARE(c.orchestrator.maxAgents, 10);
    QCOMPARE(c.orchestrator.timeout, 300);
    QCOMPARE(c.orchestrator.qualityThreshold, 0.85);
    QCOMPARE(c.orchestrator.enableParallel, true);
    QCOMPARE(c.orchestrator.maxConcurrentTasks, 5);
    QCOMPARE(c.orchestrator.retryAttempts, 3);
    QCOMPARE(c.agents.keys(), (QStringList{"editing", "research", "verification", "writing"}));
    QCOMPARE(c.agents["research"].modelConfig.temperature, 0.3);
    QCOMPARE(c.agents["writing"].modelConfig.maxTokens, 8000);
    QCOMPARE(c.agents["writing"].timeout, 180);
    QCOMPARE(c.agents["verification"].modelConfig.temperature, 0.2);
    QCOMPARE(c.agents["editing"].maxRetries, 3);
    QVERIFY(c.agents["editing"].cacheEnabled);
    QCOMPARE(c.agents["editing"].modelConfig.model, QStringLiteral("gpt-4"));
    QCOMPARE(c.quality.minScore, 0.80);
    QCOMPARE(c.quality.verificationDepth, QStringLiteral("comprehensive"));
    QCOMPARE(c.metrics.port, 9090);
    QVERIFY(c.validate().isEmpty());
}

void TestConfigLoader::referenceLayoutLoadsUnchanged()
{
    const ConfigLoadResult r = ConfigLoader::fromFile(data("reference.yaml"), Config::defaults());
    QVERIFY2(r.issues.isEmpty(), qPrintable(dump(r.issues)));
    QCOMPARE(r.config.agents["editing"].modelConfig.model, QStringLiteral("gpt-3.5-turbo"));
    QCOMPARE(r.config.agents["research"].modelConfig.provider, QStringLiteral("openai"));
    QCOMPARE(r.config.logging.level, QStringLiteral("info")); // "INFO" normalised
    QCOMPARE(r.config.logging.format, QStringLiteral("%(asctime)s - %(name)s - %(levelname)s - %(message)s"));
    const ValueOrigin o = r.config.origin(QStringLiteral("agents.writing.timeout"));
    QCOMPARE(o.kind, ValueOrigin::File);
    QCOMPARE(o.line, 25);
}

void TestConfigLoader::productionFileLoads()
{
    const ConfigLoadResult r = ConfigLoader::fromFile(data("production.yaml"), Config::defaults());
    QVERIFY2(r.issues.isEmpty(), qPrintable(dump(r.issues)));
    const Config &c = r.config;
    QCOMPARE(c.orchestrator.maxAgents, 20);
    QCOMPARE(c.orchestrator.timeout, 600);
    QCOMPARE(c.orchestrator.qualityThreshold, 0.90);
    QCOMPARE(c.orchestrator.maxConcurrentTasks, 10);
    QCOMPARE(c.orchestrator.retryAttempts, 5);
    QVERIFY(c.quality.requireSources);
    QCOMPARE(c.logging.level, QStringLiteral("warning"));
    QCOMPARE(c.providers["anthropic"].baseUrls, QStringList{"https://api.anthropic.com"}); // base_url alias
    QCOMPARE(c.providers["anthropic"].headers.value("anthropic-beta"), QStringLiteral("prompt-caching-2024-07-31"));
    QCOMPARE(c.providers["vllm"].baseUrls.size(), 2);
    QVERIFY(c.providers["vllm"].local);
    QCOMPARE(c.providers["vllm"].maxInFlight, 64);
    QCOMPARE(c.pricing["gpt-4o"].input, std::optional<double>(2.0));
    QVERIFY(!c.pricing["gpt-4o"].cachedInput.has_value());
    QCOMPARE(c.budget.perDocument, 0.5);
    QCOMPARE(c.cache.ttlHours, 72);
    QCOMPARE(c.resolvedStatePath(), QStringLiteral("/var/lib/madf"));
    QVERIFY(c.metrics.enabled);
    // Agents keep their reference defaults for what the file leaves out.
    QCOMPARE(c.agents["editing"].modelConfig.temperature, 0.5);
    QCOMPARE(c.agents["editing"].timeout, 120);
}

void TestConfigLoader::yamlRoundTrip()
{
    for (const char *file : {"reference.yaml", "production.yaml"}) {
        const ConfigLoadResult first = ConfigLoader::fromFile(data(file), Config::defaults());
        QVERIFY(first.ok());
        for (bool onlyChanged : {false, true}) {
            const QByteArray yaml = ConfigWriter::toYaml(first.config, {onlyChanged, true, false, false});
            const ConfigLoadResult second = ConfigLoader::fromYaml(yaml, QStringLiteral("roundtrip.yaml"), Config::defaults());
            QVERIFY2(second.issues.isEmpty(), qPrintable(dump(second.issues) + "\n" + yaml));
            QVERIFY2(second.config == first.config, yaml.constData());
        }
    }
    // Awkward strings survive quoting.
    Config c = Config::defaults();
    c.providers["x"].name = "x";
    c.providers["x"].baseUrls = {"http://127.0.0.1:8080/v1"};
    c.providers["x"].headers = {{"X-Note", "a: b # not a comment"}, {"X-Q", "say \"hi\"\\"}, {"X-Bool", "yes"}};
    c.agents["writing"].modelConfig.model = "models/gemini-1.5: pro";
    c.logging.file = "";
    const ConfigLoadResult back = ConfigLoader::fromYaml(ConfigWriter::toYaml(c), QStringLiteral("q.yaml"), Config::defaults());
    QVERIFY2(back.ok(), qPrintable(dump(back.issues)));
    QVERIFY(back.config == c);
}

void TestConfigLoader::savedFileNeverHoldsSecrets()
{
    const QByteArray yaml = "agents:\n  research:\n    api_key: sk-test-abcdefghijklmnop1234\n";
    const ConfigLoadResult r = ConfigLoader::fromYaml(yaml, QStringLiteral("k.yaml"), Config::defaults());
    QVERIFY(r.ok());
    QCOMPARE(r.issues.size(), 1); // a warning that the key is readable by others
    QCOMPARE(r.issues[0].severity, ConfigIssue::Warning);
    QCOMPARE(r.config.agents["research"].modelConfig.apiKey, QStringLiteral("sk-test-abcdefghijklmnop1234"));

    QTemporaryDir dir;
    const QString path = dir.filePath("saved.yaml");
    QString error;
    QVERIFY(ConfigWriter::save(path, r.config, &error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray saved = f.readAll();
    QVERIFY(!saved.contains("sk-test"));
    QVERIFY(!saved.contains("api_key:"));
    QVERIFY(!ConfigWriter::toYaml(r.config, {false, true, true, true}).contains("sk-test"));
}

void TestConfigLoader::secretFromEnvReference()
{
    qputenv("MADF_TEST_SECRET_KEY", "sk-from-env-1234567890");
    const QByteArray yaml = "agents:\n  research:\n    api_key: ${MADF_TEST_SECRET_KEY}\n";
    const ConfigLoadResult r = ConfigLoader::fromYaml(yaml, QStringLiteral("k.yaml"), Config::defaults());
    QVERIFY(r.issues.isEmpty());
    QCOMPARE(r.config.agents["research"].modelConfig.apiKey, QStringLiteral("sk-from-env-1234567890"));
    qunsetenv("MADF_TEST_SECRET_KEY");
}

void TestConfigLoader::environmentOverrides_data()
{
    QTest::addColumn<QString>("var");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("max agents") << "MADF_MAX_AGENTS" << "20" << "orchestrator.max_agents" << QVariant(20);
    QTest::newRow("cache off") << "MADF_ENABLE_CACHE" << "false" << "agents.writing.cache_enabled" << QVariant(false);
    QTest::newRow("log level") << "MADF_LOG_LEVEL" << "DEBUG" << "logging.level" << QVariant("debug");
    QTest::newRow("state") << "MADF_STATE_PATH" << "/tmp/madf-state" << "storage.state_path" << QVariant("/tmp/madf-state");
    QTest::newRow("output") << "MADF_OUTPUT_PATH" << "/tmp/out" << "storage.output_path" << QVariant("/tmp/out");
    QTest::newRow("metrics") << "MADF_METRICS_ENABLED" << "1" << "metrics.enabled" << QVariant(true);
    QTest::newRow("metrics port") << "MADF_METRICS_PORT" << "9200" << "metrics.port" << QVariant(9200);
    QTest::newRow("concurrency") << "MADF_MAX_CONCURRENT_TASKS" << "12" << "orchestrator.max_concurrent_tasks" << QVariant(12);
    QTest::newRow("threshold") << "MADF_QUALITY_THRESHOLD" << "0.9" << "orchestrator.quality_threshold" << QVariant(0.9);
}

void TestConfigLoader::environmentOverrides()
{
    QFETCH(QString, var);
    QFETCH(QString, value);
    QFETCH(QString, path);
    QFETCH(QVariant, expected);
    QProcessEnvironment env;
    env.insert(var, value);
    Config c = ConfigLoader::fromFile(data("production.yaml"), Config::defaults()).config;
    QVERIFY(ConfigLoader::applyEnvironment(c, env).isEmpty());
    QCOMPARE(c.value(path), expected);
    QCOMPARE(c.origin(path).kind, ValueOrigin::Environment);
    QCOMPARE(c.origin(path).source, var);
}

void TestConfigLoader::badEnvironmentValueIsReported()
{
    QProcessEnvironment env;
    env.insert("MADF_MAX_AGENTS", "lots");
    env.insert("MADF_METRICS_PORT", "70000");
    Config c = Config::defaults();
    const ConfigIssues issues = ConfigLoader::applyEnvironment(c, env);
    QCOMPARE(issues.size(), 2);
    QVERIFY(dump(issues).contains(QStringLiteral("environment MADF_MAX_AGENTS: error: orchestrator.max_agents: \"lots\" is not a whole number")));
    QVERIFY(dump(issues).contains(QStringLiteral("70000 is out of range (allowed: a whole number 1–65,535)")));
    QCOMPARE(c.orchestrator.maxAgents, 10);
}

void TestConfigLoader::precedence()
{
    // defaults < file < environment < runtime
    QProcessEnvironment env;
    env.insert("MADF_MAX_AGENTS", "30");
    ConfigLoadResult r = ConfigLoader::loadEffective(data("production.yaml"), env);
    QVERIFY(r.ok());
    QCOMPARE(r.config.orchestrator.timeout, 600);   // file beats default
    QCOMPARE(r.config.orchestrator.maxAgents, 30);  // env beats file
    QCOMPARE(r.config.cache.memoryEntries, 5000);
    QVERIFY(r.config.setValue("orchestrator.max_agents", 40).isEmpty());
    QCOMPARE(r.config.orchestrator.maxAgents, 40);  // runtime beats env
    QCOMPARE(r.config.origin("orchestrator.retry_attempts").kind, ValueOrigin::File);
    QCOMPARE(r.config.origin("orchestrator.max_agents").kind, ValueOrigin::Runtime);
    QCOMPARE(r.config.origin("cache.disk_max_mb").line, 72);
}

void TestConfigLoader::locateOrder()
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    QProcessEnvironment env;
    QString how;
    QCOMPARE(ConfigLoader::locate({}, env, &how), QString()); // nothing: defaults
    QDir().mkpath(home.filePath("madf"));
    QFile user(home.filePath("madf/config.yaml"));
    QVERIFY(user.open(QIODevice::WriteOnly));
    user.write("orchestrator:\n  retry_attempts: 7\n");
    user.close();
    QCOMPARE(ConfigLoader::locate({}, env, &how), user.fileName());
    QCOMPARE(ConfigLoader::loadEffective({}, env).config.orchestrator.retryAttempts, 7);
    env.insert("MADF_CONFIG_PATH", data("production.yaml"));
    QCOMPARE(ConfigLoader::locate({}, env, &how), data("production.yaml"));
    QCOMPARE(how, QStringLiteral("MADF_CONFIG_PATH"));
    QCOMPARE(ConfigLoader::locate(data("reference.yaml"), env, &how), data("reference.yaml"));
    QCOMPARE(how, QStringLiteral("--config"));
    qunsetenv("XDG_CONFIG_HOME");
}

void TestConfigLoader::invalidFileKeepsOldConfigOnDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("c.yaml");
    Config good = Config::defaults();
    good.orchestrator.maxAgents = 15;
    QString error;
    QVERIFY(ConfigWriter::save(path, good, &error));
    const QByteArray before = [&] { QFile f(path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    // Saving into a path whose directory cannot be created fails and
    // leaves nothing half-written.
    QVERIFY(!ConfigWriter::save(QStringLiteral("/proc/madf-no/c.yaml"), good, &error));
    QVERIFY(error.contains(QStringLiteral("/proc/madf-no/c.yaml")));
    const ConfigLoadResult bad = ConfigLoader::fromYaml("orchestrator:\n  max_agents: -3\n", path, good);
    QVERIFY(!bad.ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QCOMPARE(ConfigLoader::fromFile(path, Config::defaults()).config.orchestrator.maxAgents, 15);
}

void TestConfigLoader::starterFileIsValidAndCommented()
{
    const QByteArray starter = ConfigWriter::starterYaml();
    const ConfigLoadResult r = ConfigLoader::fromYaml(starter, QStringLiteral("starter.yaml"), Config::defaults());
    QVERIFY2(r.issues.isEmpty(), qPrintable(dump(r.issues)));
    QVERIFY(r.config == Config::defaults());
    QVERIFY(starter.contains("# Size of the agent pool"));
    QVERIFY(starter.contains("env: MADF_MAX_AGENTS"));
    QVERIFY(!starter.contains("api_key:"));
}

void TestConfigLoader::presetsLoad_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("retries");
    QTest::addColumn<QString>("editingModel");
    QTest::newRow("quality") << "quality" << 0.90 << 5 << "gpt-4";
    QTest::newRow("balanced") << "balanced" << 0.85 << 3 << "gpt-4";
    QTest::newRow("fast") << "fast" << 0.80 << 2 << "gpt-4";
    QTest::newRow("cost-saving") << "cost-saving" << 0.85 << 3 << "gpt-3.5-turbo";
}

void TestConfigLoader::presetsLoad()
{
    QFETCH(QString, name);
    QFETCH(double, threshold);
    QFETCH(int, retries);
    QFETCH(QString, editingModel);
    const auto preset = Presets::find(name);
    QVERIFY(preset);
    QVERIFY(!preset->description.isEmpty());
    const ConfigLoadResult r = Presets::apply(name, Config::defaults());
    QVERIFY2(r.issues.isEmpty(), qPrintable(dump(r.issues)));
    QCOMPARE(r.config.orchestrator.qualityThreshold, threshold);
    QCOMPARE(r.config.orchestrator.retryAttempts, retries);
    QCOMPARE(r.config.agents["editing"].modelConfig.model, editingModel);
    if (name != QLatin1String("balanced")) {
        const ValueOrigin o = r.config.origin(name == QLatin1String("cost-saving") ? "agents.editing.model"
                                                                                  : "orchestrator.quality_threshold");
        QCOMPARE(o.kind, ValueOrigin::Preset);
        QCOMPARE(o.source, name);
    }
}

void TestConfigLoader::userPresetRoundTrip()
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    Config c = Config::defaults();
    c.orchestrator.maxConcurrentTasks = 24;
    c.agents["writing"].modelConfig.model = "gpt-4o";
    QString error;
    QVERIFY(!Presets::saveUserPreset("bad name!", {}, c, &error));
    QVERIFY(error.contains("bad name!"));
    QVERIFY2(Presets::saveUserPreset("wide", "Many calls at once", c, &error), qPrintable(error));
    const auto p = Presets::find("wide");
    QVERIFY(p);
    QVERIFY(!p->builtIn);
    QCOMPARE(p->description, QStringLiteral("Many calls at once"));
    const ConfigLoadResult r = Presets::apply("wide", Config::defaults());
    QVERIFY(r.ok());
    QVERIFY(r.config == c);
    QVERIFY(!Presets::apply("nope", Config::defaults()).ok());
    qunsetenv("XDG_CONFIG_HOME");
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"

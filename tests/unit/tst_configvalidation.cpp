// Validation tables: every declared field, its valid and invalid values.
#include "core/config/configloader.h"
#include "core/config/configschema.h"

#include <QtTest>

using namespace Madf;

namespace {
QByteArray yamlFor(const QString &section, const QString &instance, const QString &key, const QString &value)
{
    QString y = section + QStringLiteral(":\n");
    QString indent = QStringLiteral("  ");
    if (!instance.isEmpty()) {
        y += indent + instance + QStringLiteral(":\n");
        indent += QStringLiteral("  ");
        if (section == QLatin1String("providers") && key != QLatin1String("base_urls"))
            y += indent + QStringLiteral("base_urls: [\"http://127.0.0.1:1/v1\"]\n");
    }
    return (y + indent + key + QStringLiteral(": ") + value + QLatin1Char('\n')).toUtf8();
}

QString instanceFor(const SectionSchema &s)
{
    if (!s.keyed)
        return {};
    if (s.name == QLatin1String("agents"))
        return QStringLiteral("research");
    if (s.name == QLatin1String("providers"))
        return QStringLiteral("myserver");
    return QStringLiteral("my-model");
}
} // namespace

class TestConfigValidation : public QObject
{
    Q_OBJECT
private slots:
    void everyDeclaredField_data();
    void everyDeclaredField();
    void pinnedRanges_data();
    void pinnedRanges();
    void everyFieldHasHelpAndAllowedText();
    void reportsAllErrorsAtOnceWithLocation();
    void unknownKeyIsWarningWithSuggestion();
    void runtimeChangeRejectedKeepsOldValue();
    void crossFieldChecks();
    void badYamlSyntaxNamesLine();
};

// Generated from the declarations: each field's boundaries must be accepted
// and values just outside refused, so the validator matches what the
// declarations (and so the docs and GUI) promise.
void TestConfigValidation::everyDeclaredField_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    for (const SectionSchema &s : configSchema()) {
        const QString inst = instanceFor(s);
        for (const FieldBinding &f : s.fields) {
            const FieldSpec &spec = f.spec;
            auto row = [&](const QString &value, bool valid) {
                QTest::addRow("%s.%s=%s", qPrintable(s.name), qPrintable(spec.key), qPrintable(value))
                    << s.name << inst << spec.key << value << valid;
            };
            switch (spec.kind) {
            case FieldKind::Int:
                row(QString::number(qint64(spec.minimum)), true);
                row(QString::number(qint64(spec.maximum)), true);
                row(QString::number(qint64(spec.minimum) - 1), false);
                row(QString::number(qint64(spec.maximum) + 1), false);
                row(QStringLiteral("1.5"), false);
                row(QStringLiteral("many"), false);
                row(QStringLiteral("[1, 2]"), false);
                break;
            case FieldKind::Double:
                row(QString::number(spec.minimum, 'g', 12), true);
                row(QString::number(spec.maximum, 'g', 12), true);
                row(QString::number(spec.minimum - 0.01, 'g', 12), false);
                row(QString::number(spec.maximum + 0.01, 'g', 12), false);
                row(QStringLiteral("high"), false);
                row(QStringLiteral(".nan"), false);
                break;
            case FieldKind::Bool:
                for (const char *v : {"true", "false", "yes", "no", "True", "on", "off"})
                    row(QString::fromLatin1(v), true);
                row(QStringLiteral("maybe"), false);
                row(QStringLiteral("2"), false);
                break;
            case FieldKind::Enum:
                for (const QString &c : spec.choices) {
                    row(c, true);
                    row(c.toUpper(), true);
                }
                row(QStringLiteral("bogus"), false);
                row(QStringLiteral("{a: 1}"), false);
                break;
            case FieldKind::String:
                if (spec.key == QLatin1String("provider")) {
                    row(QStringLiteral("openai"), true);
                    row(QStringLiteral("nonexistent"), false);
                } else if (spec.key == QLatin1String("api_key_env")) {
                    row(QStringLiteral("MY_KEY"), true);
                    row(QStringLiteral("\"MY KEY\""), false);
                } else if (spec.key == QLatin1String("model")) {
                    row(QStringLiteral("gpt-4o"), true);
                    row(QStringLiteral("\"\""), false);
                } else {
                    row(QStringLiteral("some text"), true);
                }
                row(QStringLiteral("[a, b]"), false);
                break;
            case FieldKind::StringList:
                row(QStringLiteral("[\"http://127.0.0.1:8080/v1\", \"https://example.com/v1\"]"), true);
                row(QStringLiteral("\"http://127.0.0.1:8080/v1\""), true);
                row(QStringLiteral("[\"ftp://example.com\"]"), false);
                row(QStringLiteral("[[nested]]"), false);
                break;
            case FieldKind::StringMap:
                row(QStringLiteral("{X-Title: MADF, HTTP-Referer: \"https://example.com\"}"), true);
                row(QStringLiteral("[a]"), false);
                row(QStringLiteral("{a: [1]}"), false);
                break;
            }
        }
    }
}

void TestConfigValidation::everyDeclaredField()
{
    QFETCH(QString, section);
    QFETCH(QString, instance);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const ConfigLoadResult r = ConfigLoader::fromYaml(yamlFor(section, instance, key, value), QStringLiteral("t.yaml"),
                                                      Config::defaults());
    QStringList messages;
    for (const ConfigIssue &i : r.issues)
        messages << i.toString();
    QVERIFY2(r.ok() == valid, qPrintable(messages.join(QLatin1Char('\n'))));
    if (!valid) {
        // The error names the key path.
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(key), qPrintable(messages.join(QLatin1Char('\n'))));
    }
}

// The documented ranges themselves, written out so a change to a
// declaration is a deliberate one.
void TestConfigValidation::pinnedRanges_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("max_agents 0") << "orchestrator.max_agents" << QVariant(0) << false;
    QTest::newRow("max_agents 1") << "orchestrator.max_agents" << QVariant(1) << true;
    QTest::newRow("max_agents 1000") << "orchestrator.max_agents" << QVariant(1000) << true;
    QTest::newRow("max_agents 1001") << "orchestrator.max_agents" << QVariant(1001) << false;
    QTest::newRow("threshold 0.9") << "orchestrator.quality_threshold" << QVariant(0.9) << true;
    QTest::newRow("threshold 1.01") << "orchestrator.quality_threshold" << QVariant(1.01) << false;
    QTest::newRow("threshold -0.1") << "orchestrator.quality_threshold" << QVariant(-0.1) << false;
    QTest::newRow("timeout 0") << "orchestrator.timeout" << QVariant(0) << false;
    QTest::newRow("concurrency 256") << "orchestrator.max_concurrent_tasks" << QVariant(256) << true;
    QTest::newRow("retry_attempts 21") << "orchestrator.retry_attempts" << QVariant(21) << false;
    QTest::newRow("temperature 2.0") << "agents.writing.temperature" << QVariant(2.0) << true;
    QTest::newRow("temperature 2.1") << "agents.writing.temperature" << QVariant(2.1) << false;
    QTest::newRow("max_tokens 0") << "agents.editing.max_tokens" << QVariant(0) << false;
    QTest::newRow("agent timeout 3601") << "agents.editing.timeout" << QVariant(3601) << false;
    QTest::newRow("max_retries 10") << "agents.editing.max_retries" << QVariant(10) << true;
    QTest::newRow("max_retries 11") << "agents.editing.max_retries" << QVariant(11) << false;
    QTest::newRow("port 0") << "metrics.port" << QVariant(0) << false;
    QTest::newRow("port 65535") << "metrics.port" << QVariant(65535) << true;
    QTest::newRow("level text") << "logging.level" << QVariant(QStringLiteral("DEBUG")) << true;
    QTest::newRow("budget negative") << "budget.per_document" << QVariant(-1) << false;
    QTest::newRow("unknown path") << "orchestrator.nope" << QVariant(1) << false;
}

void TestConfigValidation::pinnedRanges()
{
    QFETCH(QString, path);
    QFETCH(QVariant, value);
    QFETCH(bool, valid);
    Config c = Config::defaults();
    const ConfigIssues issues = c.setValue(path, value);
    QCOMPARE(issues.isEmpty(), valid);
}

void TestConfigValidation::everyFieldHasHelpAndAllowedText()
{
    for (const SectionSchema &s : configSchema()) {
        QVERIFY2(!s.help.isEmpty(), qPrintable(s.name));
        for (const FieldBinding &f : s.fields) {
            QVERIFY2(f.spec.help.size() > 10, qPrintable(s.name + QLatin1Char('.') + f.spec.key));
            QVERIFY(!f.spec.allowedText().isEmpty());
            if (f.spec.hasRange())
                QVERIFY2(f.spec.minimum < f.spec.maximum, qPrintable(f.spec.key));
            if (f.spec.kind == FieldKind::Enum && f.spec.defaultValue.isValid())
                QVERIFY(f.spec.choices.contains(f.spec.defaultValue.toString()));
        }
    }
}

void TestConfigValidation::reportsAllErrorsAtOnceWithLocation()
{
    const QByteArray yaml = "orchestrator:\n"
                            "  max_agents: 0\n"
                            "  timeout: soon\n"
                            "agents:\n"
                            "  writing:\n"
                            "    temperature: 5\n";
    const ConfigLoadResult r = ConfigLoader::fromYaml(yaml, QStringLiteral("my.yaml"), Config::defaults());
    QCOMPARE(r.issues.size(), 3);
    QCOMPARE(r.issues[0].line, 2);
    QCOMPARE(r.issues[0].column, 15);
    QCOMPARE(r.issues[0].keyPath, QStringLiteral("orchestrator.max_agents"));
    QCOMPARE(r.issues[0].value, QStringLiteral("0"));
    QVERIFY(r.issues[0].message.contains(QStringLiteral("1–1,000")));
    QCOMPARE(r.issues[0].toString(),
             QStringLiteral("my.yaml:2:15: error: orchestrator.max_agents: 0 is out of range "
                            "(allowed: a whole number 1–1,000)"));
    QCOMPARE(r.issues[1].line, 3);
    QCOMPARE(r.issues[2].keyPath, QStringLiteral("agents.writing.temperature"));
    QCOMPARE(r.issues[2].line, 6);
    QVERIFY(!r.ok());
}

void TestConfigValidation::unknownKeyIsWarningWithSuggestion()
{
    const QByteArray yaml = "orchestrator:\n  max_agent: 4\n  quality_treshold: 0.9\nqualiti:\n  x: 1\n";
    const ConfigLoadResult r = ConfigLoader::fromYaml(yaml, QStringLiteral("w.yaml"), Config::defaults());
    QVERIFY(r.ok());
    QCOMPARE(r.issues.size(), 3);
    QCOMPARE(r.issues[0].severity, ConfigIssue::Warning);
    QVERIFY(r.issues[0].message.contains(QStringLiteral("did you mean \"max_agents\"")));
    QVERIFY(r.issues[1].message.contains(QStringLiteral("did you mean \"quality_threshold\"")));
    QVERIFY(r.issues[2].message.contains(QStringLiteral("did you mean \"quality\"")));
    QCOMPARE(r.config.orchestrator.maxAgents, 10); // ignored, default kept
}

void TestConfigValidation::runtimeChangeRejectedKeepsOldValue()
{
    Config c = Config::defaults();
    QVERIFY(c.setValue(QStringLiteral("orchestrator.max_concurrent_tasks"), 12).isEmpty());
    QCOMPARE(c.orchestrator.maxConcurrentTasks, 12);
    QCOMPARE(c.origin(QStringLiteral("orchestrator.max_concurrent_tasks")).kind, ValueOrigin::Runtime);
    const ConfigIssues issues = c.setValue(QStringLiteral("orchestrator.max_concurrent_tasks"), 0);
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues[0].message.contains(QStringLiteral("1–1,000")));
    QCOMPARE(c.orchestrator.maxConcurrentTasks, 12);
    QVERIFY(!c.setValue(QStringLiteral("logging.level"), QStringLiteral("verbose")).isEmpty());
    QCOMPARE(c.logging.level, QStringLiteral("info"));
}

void TestConfigValidation::crossFieldChecks()
{
    const QByteArray yaml = "agents:\n  research:\n    provider: antropic\n"
                            "providers:\n  mine:\n    api: openai\n  other:\n    api: anthropic\n    base_urls: [\"not a url\"]\n";
    const ConfigLoadResult r = ConfigLoader::fromYaml(yaml, QStringLiteral("x.yaml"), Config::defaults());
    QStringList all;
    for (const ConfigIssue &i : r.issues)
        all << i.toString();
    QCOMPARE(r.issues.size(), 3);
    QVERIFY(all.join('\n').contains(QStringLiteral("x.yaml:3:15: error: agents.research.provider: \"antropic\" is not a provider; did you mean \"anthropic\"?")));
    QVERIFY(all.join('\n').contains(QStringLiteral("providers.mine.base_urls: at least one base URL")));
    QVERIFY(all.join('\n').contains(QStringLiteral("\"not a url\" is not an http(s) URL")));
}

void TestConfigValidation::badYamlSyntaxNamesLine()
{
    const QByteArray yaml = "orchestrator:\n  max_agents: 4\n  timeout: [1, 2\n";
    const ConfigLoadResult r = ConfigLoader::fromYaml(yaml, QStringLiteral("s.yaml"), Config::defaults());
    QCOMPARE(r.issues.size(), 1);
    QVERIFY(r.issues[0].line >= 3);
    QVERIFY(r.issues[0].message.startsWith(QStringLiteral("not valid YAML")));
    QCOMPARE(r.config, Config::defaults());
}

QTEST_GUILESS_MAIN(TestConfigValidation)
#include "tst_configvalidation.moc"

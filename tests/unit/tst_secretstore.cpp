// Where API keys live: the session-only SecretStore (the fallback where no
// keychain runs), keys from the keychain reaching the engine through
// Config::providerKeys, and never reaching YAML.
#include "core/config/config.h"
#include "core/config/configwriter.h"
#include "core/config/secretstore.h"
#include "core/llm/llmclient.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Madf;

namespace {
const QString kSecret = QStringLiteral("sk-dummy-4f9c2e7a1b3d5f60");
}

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void memoryStoreKeepsKeysForTheSession();
    void callbacksComeLaterAndNotAfterTheirContext();
    void sessionOnlyNoticeNamesTheVariable();
    void storedKeyWinsOverTheEnvironment();
    void keyMakesAProviderUsable();
    void keyNeverWritten_data();
    void keyNeverWritten();
    void savedFileHoldsNoKey();
};

void TestSecretStore::initTestCase()
{
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("MADF_TEST_ANTHROPIC_KEY");
}

void TestSecretStore::memoryStoreKeepsKeysForTheSession()
{
    MemorySecretStore store(QStringLiteral("No keychain service is running."));
    QCOMPARE(store.persistence(), SecretStore::Persistence::SessionOnly);
    QCOMPARE(store.notice(), QStringLiteral("No keychain service is running."));

    QString error = QStringLiteral("not called");
    store.write(QStringLiteral("openai"), kSecret, this, [&](const QString &e) { error = e; });
    QTRY_VERIFY(error.isEmpty());

    QString read = QStringLiteral("not called");
    store.read(QStringLiteral("openai"), this, [&](const QString &secret, const QString &) { read = secret; });
    QTRY_COMPARE(read, kSecret);

    // Another account has nothing: an empty key, no error.
    QString other = QStringLiteral("not called");
    QString otherError = QStringLiteral("not called");
    store.read(QStringLiteral("anthropic"), this, [&](const QString &secret, const QString &e) {
        other = secret;
        otherError = e;
    });
    QTRY_VERIFY(other.isEmpty());
    QVERIFY(otherError.isEmpty());

    bool removed = false;
    store.remove(QStringLiteral("openai"), this, [&](const QString &) { removed = true; });
    QTRY_VERIFY(removed);
    read = QStringLiteral("not called");
    store.read(QStringLiteral("openai"), this, [&](const QString &secret, const QString &) { read = secret; });
    QTRY_VERIFY(read.isEmpty());
}

void TestSecretStore::callbacksComeLaterAndNotAfterTheirContext()
{
    MemorySecretStore store(QStringLiteral("memory"));
    bool called = false;
    store.write(QStringLiteral("a"), kSecret, this, [&](const QString &) { called = true; });
    QVERIFY(!called); // never before the call returns
    QTRY_VERIFY(called);

    auto *context = new QObject;
    bool late = false;
    store.read(QStringLiteral("a"), context, [&](const QString &, const QString &) { late = true; });
    delete context;
    QTest::qWait(50);
    QVERIFY(!late);
}

void TestSecretStore::sessionOnlyNoticeNamesTheVariable()
{
    const QString hint = SecretStore::sessionOnlyHint(QStringLiteral("OPENAI_API_KEY"));
    QVERIFY2(hint.contains(QStringLiteral("OPENAI_API_KEY")), qPrintable(hint));
    QVERIFY2(hint.contains(QStringLiteral("To keep this key")), qPrintable(hint));
    QVERIFY(!SecretStore::sessionOnlyHint({}).isEmpty());
}

void TestSecretStore::storedKeyWinsOverTheEnvironment()
{
    Config config = Config::defaults();
    config.providers[QStringLiteral("anthropic")].apiKeyEnv = QStringLiteral("MADF_TEST_ANTHROPIC_KEY");
    QVERIFY(config.apiKeyFor(QStringLiteral("anthropic")).isEmpty());
    qputenv("MADF_TEST_ANTHROPIC_KEY", "from-the-environment");
    QCOMPARE(config.apiKeyFor(QStringLiteral("anthropic")), QStringLiteral("from-the-environment"));
    config.providerKeys.insert(QStringLiteral("anthropic"), kSecret);
    QCOMPARE(config.apiKeyFor(QStringLiteral("anthropic")), kSecret);
    // An agent's own key (an old file) still comes first.
    config.agents[QStringLiteral("writing")].modelConfig.provider = QStringLiteral("anthropic");
    config.agents[QStringLiteral("writing")].modelConfig.apiKey = QStringLiteral("agent-key-1234");
    QCOMPARE(config.apiKeyFor(QStringLiteral("anthropic")), QStringLiteral("agent-key-1234"));
    qunsetenv("MADF_TEST_ANTHROPIC_KEY");
}

void TestSecretStore::keyMakesAProviderUsable()
{
    Config config = Config::defaults();
    LlmClient without(config);
    const QString reason = without.unusableReason(QStringLiteral("openai"));
    QVERIFY2(reason.contains(QStringLiteral("OPENAI_API_KEY")), qPrintable(reason));

    config.providerKeys.insert(QStringLiteral("openai"), kSecret);
    LlmClient with(config);
    QVERIFY2(with.unusableReason(QStringLiteral("openai")).isEmpty(),
             qPrintable(with.unusableReason(QStringLiteral("openai"))));
    // And the running client takes a key given later (keychain read at start-up).
    without.setConfig(config);
    QVERIFY(without.unusableReason(QStringLiteral("openai")).isEmpty());
}

void TestSecretStore::keyNeverWritten_data()
{
    QTest::addColumn<bool>("onlyChanged");
    QTest::addColumn<bool>("help");
    QTest::addColumn<bool>("origins");
    QTest::addColumn<bool>("keyStatus");
    QTest::newRow("plain") << false << false << false << false;
    QTest::newRow("only changed") << true << false << false << false;
    QTest::newRow("help") << false << true << false << false;
    QTest::newRow("origins and key status") << false << false << true << true;
    QTest::newRow("everything") << false << true << true << true;
}

void TestSecretStore::keyNeverWritten()
{
    QFETCH(bool, onlyChanged);
    QFETCH(bool, help);
    QFETCH(bool, origins);
    QFETCH(bool, keyStatus);
    Config config = Config::defaults();
    config.providerKeys.insert(QStringLiteral("openai"), kSecret);
    config.providerKeys.insert(QStringLiteral("anthropic"), kSecret + QStringLiteral("-2"));
    config.agents[QStringLiteral("research")].modelConfig.provider = QStringLiteral("openai");
    const QByteArray yaml = ConfigWriter::toYaml(config, ConfigWriter::Options{onlyChanged, help, origins, keyStatus});
    QVERIFY(!yaml.isEmpty());
    QVERIFY2(!yaml.contains(kSecret.toUtf8()), yaml.constData());
    QVERIFY(!yaml.contains("sk-dummy"));
    if (keyStatus) // whether a key is set may be said, never what it is
        QVERIFY2(yaml.contains("set (hidden)"), yaml.constData());
}

void TestSecretStore::savedFileHoldsNoKey()
{
    QTemporaryDir dir;
    Config config = Config::defaults();
    config.providerKeys.insert(QStringLiteral("openai"), kSecret);
    const QString path = dir.filePath(QStringLiteral("madf.yaml"));
    QString error;
    QVERIFY2(ConfigWriter::save(path, config, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("providers:"));
    QVERIFY(!contents.contains(kSecret.toUtf8()));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"

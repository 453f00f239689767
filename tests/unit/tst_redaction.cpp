#include "core/log/log.h"
#include "core/log/redactor.h"

#include <QProcessEnvironment>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using Madf::Redactor;

/** What the logs would show for text carrying credentials in every form we know of. */
class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redact_data();
    void redact();
    void shortSecretsAreIgnored();
    void longerSecretGoesWhole();
    void clearForgetsSecrets();
    void secretVariableNames_data();
    void secretVariableNames();
    void secretsFromEnvironment();
    void globalApiRedacts();
    void concurrentRegistrationAndRedaction();

private:
    static const QString Secret;      // an ordinary key, no recognisable shape
    static const QString MetaSecret;  // full of regex metacharacters
};

const QString TestRedaction::Secret = QStringLiteral("MySecretValue42");
const QString TestRedaction::MetaSecret = QStringLiteral("p@ss(w0rd)*+?[x]$^|\\d");

void TestRedaction::redact_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const QString &in, const QString &out) {
        QTest::newRow(name) << in << out;
    };
    const QString R = QStringLiteral("[REDACTED]");

    // Ordinary text must come through untouched.
    row("plain", "Generated 3 sections in 4.2 s", "Generated 3 sections in 4.2 s");
    row("bearer prose", "Bearer of good news", "Bearer of good news");
    row("bearer prose lower", "the bearer bonds were sold", "the bearer bonds were sold");
    row("bearer prose long word", "a bearer instrument.", "a bearer instrument.");
    row("authorization prose", "authorization failed for provider openai",
        "authorization failed for provider openai");
    row("api_key_env names a variable", "api_key_env: OPENAI_API_KEY", "api_key_env: OPENAI_API_KEY");
    row("max_tokens", R"({"max_tokens": 4096, "model": "gpt-4o"})", R"({"max_tokens": 4096, "model": "gpt-4o"})");
    row("short sk", "use sk-short here", "use sk-short here");
    row("sk inside a word", "risk-assessment-for-the-project-plan", "risk-assessment-for-the-project-plan");
    row("task id", "task-abcdefghijklmnopqrstuvwxyz done", "task-abcdefghijklmnopqrstuvwxyz done");

    // Authorization headers keep their name and scheme.
    row("header bearer", "Authorization: Bearer abc.def-ghi", "Authorization: Bearer " + R);
    row("header bearer lower, letters only", "authorization: bearer testkeytestkey",
        "authorization: bearer " + R);
    row("header bearer upper", "AUTHORIZATION:BEARER xyz", "AUTHORIZATION:BEARER " + R);
    row("header raw key", "Authorization: rawkey123", "Authorization: " + R);
    row("header basic", "Authorization: Basic dXNlcjpwYXNz==", "Authorization: Basic " + R);
    row("proxy header", "Proxy-Authorization: Bearer abc", "Proxy-Authorization: Bearer " + R);
    row("header json", R"({"Authorization": "Bearer sk-proj-abcdefghijklmnop1234", "model": "gpt-4o"})",
        R"({"Authorization": "Bearer [REDACTED]", "model": "gpt-4o"})");
    row("header json compact, at start", R"({"authorization":"Bearer tok"})",
        R"({"authorization":"Bearer [REDACTED]"})");
    row("header escaped json", R"({\"Authorization\": \"Bearer abcdef123456\"})",
        R"({\"Authorization\": \"Bearer [REDACTED]\"})");
    row("header qdebug pair", R"(std::pair("Authorization","Bearer abc"))",
        R"(std::pair("Authorization","Bearer [REDACTED]"))");
    row("header then text", "Authorization: Bearer abc123; retrying", "Authorization: Bearer " + R + "; retrying");

    // A bare Bearer token.
    row("bare bearer jwt", "sending Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig now", "sending Bearer " + R + " now");
    row("bare bearer at end", "token=Bearer 0123456789", "token=Bearer " + R);
    row("bare bearer long letters", "Bearer abcdefghijklmnopqrstuvwxyz", "Bearer " + R);

    // Key headers and fields.
    row("x-api-key", "x-api-key: abc123secret", "x-api-key: " + R);
    row("x-api-key upper no space", "X-API-KEY:abc123secret", "X-API-KEY:" + R);
    row("x-api-key json", R"({"x-api-key": "abc123secret", "anthropic-version": "2023-06-01"})",
        R"({"x-api-key": "[REDACTED]", "anthropic-version": "2023-06-01"})");
    row("x-api-key single quotes", "{'x-api-key': 'abc123secret'}", "{'x-api-key': '" + R + "'}");
    row("api_key query", "GET /v1/models?api_key=abc123&limit=5", "GET /v1/models?api_key=" + R + "&limit=5");
    row("api_key json", R"({"api_key": "value-that-is-secret"})", R"({"api_key": "[REDACTED]"})");
    row("apiKey yaml", "apiKey: hunter22", "apiKey: " + R);
    row("prefixed api key", "OPENAI_API_KEY=abcdefgh", "OPENAI_API_KEY=" + R);
    row("access_token", "access_token=ya29.a0Af", "access_token=" + R);

    // Provider key shapes, wherever they are.
    row("sk at start", "sk-ant-api03-AbCdEfGhIjKlMnOpQrSt_uv-wx is invalid", R + " is invalid");
    row("sk in middle", "key sk-abcdefghijklmnop1234 rejected", "key " + R + " rejected");
    row("sk at end", "OpenRouter key: sk-or-v1-0123456789abcdef0123", "OpenRouter key: " + R);
    row("sk in json value", R"({"note":"sk-abcdefghijklmnopqrst","n":1})", R"({"note":"[REDACTED]","n":1})");
    row("google key", "url ?key=AIzaSyA1234567890abcdefghijklmnopqrstu", "url ?key=" + R);
    row("several keys", "a=sk-aaaaaaaaaaaaaaaaaaaa b=sk-bbbbbbbbbbbbbbbbbbbb", "a=" + R + " b=" + R);

    // Registered secrets, in places no pattern would catch.
    row("secret plain", "token is MySecretValue42.", "token is " + R + ".");
    row("secret twice", "MySecretValue42/MySecretValue42", R + "/" + R);
    row("secret in url", "https://host/v1?k=MySecretValue42&x=1", "https://host/v1?k=" + R + "&x=1");
    row("secret in json", R"({"key":"MySecretValue42"})", R"({"key":"[REDACTED]"})");
    row("secret with metacharacters", "pw p@ss(w0rd)*+?[x]$^|\\d done", "pw " + R + " done");
    row("metacharacter secret is no regex (its |\\d would eat digits)", "pw pssw0rd done", "pw pssw0rd done");
    row("everything at once",
        R"(POST {"Authorization": "Bearer zzz"} x-api-key: abc MySecretValue42 sk-abcdefghijklmnopqrstuv)",
        R"(POST {"Authorization": "Bearer [REDACTED]"} x-api-key: [REDACTED] [REDACTED] [REDACTED])");
}

void TestRedaction::redact()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    Redactor redactor;
    QVERIFY(redactor.addSecret(Secret));
    QVERIFY(redactor.addSecret(MetaSecret));
    QCOMPARE(redactor.redact(input), expected);
    // Running it again changes nothing: a redacted line is safe to redact twice.
    QCOMPARE(redactor.redact(expected), expected);
}

void TestRedaction::shortSecretsAreIgnored()
{
    Redactor redactor;
    QVERIFY(!redactor.addSecret(QStringLiteral("abc")));
    QVERIFY(!redactor.addSecret(QStringLiteral("  ab  ")));
    QCOMPARE(redactor.secretCount(), 0);
    QCOMPARE(redactor.redact(QStringLiteral("abc abc")), QStringLiteral("abc abc"));

    QVERIFY(redactor.addSecret(QStringLiteral("abcd")));
    QVERIFY(!redactor.addSecret(QStringLiteral("abcd"))); // already known
    QCOMPARE(redactor.redact(QStringLiteral("xabcdx")), QStringLiteral("x[REDACTED]x"));
}

void TestRedaction::longerSecretGoesWhole()
{
    Redactor redactor;
    redactor.addSecret(QStringLiteral("abcd1234"));
    redactor.addSecret(QStringLiteral("abcd1234efgh"));
    // Shorter first would leave "efgh", a piece of the longer key, in the log.
    QCOMPARE(redactor.redact(QStringLiteral("k=abcd1234efgh k2=abcd1234")),
             QStringLiteral("k=[REDACTED] k2=[REDACTED]"));
}

void TestRedaction::clearForgetsSecrets()
{
    Redactor redactor;
    redactor.addSecret(Secret);
    QCOMPARE(redactor.redact(Secret), QStringLiteral("[REDACTED]"));
    redactor.clear();
    QCOMPARE(redactor.secretCount(), 0);
    QCOMPARE(redactor.redact(Secret), Secret);
}

void TestRedaction::secretVariableNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    QTest::newRow("openai") << "OPENAI_API_KEY" << true;
    QTest::newRow("anthropic") << "ANTHROPIC_API_KEY" << true;
    QTest::newRow("openrouter") << "OPENROUTER_API_KEY" << true;
    QTest::newRow("custom api key") << "MISTRAL_API_KEY" << true;
    QTest::newRow("token") << "GITHUB_TOKEN" << true;
    QTest::newRow("secret") << "DB_SECRET" << true;
    QTest::newRow("lower case") << "my_api_key" << true;
    QTest::newRow("home") << "HOME" << false;
    QTest::newRow("level") << "MADF_LOG_LEVEL" << false;
    QTest::newRow("key file") << "OPENAI_API_KEY_FILE" << false;
    QTest::newRow("tokens") << "MAX_TOKENS" << false;
}

void TestRedaction::secretVariableNames()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(Redactor::isSecretVariableName(name), secret);
}

void TestRedaction::secretsFromEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("openai-value-1234"));
    env.insert(QStringLiteral("GITHUB_TOKEN"), QStringLiteral("ghp_tokenvalue99"));
    env.insert(QStringLiteral("DB_SECRET"), QStringLiteral("hunter2hunter2"));
    env.insert(QStringLiteral("SHORT_TOKEN"), QStringLiteral("abc12"));   // too short to be a key
    env.insert(QStringLiteral("HOME"), QStringLiteral("/home/someone"));  // not a secret name

    Redactor redactor;
    QCOMPARE(redactor.addSecretsFromEnvironment(env), 3);
    QCOMPARE(redactor.redact(QStringLiteral("openai-value-1234 ghp_tokenvalue99 hunter2hunter2")),
             QStringLiteral("[REDACTED] [REDACTED] [REDACTED]"));
    QCOMPARE(redactor.redact(QStringLiteral("abc12 /home/someone")), QStringLiteral("abc12 /home/someone"));
}

void TestRedaction::globalApiRedacts()
{
    Madf::Log::clearSecrets();
    Madf::Log::registerSecret(MetaSecret);
    QCOMPARE(Madf::Log::redact("a " + MetaSecret + " b"), QStringLiteral("a [REDACTED] b"));
    QCOMPARE(Madf::Log::redact(QStringLiteral("x-api-key: zzz")), QStringLiteral("x-api-key: [REDACTED]"));
    Madf::Log::registerSecret(QStringLiteral("ab"));
    QCOMPARE(Madf::Log::redact(QStringLiteral("abab")), QStringLiteral("abab"));
    Madf::Log::clearSecrets();
    QCOMPARE(Madf::Log::redact("a " + MetaSecret + " b"), "a " + MetaSecret + " b");
}

void TestRedaction::concurrentRegistrationAndRedaction()
{
    Redactor redactor;
    redactor.addSecret(Secret);
    std::atomic<int> leaks = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i) {
                redactor.addSecret(QStringLiteral("thread%1secret%2").arg(t).arg(i));
                if (redactor.redact("value " + Secret).contains(Secret))
                    ++leaks;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(leaks.load(), 0);
    QCOMPARE(redactor.secretCount(), 1 + 4 * 500);
    QCOMPARE(redactor.redact(QStringLiteral("thread3secret499")), QStringLiteral("[REDACTED]"));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"

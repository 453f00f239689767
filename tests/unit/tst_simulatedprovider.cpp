// The simulated provider: deterministic readable filler, JSON and Markdown on
// request, lengths, max_tokens, usage, latency profiles, speed 0, faults.
#include "core/config/config.h"
#include "core/llm/llmclient.h"
#include "core/llm/simulatedprovider.h"
#include "core/llm/tokencounter.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Madf;

namespace {

LlmRequest request(const QString &text, const QString &model = "gpt-4o", const QString &system = "You write reports.")
{
    LlmRequest r;
    r.provider = "simulated";
    r.model = model;
    r.system = system;
    r.messages = {{"user", text}};
    r.maxTokens = 4000;
    r.stream = false;
    return r;
}

int wordCount(const QString &text)
{
    return int(text.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts).size());
}

Config simulatedConfig(double speed)
{
    Config config = Config::defaults();
    config.providers["simulated"].speed = speed;
    return config;
}

LlmResult run(LlmClient &client, const LlmRequest &r, QStringList *deltas = nullptr, int *retries = nullptr)
{
    LlmCall *call = client.start(r);
    std::optional<LlmResult> result;
    QObject::connect(call, &LlmCall::finished, call, [&](const LlmResult &res) { result = res; });
    if (deltas)
        QObject::connect(call, &LlmCall::textReceived, call, [deltas](const QString &d) { *deltas << d; });
    if (retries)
        QObject::connect(call, &LlmCall::retrying, call, [retries] { ++*retries; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return {};
    return *result;
}

} // namespace

class TestSimulatedProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deterministicAndSeededByThePrompt();
    void readsLikeProseNotLorem();
    void citesOnlyTheListedSources();
    void dictatedJsonIsReturnedExactly_data();
    void dictatedJsonIsReturnedExactly();
    void genericJsonWhenAskedForJson();
    void markdownSectionsWhenAskedForSections_data();
    void markdownSectionsWhenAskedForSections();
    void lengthFollowsThePrompt_data();
    void lengthFollowsThePrompt();
    void maxTokensCutsWithFinishLength();
    void usageAsAProviderWouldReportIt();
    void latencyProfiles();
    void speedZeroFinishesOnTheNextTurn();
    void streamsInCoalescedChunksAtTheProfilesPace();
    void faultsFailAndAreRetriedLikeRealOnes_data();
    void faultsFailAndAreRetriedLikeRealOnes();
    void cancelStopsAtOnce();
};

void TestSimulatedProvider::deterministicAndSeededByThePrompt()
{
    TokenCounter counter;
    const auto a = SimulatedProvider::reply(request("Write about river transport."), counter);
    const auto b = SimulatedProvider::reply(request("Write about river transport."), counter);
    const auto c = SimulatedProvider::reply(request("Write about mountain railways."), counter);
    const auto d = SimulatedProvider::reply(request("Write about river transport.", "claude-3-5-sonnet"), counter);
    QCOMPARE(a.text, b.text);
    QVERIFY(a.text != c.text);
    QVERIFY(a.text != d.text);
}

void TestSimulatedProvider::readsLikeProseNotLorem()
{
    TokenCounter counter;
    const QString text = SimulatedProvider::reply(request("Write about harbour logistics and freight."), counter).text;
    QVERIFY(!text.contains("lorem", Qt::CaseInsensitive));
    QVERIFY(!text.contains("ipsum", Qt::CaseInsensitive));
    // Sentences: capitalised, full stops, ordinary words; the topic shows through.
    const QStringList sentences = text.split(QRegularExpression("(?<=\\.)\\s+"), Qt::SkipEmptyParts);
    QVERIFY(sentences.size() >= 8);
    for (const QString &s : sentences) {
        QVERIFY2(s.at(0).isUpper(), qPrintable(s));
        QVERIFY2(s.endsWith('.'), qPrintable(s));
        QVERIFY2(wordCount(s) >= 4 && wordCount(s) <= 16, qPrintable(s));
    }
    QVERIFY(text.contains("harbour") || text.contains("logistics") || text.contains("freight"));
    QVERIFY(!text.contains(" a a") && !text.contains(" a approach"));
}

void TestSimulatedProvider::citesOnlyTheListedSources()
{
    // A writer prompt with numbered sources gets [n] citations to those
    // numbers only; without sources nothing is cited.
    const TokenCounter counter;
    const QString withSources = QStringLiteral("Write about 300 words on soil carbon.\n\nSources:\n"
                                               "[2] Soil atlas (atlas.md)\n[5] Cover crops review\n");
    const QString text = SimulatedProvider::reply(request(withSources), counter).text;
    static const QRegularExpression cite(QStringLiteral("\\[(\\d+)\\]"));
    QSet<int> cited;
    for (auto it = cite.globalMatch(text); it.hasNext();)
        cited.insert(it.next().captured(1).toInt());
    QVERIFY2(!cited.isEmpty(), qPrintable(text));
    QVERIFY2((QSet<int> {2, 5}).contains(cited), qPrintable(text));
    const QString without = SimulatedProvider::reply(request("Write about 300 words on soil carbon."), counter).text;
    QVERIFY2(!cite.match(without).hasMatch(), qPrintable(without));
}

void TestSimulatedProvider::dictatedJsonIsReturnedExactly_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("json");
    QTest::newRow("in the user message")
        << "You verify facts."
        << "Check the draft.\nSIMULATED_JSON: {\"verified\": true, \"issues\": [], \"score\": 0.9}\nDraft: ..."
        << "{\"verified\": true, \"issues\": [], \"score\": 0.9}";
    QTest::newRow("in the system prompt")
        << "Respond with JSON.\nSIMULATED_JSON: {\"outline\": [\"Intro\", \"Body\"]}"
        << "Plan the report."
        << "{\"outline\": [\"Intro\", \"Body\"]}";
    QTest::newRow("spread over lines")
        << "You plan."
        << "Plan it.\nSIMULATED_JSON: {\n  \"a\": 1,\n  \"b\": [2, 3]\n}"
        << "{\n  \"a\": 1,\n  \"b\": [2, 3]\n}";
}

void TestSimulatedProvider::dictatedJsonIsReturnedExactly()
{
    QFETCH(QString, system);
    QFETCH(QString, user);
    QFETCH(QString, json);
    const auto reply = SimulatedProvider::reply(request(user, "gpt-4", system), TokenCounter());
    QCOMPARE(reply.text, json);
    QCOMPARE(reply.finishReason, QStringLiteral("stop"));
}

void TestSimulatedProvider::genericJsonWhenAskedForJson()
{
    for (const QString &ask : {QStringLiteral("Summarise the sources. Respond with JSON."),
                               QStringLiteral("Return a JSON object with your assessment.")}) {
        const auto reply = SimulatedProvider::reply(request(ask), TokenCounter());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(reply.text.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QVERIFY(!doc.object().value("summary").toString().isEmpty());
    }
}

void TestSimulatedProvider::markdownSectionsWhenAskedForSections_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QStringList>("headings");
    QTest::newRow("listed in a sentence")
        << "Write a report with the sections Introduction, Background, Analysis and Conclusion."
        << QStringList{"Introduction", "Background", "Analysis", "Conclusion"};
    QTest::newRow("listed one a line")
        << "Write the document in Markdown with these sections:\n- Executive Summary\n- Market Overview\n- Risks\n"
        << QStringList{"Executive Summary", "Market Overview", "Risks"};
    QTest::newRow("not named") << "Write three sections about urban gardens." << QStringList();
}

void TestSimulatedProvider::markdownSectionsWhenAskedForSections()
{
    QFETCH(QString, prompt);
    QFETCH(QStringList, headings);
    const QString text = SimulatedProvider::reply(request(prompt), TokenCounter()).text;
    QRegularExpression heading("^## (.+)$", QRegularExpression::MultilineOption);
    QStringList found;
    for (auto it = heading.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    if (headings.isEmpty())
        QVERIFY(found.size() >= 3);
    else
        QCOMPARE(found, headings);
    QVERIFY(text.startsWith("## "));
}

void TestSimulatedProvider::lengthFollowsThePrompt_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<int>("words");
    QTest::newRow("about 300 words") << "Write about 300 words on coastal erosion." << 300;
    QTest::newRow("a 1000-word essay") << "Write a 1000-word essay on coastal erosion." << 1000;
    QTest::newRow("50 words") << "In 50 words, describe coastal erosion." << 50;
    QTest::newRow("200 to 400 words") << "Write 200 to 400 words on coastal erosion." << 300;
    QTest::newRow("2 paragraphs") << "Write 2 paragraphs on coastal erosion." << 140;
    QTest::newRow("unsaid") << "Describe coastal erosion." << 150;
}

void TestSimulatedProvider::lengthFollowsThePrompt()
{
    QFETCH(QString, prompt);
    QFETCH(int, words);
    const QString text = SimulatedProvider::reply(request(prompt), TokenCounter()).text;
    const int n = wordCount(text);
    QVERIFY2(n >= words * 0.9 && n <= words * 1.25, qPrintable(QStringLiteral("%1 words for %2").arg(n).arg(words)));
}

void TestSimulatedProvider::maxTokensCutsWithFinishLength()
{
    TokenCounter counter;
    LlmRequest r = request("Write about 800 words on coastal erosion.");
    r.maxTokens = 100;
    const auto reply = SimulatedProvider::reply(r, counter);
    QCOMPARE(reply.finishReason, QStringLiteral("length"));
    QVERIFY(reply.completionTokens <= 100);
    QVERIFY(reply.completionTokens >= 90);
    QVERIFY(!reply.text.endsWith(' '));
}

void TestSimulatedProvider::usageAsAProviderWouldReportIt()
{
    LlmClient client(simulatedConfig(0));
    const LlmRequest r = request("Write about 120 words on wind power.");
    const LlmResult result = run(client, r);
    QVERIFY(result.ok());
    QVERIFY(result.simulated);
    QVERIFY(!result.usage.estimated);
    QCOMPARE(result.usage.promptTokens, client.tokenCounter().countPromptTokens(r));
    QCOMPARE(result.usage.completionTokens, client.tokenCounter().countTokens(result.text, r.model));
    QCOMPARE(result.finishReason, QStringLiteral("stop"));
    QCOMPARE(result.timings.attempts, 1);
}

void TestSimulatedProvider::latencyProfiles()
{
    QCOMPARE(SimulatedProvider::profile("gpt-4").timeToFirstTokenMs, 800);
    QCOMPARE(SimulatedProvider::profile("gpt-4").tokensPerSecond, 30.0);
    QCOMPARE(SimulatedProvider::profile("gpt-4o").timeToFirstTokenMs, 400);
    QCOMPARE(SimulatedProvider::profile("gpt-4o").tokensPerSecond, 80.0);
    QCOMPARE(SimulatedProvider::profile("gpt-3.5-turbo").tokensPerSecond, 90.0);
    QCOMPARE(SimulatedProvider::profile("claude-3-5-sonnet-20241022").timeToFirstTokenMs, 600);
    QCOMPARE(SimulatedProvider::profile("something-else").timeToFirstTokenMs, 500);
    QCOMPARE(SimulatedProvider::profile("something-else").tokensPerSecond, 50.0);
}

void TestSimulatedProvider::speedZeroFinishesOnTheNextTurn()
{
    LlmClient client(simulatedConfig(0));
    LlmRequest r = request("Write about 2000 words on rail freight.");
    r.stream = true;
    LlmCall *call = client.start(r);
    QSignalSpy finished(call, &LlmCall::finished);
    QSignalSpy text(call, &LlmCall::textReceived);
    QCOMPARE(finished.count(), 0); // never before the caller could connect
    QVERIFY(finished.wait(1000));
    QCOMPARE(text.count(), 1);     // one delta, no per-token timers

    // Cheap enough for thousands of documents.
    QElapsedTimer timer;
    timer.start();
    int done = 0;
    for (int i = 0; i < 200; ++i) {
        LlmCall *c = client.start(request(QStringLiteral("Write about 300 words on topic %1.").arg(i)));
        connect(c, &LlmCall::finished, this, [&done] { ++done; });
    }
    QTRY_COMPARE(done, 200);
    qInfo("200 simulated calls of 300 words at speed 0: %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 5000);
}

void TestSimulatedProvider::streamsInCoalescedChunksAtTheProfilesPace()
{
    // gpt-4o: 400 ms to the first token, 80 tokens a second; at speed 0.5 half of that.
    LlmClient client(simulatedConfig(0.5));
    LlmRequest r = request("Write about 100 words on tidal energy.");
    r.stream = true;
    QStringList deltas;
    QElapsedTimer timer;
    timer.start();
    const LlmResult result = run(client, r, &deltas);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(result.ok());
    QCOMPARE(deltas.join(QString()), result.text);
    QVERIFY2(result.timings.firstTokenMs >= 180 && result.timings.firstTokenMs < 400,
             qPrintable(QString::number(result.timings.firstTokenMs)));
    const double expected = 200 + 500.0 * result.usage.completionTokens / 80.0;
    QVERIFY2(elapsed >= expected * 0.9 && elapsed < expected * 1.5 + 200,
             qPrintable(QStringLiteral("%1 ms, expected %2").arg(elapsed).arg(expected)));
    // Coalesced: about 20 deltas a second at most, but more than one.
    QVERIFY(deltas.size() > 3);
    QVERIFY2(deltas.size() <= elapsed / 50 + 2, qPrintable(QString::number(deltas.size())));
}

void TestSimulatedProvider::faultsFailAndAreRetriedLikeRealOnes_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("ok");
    QTest::newRow("rate limited, always") << "sim-fault-rate_limited" << "rate_limited" << 3 << false;
    QTest::newRow("overloaded once") << "sim-fault-overloaded-1" << "none" << 2 << true;
    QTest::newRow("auth: never retried") << "sim-fault-auth" << "auth" << 1 << false;
    QTest::newRow("quota: never retried") << "sim-fault-quota_exceeded" << "quota_exceeded" << 1 << false;
    QTest::newRow("unknown fault") << "sim-fault-gremlins" << "invalid_request" << 1 << false;
}

void TestSimulatedProvider::faultsFailAndAreRetriedLikeRealOnes()
{
    QFETCH(QString, model);
    QFETCH(QString, kind);
    QFETCH(int, attempts);
    QFETCH(bool, ok);
    for (double speed : {0.0, 0.01}) {
        LlmClient client(simulatedConfig(speed));
        LlmRequest r = request("Write a line.", model);
        r.maxRetries = 2;
        int retries = 0;
        const LlmResult result = run(client, r, nullptr, &retries);
        QCOMPARE(result.ok(), ok);
        QCOMPARE(toString(result.errorKind), kind);
        QCOMPARE(result.timings.attempts, attempts);
        QCOMPARE(retries, attempts - 1);
        QVERIFY(result.simulated);
        if (!ok) {
            QVERIFY(!result.errorMessage.isEmpty());
            QCOMPARE(result.usage.totalTokens(), 0); // errors are not billed
        }
    }
}

void TestSimulatedProvider::cancelStopsAtOnce()
{
    LlmClient client(simulatedConfig(1));
    LlmRequest r = request("Write about 500 words on tidal energy.", "gpt-4");
    r.stream = true;
    LlmCall *call = client.start(r);
    QString received;
    connect(call, &LlmCall::textReceived, call, [&](const QString &d) {
        received += d;
        call->cancel();
    });
    std::optional<LlmResult> result;
    connect(call, &LlmCall::finished, this, [&](const LlmResult &res) { result = res; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QCOMPARE(result->status, LlmResult::Cancelled);
    QVERIFY(result->usage.estimated);
    QCOMPARE(result->usage.completionTokens, client.tokenCounter().countTokens(received, r.model));
}

QTEST_GUILESS_MAIN(TestSimulatedProvider)
#include "tst_simulatedprovider.moc"

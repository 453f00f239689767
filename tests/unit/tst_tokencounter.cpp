// TokenCounter: accuracy against real tokenizer counts, prompt framing,
// calibration from reported usage, thread safety.
#include "core/llm/llmtypes.h"
#include "core/llm/tokencounter.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <thread>
#include <vector>

using namespace Madf;

class TestTokenCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accuracyAgainstRealTokenizers_data();
    void accuracyAgainstRealTokenizers();
    void recordedReplies_data();
    void recordedReplies();
    void basics();
    void promptIncludesFraming();
    void calibrationLearnsTheRatio();
    void calibrationIgnoresNoise();
    void calibrateIsThreadSafe();
};

void TestTokenCounter::accuracyAgainstRealTokenizers_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("model");
    QTest::newRow("cl100k (gpt-4)") << "cl100k" << "gpt-4";
    QTest::newRow("o200k (gpt-4o)") << "o200k" << "gpt-4o";
    QTest::newRow("claude") << "claude" << "claude-3-5-sonnet";
}

void TestTokenCounter::accuracyAgainstRealTokenizers()
{
    QFETCH(QString, column);
    QFETCH(QString, model);
    // Prose, code, Markdown, JSON, numbers and six languages, counted by the
    // real tokenizers (js-tiktoken 1.0.21, @anthropic-ai/tokenizer 0.0.4).
    QFile file(QStringLiteral(MADF_TEST_DATA_DIR "/llm/tokencounts.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    TokenCounter counter;
    double sumError = 0;
    qint64 sumReal = 0;
    qint64 sumEstimate = 0;
    int n = 0;
    while (!file.atEnd()) {
        const QJsonObject row = QJsonDocument::fromJson(file.readLine()).object();
        const int real = row.value(column).toInt();
        const int estimate = counter.countTokens(row.value("text").toString(), model);
        QVERIFY(real > 0);
        sumError += std::abs(double(estimate - real)) / real;
        sumReal += real;
        sumEstimate += estimate;
        ++n;
    }
    QVERIFY(n >= 80);
    const double meanError = sumError / n;
    const double totalError = double(sumEstimate - sumReal) / double(sumReal);
    qInfo("%s: mean error %.1f %%, total %+.1f %% over %d texts", qPrintable(column), 100 * meanError,
          100 * totalError, n);
    QVERIFY2(meanError < 0.09, qPrintable(QString::number(meanError)));
    QVERIFY2(std::abs(totalError) < 0.03, qPrintable(QString::number(totalError)));
}

void TestTokenCounter::recordedReplies_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("reported");
    // shared/reference/recorded: completion text and the completion_tokens billed for it.
    QFile file(QStringLiteral(MADF_SHARED_DIR "/reference/recorded/openai-chat-completion.json"));
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject reply = QJsonDocument::fromJson(file.readAll()).object();
        QTest::newRow("gpt-4.1-nano reply")
            << reply["choices"][0]["message"]["content"].toString() << "gpt-4.1-nano"
            << reply["usage"]["completion_tokens"].toInt();
    }
}

void TestTokenCounter::recordedReplies()
{
    QFETCH(QString, text);
    QFETCH(QString, model);
    QFETCH(int, reported);
    if (text.isEmpty())
        QSKIP("shared/reference/recorded is not there");
    const int estimate = TokenCounter().countTokens(text, model);
    const double error = double(estimate - reported) / reported;
    qInfo("estimate %d, reported %d (%+.1f %%)", estimate, reported, 100 * error);
    QVERIFY(std::abs(error) < 0.10);
}

void TestTokenCounter::basics()
{
    TokenCounter counter;
    QCOMPARE(counter.countTokens(QString(), "gpt-4"), 0);
    QCOMPARE(counter.countTokens("Hello", "gpt-4"), 1);
    QVERIFY(counter.countTokens("Hello, world!", "gpt-4") >= 3);
    // Longer texts cost more, and CJK costs about one token a character.
    QVERIFY(counter.countTokens("one two three four five six", "gpt-4") > counter.countTokens("one two", "gpt-4"));
    const int cjk = counter.countTokens(QStringLiteral("人工智能正在改变文档写作的方式"), "gpt-4");
    QVERIFY(cjk >= 12 && cjk <= 20);
    QCOMPARE(&TokenCounter::instance(), &TokenCounter::instance());
}

void TestTokenCounter::promptIncludesFraming()
{
    TokenCounter counter;
    LlmRequest request;
    request.model = "gpt-4o";
    request.system = "You write reports.";
    request.messages = {{"user", "Hello"}};
    // 3 to prime the reply, 4 per message, as OpenAI counts.
    const int expected = 3 + 4 + counter.countTokens(request.system, "gpt-4o") + 4 + 1;
    QCOMPARE(counter.countPromptTokens(request), expected);
}

void TestTokenCounter::calibrationLearnsTheRatio()
{
    TokenCounter counter;
    const QString text = QString("The plan covers each stage of the review. ").repeated(20);
    const int before = counter.countTokens(text, "local-model");
    QCOMPARE(counter.calibration("local-model"), 1.0);
    // This model's tokenizer says 30 % more, every time.
    for (int i = 0; i < 30; ++i)
        counter.calibrate("local-model", counter.uncalibratedTokens(text, "local-model"), int(std::lround(before * 1.3)));
    QVERIFY(std::abs(counter.calibration("LOCAL-MODEL") - 1.3) < 0.02);
    const int after = counter.countTokens(text, "local-model");
    QVERIFY(std::abs(after - before * 1.3) <= before * 0.03);
    // Other models are untouched, and a reset forgets.
    QCOMPARE(counter.calibration("gpt-4"), 1.0);
    counter.resetCalibration();
    QCOMPARE(counter.countTokens(text, "local-model"), before);
}

void TestTokenCounter::calibrationIgnoresNoise()
{
    TokenCounter counter;
    counter.calibrate("m", 3, 9);    // too small to tell anything
    counter.calibrate("m", 100, 0);  // Ollama reports 0 prompt tokens for a cached prompt
    QCOMPARE(counter.calibration("m"), 1.0);
    for (int i = 0; i < 100; ++i)
        counter.calibrate("m", 100, 100000); // absurd: clamped
    QVERIFY(counter.calibration("m") <= 2.0);
}

void TestTokenCounter::calibrateIsThreadSafe()
{
    TokenCounter counter;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&counter] {
            for (int i = 0; i < 2000; ++i) {
                counter.calibrate("shared", 100, 120);
                (void)counter.countTokens("Some words to count here.", "shared");
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QVERIFY(std::abs(counter.calibration("shared") - 1.2) < 0.01);
}

QTEST_GUILESS_MAIN(TestTokenCounter)
#include "tst_tokencounter.moc"

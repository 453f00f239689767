// TokenCounter: accuracy against real tokenizer counts, prompt framing,
// calibration from reported usage, thread safety.
#include "core/llm/llmtypes.h"
#include "core/llm/tokencounter.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
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
    void upperBoundHoldsForAnyText();
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

// The bound stands in for counting a prompt that is far inside a model's
// window, so it must never be under the count: not for the dearest texts a
// character at a time (one-letter accented or non-Latin words, lone digits,
// punctuation, blank lines, CJK, indentation), not for random mixtures of
// them, and not at the highest calibration. English costs about a token
// for five characters and the bound allows two per character: loose, but
// a 24,000-character prompt still shows within 128k tokens that it fits.
void TestTokenCounter::upperBoundHoldsForAnyText()
{
    const QStringList models {"gpt-4", "gpt-4o", "claude-sonnet-4", "llama3.1"};
    const QStringList dear {
        QStringLiteral("é à ü ö ß ç é à"), QStringLiteral("ж ы д ф л ω π"), QStringLiteral("1 2 3 4 5 6 7 8 9"),
        QStringLiteral("1,2;3.4-5"), QStringLiteral("!?.,;:()[]{}<>"), QStringLiteral("\n\n\n\n\n"),
        QStringLiteral("人工智能正在改变文档写作的方式"), QStringLiteral("a          b\t\t\t\tc"),
        QStringLiteral("Überraschungsmomentenentwicklungsgeschwindigkeit"), QStringLiteral("é"), QStringLiteral("7"),
        QStringLiteral("😀😀 😀"), QStringLiteral("a\u0301b\u0301"),
    };
    const QString alphabet = QStringLiteral("aZé ж1.\n\t人 ,😀-ωß");
    QStringList texts = dear;
    // Long runs too: on a few characters the bound's rounding slack would
    // hide a per-character rate set too low.
    for (const QString &text : dear)
        texts << QString(text + QLatin1Char('.')).repeated(300);
    QRandomGenerator random(20261127);
    for (int i = 0; i < 2000; ++i) {
        QString text;
        const int length = 1 + random.bounded(60);
        for (int k = 0; k < length; ++k)
            text += alphabet.at(random.bounded(alphabet.size()));
        texts << text;
    }
    for (const bool calibrated : {false, true}) {
        TokenCounter counter;
        for (const QString &model : models) {
            if (calibrated) {
                for (int i = 0; i < 300; ++i)
                    counter.calibrate(model, 100, 100000);   // clamped at the highest ratio
                QVERIFY(counter.calibration(model) > 1.9999);
            }
            for (const QString &text : std::as_const(texts)) {
                const int count = counter.countTokens(text, model);
                const int bound = counter.upperBound(text.size(), model);
                if (count > bound)
                    QFAIL(qPrintable(QStringLiteral("%1 (%2): %3 tokens, bound %4").arg(text, model).arg(count).arg(bound)));
            }
            QCOMPARE(counter.upperBound(0, model), 0);
        }
    }
    TokenCounter counter;
    const QString english = QStringLiteral("The council compared the heat maps of three districts before summer. ").repeated(50);
    const int count = counter.countTokens(english, "gpt-4o");
    QVERIFY2(counter.upperBound(english.size(), "gpt-4o") < 12 * count,
             qPrintable(QStringLiteral("%1 tokens, bound %2").arg(count).arg(counter.upperBound(english.size(), "gpt-4o"))));
    QVERIFY(counter.upperBound(24000, "gpt-4o") < 128000 / 2);
}

QTEST_GUILESS_MAIN(TestTokenCounter)
#include "tst_tokencounter.moc"

#include "core/agents/promptbudget.h"
#include "core/llm/tokencounter.h"
#include "core/llm/tokenscan.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Madf;

namespace {

QString words(int n)
{
    return QStringLiteral("word ").repeated(n).trimmed() + QLatin1Char('.');
}

// fitToTokens() as it was written first: each candidate counted whole, a
// paragraph and then a boundary at a time. The cut must be the same.
QString fitByRecounting(const QString &text, int maxTokens, const QString &model)
{
    if (maxTokens < 1)
        return {};
    if (estimateTokens(text, model) <= maxTokens)
        return text;
    const QString marker = QStringLiteral("\n\n[…]");
    const int budget = maxTokens - estimateTokens(marker, model);
    if (budget < 1)
        return {};
    QStringList paragraphs;
    for (const QString &p : text.split(QRegularExpression(QStringLiteral("\n[ \t]*\n"))))
        if (!p.trimmed().isEmpty())
            paragraphs << p.trimmed();
    QString kept;
    for (const QString &p : paragraphs) {
        const QString candidate = kept.isEmpty() ? p : kept + QStringLiteral("\n\n") + p;
        if (estimateTokens(candidate, model) > budget)
            break;
        kept = candidate;
    }
    auto cutAt = [&](const QString &paragraph, const QRegularExpression &re) {
        QString best;
        for (auto it = re.globalMatch(paragraph); it.hasNext();) {
            const QString prefix = paragraph.left(it.next().capturedEnd()).trimmed();
            if (estimateTokens(prefix, model) > budget)
                break;
            best = prefix;
        }
        return best;
    };
    if (kept.isEmpty() && !paragraphs.isEmpty()) {
        kept = cutAt(paragraphs.first(), QRegularExpression(QStringLiteral("[.!?][\"')\\]]?(?=\\s)")));
        if (kept.isEmpty())
            kept = cutAt(paragraphs.first(), QRegularExpression(QStringLiteral("\\S(?=\\s)")));
    }
    return kept.isEmpty() ? QString() : kept + marker;
}

} // namespace

class TestPromptBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextWindows_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("window");
        QTest::newRow("gpt-4") << "gpt-4" << 8192;
        QTest::newRow("gpt-4-0613") << "gpt-4-0613" << 8192;
        QTest::newRow("gpt-4o") << "gpt-4o" << 128000;
        QTest::newRow("gpt-4o-mini") << "gpt-4o-mini" << 128000;
        QTest::newRow("gpt-4.1") << "gpt-4.1" << 128000;
        QTest::newRow("gpt-3.5-turbo") << "gpt-3.5-turbo" << 16385;
        QTest::newRow("claude") << "claude-3-5-sonnet-latest" << 200000;
        QTest::newRow("unknown") << "llama3:8b" << 8192;
    }
    void contextWindows()
    {
        QFETCH(QString, model);
        QFETCH(int, window);
        QCOMPARE(modelContextWindow(model), window);
        QVERIFY(inputBudget(model, 4000) + replyReserve(model, 4000) < window);
        QVERIFY(inputBudget(model, 100000) >= window / 3);
    }

    void fitToTokens()
    {
        const QString text = QStringLiteral("First paragraph is short.\n\n") + words(300) + QStringLiteral("\n\nLast.");
        QCOMPARE(Madf::fitToTokens(text, 100000, "gpt-4"), text);
        const QString cut = Madf::fitToTokens(text, 60, "gpt-4");
        QVERIFY(estimateTokens(cut, "gpt-4") <= 60);
        QVERIFY(cut.startsWith(QStringLiteral("First paragraph is short.")));
        QVERIFY(cut.endsWith(QStringLiteral("[…]")));
        QVERIFY(!cut.contains(QStringLiteral("word word")));
        // A single long paragraph is cut at a sentence, then a word, boundary.
        const QString sentences = QStringLiteral("One two three. Four five six seven eight nine ten eleven twelve.");
        QCOMPARE(Madf::fitToTokens(sentences, 10, "gpt-4"), QStringLiteral("One two three.\n\n[…]"));
        QVERIFY(Madf::fitToTokens(text, 0, "gpt-4").isEmpty());
    }

    // The cut sums the paragraphs' counts and searches the boundaries of a
    // single long paragraph by halves: on random drafts (accents, digits,
    // indented lines, blank lines with spaces, one-paragraph texts) it must
    // keep exactly what counting every candidate kept.
    void fitToTokensKeepsWhatRecountingKept()
    {
        const QStringList pieces {
            QStringLiteral("Heat"), QStringLiteral("café"), QStringLiteral("2024"), QStringLiteral("1,5"),
            QStringLiteral("—"), QStringLiteral("Überraschungsmoment"), QStringLiteral("(see [2])"), QStringLiteral("город"),
            QStringLiteral("end."), QStringLiteral("Why?"), QStringLiteral("\"Quoted.\""), QStringLiteral("\n"),
            QStringLiteral("\n\n"), QStringLiteral("\n  \t\n"), QStringLiteral("   "), QStringLiteral("- item"),
        };
        QRandomGenerator random(27112026);
        for (int round = 0; round < 300; ++round) {
            QString text;
            const int count = 1 + random.bounded(round % 3 == 0 ? 400 : 80);
            for (int k = 0; k < count; ++k) {
                text += pieces.at(random.bounded(pieces.size()));
                text += QLatin1Char(' ');
            }
            if (round % 4 == 0)
                text.replace(QLatin1Char('\n'), QLatin1Char(' '));   // one long paragraph
            for (const QString model : {QStringLiteral("gpt-4"), QStringLiteral("claude-sonnet-4")}) {
                const int maxTokens = 1 + random.bounded(estimateTokens(text, model) + 8);
                const QString expected = fitByRecounting(text, maxTokens, model);
                const QString cut = Madf::fitToTokens(text, maxTokens, model);
                if (cut != expected)
                    QFAIL(qPrintable(QStringLiteral("round %1, %2 tokens of %3:\n%4\n---- recounting kept ----\n%5")
                                         .arg(round).arg(maxTokens).arg(model, cut, expected)));
            }
        }
    }

    void compactForSection()
    {
        QString brief = QStringLiteral("## Summary\n\nCities are warmer than their surroundings.\n\n## Key facts\n\n"
                                       "- Green roofs lower roof temperature by up to 30 degrees [1].\n"
                                       "- Cool pavement policies were adopted by two cities [2].\n"
                                       "- Sea breezes moderate coastal heat.");
        for (int i = 0; i < 30; ++i)
            brief += QStringLiteral("\n\nUnrelated paragraph %1 about harbour logistics, shipping schedules and cranes.").arg(i);
        brief += QStringLiteral("\n\nGreen roofs also retain storm water and lower cooling costs [1].");
        const OutlineSection section {QStringLiteral("Green Roofs"), QStringLiteral("Explain green roofs and their measured effect."),
                                      {QStringLiteral("Roof temperature"), QStringLiteral("Costs")}, 480};
        const int budget = 60;
        const QString excerpt = Madf::compactForSection(brief, section, budget, "gpt-4");
        QVERIFY2(estimateTokens(excerpt, "gpt-4") <= budget, qPrintable(excerpt));
        QVERIFY2(excerpt.contains(QStringLiteral("lower roof temperature by up to 30 degrees [1]")), qPrintable(excerpt));
        QVERIFY(excerpt.contains(QStringLiteral("retain storm water")));
        QVERIFY(!excerpt.contains(QStringLiteral("harbour")));
        QVERIFY(!excerpt.contains(QStringLiteral("## Key facts")));
        // Original order is kept.
        QVERIFY(excerpt.indexOf(QStringLiteral("30 degrees")) < excerpt.indexOf(QStringLiteral("storm water")));
        // The whole brief is never pasted when the budget is smaller.
        QVERIFY(excerpt.size() < brief.size() / 4);
        QVERIFY(Madf::compactForSection(brief, section, 0).isEmpty());
        // A generous budget does not bring in what is off the section's subject.
        const QString roomy = Madf::compactForSection(brief, section, 100000, "gpt-4o");
        QVERIFY(roomy.contains(QStringLiteral("storm water")));
        QVERIFY(!roomy.contains(QStringLiteral("harbour")));
        QVERIFY(!roomy.contains(QStringLiteral("Sea breezes")));
        // The excerpt's features are known from its units', as a scan finds them.
        for (const QString &text : {excerpt, roomy})
            QCOMPARE(TokenCounter::featuresOf(text), TokenScan::scan(text));
    }

    void excerptsOfIndentedBriefsCountAsScanned()
    {
        // Units that start or end on blanks (indented list items, trailing
        // spaces, CRLF lines): the features remembered for the excerpt are
        // those of a scan.
        QString brief;
        for (int i = 0; i < 40; ++i) {
            brief += QStringLiteral("Green roofs: paragraph %1 on roof temperature and costs.  \r\n"
                                    "   - Green roofs: indented item %1 on roof temperature and costs\t\n"
                                    "- Green roofs: plain item %1 on roof temperature and costs [1]\n\n").arg(i);
        }
        const OutlineSection section {QStringLiteral("Green Roofs"), QStringLiteral("Roof temperature and costs."),
                                      {QStringLiteral("Roof")}, 480};
        int joinedItems = 0;   // list items joined by one line break
        for (const int budget : {40, 200, 1000, 100000}) {
            const QString excerpt = Madf::compactForSection(brief, section, budget, "gpt-4o");
            QVERIFY(!excerpt.isEmpty());
            QCOMPARE(TokenCounter::featuresOf(excerpt), TokenScan::scan(excerpt));
            joinedItems += excerpt.count(QStringLiteral("\t\n- Green roofs: plain"));
        }
        QVERIFY(joinedItems > 10);
    }
};

QTEST_GUILESS_MAIN(TestPromptBudget)
#include "tst_promptbudget.moc"

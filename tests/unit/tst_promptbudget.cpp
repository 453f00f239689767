#include "core/agents/promptbudget.h"

#include <QTest>

using namespace Madf;

namespace {

QString words(int n)
{
    return QStringLiteral("word ").repeated(n).trimmed() + QLatin1Char('.');
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
    }
};

QTEST_GUILESS_MAIN(TestPromptBudget)
#include "tst_promptbudget.moc"

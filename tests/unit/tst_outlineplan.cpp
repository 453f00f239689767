#include "core/agents/outlineplan.h"

#include <QTest>

using namespace Madf;

class TestOutlinePlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void balanceTargets()
    {
        QList<OutlineSection> sections(3);
        sections[0].targetWords = 1;
        sections[1].targetWords = 1;
        sections[2].targetWords = 1;
        OutlinePlan::balanceTargets(&sections, 1000);
        QCOMPARE(sections[0].targetWords + sections[1].targetWords + sections[2].targetWords, 1000);
        QVERIFY(qAbs(sections[0].targetWords - sections[2].targetWords) <= 1);
        sections[0].targetWords = 0; // missing: counts as the average of the others
        sections[1].targetWords = 200;
        sections[2].targetWords = 600;
        OutlinePlan::balanceTargets(&sections, 1200);
        QCOMPARE(sections[0].targetWords, 400);
        QCOMPARE(sections[1].targetWords, 200);
        QCOMPARE(sections[2].targetWords, 600);
    }

    void userOutline()
    {
        QString title;
        const QList<OutlineSection> s = OutlinePlan::parseUserOutline(
            QStringLiteral("1. Introduction\n2. Methods\n   - sampling\n   - analysis\n3) Results\n"), &title);
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.at(1).title, QStringLiteral("Methods"));
        QCOMPARE(s.at(1).keyPoints, QStringList({"sampling", "analysis"}));
        QCOMPARE(s.at(2).title, QStringLiteral("Results"));
        QVERIFY(title.isEmpty());
        QCOMPARE(OutlinePlan::titleForRequirement(QStringLiteral("Please cover the history of the bicycle.")),
                 QStringLiteral("History of the bicycle"));
    }

    void executiveSummaryTitles_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("is");
        QTest::newRow("plain") << "Executive Summary" << true;
        QTest::newRow("numbered") << "1. Executive summary" << true;
        QTest::newRow("heading") << "## EXECUTIVE SUMMARY" << true;
        QTest::newRow("other") << "Summary of Executives" << false;
        QTest::newRow("summary") << "Summary" << false;
        QTest::newRow("roman numeral") << "IV) executive\tsummary" << true;
        QTest::newRow("padded") << "  #  2.1 Executive   Summary: key points  " << true;
        QTest::newRow("summary runs on") << "Executive summaryish" << false;
        QTest::newRow("digit after") << "Executive summary2" << false;
        QTest::newRow("no space between") << "Executivesummary" << false;
        QTest::newRow("words before") << "The executive summary" << false;
        QTest::newRow("accent after") << "Executive summaryé" << true;
    }
    void executiveSummaryTitles()
    {
        QFETCH(QString, title);
        QFETCH(bool, is);
        QCOMPARE(OutlinePlan::isExecutiveSummary(title), is);
    }

    void headingOutlineWithTitle()
    {
        QString title;
        const QList<OutlineSection> s = OutlinePlan::parseUserOutline(
            QStringLiteral("# Cooling Cities\n\n## Intro\n## Roofs\n### Costs\n- storm water\n## End"), &title);
        QCOMPARE(title, QStringLiteral("Cooling Cities"));
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.at(1).title, QStringLiteral("Roofs"));
        QCOMPARE(s.at(1).keyPoints, QStringList({"Costs", "storm water"}));
    }

    void tinyTotals()
    {
        QList<OutlineSection> sections(5);
        OutlinePlan::balanceTargets(&sections, 3);
        int sum = 0;
        for (const OutlineSection &s : sections) {
            QVERIFY(s.targetWords >= 1);
            sum += s.targetWords;
        }
        QCOMPARE(sum, 5); // never below one word per section
    }
};

QTEST_GUILESS_MAIN(TestOutlinePlan)
#include "tst_outlineplan.moc"

// ReplyText: a model's prose reply cleaned into a section body (fences,
// preambles, a repeated title) and its headings kept below the section's.
#include "core/agents/replytext.h"

#include <QTest>

using namespace Madf;

class TestReplyText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoteHeadings_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no heading") << "Plain text, with a # inside." << "Plain text, with a # inside.";
        QTest::newRow("deep enough") << "Intro\n\n### Detail\n\nText\n#### Finer" << "Intro\n\n### Detail\n\nText\n#### Finer";
        QTest::newRow("top level pushed down") << "# Big\n\nText\n## Smaller" << "### Big\n\nText\n#### Smaller";
        QTest::newRow("level two pushed down") << "Text\n## Part\nMore" << "Text\n### Part\nMore";
        QTest::newRow("capped at six") << "# A\n###### F" << "### A\n###### F";
        QTest::newRow("fenced lines stay") << "```\n# comment\n```\n## Real" << "```\n# comment\n```\n### Real";
        QTest::newRow("fenced only") << "~~~\n# comment\n~~~\nText" << "~~~\n# comment\n~~~\nText";
        QTest::newRow("not a heading") << "#hashtag\n #indented\nText" << "#hashtag\n #indented\nText";
        QTest::newRow("tab after hashes") << "#\tTabbed" << "###\tTabbed";
        QTest::newRow("seven hashes are text") << "####### Seven\n## Two" << "####### Seven\n### Two";
        QTest::newRow("fence after three blanks") << "   ```\n# comment\n   ```\n## Real"
                                                  << "   ```\n# comment\n   ```\n### Real";
        QTest::newRow("four blanks: no fence") << "    ```\n## Real" << "    ```\n### Real";
        QTest::newRow("blank lines at both ends kept") << "\n\n## A\n\nText\n\n" << "\n\n### A\n\nText\n\n";
        QTest::newRow("windows line ends") << "## A\r\nText\r\n# B\r\n" << "#### A\r\nText\r\n### B\r\n";
        QTest::newRow("heading alone") << "## A" << "### A";
    }
    void demoteHeadings()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        QCOMPARE(Madf::demoteHeadings(markdown), expected);
    }

    void proseBody_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("dropHeading");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "  Body text.  " << "" << false << "Body text.";
        QTest::newRow("fenced") << "```markdown\nBody text.\n```" << "" << false << "Body text.";
        QTest::newRow("preamble") << "Sure, here is the section:\nBody text." << "" << false << "Body text.";
        QTest::newRow("preamble in capitals") << "HERE IS the section:\n\nBody text." << "" << false << "Body text.";
        QTest::newRow("no preamble") << "Surely this is body text: yes.\nMore." << "" << false
                                     << "Surely this is body text: yes.\nMore.";
        QTest::newRow("repeated title") << "## Soil Health\n\nBody." << "Soil health" << false << "Body.";
        QTest::newRow("other heading kept") << "### Detail\nBody." << "Soil health" << true << "### Detail\nBody.";
        QTest::newRow("top heading dropped") << "# Anything\nBody." << "Soil health" << true << "Body.";
        QTest::newRow("numbered title repeated") << "## 2.1) Soil -- Health!  \nBody." << "Soil health" << false
                                                 << "Body.";
        QTest::newRow("different title kept") << "## Soil wealth\nBody." << "Soil health" << false
                                              << "## Soil wealth\nBody.";
        QTest::newRow("heading alone") << "## Soil Health" << "Soil health" << false << "";
        // Titles in any script are compared by their letters (the old
        // expressions saw only ASCII, so every Cyrillic heading "matched").
        QTest::newRow("other script, other title") << "## Обзор\nТекст." << "Введение" << false
                                                   << "## Обзор\nТекст.";
        QTest::newRow("other script, same title") << "## Введение\nТекст." << "введение" << false << "Текст.";
        QTest::newRow("thinking stripped") << "<think>plan</think>\nBody." << "" << false << "Body.";
    }
    void proseBody()
    {
        QFETCH(QString, reply);
        QFETCH(QString, title);
        QFETCH(bool, dropHeading);
        QFETCH(QString, expected);
        QCOMPARE(Madf::proseBody(reply, title, dropHeading), expected);
    }
};

QTEST_GUILESS_MAIN(TestReplyText)
#include "tst_replytext.moc"

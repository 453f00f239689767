#include "core/agents/jsonreply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Madf;

class TestJsonReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extracts_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("expected"); // compact JSON

        QTest::newRow("bare object") << "{\"a\": 1}" << "{\"a\":1}";
        QTest::newRow("surrounding space") << "\n  {\"a\": 1}  \n" << "{\"a\":1}";
        QTest::newRow("json fence") << "Here you go:\n```json\n{\"a\": [1, 2]}\n```\nHope it helps." << "{\"a\":[1,2]}";
        QTest::newRow("JSON fence upper case") << "```JSON\n{\"a\": 1}\n```" << "{\"a\":1}";
        QTest::newRow("bare fence") << "```\n{\"a\": true}\n```" << "{\"a\":true}";
        QTest::newRow("json fence preferred over earlier bare fence")
            << "```\nnot json\n```\n```json\n{\"b\": 2}\n```" << "{\"b\":2}";
        QTest::newRow("fence cut off at the end") << "```json\n{\"a\": 1}\n" << "{\"a\":1}";
        QTest::newRow("prose around") << "Sure! The result is {\"score\": 0.8} as requested." << "{\"score\":0.8}";
        QTest::newRow("citation before object") << "As [1] says, {\"a\": 1}" << "{\"a\":1}";
        QTest::newRow("think block") << "<think>maybe {\"a\": 0}?</think>\n{\"a\": 1}" << "{\"a\":1}";
        QTest::newRow("thinking block upper") << "<THINKING>{x}</THINKING>{\"a\": 1}" << "{\"a\":1}";
        QTest::newRow("close tag only") << "I should answer {\"a\": 0}\n</think>\n{\"a\": 1}" << "{\"a\":1}";
        QTest::newRow("braces in strings") << "Result: {\"note\": \"use {x} and } and [\", \"n\": {\"m\": 2}} done"
                                           << "{\"n\":{\"m\":2},\"note\":\"use {x} and } and [\"}";
        QTest::newRow("escaped quote in string") << "x {\"q\": \"say \\\"}\\\" now\", \"k\": 1} y"
                                                 << "{\"k\":1,\"q\":\"say \\\"}\\\" now\"}";
        QTest::newRow("top-level array") << "[\"a\", \"b\"]" << "[\"a\",\"b\"]";
        QTest::newRow("array in prose") << "The list: [\"a\", {\"b\": 1}] end" << "[\"a\",{\"b\":1}]";
        QTest::newRow("prose braces then json") << "Fill {name} in. {\"a\": 1}" << "{\"a\":1}";
        QTest::newRow("unicode") << "{\"t\": \"Ünïcode — ok\"}" << "{\"t\":\"Ünïcode — ok\"}";
    }
    void extracts()
    {
        QFETCH(QString, reply);
        QFETCH(QString, expected);
        QString error;
        const std::optional<QJsonValue> value = extractJson(reply, &error);
        QVERIFY2(value.has_value(), qPrintable(error));
        QCOMPARE(compactJson(*value), expected);
    }

    void reportsErrors_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("empty") << "  " << "empty";
        QTest::newRow("only thinking") << "<think>hmm, let me see" << "only reasoning";
        QTest::newRow("no json") << "I cannot help with that." << "no JSON";
        QTest::newRow("trailing comma object") << "{\"a\": 1,\n}" << "trailing comma before '}' at line 1, column 8";
        QTest::newRow("trailing comma array") << "{\"a\": [1, 2, ]}" << "trailing comma before ']'";
        QTest::newRow("unclosed") << "Result:\n{\"a\": [1, 2" << "never closed";
        QTest::newRow("single quotes") << "{'a': 1}" << "invalid JSON at line 1, column";
        QTest::newRow("bad json fence") << "```json\n{\"a\": 1,}\n```" << "trailing comma";
        QTest::newRow("broken object not replaced by inner one") << "{\"a\": {\"b\": 1},,}" << "invalid JSON";
    }
    void reportsErrors()
    {
        QFETCH(QString, reply);
        QFETCH(QString, errorPart);
        QString error;
        QVERIFY(!extractJson(reply, &error).has_value());
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }

    void objectRequired()
    {
        const ParseOutcome<QJsonObject> array = extractJsonObject("[1, 2]");
        QVERIFY(!array.ok());
        QVERIFY(array.repairable);
        QVERIFY2(array.error.contains("object") && array.error.contains("array"), qPrintable(array.error));

        const ParseOutcome<QJsonObject> bad = extractJsonObject("nope");
        QVERIFY(!bad.ok());
        QVERIFY(bad.repairable);

        const ParseOutcome<QJsonObject> good = extractJsonObject("```json\n{\"x\": 1}\n```");
        QVERIFY(good.ok());
        QCOMPARE(good.value->value("x").toInt(), 1);
    }

    void scores_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("zero") << "{\"s\": 0}" << true << 0.0 << "";
        QTest::newRow("one") << "{\"s\": 1}" << true << 1.0 << "";
        QTest::newRow("mid") << "{\"s\": 0.87}" << true << 0.87 << "";
        QTest::newRow("missing") << "{\"t\": 0.5}" << false << 0.0 << "missing";
        QTest::newRow("string") << "{\"s\": \"0.9\"}" << false << 0.0 << "a string";
        QTest::newRow("null") << "{\"s\": null}" << false << 0.0 << "null";
        QTest::newRow("percent") << "{\"s\": 85}" << false << 0.0 << "outside";
        QTest::newRow("negative") << "{\"s\": -0.1}" << false << 0.0 << "outside";
    }
    void scores()
    {
        QFETCH(QString, json);
        QFETCH(bool, ok);
        QFETCH(double, value);
        QFETCH(QString, errorPart);
        QString error;
        const std::optional<double> score = readScore(QJsonDocument::fromJson(json.toUtf8()).object(), "s", &error);
        QCOMPARE(score.has_value(), ok);
        if (ok)
            QCOMPARE(*score, value);
        else
            QVERIFY2(error.contains(errorPart) && error.contains("\"s\""), qPrintable(error));
    }

    void stringLists()
    {
        QString error;
        const QJsonObject o = QJsonDocument::fromJson("{\"a\": [\" x \", \"\", \"y\"], \"b\": [1], \"c\": \"z\"}").object();
        QCOMPARE(*readStringList(o, "a", &error), QStringList({"x", "y"}));
        QVERIFY(!readStringList(o, "b", &error));
        QVERIFY(error.contains("\"b\"[0]"));
        QVERIFY(!readStringList(o, "c", &error));
        QVERIFY(!readStringList(o, "missing", &error));
        QVERIFY(readStringList(o, "missing", &error, true)->isEmpty());
    }

    void stripsThinking()
    {
        QCOMPARE(stripThinking("<think>a</think>b<think>c</think>d"), QStringLiteral("bd"));
        QCOMPARE(stripThinking("reasoning</think>answer"), QStringLiteral("answer"));
        QCOMPARE(stripThinking("answer<think>cut off"), QStringLiteral("answer"));
    }
};

QTEST_GUILESS_MAIN(TestJsonReply)
#include "tst_jsonreply.moc"

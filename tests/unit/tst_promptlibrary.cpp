#include "core/agents/agent.h"
#include "core/agents/promptlibrary.h"
#include "core/agents/prompttemplate.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Madf;

class TestPromptLibrary : public QObject
{
    Q_OBJECT

private:
    static void write(const QString &path, const QByteArray &text, const QDateTime &when = {})
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.flush();
        if (when.isValid())
            QVERIFY(file.setFileTime(when, QFileDevice::FileModificationTime));
    }

    static QStringList builtIns()
    {
        return {"research-plan", "research-answer", "research-brief", "outline", "write-section",
                "executive-summary", "edit-structure", "edit-style", "edit-polish", "verify-accuracy",
                "verify-completeness", "verify-quality", "revise-section", "repair-json"};
    }

private Q_SLOTS:
    void builtInTemplatesExist_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : builtIns())
            QTest::newRow(qPrintable(name)) << name;
    }
    void builtInTemplatesExist()
    {
        QFETCH(QString, name);
        QTemporaryDir empty;
        const PromptLibrary prompts(empty.path());
        QVERIFY(prompts.has(name));
        QVERIFY(prompts.sourceOf(name).startsWith(":/madf/prompts/"));
        QVERIFY(prompts.names().contains(name));
        // Rendered with every variable set, neither part is empty and no
        // placeholder is left for the model to see.
        QVariantMap vars;
        for (const char *v : {"topic", "title", "document_type", "target_length", "style", "audience", "requirements",
                              "sources", "question", "passages", "words", "findings", "user_outline",
                              "required_sections", "section_count", "brief", "section_title", "section_number",
                              "plan", "key_points", "outline", "brief_excerpt", "draft", "content", "notes",
                              "word_count", "instructions", "error", "reply"})
            vars.insert(v, QStringLiteral("X"));
        vars.insert("words", 321);
        const QString system = prompts.system(name, vars);
        const QString user = prompts.user(name, vars);
        QVERIFY2(system.size() > 40, qPrintable(system));
        QVERIFY2(!user.isEmpty(), qPrintable(name));
        QVERIFY(!system.contains("{{") && !user.contains("{{"));
        // The planning note above "## system" is for template authors only.
        QVERIFY(!system.contains("Variables:"));
        if (Agent::isJsonPrompt(name)) {
            QVERIFY2(system.contains("JSON"), qPrintable(name));
        } else {
            // The simulator (and the model) size prose replies from it.
            QVERIFY2(user.contains("about 321 words"), qPrintable(user));
        }
    }

    void rendersVariablesAndSections_data()
    {
        QTest::addColumn<QVariantMap>("vars");
        QTest::addColumn<QString>("expected");
        const QString t = "A {{name}}.{{#flag}} flag={{flag}}{{/flag}}{{^flag}} no flag{{/flag}}"
                          "{{#outer}} [{{#inner}}in{{/inner}}{{^inner}}out{{/inner}}]{{/outer}}";
        QTest::newRow("plain") << QVariantMap {{"name", "x"}} << "A x. no flag";
        QTest::newRow("flag set") << QVariantMap {{"name", "x"}, {"flag", "yes"}} << "A x. flag=yes";
        QTest::newRow("flag blank") << QVariantMap {{"name", "x"}, {"flag", "  "}} << "A x. no flag";
        QTest::newRow("flag false") << QVariantMap {{"name", "x"}, {"flag", false}} << "A x. no flag";
        QTest::newRow("nested in") << QVariantMap {{"name", "x"}, {"outer", 1}, {"inner", "y"}} << "A x. no flag [in]";
        QTest::newRow("nested out") << QVariantMap {{"name", "x"}, {"outer", 1}} << "A x. no flag [out]";
        QTest::newRow("list") << QVariantMap {{"name", QStringList {"a", "b"}}} << "A a\nb. no flag";
        QTest::newRow("value with braces is not re-read") << QVariantMap {{"name", "{{flag}}"}, {"flag", "f"}}
                                                           << "A {{flag}}. flag=f";
    }
    void rendersVariablesAndSections()
    {
        QFETCH(QVariantMap, vars);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        write(dir.filePath("t.md"), "note for authors\n## system\nS\n## user\n"
                                    "A {{name}}.{{#flag}} flag={{flag}}{{/flag}}{{^flag}} no flag{{/flag}}"
                                    "{{#outer}} [{{#inner}}in{{/inner}}{{^inner}}out{{/inner}}]{{/outer}}\n");
        const PromptLibrary prompts(dir.path());
        QCOMPARE(prompts.system("t", vars), QStringLiteral("S"));
        QCOMPARE(prompts.user("t", vars), expected);
    }

    // Templates are parsed once; the parse must render exactly what the
    // regular-expression rules render, and leave odd texts to them.
    void parsedTemplatesRenderAsTheExpressions()
    {
        const PromptLibrary prompts(QString {});
        for (const QString &name : prompts.names()) {
            QFile file(QStringLiteral(":/madf/prompts/%1.md").arg(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            // Every variable set (sections kept), then every one empty
            // ({{^x}} kept): values with braces and blank-line runs.
            QVariantMap set, empty;
            static const QRegularExpression tagRe(QStringLiteral("\\{\\{[#^/]?\\s*([A-Za-z0-9_.-]+)"));
            for (auto it = tagRe.globalMatch(text); it.hasNext();) {
                const QString var = it.next().captured(1);
                set.insert(var, QStringLiteral("value\n\n\n  with {{braces}} and blank lines"));
                empty.insert(var, QString());
            }
            QVERIFY2(!set.isEmpty(), qPrintable(name));
            const PromptTemplate parsed(text);
            QVERIFY2(parsed.isParsed(), qPrintable(name));
            QCOMPARE(parsed.render(name, set), PromptTemplate::renderByExpressions(name, text, set));
            QCOMPARE(parsed.render(name, empty), PromptTemplate::renderByExpressions(name, text, empty));
        }
        const QVariantMap vars {{"a", "A"}, {"b", ""}};
        const QStringList odd = {
            "x {{#a}} {{#not a tag {{/a}} y",   // a "{{#" that opens nothing
            "x {{#a}} y {{/b}} z {{/a}}",       // closed by another name
            "x {{#a}} never closed",
            "stray {{/a}} close",
            "{{{a}}} {{ a }} {{a b}} {{}}",     // braces and spaces around names
            // Braces that meet across a section's edge make a tag only once
            // the section is gone.
            "{{{{#a}}a{{/a}}}}",
            "{{{{^a}}zz{{/a}}a}}",
            "{{#a}}y{{{{#a}}/{{/a}}a}}z{{/a}}",
            "{{a{{#b}}{{/b}}}}",
            QStringLiteral("{{#a}}").repeated(40) + QStringLiteral("deep") + QStringLiteral("{{/a}}").repeated(40),
            QStringLiteral("{{#a}}x{{/a}}").repeated(120),
        };
        for (const QString &text : odd) {
            const PromptTemplate t(text);
            QCOMPARE(t.render("odd", vars), PromptTemplate::renderByExpressions("odd", text, vars));
        }
        QVERIFY(!PromptTemplate(odd.at(0)).isParsed());
        QCOMPARE(PromptTemplate(odd.at(4)).render("odd", vars), QStringLiteral("{A} A {{a b}} {{}}"));
        for (int i = 5; i < odd.size(); ++i)
            QVERIFY2(!PromptTemplate(odd.at(i)).isParsed(), qPrintable(odd.at(i).left(40)));
        QVERIFY(PromptTemplate(QStringLiteral("A {{ a }} and {{#a}}x{{/a}}{{^b}}!{{/b}}")).isParsed());
    }

    // Runs of blank lines collapse to one and the ends are trimmed, as the
    // regular expression and trimmed() did, whether the blanks come from
    // the template or from a value; the result keeps the room asked for.
    void blankRunsCollapseAsTheExpressionDid()
    {
        static const QRegularExpression runs(QStringLiteral("\\n[ \\t]*\\n([ \\t]*\\n)+"));
        auto reference = [](QString text) { return text.replace(runs, QStringLiteral("\n\n")).trimmed(); };
        const QStringList pieces {"a", "bc", " ", "\t", "\n", "\n\n", "\n \n", "\r", QStringLiteral("\u00a0"), "."};
        QRandomGenerator random(5);
        int collapsed = 0;
        for (int round = 0; round < 1500; ++round) {
            QString text;
            for (int k = int(random.bounded(0, 25)); k > 0; --k)
                text += pieces.at(random.bounded(int(pieces.size())));
            const QString expected = reference(text);
            collapsed += expected.size() < text.trimmed().size();
            const PromptTemplate literal(text.contains(QLatin1Char('{')) ? QString() : text);
            QCOMPARE(literal.render("t", {}), expected);
            const qsizetype room = random.bounded(0, 100);
            const QString valued = PromptTemplate(QStringLiteral("{{v}}")).render("t", {{"v", text}}, nullptr, room);
            QCOMPARE(valued, expected);
            QVERIFY(valued.capacity() >= valued.size() + room);
            QCOMPARE(PromptTemplate::renderByExpressions("t", text, {}), expected);
        }
        QVERIFY(collapsed > 150);
    }

    void unknownVariableIsEmptyAndWarnsOnce()
    {
        QTemporaryDir dir;
        write(dir.filePath("u.md"), "## system\nHello {{who}}!\n## user\nx\n");
        const PromptLibrary prompts(dir.path());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("'u'.*\\{\\{who\\}\\}"));
        QCOMPARE(prompts.system("u", {}), QStringLiteral("Hello !"));
        QTest::failOnWarning(QRegularExpression("who"));
        QCOMPARE(prompts.system("u", {}), QStringLiteral("Hello !"));
    }

    void userOverrideWins()
    {
        QTemporaryDir dir;
        write(dir.filePath("research-plan.md"), "## system\nMy own planner.\n## user\nTopic is {{topic}}.\n");
        const PromptLibrary prompts(dir.path());
        QCOMPARE(prompts.system("research-plan", {}), QStringLiteral("My own planner."));
        QCOMPARE(prompts.user("research-plan", {{"topic", "tides"}}), QStringLiteral("Topic is tides."));
        QCOMPARE(prompts.sourceOf("research-plan"), QFileInfo(dir.filePath("research-plan.md")).absoluteFilePath());
        // The others still come from the built-in set.
        QVERIFY(prompts.sourceOf("outline").startsWith(":/"));

        // Edited while the program runs: the new text is used (the folder is
        // looked at again at most once a second).
        QTest::qSleep(1100);
        write(dir.filePath("research-plan.md"), "## system\nEdited.\n## user\nu\n",
              QDateTime::currentDateTime().addSecs(5));
        QCOMPARE(prompts.system("research-plan", {}), QStringLiteral("Edited."));

        // Removed: back to the built-in template.
        QVERIFY(QFile::remove(dir.filePath("research-plan.md")));
        QTest::qSleep(1100);
        QVERIFY(prompts.system("research-plan", {}).contains("JSON"));
    }

    void missingTemplate()
    {
        QTemporaryDir dir;
        const PromptLibrary prompts(dir.path());
        QVERIFY(!prompts.has("no-such-prompt"));
        QVERIFY(!prompts.has("../etc/passwd"));
        QVERIFY(prompts.sourceOf("no-such-prompt").isEmpty());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("no-such-prompt.*not found"));
        QVERIFY(prompts.user("no-such-prompt", {}).isEmpty());
        QVERIFY(!prompts.names().contains("no-such-prompt"));
    }

    void defaultFolderFollowsXdg()
    {
        QTemporaryDir dir;
        const QByteArray old = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
        const QString folder = PromptLibrary::defaultUserFolder();
        qputenv("XDG_CONFIG_HOME", old);
        QCOMPARE(folder, dir.path() + "/madf/prompts");
    }
};

QTEST_GUILESS_MAIN(TestPromptLibrary)
#include "tst_promptlibrary.moc"

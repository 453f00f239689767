#include "core/agents/citations.h"
#include "core/agents/documentassembler.h"
#include "core/agents/editingagent.h"
#include "core/agents/outlineplan.h"
#include "core/agents/promptbudget.h"
#include "core/agents/promptlibrary.h"
#include "core/agents/researchagent.h"
#include "core/agents/simulatedreplies.h"
#include "core/agents/verificationagent.h"
#include "core/agents/writingagent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Madf;

namespace {

AgentConfig agentConfig(const QString &name, const QString &model, double temperature, int maxTokens, int timeout)
{
    AgentConfig c;
    c.name = name;
    c.modelConfig.provider = QStringLiteral("openai");
    c.modelConfig.model = model;
    c.modelConfig.temperature = temperature;
    c.modelConfig.maxTokens = maxTokens;
    c.timeout = timeout;
    c.maxRetries = 4;
    return c;
}

LlmResult okReply(const QString &text, const QString &finish = QStringLiteral("stop"))
{
    LlmResult r;
    r.status = LlmResult::Ok;
    r.text = text;
    r.finishReason = finish;
    return r;
}

QString userText(const LlmRequest &r)
{
    return r.messages.isEmpty() ? QString() : r.messages.constLast().content;
}

QString simulatedJsonOf(const LlmRequest &r)
{
    const QString user = userText(r);
    const qsizetype at = user.lastIndexOf(QLatin1String("SIMULATED_JSON: "));
    return at < 0 ? QString() : user.mid(at + 16).section(QLatin1Char('\n'), 0, 0);
}

QString words(int n, const QString &word = QStringLiteral("word"))
{
    QStringList w;
    for (int i = 0; i < n; ++i)
        w << word;
    return w.join(QLatin1Char(' ')) + QLatin1Char('.');
}

DocumentContext fixture(const QString &type = QStringLiteral("report"))
{
    DocumentContext ctx;
    ctx.documentId = QStringLiteral("doc42");
    ctx.request.topic = QStringLiteral("Urban heat islands in coastal cities");
    ctx.request.documentType = type;
    ctx.request.targetLength = 1200;
    ctx.request.style = QStringLiteral("formal");
    ctx.request.audience = QStringLiteral("city planners");
    ctx.request.requirements = {QStringLiteral("Cover the role of green roofs"),
                                QStringLiteral("Compare two cooling policies")};
    ctx.sources = {
        {1, QStringLiteral("Green roofs study"), QStringLiteral("/data/roofs.md"), QStringLiteral("Green roofs cut peak roof temperature by 30 degrees."), {}},
        {2, QStringLiteral("Policy review"), QStringLiteral("https://example.org/policy"), QStringLiteral("Cool pavement policies in two cities."), {}},
        {3, QStringLiteral("/data/missing.txt"), QStringLiteral("/data/missing.txt"), {}, QStringLiteral("file not found: /data/missing.txt")},
    };
    ctx.brief = QStringLiteral("## Summary\n\nCities are warmer than their surroundings.\n\n## Key facts\n\n"
                               "- Green roofs lower roof temperature by up to 30 degrees [1].\n"
                               "- Cool pavement policies were adopted by two cities [2].\n"
                               "- Sea breezes moderate coastal heat.");
    ctx.outline.title = QStringLiteral("Cooling Coastal Cities");
    ctx.outline.sections = {
        {QStringLiteral("Executive Summary"), QStringLiteral("Summarise."), {}, 120},
        {QStringLiteral("Introduction"), QStringLiteral("Set the scene."), {QStringLiteral("Definition")}, 200},
        {QStringLiteral("Green Roofs"), QStringLiteral("Explain green roofs and their measured effect."),
         {QStringLiteral("Roof temperature"), QStringLiteral("Costs")}, 480},
        {QStringLiteral("Conclusion"), QStringLiteral("Wrap up."), {}, 400},
    };
    for (int i = 0; i < ctx.outline.sections.size(); ++i) {
        DocumentSection s;
        s.title = ctx.outline.sections.at(i).title;
        s.order = i;
        s.content = QStringLiteral("Heat builds up in dense districts of coastal cities. Green roofs help [1]. "
                                   "Policies differ between cities [2]. ") + words(40, QStringLiteral("cooling"));
        ctx.sections << s;
    }
    return ctx;
}

struct Agents
{
    QTemporaryDir emptyUserFolder;
    PromptLibrary prompts {emptyUserFolder.path()};
    ResearchAgent research {QStringLiteral("research"), agentConfig("research", "gpt-4o", 0.3, 4000, 120), &prompts, false};
    WritingAgent writing {QStringLiteral("writing"), agentConfig("writing", "gpt-4o", 0.7, 8000, 180), &prompts, false};
    EditingAgent editing {QStringLiteral("editing"), agentConfig("editing", "gpt-3.5-turbo", 0.5, 8000, 120), &prompts, false};
    VerificationAgent verification {QStringLiteral("verification"), agentConfig("verification", "gpt-4", 0.2, 4000, 120), &prompts, false};
};

} // namespace

class TestAgents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestSettings_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("model");
        QTest::addColumn<double>("temperature");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("plan") << "plan" << "gpt-4o" << 0.3 << false << 120000 << "Compare two cooling policies";
        QTest::newRow("answer") << "answer" << "gpt-4o" << 0.3 << true << 120000 << "[2] Cool pavement policies";
        QTest::newRow("brief") << "brief" << "gpt-4o" << 0.3 << true << 120000 << "Which roofs work?";
        QTest::newRow("outline") << "outline" << "gpt-4o" << 0.7 << false << 180000 << "Executive Summary";
        QTest::newRow("section") << "section" << "gpt-4o" << 0.7 << true << 180000 << "Explain green roofs and their measured effect.";
        QTest::newRow("summary") << "summary" << "gpt-4o" << 0.7 << true << 180000 << "Heat builds up";
        QTest::newRow("revise") << "revise" << "gpt-4o" << 0.7 << true << 180000 << "Add the cost figures";
        QTest::newRow("structure") << "structure" << "gpt-3.5-turbo" << 0.5 << false << 120000 << "## 3. Green Roofs";
        QTest::newRow("style") << "style" << "gpt-3.5-turbo" << 0.5 << true << 120000 << "Shorten the opening";
        QTest::newRow("polish") << "polish" << "gpt-3.5-turbo" << 0.5 << true << 120000 << "Heat builds up";
        QTest::newRow("accuracy") << "accuracy" << "gpt-4" << 0.2 << false << 120000 << "Sea breezes moderate";
        QTest::newRow("completeness") << "completeness" << "gpt-4" << 0.2 << false << 120000 << "Cover the role of green roofs";
        QTest::newRow("quality") << "quality" << "gpt-4" << 0.2 << false << 120000 << "## 4. Conclusion";
    }
    void requestSettings()
    {
        QFETCH(QString, which);
        QFETCH(QString, model);
        QFETCH(double, temperature);
        QFETCH(bool, stream);
        QFETCH(int, timeoutMs);
        QFETCH(QString, mustContain);

        Agents a;
        DocumentContext ctx = fixture();
        ctx.findings = {{QStringLiteral("Which roofs work?"), QStringLiteral("Green ones [1].")}};
        const QList<SourceChunk> passages {{2, 0, QStringLiteral("Cool pavement policies in two cities."), 1.5}};
        const QMap<QString, std::function<LlmRequest()>> make {
            {"plan", [&] { return a.research.planRequest(ctx); }},
            {"answer", [&] { return a.research.answerRequest(ctx, QStringLiteral("What policies exist?"), passages); }},
            {"brief", [&] { return a.research.briefRequest(ctx); }},
            {"outline", [&] { return a.writing.outlineRequest(ctx); }},
            {"section", [&] { return a.writing.sectionRequest(ctx, 2, QStringLiteral("- Green roofs lower roof temperature [1].")); }},
            {"summary", [&] { return a.writing.executiveSummaryRequest(ctx); }},
            {"revise", [&] { return a.writing.reviseRequest(ctx, 2, {QStringLiteral("Add the cost figures")}); }},
            {"structure", [&] { return a.editing.structureRequest(ctx); }},
            {"style", [&] { return a.editing.editRequest(EditingAgent::Style, ctx, 1, QStringLiteral("- Shorten the opening")); }},
            {"polish", [&] { return a.editing.editRequest(EditingAgent::Polish, ctx, 1, {}); }},
            {"accuracy", [&] { return a.verification.checkRequest(VerificationAgent::Accuracy, ctx); }},
            {"completeness", [&] { return a.verification.checkRequest(VerificationAgent::Completeness, ctx); }},
            {"quality", [&] { return a.verification.checkRequest(VerificationAgent::Quality, ctx); }},
        };
        const LlmRequest r = make.value(which)();
        QCOMPARE(r.provider, QStringLiteral("openai"));
        QCOMPARE(r.model, model);
        QVERIFY(r.temperature.has_value());
        QCOMPARE(*r.temperature, temperature);
        QCOMPARE(r.stream, stream);
        QCOMPARE(r.timeoutMs, timeoutMs);
        QCOMPARE(r.maxRetries, 4);
        QVERIFY(r.tag.startsWith(QStringLiteral("doc42/")));
        QVERIFY(!r.system.isEmpty());
        QCOMPARE(r.messages.size(), 1);
        QCOMPARE(r.messages.first().role, QStringLiteral("user"));
        const QString all = r.system + QLatin1Char('\n') + userText(r);
        QVERIFY2(all.contains(mustContain), qPrintable(all));
        // Not simulated: the simulator's marker never reaches a real model.
        QVERIFY(!all.contains(QStringLiteral("SIMULATED_JSON")));
        // A source that could not be read is never offered for citation.
        QVERIFY(!all.contains(QStringLiteral("[3] /data/missing.txt")));
        // The reply's budget: what the model allows beside the input.
        const int window = modelContextWindow(r.model);
        QVERIFY(r.maxTokens > 0);
        QVERIFY2(estimateTokens(all, r.model) + r.maxTokens <= window, qPrintable(QString::number(r.maxTokens)));
        if (!stream)
            QVERIFY(r.system.contains(QStringLiteral("JSON")));
        else
            QVERIFY2(userText(r).contains(QRegularExpression(QStringLiteral("about \\d+ words"))), qPrintable(userText(r)));
    }

    void maxTokensCappedForSmallWindows()
    {
        Agents a;
        const DocumentContext ctx = fixture();
        // gpt-4 (8k) with max_tokens 8000 would leave no room for the input.
        EditingAgent editing(QStringLiteral("editing"), agentConfig("editing", "gpt-4", 0.5, 8000, 120), &a.prompts, false);
        const LlmRequest r = editing.editRequest(EditingAgent::Style, ctx, 2, {});
        QVERIFY(r.maxTokens < 8000);
        QVERIFY(estimateTokens(r.system + userText(r), r.model) + r.maxTokens <= 8192);
        // With a large window the configured limit stands.
        QCOMPARE(a.writing.sectionRequest(ctx, 2, {}).maxTokens, 8000);
    }

    void hugeDraftIsFittedToTheWindow()
    {
        Agents a;
        DocumentContext ctx = fixture();
        for (DocumentSection &s : ctx.sections)
            s.content = QString(words(200, QStringLiteral("heat")) + QStringLiteral("\n\n")).repeated(40);
        const LlmRequest r = a.verification.checkRequest(VerificationAgent::Quality, ctx);
        const int input = estimateTokens(r.system, r.model) + estimateTokens(userText(r), r.model);
        QVERIFY2(input <= inputBudget(r.model, 4000), qPrintable(QString::number(input)));
        QVERIFY(userText(r).contains(QStringLiteral("[…]")));
        QVERIFY(input > inputBudget(r.model, 4000) / 2); // used, not wasted
    }

    // A prompt is counted only when its bound (the counted long values plus
    // the rest) could reach a limit: across drafts from tiny to over the
    // window, every request must fit as if it had been counted, and its
    // reply be capped at most a few dozen tokens under the counted cap.
    void promptCountedWhenItMatters()
    {
        Agents a;
        // gpt-4's 8k window: max_tokens 8000 always leaves the reply capped
        // by the input, 4000 never.
        EditingAgent editing(QStringLiteral("editing"), agentConfig("editing", "gpt-4", 0.5, 8000, 120), &a.prompts, false);
        for (int paragraphs : {0, 1, 2, 4, 8, 12, 14, 15, 16, 18, 20, 24, 30, 40}) {
            DocumentContext ctx = fixture();
            for (DocumentSection &s : ctx.sections)
                s.content = QString(words(40, QStringLiteral("heat")) + QStringLiteral(" Cities, 2024!\n\n")).repeated(paragraphs);
            const QList<QPair<LlmRequest, int>> requests = {
                {a.verification.checkRequest(VerificationAgent::Accuracy, ctx), 4000},
                {a.verification.checkRequest(VerificationAgent::Completeness, ctx), 4000},
                {a.verification.checkRequest(VerificationAgent::Quality, ctx), 4000},
                {editing.structureRequest(ctx), 8000},
                {editing.editRequest(EditingAgent::Style, ctx, 1, {}), 8000},
            };
            for (const auto &[r, configured] : requests) {
                const QString where = QStringLiteral("%1, %2 paragraphs").arg(r.tag).arg(paragraphs);
                const int window = modelContextWindow(r.model);
                const int input = estimateTokens(r.system, r.model) + estimateTokens(userText(r), r.model);
                QVERIFY2(input <= inputBudget(r.model, configured), qPrintable(where + QStringLiteral(": %1 tokens").arg(input)));
                const int room = window - input - replyMargin(window);
                const int expected = qMax(qMin(configured, room), qMin(configured, 256));
                QVERIFY2(r.maxTokens <= expected && r.maxTokens >= expected - 48,
                         qPrintable(where + QStringLiteral(": max_tokens %1, counted %2").arg(r.maxTokens).arg(expected)));
            }
        }
    }

    // With a large window a prompt's length alone may show that it fits,
    // and then nothing is counted (up to 10 paragraphs a section here; from
    // 100 on the prompt is counted, from 600 on the whole-draft ones are
    // cut). From no draft to one past the window, each request must still
    // fit as counted, keep its whole max_tokens while the counted input
    // leaves room for it, and be cut or capped beyond that as a counted
    // prompt would be.
    void largeWindowPromptsFitAsCounted()
    {
        Agents a;
        EditingAgent editing(QStringLiteral("editing"), agentConfig("editing", "gpt-4o", 0.5, 16000, 120), &a.prompts, false);
        VerificationAgent verification(QStringLiteral("verification"), agentConfig("verification", "gpt-4o", 0.2, 16000, 120),
                                       &a.prompts, false);
        for (int paragraphs : {0, 1, 10, 100, 300, 600, 1200}) {
            DocumentContext ctx = fixture();
            for (DocumentSection &s : ctx.sections)
                s.content = QString(words(40, QStringLiteral("heat")) + QStringLiteral(" Cities, 2024!\n\n")).repeated(paragraphs);
            const QList<LlmRequest> requests = {
                verification.checkRequest(VerificationAgent::Quality, ctx),
                editing.structureRequest(ctx),
                editing.editRequest(EditingAgent::Style, ctx, 1, {}),
            };
            for (const LlmRequest &r : requests) {
                const QString where = QStringLiteral("%1, %2 paragraphs").arg(r.tag).arg(paragraphs);
                const int window = modelContextWindow(r.model);
                const int input = estimateTokens(r.system, r.model) + estimateTokens(userText(r), r.model);
                QVERIFY2(input <= inputBudget(r.model, 16000), qPrintable(where + QStringLiteral(": %1 tokens").arg(input)));
                const int room = window - input - replyMargin(window);
                if (room >= 16000)
                    QVERIFY2(r.maxTokens == 16000, qPrintable(where + QStringLiteral(": max_tokens %1").arg(r.maxTokens)));
                else
                    QVERIFY2(r.maxTokens <= qMax(room, 256) && r.maxTokens >= qMax(room, 256) - 48,
                             qPrintable(where + QStringLiteral(": max_tokens %1, room %2").arg(r.maxTokens).arg(room)));
            }
        }
    }

    void simulatedMarker()
    {
        Agents a;
        const DocumentContext ctx = fixture();
        ResearchAgent simulated(QStringLiteral("research"), agentConfig("research", "gpt-4o", 0.3, 4000, 120), &a.prompts, true);
        const LlmRequest plan = simulated.planRequest(ctx);
        const QString json = simulatedJsonOf(plan);
        QVERIFY(!json.isEmpty());
        QVERIFY(!json.contains(QLatin1Char('\n')));
        // The simulator answers exactly that JSON: it must parse as a plan.
        const ParseOutcome<QStringList> parsed = simulated.parsePlan(okReply(json));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.value->size(), 4);
        QVERIFY(parsed.value->join(' ').contains(QStringLiteral("Urban heat islands in coastal cities")));
        QVERIFY(parsed.value->join(' ').contains(QStringLiteral("green roofs")));
        // Prose prompts carry no marker even when simulated.
        QVERIFY(simulatedJsonOf(simulated.briefRequest(ctx)).isEmpty());
        // Deterministic.
        QCOMPARE(simulatedJsonOf(simulated.planRequest(ctx)), json);
    }

    void simulatedOutlineFollowsTheType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("report") << "report" << 1200 << "Executive Summary" << "Conclusion";
        QTest::newRow("paper") << "paper" << 3000 << "Abstract" << "Conclusion";
        QTest::newRow("article") << "article" << 800 << "Introduction" << "Conclusion";
        QTest::newRow("documentation") << "documentation" << 2000 << "Overview" << "Troubleshooting";
        QTest::newRow("short blog") << "blog" << 100 << "Introduction" << "Key Takeaways";
    }
    void simulatedOutlineFollowsTheType()
    {
        QFETCH(QString, type);
        QFETCH(int, length);
        QFETCH(QString, first);
        QFETCH(QString, last);
        Agents a;
        DocumentContext ctx = fixture(type);
        ctx.request.targetLength = length;
        WritingAgent writing(QStringLiteral("writing"), agentConfig("writing", "gpt-4o", 0.7, 8000, 180), &a.prompts, true);
        const ParseOutcome<Outline> outline = writing.parseOutline(ctx, okReply(simulatedJsonOf(writing.outlineRequest(ctx))));
        QVERIFY2(outline.ok(), qPrintable(outline.error));
        QCOMPARE(outline.value->sections.first().title, first);
        QCOMPARE(outline.value->sections.last().title, last);
        int sum = 0;
        QStringList titles;
        for (const OutlineSection &s : outline.value->sections) {
            QVERIFY(s.targetWords > 0);
            QVERIFY(!s.plan.isEmpty());
            sum += s.targetWords;
            titles << s.title;
        }
        QCOMPARE(sum, length);
        // Every requirement has a section or a key point.
        QVERIFY2(titles.contains(QStringLiteral("Role of green roofs")), qPrintable(titles.join(", ")));
        for (const QString &required : QualityAssessor::requiredSectionsFor(type)) {
            const QStringList options = required.split(QLatin1Char('/'));
            QVERIFY2(std::any_of(options.cbegin(), options.cend(), [&](const QString &o) { return titles.contains(o); }),
                     qPrintable(required + " missing from " + titles.join(", ")));
        }
    }

    void parsePlan_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<int>("count");     // -1: refused
        QTest::newRow("object") << "{\"questions\": [\"A?\", \"B?\", \"C?\"]}" << 3;
        QTest::newRow("fenced") << "```json\n{\"questions\": [\"A?\", \"B?\", \"C?\", \"D?\"]}\n```" << 4;
        QTest::newRow("prose") << "Here is my plan: {\"questions\": [\"A?\", \"B?\", \"C?\"]} Good luck." << 3;
        QTest::newRow("bare array") << "[\"A?\", \"B?\", \"C?\"]" << 3;
        QTest::newRow("seven cut to five") << "{\"questions\": [\"1?\",\"2?\",\"3?\",\"4?\",\"5?\",\"6?\",\"7?\"]}" << 5;
        QTest::newRow("duplicates count once") << "{\"questions\": [\"A?\", \"a?\", \"B?\"]}" << -1;
        QTest::newRow("two") << "{\"questions\": [\"A?\", \"B?\"]}" << -1;
        QTest::newRow("wrong key") << "{\"items\": [\"A?\", \"B?\", \"C?\"]}" << -1;
        QTest::newRow("numbers") << "{\"questions\": [1, 2, 3]}" << -1;
        QTest::newRow("not json") << "1. What? 2. Why? 3. How?" << -1;
    }
    void parsePlan()
    {
        QFETCH(QString, reply);
        QFETCH(int, count);
        Agents a;
        const ParseOutcome<QStringList> r = a.research.parsePlan(okReply(reply));
        if (count < 0) {
            QVERIFY(!r.ok());
            QVERIFY(r.repairable);
            QVERIFY(!r.error.isEmpty());
        } else {
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.value->size(), count);
        }
    }

    void failedCallIsNotRepairable()
    {
        Agents a;
        LlmResult failed;
        failed.status = LlmResult::Failed;
        failed.errorMessage = QStringLiteral("rate limited");
        const ParseOutcome<QStringList> r = a.research.parsePlan(failed);
        QVERIFY(!r.ok());
        QVERIFY(!r.repairable);
        QCOMPARE(r.error, QStringLiteral("rate limited"));
    }

    void parseOutline()
    {
        Agents a;
        DocumentContext ctx = fixture(QStringLiteral("report"));
        const QString reply = "```json\n{\"title\": \"Cool Cities\", \"sections\": ["
                              "{\"title\": \"Introduction\", \"plan\": \"p\", \"key_points\": [\"k\"], \"target_words\": 100},"
                              "{\"title\": \"Roofs\", \"plan\": \"p\", \"key_points\": [], \"target_words\": 300},"
                              "{\"title\": \"Conclusion\", \"plan\": \"p\"}]}\n```";
        const ParseOutcome<Outline> r = a.writing.parseOutline(ctx, okReply(reply));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value->title, QStringLiteral("Cool Cities"));
        // A report always opens with its executive summary.
        QCOMPARE(r.value->sections.size(), 4);
        QCOMPARE(r.value->sections.first().title, QStringLiteral("Executive Summary"));
        int sum = 0;
        for (const OutlineSection &s : r.value->sections)
            sum += s.targetWords;
        QCOMPARE(sum, 1200);
        // Proportions kept: Roofs was asked three times the introduction's words.
        QVERIFY(qAbs(r.value->sections.at(2).targetWords - 3 * r.value->sections.at(1).targetWords) <= 3);
    }

    void parseOutlineHonoursTheUserOutline()
    {
        Agents a;
        DocumentContext ctx = fixture(QStringLiteral("article"));
        ctx.request.outline = QStringLiteral("# My Title\n## Intro\n## Method\n- sampling\n## Results");
        // The model reorders and renames: the user's outline still wins.
        const QString reply = "{\"title\": \"X\", \"sections\": ["
                              "{\"title\": \"Results\", \"plan\": \"show results\", \"target_words\": 500},"
                              "{\"title\": \"Intro\", \"plan\": \"introduce\", \"target_words\": 100},"
                              "{\"title\": \"Extra\", \"plan\": \"extra\", \"target_words\": 100}]}";
        const ParseOutcome<Outline> r = a.writing.parseOutline(ctx, okReply(reply));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value->title, QStringLiteral("My Title"));
        QStringList titles;
        for (const OutlineSection &s : r.value->sections)
            titles << s.title;
        QCOMPARE(titles, QStringList({"Intro", "Method", "Results"}));
        QCOMPARE(r.value->sections.at(0).plan, QStringLiteral("introduce"));
        QCOMPARE(r.value->sections.at(2).plan, QStringLiteral("show results"));
        QVERIFY(r.value->sections.at(1).keyPoints.contains(QStringLiteral("sampling")));
        QCOMPARE(r.value->sections.at(0).targetWords + r.value->sections.at(1).targetWords
                     + r.value->sections.at(2).targetWords, 1200);
    }

    void parseOutlineRefusesBadShapes_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::newRow("no sections") << "{\"title\": \"T\"}";
        QTest::newRow("empty sections") << "{\"title\": \"T\", \"sections\": []}";
        QTest::newRow("untitled section") << "{\"sections\": [{\"plan\": \"p\"}]}";
        QTest::newRow("words as text") << "{\"sections\": [{\"title\": \"A\", \"target_words\": \"many\"}]}";
        QTest::newRow("key points not strings") << "{\"sections\": [{\"title\": \"A\", \"key_points\": [{}]}]}";
        QTest::newRow("trailing comma") << "{\"sections\": [{\"title\": \"A\"},]}";
    }
    void parseOutlineRefusesBadShapes()
    {
        QFETCH(QString, reply);
        Agents a;
        const ParseOutcome<Outline> r = a.writing.parseOutline(fixture(), okReply(reply));
        QVERIFY(!r.ok());
        QVERIFY(r.repairable);
        QVERIFY(!r.error.isEmpty());
    }

    void parseSection()
    {
        Agents a;
        const DocumentContext ctx = fixture();
        const QString reply = "<think>plan it</think>\n## Green Roofs\n\nRoofs cool cities [1], as the review says [2, 9]. "
                              "Another claim [3].\n\n## Costs\n\nThey cost money.";
        const ParseOutcome<DocumentSection> r = a.writing.parseSection(ctx, 2, okReply(reply, QStringLiteral("length")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value->title, QStringLiteral("Green Roofs"));
        QCOMPARE(r.value->order, 2);
        // The repeated title goes; the model's own subheading moves under the section's level.
        QVERIFY(!r.value->content.contains(QStringLiteral("Green Roofs")));
        QVERIFY(r.value->content.contains(QStringLiteral("### Costs")));
        // Only sources that were given and could be read stay cited.
        QVERIFY(r.value->content.contains(QStringLiteral("cool cities [1]")));
        QVERIFY(r.value->content.contains(QStringLiteral("says [2]")));
        QVERIFY(r.value->content.contains(QStringLiteral("Another claim.")));
        QCOMPARE(r.value->metadata.value("dropped_citations").toList(), QVariantList({9, 3}));
        QCOMPARE(r.value->metadata.value("truncated").toBool(), true);
        QCOMPARE(r.value->metadata.value("target_words").toInt(), 480);

        const ParseOutcome<DocumentSection> empty = a.writing.parseSection(ctx, 2, okReply("<think>hmm</think>  "));
        QVERIFY(!empty.ok());
        QVERIFY(!empty.repairable);
    }

    void parseEditRefusesLosingText()
    {
        Agents a;
        const DocumentContext ctx = fixture();
        const int before = Document::countWords(ctx.sections.at(1).content);
        const ParseOutcome<DocumentSection> cut = a.editing.parseEdit(ctx, 1, okReply(words(before / 3)));
        QVERIFY(!cut.ok());
        QVERIFY(cut.error.contains(QStringLiteral("refused")));
        const ParseOutcome<DocumentSection> fine = a.editing.parseEdit(ctx, 1, okReply(words(before - 5)));
        QVERIFY2(fine.ok(), qPrintable(fine.error));
        QCOMPARE(fine.value->title, QStringLiteral("Introduction"));
        QCOMPARE(fine.value->order, 1);
    }

    void parseEditCountsTheWordsItKeeps()
    {
        // The section's word count is that of what is kept: after citations
        // of missing sources are dropped and headings demoted.
        Agents a;
        const DocumentContext ctx = fixture();
        const QString body = words(Document::countWords(ctx.sections.at(1).content));
        const QStringList replies {
            body,
            QStringLiteral("# Part one\n\n") + body + QStringLiteral("\n\n## Part two\n\nMore words here."),
            body + QStringLiteral(" As shown [1] and [99], [98-99] too."),
            QStringLiteral("## Part\n\n") + body + QStringLiteral(" See [99].\n\n#\tTabbed heading"),
        };
        for (const QString &reply : replies) {
            const ParseOutcome<DocumentSection> edited = a.editing.parseEdit(ctx, 1, okReply(reply));
            QVERIFY2(edited.ok(), qPrintable(edited.error));
            QCOMPARE(edited.value->metadata.value(QStringLiteral("words")).toInt(),
                     Document::countWords(edited.value->content));
        }
    }

    void parseStructure()
    {
        Agents a;
        const DocumentContext ctx = fixture();
        const ParseOutcome<QStringList> r = a.editing.parseStructure(
            ctx, okReply("{\"notes\": [{\"section\": 2, \"note\": \"Add a transition.\"}, "
                         "{\"section\": 2, \"note\": \"Define the term.\"}, {\"section\": 9, \"note\": \"ghost\"}]}"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value->size(), 4);
        QCOMPARE(r.value->at(1), QStringLiteral("- Add a transition.\n- Define the term."));
        QVERIFY(r.value->at(0).isEmpty());
        QVERIFY(a.editing.parseStructure(ctx, okReply("{\"notes\": []}")).ok());

        const ParseOutcome<QStringList> bad = a.editing.parseStructure(ctx, okReply("{\"notes\": [{\"section\": \"two\", \"note\": \"x\"}]}"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.repairable);
        QVERIFY(!a.editing.parseStructure(ctx, okReply("{\"notes\": \"none\"}")).ok());
    }

    void parseChecks_data()
    {
        QTest::addColumn<int>("check");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("errorPart");
        const int acc = VerificationAgent::Accuracy, com = VerificationAgent::Completeness, qua = VerificationAgent::Quality;
        QTest::newRow("accuracy") << acc << "{\"claims\": [{\"text\": \"Roofs cool.\", \"verdict\": \"verified\", \"note\": \"[1]\"}], \"accuracy\": 0.9}" << true << "";
        QTest::newRow("accuracy in prose") << acc << "Result:\n```json\n{\"claims\": [], \"accuracy\": 0.7}\n```" << true << "";
        QTest::newRow("accuracy out of range") << acc << "{\"claims\": [], \"accuracy\": 1.5}" << false << "outside";
        QTest::newRow("accuracy percent") << acc << "{\"claims\": [], \"accuracy\": 90}" << false << "outside";
        QTest::newRow("accuracy missing") << acc << "{\"claims\": []}" << false << "missing";
        QTest::newRow("accuracy as text") << acc << "{\"claims\": [], \"accuracy\": \"high\"}" << false << "not a number";
        QTest::newRow("bad verdict") << acc << "{\"claims\": [{\"text\": \"x\", \"verdict\": \"probably\"}], \"accuracy\": 0.5}" << false << "probably";
        QTest::newRow("claims missing") << acc << "{\"accuracy\": 0.5}" << false << "claims";
        QTest::newRow("completeness") << com << "{\"completeness\": 0.8, \"missing\": [\"costs\"]}" << true << "";
        QTest::newRow("completeness missing") << com << "{\"missing\": []}" << false << "completeness";
        QTest::newRow("quality") << qua << "{\"coherence\": 0.8, \"clarity\": 0.75, \"issues\": [\"Intro too long\"]}" << true << "";
        QTest::newRow("quality clarity missing") << qua << "{\"coherence\": 0.8, \"issues\": []}" << false << "clarity";
        QTest::newRow("quality negative") << qua << "{\"coherence\": -0.2, \"clarity\": 0.5}" << false << "coherence";
        QTest::newRow("not json") << qua << "Coherence is good." << false << "JSON";
    }
    void parseChecks()
    {
        QFETCH(int, check);
        QFETCH(QString, reply);
        QFETCH(bool, ok);
        QFETCH(QString, errorPart);
        Agents a;
        ModelRubric rubric;
        const ParseOutcome<bool> r = a.verification.parseCheck(VerificationAgent::Check(check), okReply(reply), &rubric);
        QCOMPARE(r.ok(), ok);
        if (!ok) {
            QVERIFY(r.repairable);
            QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
            // A refused reply leaves nothing behind: no score is made up.
            QVERIFY(rubric.isEmpty());
            QVERIFY(rubric.issues.isEmpty());
            return;
        }
        switch (check) {
        case VerificationAgent::Accuracy:
            QVERIFY(rubric.accuracy.has_value());
            QVERIFY(!rubric.coherence && !rubric.completeness);
            if (rubric.accuracy == 0.9) {
                QCOMPARE(rubric.claims.size(), 1);
                QVERIFY(rubric.claims.first().verdict == ClaimVerdict::Verified);
            }
            break;
        case VerificationAgent::Completeness:
            QCOMPARE(*rubric.completeness, 0.8);
            QCOMPARE(rubric.issues, QStringList({"Missing: costs"}));
            break;
        case VerificationAgent::Quality:
            QCOMPARE(*rubric.coherence, 0.8);
            QCOMPARE(*rubric.clarity, 0.75);
            QCOMPARE(rubric.issues, QStringList({"Intro too long"}));
            break;
        }
    }

    void simulatedChecksAreParsableAndImproveWithRevisions_data()
    {
        QTest::addColumn<int>("check");
        QTest::addColumn<QString>("score");
        QTest::newRow("accuracy") << int(VerificationAgent::Accuracy) << "accuracy";
        QTest::newRow("completeness") << int(VerificationAgent::Completeness) << "completeness";
        QTest::newRow("quality") << int(VerificationAgent::Quality) << "coherence";
    }
    void simulatedChecksAreParsableAndImproveWithRevisions()
    {
        QFETCH(int, check);
        QFETCH(QString, score);
        Agents a;
        VerificationAgent sim(QStringLiteral("verification"), agentConfig("verification", "gpt-4", 0.2, 4000, 120), &a.prompts, true);
        DocumentContext ctx = fixture();
        QList<double> scores;
        for (int round = 0; round < 3; ++round) {
            ctx.revisionRound = round;
            const LlmRequest r = sim.checkRequest(VerificationAgent::Check(check), ctx);
            const QString json = simulatedJsonOf(r);
            QVERIFY(!json.isEmpty());
            QCOMPARE(simulatedJsonOf(sim.checkRequest(VerificationAgent::Check(check), ctx)), json); // deterministic
            ModelRubric rubric;
            const ParseOutcome<bool> parsed = sim.parseCheck(VerificationAgent::Check(check), okReply(json), &rubric);
            QVERIFY2(parsed.ok(), qPrintable(parsed.error + " in " + json));
            const double value = QJsonDocument::fromJson(json.toUtf8()).object().value(score).toDouble();
            QVERIFY(value >= 0.0 && value <= 1.0);
            scores << value;
        }
        // The same draft judged after a revision round never scores lower.
        QVERIFY2(scores.at(1) >= scores.at(0) && scores.at(2) >= scores.at(1),
                 qPrintable(QStringLiteral("%1 %2 %3").arg(scores.at(0)).arg(scores.at(1)).arg(scores.at(2))));
    }

    void simulatedScoresDifferBetweenDocuments()
    {
        QSet<QString> values;
        for (const char *topic : {"Tidal energy in Wales", "The history of the bicycle", "Sleep and memory",
                                  "Rust for embedded systems", "Coral reef bleaching", "Medieval trade routes"}) {
            DocumentContext ctx = fixture();
            ctx.request.topic = QString::fromLatin1(topic);
            values.insert(QString::number(SimulatedReplies::quality(ctx).value("coherence").toDouble()));
        }
        QVERIFY2(values.size() >= 3, "the simulated judgement must not be a fixed score");
        for (int i = 0; i < 200; ++i) {
            const double j = SimulatedReplies::jitter(QString::number(i));
            QVERIFY(j >= -0.05 && j <= 0.05);
        }
    }

    void repairRequest()
    {
        Agents a;
        const DocumentContext ctx = fixture();
        ResearchAgent sim(QStringLiteral("research"), agentConfig("research", "gpt-4o", 0.3, 4000, 120), &a.prompts, true);
        const LlmRequest original = sim.planRequest(ctx);
        const LlmRequest repair = sim.repairRequest(original, QStringLiteral("{\"questions\": [\"A?\",]}"),
                                                    QStringLiteral("invalid JSON: trailing comma before ']'"));
        QCOMPARE(repair.model, original.model);
        QCOMPARE(repair.temperature, original.temperature);
        QVERIFY(!repair.stream);
        QVERIFY(repair.tag.endsWith(QStringLiteral("/repair")));
        const QString user = userText(repair);
        QVERIFY(user.contains(QStringLiteral("trailing comma before ']'")));
        QVERIFY(user.contains(QStringLiteral("{\"questions\": [\"A?\",]}")));
        // The original instructions say what shape to return.
        QVERIFY(user.contains(QStringLiteral("{\"questions\": [\"<question>\"")));
        QCOMPARE(simulatedJsonOf(repair), simulatedJsonOf(original));
        QVERIFY(!userText(a.research.repairRequest(a.research.planRequest(ctx), "x", "y")).contains("SIMULATED_JSON"));
    }

    void briefExcerptPerSection()
    {
        Agents a;
        const DocumentContext ctx = fixture();
        const QString excerpt = a.writing.briefExcerpt(ctx, 2); // Green Roofs
        QVERIFY2(excerpt.contains(QStringLiteral("Green roofs lower roof temperature")), qPrintable(excerpt));
        QVERIFY(!excerpt.contains(QStringLiteral("Sea breezes")));
        QVERIFY(!excerpt.contains(QStringLiteral("Cool pavement")));
        // A long brief is capped even for a model with a large window.
        DocumentContext big = ctx;
        for (int i = 0; i < 500; ++i)
            big.brief += QStringLiteral("\n\n- Green roofs fact number %1 about roof temperature.").arg(i);
        QVERIFY(estimateTokens(a.writing.briefExcerpt(big, 2), "gpt-4o") <= WritingAgent::BriefExcerptTokens);
    }

};

QTEST_GUILESS_MAIN(TestAgents)
#include "tst_agents.moc"

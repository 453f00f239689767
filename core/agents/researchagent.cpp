#include "core/agents/researchagent.h"

#include "core/agents/jsonreply.h"
#include "core/agents/promptvars.h"
#include "core/agents/replytext.h"
#include "core/agents/simulatedreplies.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace Madf {

namespace {

// lupdate files a bare tr() under the class or namespace it is called
// in; calls outside the class this context belongs to name it.
struct ResearchAgentTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::ResearchAgent)
};
QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::ResearchAgent", text);
}

template <class T>
ParseOutcome<T> callFailed(const LlmResult &reply)
{
    return ParseOutcome<T>::failure(
        reply.errorMessage.isEmpty() ? ResearchAgentTr::tr("the model call failed") : reply.errorMessage, false);
}

} // namespace

LlmRequest ResearchAgent::planRequest(const DocumentContext &ctx) const
{
    const QString simulated = m_simulated ? SimulatedReplies::text(SimulatedReplies::researchPlan(ctx)) : QString();
    return makeRequest(QStringLiteral("research-plan"), PromptVars::common(ctx), simulated);
}

ParseOutcome<QStringList> ResearchAgent::parsePlan(const LlmResult &reply) const
{
    if (!reply.ok())
        return callFailed<QStringList>(reply);
    QString error;
    const std::optional<QJsonValue> json = extractJson(reply.text, &error);
    if (!json)
        return ParseOutcome<QStringList>::failure(error, true);

    // A bare array of questions says the same thing as the asked-for object.
    QJsonObject object = json->toObject();
    if (json->isArray())
        object.insert(QStringLiteral("questions"), json->toArray());
    else if (!json->isObject())
        return ParseOutcome<QStringList>::failure(tr("expected a JSON object with \"questions\""), true);

    const std::optional<QStringList> list = readStringList(object, QStringLiteral("questions"), &error);
    if (!list)
        return ParseOutcome<QStringList>::failure(error, true);
    QStringList questions;
    QSet<QString> seen;
    for (const QString &q : *list) {
        const QString key = q.simplified().toLower();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        questions << q.simplified();
    }
    if (questions.size() < 3)
        return ParseOutcome<QStringList>::failure(
            QCoreApplication::translate("Madf::ResearchAgent",
                                        "\"questions\" holds %n distinct question(s); 3 to 5 are required",
                                        nullptr, int(questions.size())),
            true);
    return ParseOutcome<QStringList>::success(questions.mid(0, 5));
}

LlmRequest ResearchAgent::answerRequest(const DocumentContext &ctx, const QString &question,
                                        const QList<SourceChunk> &passages) const
{
    QVariantMap vars = PromptVars::common(ctx);
    QStringList blocks;
    for (const SourceChunk &chunk : passages)
        blocks << QStringLiteral("[%1] %2").arg(chunk.sourceNumber).arg(chunk.text.trimmed());
    vars.insert(QStringLiteral("question"), question.simplified());
    vars.insert(QStringLiteral("passages"), blocks.join(QStringLiteral("\n\n")));
    vars.insert(QStringLiteral("words"), qBound(120, ctx.request.targetLength / 8, 250));
    return makeRequest(QStringLiteral("research-answer"), vars, {}, 0, QStringLiteral("passages"));
}

ParseOutcome<ResearchFinding> ResearchAgent::parseAnswer(const QString &question, const LlmResult &reply) const
{
    if (!reply.ok())
        return callFailed<ResearchFinding>(reply);
    const QString answer = proseBody(reply.text);
    if (answer.isEmpty())
        return ParseOutcome<ResearchFinding>::failure(tr("the answer is empty"), false);
    return ParseOutcome<ResearchFinding>::success({question, answer});
}

LlmRequest ResearchAgent::briefRequest(const DocumentContext &ctx) const
{
    QVariantMap vars = PromptVars::common(ctx);
    QStringList blocks;
    for (qsizetype i = 0; i < ctx.findings.size(); ++i) {
        const ResearchFinding &f = ctx.findings.at(i);
        blocks << QStringLiteral("### Q%1. %2\n\n%3").arg(i + 1).arg(f.question.simplified(), f.answer.trimmed());
    }
    vars.insert(QStringLiteral("findings"), blocks.join(QStringLiteral("\n\n")));
    vars.insert(QStringLiteral("words"), qBound(200, ctx.request.targetLength / 3, 600));
    return makeRequest(QStringLiteral("research-brief"), vars, {}, 0, QStringLiteral("findings"));
}

ParseOutcome<QString> ResearchAgent::parseBrief(const LlmResult &reply) const
{
    if (!reply.ok())
        return callFailed<QString>(reply);
    const QString brief = proseBody(reply.text);
    if (brief.isEmpty())
        return ParseOutcome<QString>::failure(tr("the research brief is empty"), false);
    return ParseOutcome<QString>::success(brief);
}

} // namespace Madf

#pragma once

#include "agent.h"
#include "documentcontext.h"
#include "parseoutcome.h"

namespace Madf {

/** Research: splits the topic into 3–5 sub-questions, answers each from the
 *  ranked source passages (citing [n]), and synthesises a research brief. */
class ResearchAgent : public Agent
{
public:
    using Agent::Agent;

    LlmRequest planRequest(const DocumentContext &ctx) const;
    /** 3–5 distinct, non-empty questions; more are cut to 5, fewer than 3 is an error. */
    ParseOutcome<QStringList> parsePlan(const LlmResult &reply) const;

    LlmRequest answerRequest(const DocumentContext &ctx, const QString &question,
                             const QList<SourceChunk> &passages) const;
    ParseOutcome<ResearchFinding> parseAnswer(const QString &question, const LlmResult &reply) const;

    LlmRequest briefRequest(const DocumentContext &ctx) const;
    ParseOutcome<QString> parseBrief(const LlmResult &reply) const;
};

} // namespace Madf

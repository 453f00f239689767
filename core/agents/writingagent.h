#pragma once

#include "agent.h"
#include "documentcontext.h"
#include "parseoutcome.h"

namespace Madf {

/** Writing: the outline, each section (in parallel), the executive summary of
 *  a report, and section rewrites in revision rounds. */
class WritingAgent : public Agent
{
public:
    using Agent::Agent;

    LlmRequest outlineRequest(const DocumentContext &ctx) const;
    /** Uses the request's own outline when the user gave one. Section word
     *  targets add up to the document's target_length. */
    ParseOutcome<Outline> parseOutline(const DocumentContext &ctx, const LlmResult &reply) const;

    /** The part of ctx.brief relevant to one section (see
     *  compactForSection()): at most a sixth of the model's input budget and
     *  never more than BriefExcerptTokens, so the brief is not paid for
     *  again in full by every section. */
    QString briefExcerpt(const DocumentContext &ctx, int sectionIndex) const;
    static constexpr int BriefExcerptTokens = 1200;

    /** `briefExcerpt` is the part of the research brief relevant to this
     *  section (briefExcerpt() above), not the whole brief. */
    LlmRequest sectionRequest(const DocumentContext &ctx, int sectionIndex, const QString &briefExcerpt) const;
    ParseOutcome<DocumentSection> parseSection(const DocumentContext &ctx, int sectionIndex, const LlmResult &reply) const;

    LlmRequest executiveSummaryRequest(const DocumentContext &ctx) const;
    ParseOutcome<QString> parseExecutiveSummary(const LlmResult &reply) const;

    /** Rewrites one section to address `ctx.revisionNotes` that concern it. */
    LlmRequest reviseRequest(const DocumentContext &ctx, int sectionIndex, const QStringList &notes) const;
    ParseOutcome<DocumentSection> parseRevision(const DocumentContext &ctx, int sectionIndex, const LlmResult &reply) const;
};

} // namespace Madf

#pragma once

#include "agent.h"
#include "documentcontext.h"
#include "parseoutcome.h"

#include "core/quality/qualityassessor.h"

namespace Madf {

/** Verification: accuracy (claims checked against the brief and sources),
 *  completeness (requirements, outline) and quality (coherence, clarity),
 *  three calls run in parallel and merged into one ModelRubric. */
class VerificationAgent : public Agent
{
public:
    using Agent::Agent;

    enum Check { Accuracy, Completeness, Quality };

    LlmRequest checkRequest(Check check, const DocumentContext &ctx) const;
    /** Fills the parts of `rubric` this check answers. */
    ParseOutcome<bool> parseCheck(Check check, const LlmResult &reply, ModelRubric *rubric) const;
};

} // namespace Madf

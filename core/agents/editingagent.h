#pragma once

#include "agent.h"
#include "documentcontext.h"
#include "parseoutcome.h"

namespace Madf {

/** Editing in three passes: structure (whole document: order, transitions,
 *  overlaps), then grammar and style, then polish (per section, in parallel). */
class EditingAgent : public Agent
{
public:
    using Agent::Agent;

    enum Pass { Structure, Style, Polish };

    /** Structure pass: returns notes per section (JSON), applied by the style pass. */
    LlmRequest structureRequest(const DocumentContext &ctx) const;
    ParseOutcome<QStringList> parseStructure(const DocumentContext &ctx, const LlmResult &reply) const;

    LlmRequest editRequest(Pass pass, const DocumentContext &ctx, int sectionIndex, const QString &notes) const;
    /** The edited section; an edit that loses more than half the words is refused. */
    ParseOutcome<DocumentSection> parseEdit(const DocumentContext &ctx, int sectionIndex, const LlmResult &reply) const;
};

} // namespace Madf

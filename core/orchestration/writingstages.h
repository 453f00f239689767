#pragma once

#include "stagerunner.h"

#include "core/agents/writingagent.h"

namespace Madf {

/** The outline (step "outline"): the request's own outline when it has one,
 *  filled in with plans and word targets by the writing agent. */
class OutlineStage : public StageRunner
{
    Q_OBJECT
public:
    OutlineStage(DocumentRun *run, const WorkflowStage &stage);
    void start() override;

private:
    WritingAgent m_agent;
};

/** Every section drafted, in parallel (steps "section/<n>/draft"); each
 *  section's prompt gets the part of the brief relevant to it. A report's
 *  "Executive Summary" is left to its own stage when the workflow has one. */
class WriteStage : public StageRunner
{
    Q_OBJECT
public:
    WriteStage(DocumentRun *run, const WorkflowStage &stage);
    void start() override;

    /** The section of the outline the executive summary stage writes, or -1. */
    static int summarySection(const DocumentContext &ctx);

private:
    WritingAgent m_agent;
};

/** A report's executive summary, from the drafted sections (step
 *  "executive_summary"). */
class ExecutiveSummaryStage : public StageRunner
{
    Q_OBJECT
public:
    ExecutiveSummaryStage(DocumentRun *run, const WorkflowStage &stage);
    void start() override;

private:
    WritingAgent m_agent;
};

/** The end of every workflow: nothing to call; the run assembles the
 *  document (DocumentAssembler) when it completes. */
class FinalizeStage : public StageRunner
{
    Q_OBJECT
public:
    using StageRunner::StageRunner;
    void start() override { finish(); }
};

} // namespace Madf

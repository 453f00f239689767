#pragma once

#include "stagerunner.h"

#include "core/agents/bm25index.h"
#include "core/agents/researchagent.h"

namespace Madf {

/** Research: the agent splits the topic into 3–5 sub-questions, answers
 *  them in parallel from the BM25-ranked passages of the loaded references,
 *  then writes the research brief. Steps: research/plan, research/q<n>,
 *  research/brief. */
class ResearchStage : public StageRunner
{
    Q_OBJECT
public:
    ResearchStage(DocumentRun *run, const WorkflowStage &stage);
    void start() override;

    /** Passages given to each sub-question. */
    static constexpr int PassagesPerQuestion = 5;

private:
    void answerQuestions();
    void writeBrief();

    ResearchAgent m_agent;
    Bm25Index m_index;
};

} // namespace Madf

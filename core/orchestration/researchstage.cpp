#include "researchstage.h"

#include "engineservices.h"

#include "core/agents/chunker.h"

namespace Madf {

ResearchStage::ResearchStage(DocumentRun *run, const WorkflowStage &stage)
    : StageRunner(run, stage)
    , m_agent(stage.agent, agentConfig(stage.agent), run->services()->prompts, isSimulated(stage.agent))
{
}

void ResearchStage::start()
{
    m_run->setStatus(DocumentStatus::Researching, m_stage.name);
    StepSpec spec = makeSpec(QStringLiteral("research/plan"), QStringLiteral("research"), m_stage.agent, &m_agent,
                             m_agent.planRequest(ctx()), 200);
    spec.accept = accepting([this](const LlmResult &r) { return m_agent.parsePlan(r); },
                            [this](QStringList questions) { ctx().subQuestions = questions; });
    issue(spec, [this](const StepOutcome &) { answerQuestions(); });
}

void ResearchStage::answerQuestions()
{
    // Built here rather than per question: every answer searches the same chunks.
    m_index = Bm25Index(Chunker().chunkAll(ctx().sources));
    const QStringList questions = ctx().subQuestions;
    ctx().findings = QList<ResearchFinding>(questions.size());
    m_run->addPlannedSteps(int(questions.size()) - 4);
    auto countdown = Countdown::make(this, int(questions.size()), [this] { writeBrief(); });
    for (int i = 0; i < questions.size(); ++i) {
        const QString question = questions.at(i);
        const QList<SourceChunk> passages = m_index.search(question, PassagesPerQuestion);
        StepSpec spec = makeSpec(QStringLiteral("research/q%1").arg(i + 1), QStringLiteral("research"), m_stage.agent,
                                 &m_agent, m_agent.answerRequest(ctx(), question, passages), 450);
        spec.accept = accepting([this, question](const LlmResult &r) { return m_agent.parseAnswer(question, r); },
                                [this, i](ResearchFinding f) { ctx().findings[i] = f; });
        issue(spec, [countdown](const StepOutcome &) { countdown->tick(); });
    }
}

void ResearchStage::writeBrief()
{
    StepSpec spec = makeSpec(QStringLiteral("research/brief"), QStringLiteral("research"), m_stage.agent, &m_agent,
                             m_agent.briefRequest(ctx()), 1000);
    spec.accept = accepting([this](const LlmResult &r) { return m_agent.parseBrief(r); },
                            [this](QString brief) { ctx().brief = brief; });
    issue(spec, [this](const StepOutcome &) { finish(); });
}

} // namespace Madf

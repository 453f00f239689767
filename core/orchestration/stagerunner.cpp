#include "stagerunner.h"

#include "editingstage.h"
#include "enginepricing.h"
#include "researchstage.h"
#include "verificationstage.h"
#include "writingstages.h"

#include "core/loop/deferredcalls.h"

namespace Madf {

StageRunner::StageRunner(DocumentRun *run, WorkflowStage stage)
    : QObject(run), m_run(run), m_stage(std::move(stage))
{
}

StageRunner::~StageRunner() = default;

std::unique_ptr<StageRunner> StageRunner::create(DocumentRun *run, const WorkflowStage &stage)
{
    switch (stage.kind) {
    case StageKind::Research:
        return std::make_unique<ResearchStage>(run, stage);
    case StageKind::Outline:
        return std::make_unique<OutlineStage>(run, stage);
    case StageKind::Write:
        return std::make_unique<WriteStage>(run, stage);
    case StageKind::ExecutiveSummary:
        return std::make_unique<ExecutiveSummaryStage>(run, stage);
    case StageKind::Edit:
        return std::make_unique<EditingStage>(run, stage);
    case StageKind::Verify:
        return std::make_unique<VerificationStage>(run, stage);
    case StageKind::Finalize:
        return std::make_unique<FinalizeStage>(run, stage);
    }
    return nullptr;
}

AgentConfig StageRunner::agentConfig(const QString &agentName) const
{
    AgentConfig agent = config().agents.value(agentName);
    if (agent.name.isEmpty())
        agent.name = agentName;
    return agent;
}

bool StageRunner::isSimulated(const QString &agentName) const
{
    return isSimulatedProvider(config(), agentConfig(agentName).modelConfig.provider);
}

StepSpec StageRunner::makeSpec(const QString &key, const QString &recordStage, const QString &agentName,
                               const Agent *agent, const LlmRequest &request, qint64 expectedCompletion) const
{
    StepSpec spec;
    spec.key = key;
    spec.stage = recordStage;
    spec.agentName = agentName;
    spec.agent = agent;
    spec.request = request;
    spec.expectedCompletionTokens = expectedCompletion;
    return spec;
}

void StageRunner::issue(StepSpec spec, std::function<void(const StepOutcome &)> done)
{
    m_run->issue(this, std::move(spec), std::move(done));
}

void StageRunner::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    // Never from inside a step's callback: the run may delete this stage.
    DeferredCalls::post(this, [this] { m_run->stageFinished(this); });
}

std::shared_ptr<Countdown> Countdown::make(QObject *context, int count, std::function<void()> then)
{
    auto c = std::make_shared<Countdown>();
    c->m_left = count;
    c->m_then = std::move(then);
    if (count <= 0)
        DeferredCalls::post(context, [c] { if (c->m_then) std::exchange(c->m_then, nullptr)(); });
    return c;
}

void Countdown::tick()
{
    if (--m_left == 0 && m_then)
        std::exchange(m_then, nullptr)();
}

} // namespace Madf

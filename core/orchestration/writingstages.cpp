#include "writingstages.h"

#include "engineservices.h"

#include "core/agents/outlineplan.h"
#include "core/agents/promptbudget.h"
#include "core/agents/promptvars.h"

#include <QtMath>

namespace Madf {

namespace {

qint64 expectedTokens(int words)
{
    // A little over the target: models overshoot more often than not.
    return qint64(qCeil(words * 1.35 * 1.2)) + 50;
}

} // namespace

OutlineStage::OutlineStage(DocumentRun *run, const WorkflowStage &stage)
    : StageRunner(run, stage)
    , m_agent(stage.agent, agentConfig(stage.agent), run->services()->prompts, isSimulated(stage.agent))
{
}

void OutlineStage::start()
{
    m_run->setStatus(DocumentStatus::Outlining, m_stage.name);
    StepSpec spec = makeSpec(QStringLiteral("outline"), QStringLiteral("outline"), m_stage.agent, &m_agent,
                             m_agent.outlineRequest(ctx()), 150 * 8);
    spec.accept = accepting([this](const LlmResult &r) { return m_agent.parseOutline(ctx(), r); },
                            [this](Outline outline) {
                                ctx().outline = outline;
                                ctx().sections.clear();
                                for (int i = 0; i < outline.sections.size(); ++i) {
                                    DocumentSection s;
                                    s.title = outline.sections.at(i).title;
                                    s.order = i;
                                    ctx().sections << s;
                                }
                            });
    issue(spec, [this](const StepOutcome &) {
        m_run->outlineReady();
        finish();
    });
}

WriteStage::WriteStage(DocumentRun *run, const WorkflowStage &stage)
    : StageRunner(run, stage)
    , m_agent(stage.agent, agentConfig(stage.agent), run->services()->prompts, isSimulated(stage.agent))
{
}

int WriteStage::summarySection(const DocumentContext &ctx)
{
    for (int i = 0; i < ctx.sections.size(); ++i)
        if (OutlinePlan::isExecutiveSummary(ctx.sections.at(i).title))
            return i;
    return -1;
}

void WriteStage::start()
{
    m_run->setStatus(DocumentStatus::Writing, m_stage.name);
    const int skip = m_run->workflow().has(StageKind::ExecutiveSummary) ? summarySection(ctx()) : -1;
    const QString model = agentConfig(m_stage.agent).modelConfig.model;
    // A third of the input budget for the brief leaves room for the plan, outline and sources.
    const int excerptTokens = qMax(200, inputBudget(model, agentConfig(m_stage.agent).modelConfig.maxTokens) / 3);
    const int count = int(ctx().sections.size()) - (skip >= 0 ? 1 : 0);
    auto countdown = Countdown::make(this, count, [this] { finish(); });
    for (int i = 0; i < ctx().sections.size(); ++i) {
        if (i == skip)
            continue;
        const OutlineSection plan = i < ctx().outline.sections.size() ? ctx().outline.sections.at(i) : OutlineSection{};
        const QString excerpt = compactForSection(ctx().brief, plan, excerptTokens, model);
        StepSpec spec = makeSpec(QStringLiteral("section/%1/draft").arg(i + 1), QStringLiteral("writing"),
                                 m_stage.agent, &m_agent, m_agent.sectionRequest(ctx(), i, excerpt),
                                 expectedTokens(PromptVars::sectionWords(ctx(), i)));
        spec.accept = accepting([this, i](const LlmResult &r) { return m_agent.parseSection(ctx(), i, r); },
                                [this, i](DocumentSection s) {
                                    ctx().sections[i] = s;
                                    m_run->sectionChanged(i);
                                });
        issue(spec, [countdown](const StepOutcome &) { countdown->tick(); });
    }
}

ExecutiveSummaryStage::ExecutiveSummaryStage(DocumentRun *run, const WorkflowStage &stage)
    : StageRunner(run, stage)
    , m_agent(stage.agent, agentConfig(stage.agent), run->services()->prompts, isSimulated(stage.agent))
{
}

void ExecutiveSummaryStage::start()
{
    m_run->setStatus(DocumentStatus::Writing, m_stage.name);
    StepSpec spec = makeSpec(QStringLiteral("executive_summary"), QStringLiteral("writing"), m_stage.agent, &m_agent,
                             m_agent.executiveSummaryRequest(ctx()),
                             expectedTokens(PromptVars::executiveSummaryWords(ctx())));
    spec.accept = accepting([this](const LlmResult &r) { return m_agent.parseExecutiveSummary(r); },
                            [this](QString summary) {
                                // In the outline's section when there is one, so that editing,
                                // verification and revision treat it like any other section.
                                const int i = WriteStage::summarySection(ctx());
                                if (i >= 0) {
                                    ctx().sections[i].content = summary;
                                    ctx().sections[i].metadata.insert(QStringLiteral("words"),
                                                                      Document::countWords(summary));
                                    m_run->sectionChanged(i);
                                } else {
                                    ctx().executiveSummary = summary;
                                }
                            });
    issue(spec, [this](const StepOutcome &) { finish(); });
}

} // namespace Madf

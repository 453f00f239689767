#pragma once

#include "documentrun.h"
#include "stepcall.h"
#include "workflow.h"

#include "core/agents/parseoutcome.h"
#include "core/config/agentconfig.h"

#include <QObject>

#include <functional>
#include <memory>
#include <utility>

namespace Madf {

/** Runs one workflow stage of one document: builds its steps from the
 *  context, issues them through the DocumentRun and applies their results.
 *  One subclass per StageKind (researchstage.cpp, writingstages.cpp,
 *  editingstage.cpp, verificationstage.cpp). A stage only hears about
 *  steps that succeeded: failures are the run's business. */
class StageRunner : public QObject
{
    Q_OBJECT
public:
    StageRunner(DocumentRun *run, WorkflowStage stage);
    ~StageRunner() override;

    const WorkflowStage &stage() const { return m_stage; }
    /** Called once; must end, sooner or later, in finish(). */
    virtual void start() = 0;

    static std::unique_ptr<StageRunner> create(DocumentRun *run, const WorkflowStage &stage);

protected:
    DocumentContext &ctx() const { return m_run->context(); }
    const Config &config() const { return m_run->config(); }
    AgentConfig agentConfig(const QString &agentName) const;
    bool isSimulated(const QString &agentName) const;

    StepSpec makeSpec(const QString &key, const QString &recordStage, const QString &agentName, const Agent *agent,
                      const LlmRequest &request, qint64 expectedCompletion = 0) const;
    void issue(StepSpec spec, std::function<void(const StepOutcome &)> done);
    /** The stage is done: the run moves on, from the event loop. */
    void finish();

    /** A step parser from an agent's parse function and what to do with its value. */
    template <class Parse, class Apply>
    static std::function<StepParse(const LlmResult &)> accepting(Parse parse, Apply apply)
    {
        return [parse, apply](const LlmResult &reply) {
            auto outcome = parse(reply);
            if (!outcome.ok())
                return StepParse{false, outcome.error, outcome.repairable};
            apply(std::move(*outcome.value));
            return StepParse{true, {}, false};
        };
    }

    DocumentRun *m_run;
    WorkflowStage m_stage;

private:
    bool m_finished = false;
};

/** Calls `then` after `count` ticks (at once, from the event loop, when count is 0). */
class Countdown
{
public:
    static std::shared_ptr<Countdown> make(QObject *context, int count, std::function<void()> then);
    void tick();

private:
    int m_left = 0;
    std::function<void()> m_then;
};

} // namespace Madf

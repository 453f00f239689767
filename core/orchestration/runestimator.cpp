#include "runestimator.h"

#include "enginepricing.h"
#include "workflow.h"

#include "core/agents/outlineplan.h"
#include "core/llm/simulatedprovider.h"
#include "core/metrics/costtracker.h"
#include "core/metrics/performancemonitor.h"

#include <QtMath>

namespace Madf {

namespace {

// Rough token sizes of what the prompts carry, from the prompt templates: the
// instructions, the research brief, the passages retrieved per question.
constexpr double kTokensPerWord = 1.35;
constexpr qint64 kInstructions = 450;
constexpr qint64 kPassages = 1600;       // about five 250-word passages
constexpr qint64 kAnswer = 350;
constexpr qint64 kBrief = 800;
constexpr qint64 kBriefExcerpt = 600;
constexpr qint64 kCheckReply = 400;
constexpr int kSubQuestions = 4;         // the research agent asks 3 to 5

qint64 tokensFor(int words)
{
    return qint64(qCeil(words * kTokensPerWord));
}

PlannedPhase phase(const Config &config, const WorkflowStage &stage, const QString &what, int calls,
                   qint64 prompt, qint64 completion, bool parallel = true)
{
    PlannedPhase p;
    p.stage = toString(stage.kind);
    p.what = what;
    p.agent = stage.agent;
    p.calls = calls;
    p.parallel = parallel && stage.parallel;
    p.promptTokensPerCall = prompt;
    const int maxTokens = config.agents.value(stage.agent).modelConfig.maxTokens;
    p.completionTokensPerCall = maxTokens > 0 ? qMin<qint64>(completion, maxTokens) : completion;
    return p;
}

struct CallCostAndTime
{
    std::optional<double> usd;
    double seconds = 0;
    bool fromHistory = false;
    bool simulated = false;
};

CallCostAndTime costAndTime(const PlannedPhase &p, const Config &config, const PricingTable &pricing,
                            const QMap<QString, LatencySummary> &history)
{
    CallCostAndTime out;
    const ModelConfig model = config.agents.value(p.agent).modelConfig;
    const ProviderConfig provider = config.providers.value(model.provider);
    TokenUsage usage;
    usage.promptTokens = p.promptTokensPerCall;
    usage.completionTokens = p.completionTokensPerCall;
    out.usd = pricing.cost(model.model, usage, provider.local);
    out.simulated = provider.api == QLatin1String("simulated");
    const auto measured = history.constFind(model.model);
    if (measured != history.cend() && measured->count >= 3) {
        out.seconds = measured->p50 / 1000.0;
        out.fromHistory = true;
        return out;
    }
    const SimulatedProvider::LatencyProfile profile = SimulatedProvider::profile(model.model);
    double seconds = profile.timeToFirstTokenMs / 1000.0
                     + double(p.completionTokensPerCall) / qMax(1.0, profile.tokensPerSecond);
    if (out.simulated)
        seconds *= provider.speed;
    out.seconds = seconds;
    return out;
}

} // namespace

int RunEstimator::expectedSections(const DocumentRequest &request)
{
    if (!request.outline.trimmed().isEmpty()) {
        const int given = int(OutlinePlan::parseUserOutline(request.outline).size());
        if (given > 0)
            return given;
    }
    // About 400 words a section, never fewer than the required ones.
    const int required = int(OutlinePlan::requiredSections(request.effectiveType()).size());
    return qBound(qMax(3, required + 1), 2 + request.targetLength / 400, 12);
}

QList<PlannedPhase> RunEstimator::plan(const DocumentRequest &request, const Config &config, const Workflow &workflow,
                                       int sections)
{
    QList<PlannedPhase> out;
    const int n = qMax(1, sections);
    const qint64 docTokens = tokensFor(request.targetLength);
    const qint64 sectionTokens = docTokens / n;
    const bool hasSources = !request.references.isEmpty();
    for (const WorkflowStage &stage : workflow.stages) {
        switch (stage.kind) {
        case StageKind::Research:
            out << phase(config, stage, QStringLiteral("plan"), 1, kInstructions, 150)
                << phase(config, stage, QStringLiteral("sub-questions"), kSubQuestions,
                         kInstructions + (hasSources ? kPassages : 0), kAnswer)
                << phase(config, stage, QStringLiteral("brief"), 1, kInstructions + kSubQuestions * kAnswer, kBrief);
            break;
        case StageKind::Outline:
            out << phase(config, stage, QStringLiteral("outline"), 1, kInstructions + kBrief, 120 * n);
            break;
        case StageKind::Write:
            out << phase(config, stage, QStringLiteral("section drafts"), n, kInstructions + kBriefExcerpt + 100,
                         sectionTokens);
            break;
        case StageKind::ExecutiveSummary:
            out << phase(config, stage, QStringLiteral("executive summary"), 1, kInstructions + docTokens, 250);
            break;
        case StageKind::Edit:
            out << phase(config, stage, QStringLiteral("structure pass"), 1, kInstructions + docTokens, 60 * n)
                << phase(config, stage, QStringLiteral("style pass"), n, kInstructions + sectionTokens + 60,
                         sectionTokens)
                << phase(config, stage, QStringLiteral("polish pass"), n, kInstructions + sectionTokens, sectionTokens);
            break;
        case StageKind::Verify:
            out << phase(config, stage, QStringLiteral("checks"), 3, kInstructions + docTokens + kBrief, kCheckReply);
            break;
        case StageKind::Finalize:
            break;
        }
    }
    return out;
}

QList<PlannedPhase> RunEstimator::revisionPlan(const DocumentRequest &request, const Config &config,
                                               const Workflow &workflow, int sections)
{
    QList<PlannedPhase> out;
    const WorkflowStage *verify = workflow.stageOfKind(StageKind::Verify);
    const WorkflowStage *write = workflow.stageOfKind(StageKind::Write);
    if (!verify || !write)
        return out;
    const int n = qMax(1, sections);
    const qint64 docTokens = tokensFor(request.targetLength);
    out << phase(config, *write, QStringLiteral("section revisions"), n, kInstructions + docTokens / n + 300,
                 docTokens / n)
        << phase(config, *verify, QStringLiteral("checks"), 3, kInstructions + docTokens + kBrief, kCheckReply);
    return out;
}

RunEstimate RunEstimator::estimate(const DocumentRequest &request, const Config &config,
                                   const PerformanceMonitor *history)
{
    QStringList errors;
    const std::optional<Workflow> wf = WorkflowLibrary().forType(request.documentType, config.agents.keys(), &errors);
    if (!wf) {
        RunEstimate e;
        e.notes = errors;
        return e;
    }
    return estimate(request, config, *wf, history);
}

RunEstimate RunEstimator::estimate(const DocumentRequest &request, const Config &config, const Workflow &workflow,
                                   const PerformanceMonitor *history)
{
    RunEstimate e;
    e.workflow = workflow.name;
    e.sections = expectedSections(request);
    e.phases = plan(request, config, workflow, e.sections);
    const QList<PlannedPhase> revision = revisionPlan(request, config, workflow, e.sections);
    const PricingTable pricing = pricingFor(config);
    const QMap<QString, LatencySummary> measured = history ? history->callLatencyByModel()
                                                           : QMap<QString, LatencySummary>();
    const OrchestratorConfig &oc = config.orchestrator;
    const int width = oc.enableParallel ? qMax(1, qMin(oc.maxConcurrentTasks, oc.maxAgents)) : 1;
    QStringList unpriced;

    struct Sum
    {
        int calls = 0;
        qint64 in = 0, out = 0;
        std::optional<double> usd = 0.0;
        double seconds = 0;
    };
    auto add = [&](const QList<PlannedPhase> &phases, Sum *sum) {
        for (const PlannedPhase &p : phases) {
            const CallCostAndTime c = costAndTime(p, config, pricing, measured);
            sum->calls += p.calls;
            sum->in += p.promptTokensPerCall * p.calls;
            sum->out += p.completionTokensPerCall * p.calls;
            if (c.usd && sum->usd)
                *sum->usd += *c.usd * p.calls;
            else if (!c.usd) {
                sum->usd.reset();
                const QString model = config.agents.value(p.agent).modelConfig.model;
                if (!unpriced.contains(model))
                    unpriced << model;
            }
            const int waves = p.parallel ? (p.calls + width - 1) / width : p.calls;
            sum->seconds += waves * c.seconds;
            e.latencyFromHistory = e.latencyFromHistory || c.fromHistory;
            e.simulated = e.simulated || c.simulated;
        }
    };
    Sum first;
    add(e.phases, &first);
    Sum rounds = first;
    for (int r = 0; r < oc.retryAttempts; ++r)
        add(revision, &rounds);

    e.calls = first.calls;
    e.maxCalls = rounds.calls;
    e.promptTokens = first.in;
    e.completionTokens = first.out;
    e.costUsd = first.usd;
    e.maxCostUsd = rounds.usd;
    e.latencySeconds = first.seconds;
    e.maxLatencySeconds = rounds.seconds;
    for (const QString &model : std::as_const(unpriced))
        e.notes << QCoreApplication::translate("Madf::RunEstimate", "The price of model %1 is unknown.").arg(model);
    if (e.simulated)
        e.notes << QCoreApplication::translate("Madf::RunEstimate",
                                               "Simulated agents cost nothing; their figures are what the imitated "
                                               "models would cost.");
    return e;
}

QString RunEstimate::describe() const
{
    auto tr = [](const char *s) { return QCoreApplication::translate("Madf::RunEstimate", s); };
    const QString cost = costUsd ? CostTracker::formatUsd(*costUsd) : tr("unknown");
    const QString maxCost = maxCostUsd ? CostTracker::formatUsd(*maxCostUsd) : tr("unknown");
    QString text = tr("Workflow %1, about %2 sections: %3 calls (up to %4 with every revision round), "
                      "%5 tokens in and %6 out, cost %7 (up to %8), about %9 s (up to %10 s).")
                       .arg(workflow)
                       .arg(sections)
                       .arg(calls)
                       .arg(maxCalls)
                       .arg(promptTokens)
                       .arg(completionTokens)
                       .arg(cost, maxCost)
                       .arg(latencySeconds, 0, 'f', 0)
                       .arg(maxLatencySeconds, 0, 'f', 0);
    for (const QString &note : notes)
        text += QLatin1Char(' ') + note;
    return text;
}

} // namespace Madf

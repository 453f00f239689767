#pragma once

#include "core/config/config.h"
#include "core/model/documentrequest.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Madf {

class PerformanceMonitor;
struct Workflow;

/** One group of calls the engine makes together (all in parallel when the
 *  stage allows it), e.g. "the section drafts". */
struct PlannedPhase
{
    QString stage;           ///< the workflow stage's kind name: research, write, ...
    QString what;            ///< "sub-questions", "section drafts", ...
    QString agent;
    int calls = 0;
    bool parallel = true;
    qint64 promptTokensPerCall = 0;
    qint64 completionTokensPerCall = 0;
};

/** What a document is expected to take before it starts: calls, tokens,
 *  money and time. For the composer and `madf generate --estimate`. */
struct RunEstimate
{
    QString workflow;            ///< the workflow used (document type)
    int sections = 0;            ///< expected (or the user's outline's)
    int calls = 0;               ///< with no revision round
    int maxCalls = 0;            ///< every revision round (retry_attempts) used
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    /** USD with no revision round; nullopt when some model's price is unknown. */
    std::optional<double> costUsd;
    std::optional<double> maxCostUsd;
    bool simulated = false;      ///< some agent uses the simulator: its "cost" is not paid
    double latencySeconds = 0;   ///< the critical path with no revision round
    double maxLatencySeconds = 0;
    bool latencyFromHistory = false;  ///< some call latency came from the monitor's medians
    QList<PlannedPhase> phases;       ///< first round only, in order
    QStringList notes;                ///< translated remarks ("the price of model X is unknown")

    /** Translated one-paragraph summary for the CLI. */
    QString describe() const;
};

/** Estimates a run from the request, the configuration and, when given,
 *  the call latencies measured so far. Pure; any thread. */
namespace RunEstimator {

RunEstimate estimate(const DocumentRequest &request, const Config &config,
                     const PerformanceMonitor *history = nullptr);

/** Same, for a workflow already chosen. */
RunEstimate estimate(const DocumentRequest &request, const Config &config, const Workflow &workflow,
                     const PerformanceMonitor *history = nullptr);

/** Sections the outline is expected to have for a target length (the
 *  user's outline decides when given). */
int expectedSections(const DocumentRequest &request);

/** The calls of one pass through `workflow` with `sections` sections (no
 *  revision round), in order. The engine uses it for its progress total. */
QList<PlannedPhase> plan(const DocumentRequest &request, const Config &config, const Workflow &workflow,
                         int sections);

/** The calls of one revision round: sections rewritten, then verified again. */
QList<PlannedPhase> revisionPlan(const DocumentRequest &request, const Config &config, const Workflow &workflow,
                                 int sections);

} // namespace RunEstimator

} // namespace Madf

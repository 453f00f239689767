#pragma once

#include "core/cost/pricingtable.h"

#include <QHash>
#include <QString>

namespace Madf {

class CostTracker;
class DocumentStore;
class LlmClient;
class MetricsRegistry;
class PerformanceMonitor;
class PromptLibrary;
class ReferenceLoader;
class ResourceManager;
class ResponseCache;

/** What every document run shares, owned by the DocumentOrchestrator and
 *  living in the engine thread. `store` and `cache` are null when the
 *  orchestrator was not opened (documents then run in memory only). */
struct EngineServices
{
    LlmClient *client = nullptr;
    DocumentStore *store = nullptr;
    ResponseCache *cache = nullptr;
    ResourceManager *agents = nullptr;     ///< the agent pool: max_agents
    ResourceManager *inFlight = nullptr;   ///< model calls in flight across all documents: max_concurrent_tasks
    CostTracker *costs = nullptr;
    PerformanceMonitor *performance = nullptr;
    MetricsRegistry *metrics = nullptr;
    const PromptLibrary *prompts = nullptr;
    ReferenceLoader *references = nullptr;
    PricingTable pricing;
    /** Expected cost of the calls admitted but not finished, by "doc:<id>" and
     *  "batch:<id>": parallel calls must not all pass the same budget check. */
    QHash<QString, double> reservedUsd;
};

} // namespace Madf

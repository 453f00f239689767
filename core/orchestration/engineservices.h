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
class StoreWriter;

/** What every document run shares, owned by the DocumentOrchestrator and
 *  living in the engine thread. `store` and `cache` are null when the
 *  orchestrator was not opened (documents then run in memory only). */
struct EngineServices
{
    LlmClient *client = nullptr;
    DocumentStore *store = nullptr;        ///< for reading; write through storing()
    StoreWriter *writer = nullptr;
    ResponseCache *cache = nullptr;
    ResourceManager *agents = nullptr;     ///< the agent pool: max_agents
    ResourceManager *inFlight = nullptr;   ///< model calls in flight across all documents: max_concurrent_tasks
    CostTracker *costs = nullptr;
    PerformanceMonitor *performance = nullptr;
    MetricsRegistry *metrics = nullptr;
    const PromptLibrary *prompts = nullptr;
    ReferenceLoader *references = nullptr;
    PricingTable pricing;
    /** The cost tracker's per-document budget (the engine's current
     *  settings); 0 = none. */
    double perDocumentBudget = 0;
    /** Expected cost of the calls admitted but not finished, by "doc:<id>" and
     *  "batch:<id>": parallel calls must not all pass the same budget check. */
    QHash<QString, double> reservedUsd;
    /** What documents and batches spent in earlier processes (a resumed
     *  document's calls before the interruption), by "doc:<id>" and
     *  "batch:<id>": budgets count it, the document's cost includes it. */
    QHash<QString, double> priorUsd;

    /** The writer to the documents database (see StoreWriter); null when
     *  documents run in memory only. */
    StoreWriter *storing() const;
};

} // namespace Madf

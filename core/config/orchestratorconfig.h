#pragma once

namespace Madf {

/** The orchestrator's knobs, named and defaulted as in the MADF framework's
 *  `OrchestratorConfig`. Declared for loading/validation in configschema.cpp. */
struct OrchestratorConfig
{
    int maxAgents = 10;            ///< agent pool size (ResourceManager)
    int timeout = 300;             ///< seconds for a whole document
    double qualityThreshold = 0.85;
    bool enableParallel = true;
    int maxConcurrentTasks = 5;    ///< in-flight model calls across all documents
    int retryAttempts = 3;         ///< revision rounds below the threshold
};

} // namespace Madf

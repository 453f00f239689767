#pragma once

#include <QString>

namespace Madf {

/** Which model an agent talks to, as the framework's `ModelConfig`.
 *  `provider` names an entry of the config's `providers` section. */
struct ModelConfig
{
    QString provider = QStringLiteral("simulated");
    QString model = QStringLiteral("gpt-4");
    double temperature = 0.7;
    int maxTokens = 4000;
    /** Only held in memory (from an old file or `${VAR}`); never saved or
     *  printed. Prefer the provider's `api_key_env`. */
    QString apiKey;
};

/** One agent's settings, as the framework's `AgentConfig`. In YAML the
 *  model fields sit flat beside the agent fields (`agents.research.model`). */
struct AgentConfig
{
    QString name;
    ModelConfig modelConfig;
    int timeout = 120;       ///< seconds per model call, retries included
    int maxRetries = 3;
    bool cacheEnabled = true;
};

} // namespace Madf

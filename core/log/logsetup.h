#pragma once

namespace Madf {
struct Config;

namespace Log {

/** Starts logging as a configuration asks: `logging.level` (MADF_LOG_LEVEL
 *  still wins), `logging.file` under the state directory with rotation, and
 *  every API key the configuration can resolve registered for redaction.
 *  `toStderr` is off for the GUI's normal runs. */
bool setupFromConfig(const Config &config, bool toStderr = true);

/** Registers every key in force (agent overrides, each provider's
 *  api_key_env) for redaction; call again after the config changes. */
void registerConfigSecrets(const Config &config);

} // namespace Log
} // namespace Madf

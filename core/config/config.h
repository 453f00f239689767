#pragma once

#include "agentconfig.h"
#include "configissue.h"
#include "fieldspec.h"
#include "orchestratorconfig.h"
#include "providerconfig.h"
#include "settingsections.h"

#include <QHash>
#include <QMap>

namespace Madf {

/** The whole configuration in force: the framework's sections
 *  (`orchestrator`, `agents`, `quality`, `logging`) and ours (`providers`,
 *  `pricing`, `budget`, `cache`, `storage`, `metrics`), plus where each
 *  value came from. Plain value type: copy it, compare it, hand it across
 *  threads. Fields are declared (key, range, help) in configschema.cpp. */
struct Config
{
    OrchestratorConfig orchestrator;
    QMap<QString, AgentConfig> agents;          ///< research, writing, editing, verification, and any custom ones
    QualityConfig quality;
    LoggingConfig logging;
    QMap<QString, ProviderConfig> providers;
    QMap<QString, PriceOverride> pricing;
    BudgetConfig budget;
    CacheConfig cache;
    StorageConfig storage;
    MetricsConfig metrics;

    /** Provider name -> API key from the desktop keychain or typed in this
     *  session. Held in memory only: it is not in the schema, so it is never
     *  written to YAML, printed or stored with a document. */
    QMap<QString, QString> providerKeys;

    /** Origin per key path ("agents.research.model"); absent = built-in default. */
    QHash<QString, ValueOrigin> origins;

    /** Built-in defaults: the framework's values, the four standard agents
     *  with their reference temperatures/limits, and the built-in providers. */
    static Config defaults();

    /** The four agents every workflow needs, in pipeline order. */
    static QStringList standardAgents();

    /** Value at a key path, e.g. "orchestrator.max_agents"; invalid if none. */
    QVariant value(const QString &keyPath) const;
    /** Validates and applies one value (a runtime change from the GUI or
     *  `--set`). Nothing changes when an error is returned. */
    ConfigIssues setValue(const QString &keyPath, const QVariant &value,
                          const ValueOrigin &origin = {ValueOrigin::Runtime, {}, 0, 0});
    ValueOrigin origin(const QString &keyPath) const { return origins.value(keyPath); }

    /** Cross-field checks: agents name existing providers, providers have
     *  usable base URLs... Locations come from `origins`. */
    ConfigIssues validate() const;

    /** State directory (database, logs, cache): `storage.state_path` or the
     *  platform's app-local data location. */
    QString resolvedStatePath() const;
    /** Where documents are written: `storage.output_path` or ~/Documents/MADF. */
    QString resolvedOutputPath() const;
    /** The API key for a provider: agent override, else the key in
     *  `providerKeys` (keychain), else `$api_key_env`. */
    QString apiKeyFor(const QString &providerName) const;

    bool operator==(const Config &other) const; ///< compares values, not origins
};

} // namespace Madf

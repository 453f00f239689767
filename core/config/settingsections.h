#pragma once

#include <QString>

#include <optional>

namespace Madf {

/** `quality:` of the framework's YAML. */
struct QualityConfig
{
    double minScore = 0.80;
    QString verificationDepth = QStringLiteral("comprehensive");
    bool factCheck = true;
    bool requireSources = false;
};

/** `logging:` of the framework's YAML plus rotation limits. */
struct LoggingConfig
{
    QString level = QStringLiteral("info");
    QString file = QStringLiteral("logs/madf.log");   ///< relative paths are under the state directory
    QString format;                                   ///< kept for compatibility; empty = our pattern
    int maxFileSizeMb = 5;
    int maxFiles = 3;
};

/** `budget:` spending caps; 0 means none. */
struct BudgetConfig
{
    double perDocument = 0;
    double perBatch = 0;
};

/** `cache:` agent response cache limits. */
struct CacheConfig
{
    int memoryEntries = 1000;
    int diskMaxMb = 256;
    int ttlHours = 168;
};

/** `storage:` where state (database, logs) and documents go. Empty = the
 *  platform's standard locations. */
struct StorageConfig
{
    QString statePath;
    QString outputPath;
};

/** `metrics:` Prometheus endpoint and the performance monitor window. */
struct MetricsConfig
{
    bool enabled = false;
    int port = 9090;
    int windowSize = 100;
};

/** One `pricing:` override, USD per 1M tokens; unset parts fall back to the
 *  built-in table's rules. */
struct PriceOverride
{
    QString model;
    std::optional<double> input;
    std::optional<double> cachedInput;
    std::optional<double> cacheWrite;
    std::optional<double> output;
};

} // namespace Madf

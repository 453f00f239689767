#include "logsetup.h"

#include "log.h"

#include "core/config/config.h"

#include <QDir>

namespace Madf::Log {

void registerConfigSecrets(const Config &config)
{
    for (const AgentConfig &a : config.agents)
        registerSecret(a.modelConfig.apiKey);
    for (const ProviderConfig &p : config.providers)
        registerSecret(config.apiKeyFor(p.name));
}

bool setupFromConfig(const Config &config, bool toStderr)
{
    Settings s;
    s.level = config.logging.level;
    s.toStderr = toStderr;
    s.maxFileBytes = qint64(config.logging.maxFileSizeMb) * 1024 * 1024;
    s.maxFiles = config.logging.maxFiles;
    if (!config.logging.file.isEmpty()) {
        const QString file = config.logging.file;
        s.filePath = QDir::isAbsolutePath(file) ? file : config.resolvedStatePath() + QLatin1Char('/') + file;
    }
    // Secrets first, so that nothing setup() itself logs can carry one.
    registerConfigSecrets(config);
    return setup(s);
}

} // namespace Madf::Log

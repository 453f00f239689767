#pragma once

#include "config.h"

#include <QProcessEnvironment>

namespace Madf {

/** A loaded configuration and every problem found while loading it. */
struct ConfigLoadResult
{
    Config config;
    ConfigIssues issues;
    QString path;   ///< file that was read; empty when none
    bool ok() const { return !hasErrors(issues); }
};

/** Reads configuration layers: built-in defaults < file < environment.
 *  Every problem of a file is reported at once, with its line and column;
 *  the caller keeps its old config when `ok()` is false. */
namespace ConfigLoader {

/** Applies a YAML document on top of `base`. `origin` says how the values
 *  will be labelled (a file, or a preset). */
ConfigLoadResult fromYaml(const QByteArray &yaml, const QString &fileName, const Config &base,
                          ValueOrigin::Kind origin = ValueOrigin::File);
ConfigLoadResult fromFile(const QString &path, const Config &base);

/** MADF_MAX_AGENTS, MADF_LOG_LEVEL, ... (every field that declares an
 *  environment variable). */
ConfigIssues applyEnvironment(Config &config, const QProcessEnvironment &env);

/** $XDG_CONFIG_HOME/madf/config.yaml */
QString userConfigPath();

/** The file to read: `cliPath`, else $MADF_CONFIG_PATH, else the user
 *  config if it exists; empty when none. `how` says which rule chose it. */
QString locate(const QString &cliPath, const QProcessEnvironment &env, QString *how = nullptr);

/** defaults < located file < environment: what the app and CLI run with. */
ConfigLoadResult loadEffective(const QString &cliPath, const QProcessEnvironment &env);

} // namespace ConfigLoader
} // namespace Madf

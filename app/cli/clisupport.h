#pragma once

#include "core/config/config.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Madf::Cli {

/** Helpers the engine and gateway commands share: loading the configuration
 *  the same way everywhere, JSON and money formatting, Ctrl+C. */

/** Adds `--config FILE` (and `--json` when @p json) to @p parser. */
void addCommonOptions(QCommandLineParser &parser, bool json = true);

/** Parses @p args (starting at the command name, which the parser takes
 *  for the program name: positionalArguments() leave it out) with @p parser. Returns -1
 *  to go on; otherwise the exit code: 0 after printing @p usageText for
 *  --help, ExitUsage after printing the parse error and @p usageText. */
int parseArgs(QCommandLineParser &parser, const QStringList &args, const QString &usageText);

/** Loads defaults < `--config`/located file < environment; prints every issue
 *  and returns nullopt when there is an error. Sets up logging. */
std::optional<Config> loadConfig(const QCommandLineParser &parser);

/** "$0.0123" or "unknown". */
QString formatCost(std::optional<double> usd);

/** Writes @p object as indented JSON to stdout. */
void printJson(const QJsonObject &object);

/** Installs a SIGINT handler; interrupted() turns true after Ctrl+C. */
void installInterruptHandler();
bool interrupted();

} // namespace Madf::Cli

#pragma once

#include <QStringList>
#include <QTextStream>

namespace Madf::Cli {

/** Standard streams shared by all commands. Results go to stdout, progress
 *  and diagnostics to stderr, so `madf ... > out` captures only results. */
QTextStream &out();
QTextStream &err();

/** `madf config validate|show|init ...`; `args` starts at "config". */
int configCommand(const QStringList &args);
/** `madf providers list|test NAME|models NAME`. */
int providersCommand(const QStringList &args);
/** `madf complete --provider NAME PROMPT`: one model call through the gateway. */
int completeCommand(const QStringList &args);
/** `madf generate --topic ...`: one document through the engine. */
int generateCommand(const QStringList &args);
/** `madf batch FILE.yaml`: several documents with a shared batch id. */
int batchCommand(const QStringList &args);
/** `madf history|show|export|resume`: the documents database; args start at the command name. */
int historyCommand(const QStringList &args);
/** `madf bench|load-test`: the seed's benchmark and load test. */
int benchCommand(const QStringList &args);

} // namespace Madf::Cli

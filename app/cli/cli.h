#pragma once

#include <QStringList>

namespace Madf::Cli {

/** Exit codes of `madf`, documented in the README. */
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,      ///< the work ran and failed (a model error, a failed document)
    ExitUsage = 2,        ///< bad arguments, or an invalid config/request
    ExitInterrupted = 3,  ///< cancelled or budget/timeout stop, work kept
};

/** Runs one `madf` command line (arguments include the program name). */
int run(const QStringList &arguments);

} // namespace Madf::Cli

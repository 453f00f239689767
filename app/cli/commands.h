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

} // namespace Madf::Cli

#pragma once

#include "config.h"

namespace Madf {

/** Writes configurations as YAML in the framework's layout. Secrets are
 *  never written. */
namespace ConfigWriter {

struct Options
{
    bool onlyChanged = false;  ///< skip values equal to the built-in defaults
    bool help = false;         ///< a comment with each field's help and range above it
    bool origins = false;      ///< a trailing comment saying where each value came from
    bool keyStatus = false;    ///< say whether each provider's key is set (never the key)
};

QByteArray toYaml(const Config &config, const Options &options = {});

/** Atomic (QSaveFile): the old file stays whole if anything fails. */
bool writeFile(const QString &path, const QByteArray &contents, QString *error);

/** Atomic (QSaveFile): the old file stays whole if anything fails. */
bool save(const QString &path, const Config &config, QString *error, const Options &options = {});

/** A commented starter file for `madf config init`. */
QByteArray starterYaml();

/** Quotes a scalar only when YAML would otherwise misread it. */
QString scalar(const QString &text);

} // namespace ConfigWriter
} // namespace Madf

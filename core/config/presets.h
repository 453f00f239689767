#pragma once

#include "configloader.h"

namespace Madf {

/** Named partial configurations from the seed's quality/speed trade-off
 *  (quality, balanced, fast, cost-saving), shipped in resources/presets/,
 *  plus the user's own saved in $XDG_CONFIG_HOME/madf/presets/. */
namespace Presets {

struct Preset
{
    QString name;
    QString description;  ///< the file's first comment line
    QString path;         ///< ":/madf/presets/fast.yaml" or a user file
    bool builtIn = true;
};

QList<Preset> all();
std::optional<Preset> find(const QString &name);

/** `base` with the preset's values on top (origin: preset NAME). */
ConfigLoadResult apply(const QString &name, const Config &base);

QString userPresetDir();
/** Writes the values of `config` that differ from the defaults as a user
 *  preset. Names: letters, digits, '-' and '_'. */
bool saveUserPreset(const QString &name, const QString &description, const Config &config, QString *error);

} // namespace Presets
} // namespace Madf

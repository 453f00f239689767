#pragma once

#include "fieldspec.h"

namespace Madf {

/** Converts and checks values for one field. Text comes from YAML scalars,
 *  environment variables and the command line; variants from the GUI. */
namespace FieldValue {

/** Parses text into the field's type and checks its range. On failure
 *  returns an invalid QVariant and sets `error` to what is allowed. */
QVariant fromText(const FieldSpec &spec, const QString &text, QString *error);

/** Checks (and normalises: "INFO" -> "info", "8" -> 8) a value given as a
 *  variant. Lists and maps are accepted for the list/map kinds. */
QVariant check(const FieldSpec &spec, const QVariant &value, QString *error);

/** Human/YAML text for a value: "true", "0.85", "a, b". */
QString toText(const FieldSpec &spec, const QVariant &value);

} // namespace FieldValue
} // namespace Madf

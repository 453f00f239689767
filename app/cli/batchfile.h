#pragma once

#include "core/model/documentrequest.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Madf::Cli {

/** Reads a batch file for `madf batch`: YAML (or JSON, which YAML reads too)
 *  of the form `documents: [{topic, type, length, style, audience,
 *  requirements: [...], references: [...], outline}]`. Problems (with the
 *  document's index) go to *problems; the requests are returned either way. */
QList<DocumentRequest> readBatchFile(const QString &path, QStringList *problems);

} // namespace Madf::Cli

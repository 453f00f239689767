#pragma once

#include <QString>

namespace Madf {

/** The configuration reference in Markdown, generated from the field
 *  declarations: printed by `madf config reference` and kept in the README
 *  (a test checks the README's copy is current). */
QString configReferenceMarkdown();

} // namespace Madf

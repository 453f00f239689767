#pragma once

#include <QString>

namespace Madf {

/** The Markdown body of a prose reply, without what models wrap around it:
 *  reasoning blocks, a code fence around the whole reply, a "Here is the
 *  section:" preamble and a leading heading that repeats `title` (any
 *  leading H1/H2 when `dropLeadingHeading`). Empty when nothing is left. */
QString proseBody(const QString &reply, const QString &title = {}, bool dropLeadingHeading = false);

/** `markdown` with its ATX headings shifted so the shallowest is at
 *  `topLevel` (relative depths kept, at most 6; fenced code untouched).
 *  Section titles are level-2 headings in the exported document, so a
 *  section's own subheadings must start at level 3. */
QString demoteHeadings(const QString &markdown, int topLevel = 3);

} // namespace Madf

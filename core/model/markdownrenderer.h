#pragma once

#include <QString>

namespace Madf {

/** Escapes text for HTML element content and attribute values: & < > " '. */
QString htmlEscape(const QString &text);

/** Renders the Markdown-ish text that agents write into an HTML fragment.
 *  Everything is escaped first, so no tag in `markdown` ever reaches the
 *  output. Supported: paragraphs (blank-line separated), "#".."######"
 *  headings, "- " / "* " bullet lists, "1. " numbered lists, ``` fenced code,
 *  **bold**, *italic*, `code`. Links and raw HTML stay as text; citations
 *  such as [1] are left as they are. Shared by the HTML export and the GUI. */
QString markdownToHtml(const QString &markdown);

} // namespace Madf

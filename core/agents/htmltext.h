#pragma once

#include <QString>

namespace Madf {

/** Readable plain text from an HTML page, for use as a source: scripts,
 *  styles, comments and the head are dropped, block elements become
 *  paragraph breaks, list items "- " lines, tags are removed, entities
 *  (named and numeric) decoded and white space collapsed. */
QString htmlToText(const QString &html);

/** The page's <title> (else its first <h1>), as text; empty when none. */
QString htmlTitle(const QString &html);

/** `text` with HTML character references decoded: &amp; &lt; &#8212;
 *  &#x2014; and the common named ones. Unknown names are left as written. */
QString decodeHtmlEntities(const QString &text);

} // namespace Madf

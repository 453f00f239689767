#pragma once

#include <QStringView>

/** Words in a text as the documents count them: runs between white space
 *  that hold at least one letter or digit (or a surrogate half, so that a
 *  word in a supplementary-plane script counts), so Markdown marks ("##",
 *  "-", "**") are not words. Used by Document::countWords and the
 *  readability measures. */
namespace Madf::WordCount {

/** Sixteen plain-ASCII characters at a time (SSE2) where it can. Counting
 *  the words of drafts and sections again and again was a few per cent of
 *  the engine's work per document. */
int count(QStringView text);

/** One character at a time: the reference count() is tested against. */
int countScalar(QStringView text);

} // namespace Madf::WordCount

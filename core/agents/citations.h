#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Madf {

/** The [n] citation markers of generated text: "[3]", "[1, 2]", "[2-4]"
 *  (Markdown links "[1](url)" and footnotes "[^1]" are not citations). */
namespace Citations {

/** Every number cited in `text`, in order of appearance, each once. */
QList<int> cited(const QString &text);

/** `text` with citations of numbers outside `valid` removed ("[1, 9]" ->
 *  "[1]", "[9]" -> ""); the removed numbers go to `dropped`. A model that
 *  cites a source it was not given has invented it. */
QString dropInvalid(const QString &text, const QSet<int> &valid, QList<int> *dropped = nullptr);

/** `text` with each cited number n replaced by `map[n]` (numbers not in the
 *  map are kept); ranges are written out as lists. */
QString renumber(const QString &text, const QHash<int, int> &map);

} // namespace Citations

} // namespace Madf

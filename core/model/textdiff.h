#pragma once

#include <QList>
#include <QString>

namespace Madf {

/** A word-level difference between two texts (a revision round and the
 *  next), for the quality report's "what changed" view. */
struct DiffSpan
{
    enum Kind { Same, Removed, Added };
    Kind kind = Same;
    QString text;
};

/** Longest-common-subsequence diff over words and the whitespace between
 *  them. Texts over `maxWords` words each are compared by
 *  paragraphs instead, so a 50,000-word document stays fast. */
QList<DiffSpan> diffWords(const QString &before, const QString &after, int maxWords = 4000);

/** The diff as escaped HTML with <del> and <ins>. */
QString diffToHtml(const QList<DiffSpan> &spans);

} // namespace Madf

#pragma once

#include "core/agents/documentcontext.h"

#include <QList>

namespace Madf {

/** Splits source texts into passages for retrieval: about 150–250 words
 *  each, cut at paragraph ends where possible and otherwise at sentence ends,
 *  with a short overlap (the last sentence or two of a chunk opens the next)
 *  so that a fact on a boundary is found whole in at least one chunk. */
class Chunker
{
public:
    explicit Chunker(int minWords = 150, int maxWords = 250, int overlapWords = 30);

    /** The chunks of one source, numbered from 0; none for a source that
     *  failed to load or has no text. */
    QList<SourceChunk> chunk(const SourceDoc &source) const;
    /** The chunks of every source, in source order. */
    QList<SourceChunk> chunkAll(const QList<SourceDoc> &sources) const;

    /** Plain-text sentences of one paragraph (split at . ! ? followed by
     *  white space and a capital, digit or quote). */
    static QStringList splitSentences(const QString &paragraph);

private:
    int m_minWords;
    int m_maxWords;
    int m_overlapWords;
};

} // namespace Madf

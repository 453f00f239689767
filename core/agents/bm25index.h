#pragma once

#include "core/agents/documentcontext.h"
#include "core/agents/termtable.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Madf {

/** Okapi BM25 ranking (k1 = 1.2, b = 0.75) over source chunks, so each
 *  research question and each section gets the few passages that matter
 *  instead of whole sources. Terms are lower-cased words without English
 *  stopwords and with a plural "s" folded. Build once, then search from any
 *  thread (search() is const and touches no shared state). */
class Bm25Index
{
public:
    static constexpr double K1 = 1.2;
    static constexpr double B = 0.75;

    Bm25Index() = default;
    explicit Bm25Index(const QList<SourceChunk> &chunks);

    void add(const SourceChunk &chunk);
    int size() const { return int(m_docs.size()); }
    bool isEmpty() const { return m_docs.isEmpty(); }

    /** The `k` best chunks for `query`, best first, each with its score;
     *  chunks sharing no term with the query are never returned. Ties keep
     *  source and chunk order. */
    QList<SourceChunk> search(const QString &query, int k) const;

    /** The terms of `text` as the index sees them. */
    static QStringList tokenize(const QString &text);

private:
    // Terms are numbered as they are first seen: a chunk keeps a short
    // sorted list of (term, frequency) instead of a hash of its own, which
    // was most of what building an index for a brief cost.
    struct Doc
    {
        SourceChunk chunk;
        QList<QPair<int, int>> terms;  ///< (term id, frequency), by id
        int length = 0;
    };
    QList<Doc> m_docs;
    TermTable m_terms;                 ///< term ids
    QList<int> m_docFreq;              ///< by term id
    qint64 m_totalLength = 0;
};

} // namespace Madf

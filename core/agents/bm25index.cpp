#include "core/agents/bm25index.h"

#include <algorithm>
#include <cmath>

namespace Madf {

namespace {

const TermTable &stopwords()
{
    static const TermTable words = [] {
        TermTable set;
        const char *const list[] = {
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
            "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
            "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
            "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
            "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might",
            "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
            "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should",
            "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
            "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us",
            "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
            "will", "with", "would", "you", "your", "yours", "yourself", "yourselves"};
        for (const char *w : list) {
            const QString word = QString::fromLatin1(w);
            set.insert(word, TermTable::hashOf(word));
        }
        return set;
    }();
    return words;
}

// A very light stemmer, in place: folding the plural is what lets "costs"
// find "cost" without the surprises of a full stemmer on names and
// technical terms. (Terms are lower-cased already.)
void fold(QString &term)
{
    auto endsWith = [&](QLatin1StringView tail) {
        const qsizetype n = term.size(), k = tail.size();
        if (n < k)
            return false;
        const QChar *end = term.constData() + n - k;
        for (qsizetype i = 0; i < k; ++i)
            if (end[i] != QLatin1Char(tail[i]))
                return false;
        return true;
    };
    if (endsWith(QLatin1StringView("'s")))
        term.chop(2);
    if (term.size() > 4 && endsWith(QLatin1StringView("ies"))) {
        term.chop(2);
        term[term.size() - 1] = QLatin1Char('y');
    } else if (term.size() > 3 && endsWith(QLatin1StringView("s")) && !endsWith(QLatin1StringView("ss"))
               && !endsWith(QLatin1StringView("us")) && !endsWith(QLatin1StringView("is"))) {
        term.chop(1);
    }
}

// A letter or digit; ASCII without QChar's table lookups.
bool wordChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    return c.isLetterOrNumber();
}

/** Calls @p use with each term of @p text, in order, and its hash
 *  (TermTable::hashOf). The term is one buffer written over for each: no
 *  term costs an allocation (a brief has thousands), and whoever keeps one
 *  copies it. */
template<typename Use>
void forEachTerm(const QString &text, Use &&use)
{
    QString term;
    term.reserve(32);
    const QChar *s = text.constData();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        // A term is a run of letters and digits; an apostrophe inside a word
        // ("model's") belongs to it.
        if (!wordChar(s[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && (wordChar(s[i]) || s[i] == QLatin1Char('\'')))
            ++i;
        term.resize(i - start);
        QChar *out = term.data();
        for (qsizetype j = start; j < i; ++j) {
            const char16_t u = s[j].unicode();
            out[j - start] = u < 0x80 ? QChar(u >= 'A' && u <= 'Z' ? char16_t(u + ('a' - 'A')) : u) : s[j].toLower();
        }
        fold(term);
        if (term.isEmpty() || (term.size() == 1 && !term.at(0).isDigit()))
            continue;
        const std::uint64_t hash = TermTable::hashOf(term);
        if (stopwords().find(term, hash) < 0)
            use(QStringView(term), hash);
    }
}

} // namespace

Bm25Index::Bm25Index(const QList<SourceChunk> &chunks)
{
    for (const SourceChunk &chunk : chunks)
        add(chunk);
}

QStringList Bm25Index::tokenize(const QString &text)
{
    QStringList terms;
    forEachTerm(text, [&](QStringView term, std::uint64_t) { terms << term.toString(); });
    return terms;
}

void Bm25Index::add(const SourceChunk &chunk)
{
    Doc doc;
    doc.chunk = chunk;
    QList<int> ids;
    ids.reserve(chunk.text.size() / 6);
    forEachTerm(chunk.text, [&](QStringView term, std::uint64_t hash) {
        const int id = m_terms.insert(term, hash);
        if (id == m_docFreq.size())
            m_docFreq.append(0);
        ids.append(id);
    });
    doc.length = int(ids.size());
    std::sort(ids.begin(), ids.end());
    for (qsizetype i = 0; i < ids.size();) {
        qsizetype end = i + 1;
        while (end < ids.size() && ids.at(end) == ids.at(i))
            ++end;
        doc.terms.append({ids.at(i), int(end - i)});
        ++m_docFreq[ids.at(i)];
        i = end;
    }
    m_totalLength += doc.length;
    m_docs.append(std::move(doc));
}

QList<SourceChunk> Bm25Index::search(const QString &query, int k) const
{
    if (m_docs.isEmpty() || k <= 0)
        return {};
    // The query's terms that some chunk has (a term no chunk has adds
    // nothing to any score), each once, in the order they first appear.
    QList<int> ids;
    forEachTerm(query, [&](QStringView term, std::uint64_t hash) {
        const int id = m_terms.find(term, hash);
        if (id >= 0 && !ids.contains(id))
            ids.append(id);
    });

    const double n = double(m_docs.size());
    const double avgLength = qMax(1.0, double(m_totalLength) / n);
    QList<double> idfs;
    idfs.reserve(ids.size());
    for (const int id : std::as_const(ids)) {
        const double df = m_docFreq.at(id);
        // The "+1" form keeps the weight positive for terms found in most chunks.
        idfs.append(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
    }
    QList<QPair<double, int>> scored;
    for (int i = 0; i < m_docs.size(); ++i) {
        const Doc &doc = m_docs.at(i);
        const double norm = K1 * (1.0 - B + B * doc.length / avgLength);
        double score = 0;
        for (qsizetype t = 0; t < ids.size(); ++t) {
            const int id = ids.at(t);
            const auto found = std::lower_bound(doc.terms.cbegin(), doc.terms.cend(), id,
                                                [](const QPair<int, int> &term, int wanted) { return term.first < wanted; });
            if (found == doc.terms.cend() || found->first != id)
                continue;
            const int tf = found->second;
            score += idfs.at(t) * (tf * (K1 + 1.0)) / (tf + norm);
        }
        if (score > 0)
            scored.append({score, i});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });

    QList<SourceChunk> result;
    for (qsizetype i = 0; i < scored.size() && i < k; ++i) {
        SourceChunk chunk = m_docs.at(scored.at(i).second).chunk;
        chunk.score = scored.at(i).first;
        result.append(chunk);
    }
    return result;
}

} // namespace Madf

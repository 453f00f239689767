#include "core/agents/bm25index.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace Madf {

namespace {

const QSet<QString> &stopwords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
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
        for (const char *w : list)
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words;
}

// A very light stemmer: folding the plural is what lets "costs" find "cost"
// without the surprises of a full stemmer on names and technical terms.
QString fold(QString term)
{
    if (term.endsWith(QLatin1String("'s")))
        term.chop(2);
    if (term.size() > 4 && term.endsWith(QLatin1String("ies")))
        term = term.left(term.size() - 3) + QLatin1Char('y');
    else if (term.size() > 3 && term.endsWith(QLatin1Char('s')) && !term.endsWith(QLatin1String("ss"))
             && !term.endsWith(QLatin1String("us")) && !term.endsWith(QLatin1String("is")))
        term.chop(1);
    return term;
}

// A letter or digit; ASCII without QChar's table lookups.
bool wordChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    return c.isLetterOrNumber();
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
    auto take = [&](QString term) {
        term = fold(std::move(term));
        if (!term.isEmpty() && (term.size() > 1 || term.at(0).isDigit()) && !stopwords().contains(term))
            terms << term;
    };
    const QChar *s = text.constData();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        // A term is a run of letters and digits; an apostrophe inside a word
        // ("model's") belongs to it. Most text is ASCII: its runs are cut
        // and lower-cased whole.
        if (!wordChar(s[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool ascii = true;
        while (i < n && (wordChar(s[i]) || s[i] == QLatin1Char('\''))) {
            ascii = ascii && s[i].unicode() < 0x80;
            ++i;
        }
        if (ascii) {
            QString term(s + start, i - start);
            for (QChar &c : term)
                if (c.unicode() >= 'A' && c.unicode() <= 'Z')
                    c = QChar(c.unicode() + ('a' - 'A'));
            take(std::move(term));
        } else {
            QString term;
            term.reserve(i - start);
            for (qsizetype j = start; j < i; ++j)
                term += s[j].toLower();
            take(std::move(term));
        }
    }
    return terms;
}

void Bm25Index::add(const SourceChunk &chunk)
{
    Doc doc;
    doc.chunk = chunk;
    const QStringList terms = tokenize(chunk.text);
    doc.length = int(terms.size());
    QList<int> ids;
    ids.reserve(terms.size());
    for (const QString &term : terms) {
        auto it = m_termIds.constFind(term);
        if (it == m_termIds.cend()) {
            it = m_termIds.insert(term, int(m_docFreq.size()));
            m_docFreq.append(0);
        }
        ids.append(*it);
    }
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
    QStringList terms = tokenize(query);
    terms.removeDuplicates();
    // A term no chunk has adds nothing to any score.
    QList<int> ids;
    for (const QString &term : std::as_const(terms)) {
        const int id = m_termIds.value(term, -1);
        if (id >= 0)
            ids.append(id);
    }

    const double n = double(m_docs.size());
    const double avgLength = qMax(1.0, double(m_totalLength) / n);
    QList<QPair<double, int>> scored;
    for (int i = 0; i < m_docs.size(); ++i) {
        const Doc &doc = m_docs.at(i);
        double score = 0;
        for (const int id : std::as_const(ids)) {
            const auto found = std::lower_bound(doc.terms.cbegin(), doc.terms.cend(), id,
                                                [](const QPair<int, int> &t, int wanted) { return t.first < wanted; });
            if (found == doc.terms.cend() || found->first != id)
                continue;
            const int tf = found->second;
            const double df = m_docFreq.at(id);
            // The "+1" form keeps the weight positive for terms found in most chunks.
            const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
            const double norm = K1 * (1.0 - B + B * doc.length / avgLength);
            score += idf * (tf * (K1 + 1.0)) / (tf + norm);
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

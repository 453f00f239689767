#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace Madf {

/** Distinct words, numbered 0, 1, 2... as they are first added, found by a
 *  hash of their own. QHash<QString> seeds and AES-hashes every key: for
 *  the BM25 index of a brief (thousands of words, each looked up as a
 *  stopword and then as a term) that hashing was most of the build's time.
 *  The caller hashes a word once (hashOf) and uses the value for every
 *  table it asks. Not a defence against crafted collisions: a table holds
 *  the words of one document's sources, and a collision costs a compare. */
class TermTable
{
public:
    static std::uint64_t hashOf(QStringView word);

    /** The word's number, or -1. */
    int find(QStringView word, std::uint64_t hash) const;
    /** The word's number, given one if new. */
    int insert(QStringView word, std::uint64_t hash);
    /** find(), for a word hashed here. */
    bool contains(QStringView word) const { return find(word, hashOf(word)) >= 0; }

    int size() const { return int(m_spans.size()); }
    QStringView word(int id) const;

private:
    void grow();

    struct Span
    {
        std::uint32_t offset;
        std::uint32_t length;
        std::uint64_t hash;
    };
    std::vector<std::int32_t> m_slots;  ///< word number + 1; 0 is empty; a power of two long
    std::vector<Span> m_spans;          ///< by word number
    QString m_chars;                    ///< the words, back to back
};

} // namespace Madf

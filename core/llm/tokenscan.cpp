#include "core/llm/tokenscan.h"

#include <QChar>

#include <array>
#include <bit>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Madf {

TokenFeatures &TokenFeatures::operator+=(const TokenFeatures &o)
{
    words += o.words;
    longLetters += o.longLetters;
    punctuation += o.punctuation;
    newlines += o.newlines;
    cjk += o.cjk;
    nonLatin += o.nonLatin;
    digitGroups += o.digitGroups;
    extraSpaces += o.extraSpaces;
    accented += o.accented;
    return *this;
}

namespace TokenScan {

namespace {

bool isCjk(char16_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFF00 && c <= 0xFFEF);
}

/** The scan's state between characters. Long letters are counted as they
 *  come (the 8th letter of a word on), so a block needs no word's length
 *  beyond the last eight letters. */
class Scanner
{
public:
    void put(char16_t c);
#ifdef __SSE2__
    /** Takes q[0..15] at once if they are plain (ASCII, no digit, no second
     *  space in a run of blanks); false, with nothing taken, otherwise. */
    bool putBlock(const char16_t *q);
#endif
    TokenFeatures finish()
    {
        endWord();
        endDigits();
        return m_f;
    }

private:
    void endWord()
    {
        if (m_wordLength > 0) {
            ++m_f.words;
            m_f.accented += m_accented ? 1 : 0;
        }
        m_wordLength = 0;
        m_accented = false;
    }
    void endDigits()
    {
        m_f.digitGroups += (m_digits + 2) / 3;
        m_digits = 0;
    }
    void letter()
    {
        if (++m_wordLength > 7)
            ++m_f.longLetters;
    }
    /** Before any character that is not blank. */
    void endBlanks()
    {
        m_f.extraSpaces += qMax<qint64>(0, m_spaceRun - 1);
        m_spaceRun = 0;
        m_lastBlank = false;
    }

    TokenFeatures m_f;
    qint64 m_wordLength = 0;
    qint64 m_digits = 0;
    qint64 m_spaceRun = 0;    ///< blanks (not newlines) since the last non-blank
    bool m_accented = false;
    bool m_lastBlank = false; ///< the last character was blank or a newline
};

void Scanner::put(char16_t c)
{
    if (c < 0x80) {
        // ASCII, without QChar's table lookups.
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            endWord();
            endDigits();
            if (c == '\n')
                ++m_f.newlines;
            else
                ++m_spaceRun;
            m_lastBlank = true;
            return;
        }
        endBlanks();
        if (char16_t((c | 0x20) - 'a') < 26) {
            endDigits();
            letter();
        } else if (c >= '0' && c <= '9') {
            endWord();
            ++m_digits;
        } else {
            endWord();
            endDigits();
            ++m_f.punctuation;
        }
        return;
    }
    const QChar ch(c);
    if (ch.isSpace()) {
        endWord();
        endDigits();
        ++m_spaceRun;
        m_lastBlank = true;
        return;
    }
    endBlanks();
    if (ch.isLowSurrogate())
        return; // counted with its high surrogate
    if (isCjk(c)) {
        endWord();
        endDigits();
        ++m_f.cjk;
    } else if (ch.isLetter()) {
        endDigits();
        letter();
        if (c < 0x250)
            m_accented = true;
        else
            ++m_f.nonLatin;
    } else if (ch.isDigit()) {
        endWord();
        ++m_digits;
    } else {
        endWord();
        endDigits();
        ++m_f.punctuation;
    }
}

#ifdef __SSE2__
constexpr int kBlock = 16;                    ///< characters per block
constexpr unsigned kAll = (1u << kBlock) - 1;  ///< a mask of the whole block

/** Bits set in a 16-bit mask. A table: the baseline x86-64 has no popcnt
 *  instruction, and std::popcount becomes a call. */
int bitsIn(unsigned mask)
{
    static constexpr auto kTable = [] {
        std::array<quint8, 256> table {};
        for (unsigned i = 0; i < 256; ++i)
            table[i] = quint8((i & 1) + table[i / 2]);
        return table;
    }();
    return kTable[mask & 0xFFu] + kTable[(mask >> 8) & 0xFFu];
}

bool Scanner::putBlock(const char16_t *q)
{
    // A pending digit group or a run of blanks that already counts extra
    // spaces: one by one.
    if (m_digits != 0 || m_spaceRun > 1)
        return false;
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i *>(q));
    const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i *>(q + 8));
    const __m128i high = _mm_and_si128(_mm_or_si128(first, second), _mm_set1_epi16(short(0xFF80)));
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128())) != 0xFFFF)
        return false;   // not all ASCII
    // All ASCII: one byte per character, compared as signed bytes.
    const __m128i v = _mm_packus_epi16(first, second);

    // One bit per character, the first character in bit 0.
    const auto bits = [](__m128i mask) { return unsigned(_mm_movemask_epi8(mask)); };
    const auto between = [](__m128i x, char lo, char hi) {   // lo <= x <= hi
        return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(char(lo - 1))),
                             _mm_cmplt_epi8(x, _mm_set1_epi8(char(hi + 1))));
    };
    const unsigned digits = bits(between(v, '0', '9'));
    if (digits)
        return false;
    const unsigned letters = bits(between(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'));
    const unsigned newlines = bits(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    const unsigned spaces = (bits(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) | bits(between(v, '\t', '\r'))) & ~newlines;
    const unsigned blanks = spaces | newlines;
    // A space after a blank (in the block or just before it) would count
    // an extra space: one by one.
    if (spaces & ((blanks << 1) | (m_lastBlank ? 1u : 0u)))
        return false;

    // Words: a non-letter right after a letter ends one.
    const unsigned inWord = m_wordLength > 0 ? 1u : 0u;
    const unsigned ends = ~letters & ((letters << 1) | inWord) & kAll;
    m_f.words += bitsIn(ends);
    if (inWord && ends) {   // the word carried in ended here
        m_f.accented += m_accented ? 1 : 0;
        m_accented = false;
    }
    // Long letters: those with seven letters just before them. Up to eight
    // letters carried in sit in the low byte, the block's above it.
    const unsigned carried = m_wordLength >= 8 ? 0xFFu : ((1u << m_wordLength) - 1) << (8 - m_wordLength);
    const unsigned ext = (letters << 8) | carried;
    unsigned run = ext;
    for (int k = 1; k < 8; ++k)
        run &= ext >> k;   // bit j: ext bits j..j+7 all set
    m_f.longLetters += bitsIn((run >> 1) & kAll);
    if (letters == kAll)
        m_wordLength += kBlock;
    else
        m_wordLength = std::countl_one(letters << (32 - kBlock));   // the letters the block ends with

    m_f.punctuation += bitsIn(~(letters | blanks) & kAll);
    m_f.newlines += bitsIn(newlines);
    // Blanks at the end carry a run into the next characters.
    if (blanks == kAll) {
        m_spaceRun += bitsIn(spaces);
    } else {
        const unsigned tail = (kAll << (kBlock - std::countl_one(blanks << (32 - kBlock)))) & kAll;
        m_spaceRun = bitsIn(spaces & tail);
    }
    m_lastBlank = (blanks >> (kBlock - 1)) & 1u;
    return true;
}
#endif

} // namespace

qsizetype blankEnds(QStringView text)
{
    qsizetype blanks = 0;
    for (qsizetype i = 0; i < text.size() && text.at(i).isSpace(); ++i)
        ++blanks;
    for (qsizetype i = text.size() - 1; i >= blanks && text.at(i).isSpace(); --i)
        ++blanks;
    return blanks;
}

TokenFeatures piece(QStringView text)
{
    TokenFeatures f = scan(text);
    f.extraSpaces += blankEnds(text) + 1;
    return f;
}

bool Joiner::add(QStringView text, const TokenFeatures &features, int breaks)
{
    // What Scanner::put() takes for blank; only those other than '\n' make
    // a run of spaces (a line break neither adds to one nor ends it).
    const auto blank = [](char16_t c) {
        return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : QChar(c).isSpace();
    };
    qint64 leading = 0;
    qsizetype first = 0;
    for (; first < text.size() && blank(text[first].unicode()); ++first)
        leading += text[first] != u'\n';
    if (first == text.size())
        return false;
    qint64 trailing = 0;
    for (qsizetype i = text.size() - 1; i > first && blank(text[i].unicode()); --i)
        trailing += text[i] != u'\n';

    TokenFeatures f = features;
    if (m_trailing >= 0) {
        // Scanned alone, the text counted max(0, leading - 1) extra spaces
        // at its first character and the one before it none at its end.
        f.newlines += breaks;
        f.extraSpaces += qMax<qint64>(0, m_trailing + leading - 1) - qMax<qint64>(0, leading - 1);
    }
    m_features += f;
    m_trailing = trailing;
    return true;
}

TokenFeatures scanScalar(QStringView text)
{
    Scanner s;
    for (const QChar c : text)
        s.put(c.unicode());
    return s.finish();
}

TokenFeatures scan(QStringView text)
{
    Scanner s;
    const char16_t *const chars = text.utf16();
    const qsizetype size = text.size();
    qsizetype i = 0;
#ifdef __SSE2__
    while (i + kBlock <= size) {
        if (s.putBlock(chars + i)) {
            i += kBlock;
            continue;
        }
        for (const qsizetype end = i + kBlock; i < end; ++i)
            s.put(chars[i]);
    }
#endif
    for (; i < size; ++i)
        s.put(chars[i]);
    return s.finish();
}

} // namespace TokenScan
} // namespace Madf

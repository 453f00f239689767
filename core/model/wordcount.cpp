#include "core/model/wordcount.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Madf::WordCount {

namespace {

enum : quint8 { Other = 0, WordChar = 1, Space = 2 };

// ASCII by table: the same answers as QChar::isSpace / isLetterOrNumber.
constexpr std::array<quint8, 128> kAscii = [] {
    std::array<quint8, 128> classes {};
    for (int u = 0; u < 128; ++u) {
        if (u == ' ' || (u >= '\t' && u <= '\r'))
            classes[u] = Space;
        else if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
            classes[u] = WordChar;
    }
    return classes;
}();

// A word is counted at its first letter or digit; white space ends it.
struct State
{
    int words = 0;
    bool hasWord = false;   ///< the current run already holds a word character
};

inline void put(State &s, QChar c)
{
    const char16_t u = c.unicode();
    quint8 kind;
    if (u < 0x80)
        kind = kAscii[u];
    else if (c.isSpace())
        kind = Space;
    else
        kind = c.isLetterOrNumber() || c.isSurrogate() ? WordChar : Other;
    if (kind == Space) {
        s.hasWord = false;
    } else if (kind == WordChar && !s.hasWord) {
        ++s.words;
        s.hasWord = true;
    }
}

// Set bits of a 16-bit mask, without a call: the baseline x86-64 Debian
// builds for has no popcnt instruction, and __builtin_popcount became a
// call into libgcc for each block of 16 characters.
inline int bitsIn16(unsigned x)
{
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return int((x + (x >> 8)) & 0x1Fu);
}

} // namespace

int countScalar(QStringView text)
{
    State s;
    for (const QChar c : text)
        put(s, c);
    return s.words;
}

int count(QStringView text)
{
    State s;
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
#if defined(__SSE2__)
    while (end - p >= 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 8));
        const __m128i high = _mm_and_si128(_mm_or_si128(a, b), _mm_set1_epi16(short(0xff80)));
        if (_mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128())) != 0xffff) {
            for (const char16_t *stop = p + 16; p != stop; ++p)   // not all ASCII
                put(s, QChar(*p));
            continue;
        }
        const __m128i bytes = _mm_packus_epi16(a, b);
        const __m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
        const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                             _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
        const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)),
                                            _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
        const __m128i space = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')),
                                           _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('\t' - 1)),
                                                         _mm_cmplt_epi8(bytes, _mm_set1_epi8('\r' + 1))));
        // Bit i stands for character i: W word characters, T the others
        // that are not white space (the runs).
        const unsigned w = unsigned(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
        const unsigned t = ~unsigned(_mm_movemask_epi8(space)) & 0xffffu;
        const unsigned carry = s.hasWord ? 1u : 0u;
        // x: run characters with a word character at or before them in the
        // same run (the run from the last block included), spread forward
        // in steps of 1, 2, 4 and 8 over unbroken runs.
        unsigned x = w | (carry & t);
        unsigned run = t;
        x |= (x << 1) & run;
        run &= run << 1;
        x |= (x << 2) & run;
        run &= run << 2;
        x |= (x << 4) & run;
        run &= run << 4;
        x |= (x << 8) & run;
        // A word character with none before it in its run starts a word.
        const unsigned first = w & ~((x << 1) | carry);
        s.words += bitsIn16(first);
        s.hasWord = (t & x & 0x8000u) != 0;
        p += 16;
    }
#endif
    for (; p != end; ++p)
        put(s, QChar(*p));
    return s.words;
}

} // namespace Madf::WordCount

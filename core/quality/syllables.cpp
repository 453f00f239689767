// Readability::countSyllables: the English syllable heuristic, kept apart
// from the rest of readability.cpp because its rules read best together.

#include "core/quality/readability.h"

#include <QVarLengthArray>

#include <cstring>

namespace Madf::Readability {

namespace {

using Letters = QVarLengthArray<char, 48>;

bool isPlainVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Why the shape of this class: it runs for every word of every assessment
// (a few thousand per document), so the vowels are classified once per
// word and the suffixes are compared with lengths known at compile time.
class Word
{
public:
    explicit Word(const Letters &letters) : w(letters.constData()), n(letters.size())
    {
        // y is a consonant at the start ("yes") and between vowels ("beyond",
        // "player"); elsewhere it is a vowel ("gym", "study", "buy").
        for (qsizetype i = 0; i < n; ++i) {
            const char c = w[i];
            vowel[i] = isPlainVowel(c)
                       || (c == 'y' && i > 0 && !(isPlainVowel(w[i - 1]) && i + 1 < n && isPlainVowel(w[i + 1])));
        }
    }

    bool isVowel(qsizetype i) const { return i >= 0 && i < n && vowel[i]; }
    bool isConsonant(qsizetype i) const { return i >= 0 && i < n && !vowel[i]; }
    char at(qsizetype i) const { return i >= 0 && i < n ? w[i] : '\0'; }

    template<qsizetype N>
    bool endsWith(const char (&suffix)[N]) const
    {
        constexpr qsizetype length = N - 1;
        return n >= length && std::memcmp(w + n - length, suffix, size_t(length)) == 0;
    }

    int vowelGroups() const
    {
        int groups = 0;
        bool previous = false;
        for (qsizetype i = 0; i < n; ++i) {
            groups += vowel[i] && !previous;
            previous = vowel[i];
        }
        return groups;
    }

    // "table", "simple": the e of a consonant + le ending is heard.
    bool isConsonantLe(qsizetype l) const { return at(l) == 'l' && isConsonant(l - 1); }

    // One of the silent-e endings: "make", "makes", "jumped", and not
    // "table", "tables", "wanted", "boxes", "hundred".
    bool hasSilentEnding() const
    {
        const char last = at(n - 1);
        if (last == 'e')
            return n >= 3 && isConsonant(n - 2) && !isConsonantLe(n - 2);
        if (at(n - 2) != 'e' || (last != 's' && last != 'd'))
            return false;
        const char before = at(n - 3);
        if (last == 's') {
            if (!isConsonant(n - 3) || isConsonantLe(n - 3) || std::strchr("sxzcg", before))
                return false;
            return !(before == 'h' && (at(n - 4) == 'c' || at(n - 4) == 's'));
        }
        if (!isConsonant(n - 3) || before == 't' || before == 'd')
            return false;
        // "hundred", "handled" keep the syllable; "called", "offered" do not.
        const bool liquidAfterConsonant = (before == 'r' || before == 'l') && isConsonant(n - 4) && at(n - 4) != before;
        return !liquidAfterConsonant;
    }

    // A silent e before a suffix: "lovely", "movement", "hopeful".
    bool hasSilentSuffixE() const
    {
        qsizetype stem = -1;
        qsizetype minStem = 0;
        if (endsWith("ely"))
            stem = n - 3, minStem = 3;
        else if (endsWith("ement"))
            stem = n - 5, minStem = 3;
        else if (endsWith("eful"))
            stem = n - 4, minStem = 2;
        else if (endsWith("eness") || endsWith("eless"))
            stem = n - 5, minStem = 2;
        return stem >= 0 && stem >= minStem && isConsonant(stem - 1) && isVowel(stem - 2);
    }

    // Vowel pairs that English usually says as two syllables.
    int splitPairs() const
    {
        int extra = 0;
        for (qsizetype i = 0; i + 1 < n; ++i) {
            const char c = w[i];
            if (c != 'i' && c != 'u' && c != 'e')
                continue;
            const char next = w[i + 1];
            const char prev = at(i - 1);
            if (c == 'i' && (next == 'a' || next == 'u')) {
                // "social", "initial", "Asia", "religious": one syllable.
                if (!std::strchr("ctsgx", prev) || prev == '\0')
                    ++extra;
            } else if (c == 'i' && next == 'o') {
                // "nation", "various": one; "radio", "biology", "period": two.
                if (at(i + 2) != 'n' && at(i + 2) != 'u')
                    ++extra;
            } else if (c == 'u' && next == 'a') {
                // "quality", "language": one; "actual", "situation": two.
                if (prev != 'q' && prev != 'g')
                    ++extra;
            } else if (c == 'e' && next == 'o') {
                // "video", "theory", "geography"; not "people", "courageous", "pigeon".
                const bool people = i == 1 && prev == 'p' && at(i + 2) == 'p';
                if (at(i + 2) != 'u' && !people && !(prev == 'g' && i > 1))
                    ++extra;
            }
        }
        return extra;
    }

    int count() const
    {
        if (n == 0)
            return 0;
        int syllables = vowelGroups();
        if (syllables > 1 && (hasSilentEnding() || hasSilentSuffixE()))
            --syllables;
        syllables += splitPairs();
        // "idea", "area" (not "tea").
        if (syllables >= 2 && endsWith("ea"))
            ++syllables;
        // "being", "going", "studying".
        if (endsWith("ing") && isVowel(n - 4))
            ++syllables;
        // "criticism", "tourism".
        if (endsWith("ism"))
            ++syllables;
        return qMax(1, syllables);
    }

private:
    const char *w;
    qsizetype n;
    QVarLengthArray<bool, 48> vowel = QVarLengthArray<bool, 48>(n);
};

// The ASCII letter a character stands for ('é' -> 'e'), or 0.
char asciiLetterSlow(QChar c)
{
    if (!c.isLetter())
        return '\0';
    const QString base = c.decomposition();
    if (base.isEmpty())
        return 'a';
    const char16_t u = base.front().unicode();
    if (u < 128)
        return (u >= 'a' && u <= 'z') ? char(u) : (u >= 'A' && u <= 'Z') ? char(u - 'A' + 'a') : '\0';
    return asciiLetterSlow(base.front());
}

inline char asciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return char((u | 0x20) >= 'a' && (u | 0x20) <= 'z' ? (u | 0x20) : 0);
    return asciiLetterSlow(c);
}

// The counts of the words seen last, by their letters: prose repeats its
// words ("the", "of", "energy"...), and a lookup costs a fifth of counting
// again. One table per thread, so no locking; a slot holds one word and a
// later word with the same hash takes it over. What it returns is exactly
// what Word::count() gives: it only skips doing the same work twice.
class RecentWords
{
public:
    static constexpr qsizetype kMaxLetters = 22;

    /** The count for @p letters (lowercase a-z), from the table or counted. */
    static int count(const Letters &letters)
    {
        const qsizetype n = letters.size();
        if (n > kMaxLetters)
            return Word(letters).count();
        const char *w = letters.constData();
        quint32 hash = 2166136261u;   // FNV-1a
        for (qsizetype i = 0; i < n; ++i)
            hash = (hash ^ quint8(w[i])) * 16777619u;
        thread_local Slot table[kSlots];
        Slot &slot = table[(hash ^ (hash >> 15)) & (kSlots - 1)];
        if (slot.length == n && std::memcmp(slot.letters, w, size_t(n)) == 0)
            return slot.syllables;
        const int syllables = Word(letters).count();
        std::memcpy(slot.letters, w, size_t(n));
        slot.length = quint8(n);
        slot.syllables = quint8(qMin(syllables, 255));
        return syllables;
    }

private:
    static constexpr qsizetype kSlots = 1024;
    struct Slot
    {
        char letters[kMaxLetters];
        quint8 length = 0xff;   // matches no word: empty
        quint8 syllables = 0;
    };
};

} // namespace

int countSyllables(QStringView word)
{
    int total = 0;
    Letters part;
    auto flush = [&] {
        total += RecentWords::count(part);
        part.clear();
    };
    for (const QChar c : word) {
        if (c == u'\'' || c == u'\u2019')
            continue;  // "don't", "it's": one word
        if (const char letter = asciiLetter(c)) {
            part.append(letter);
        } else if (!part.isEmpty()) {
            flush();
        }
    }
    if (!part.isEmpty())
        flush();
    return qMax(1, total);
}

} // namespace Madf::Readability

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

bool endsWith(const Letters &w, const char *suffix)
{
    const qsizetype n = qsizetype(std::strlen(suffix));
    return w.size() >= n && std::memcmp(w.constData() + w.size() - n, suffix, size_t(n)) == 0;
}

class Word
{
public:
    explicit Word(const Letters &letters) : w(letters), n(letters.size()) {}

    // y is a consonant at the start ("yes") and between vowels ("beyond",
    // "player"); elsewhere it is a vowel ("gym", "study", "buy").
    bool isVowel(qsizetype i) const
    {
        if (i < 0 || i >= n)
            return false;
        const char c = w[i];
        if (isPlainVowel(c))
            return true;
        if (c != 'y' || i == 0)
            return false;
        return !(isPlainVowel(w[i - 1]) && i + 1 < n && isPlainVowel(w[i + 1]));
    }
    bool isConsonant(qsizetype i) const { return i >= 0 && i < n && !isVowel(i); }
    char at(qsizetype i) const { return i >= 0 && i < n ? w[i] : '\0'; }
    bool has(qsizetype i, const char *pair) const { return at(i) == pair[0] && at(i + 1) == pair[1]; }

    int vowelGroups() const
    {
        int groups = 0;
        for (qsizetype i = 0; i < n; ++i) {
            if (isVowel(i) && !isVowel(i - 1))
                ++groups;
        }
        return groups;
    }

    // "table", "simple": the e of a consonant + le ending is heard.
    bool isConsonantLe(qsizetype l) const { return at(l) == 'l' && isConsonant(l - 1); }

    // One of the silent-e endings: "make", "makes", "jumped", and not
    // "table", "tables", "wanted", "boxes", "hundred".
    bool hasSilentEnding() const
    {
        if (endsWith(w, "e"))
            return n >= 3 && isConsonant(n - 2) && !isConsonantLe(n - 2);
        if (endsWith(w, "es")) {
            const char before = at(n - 3);
            if (!isConsonant(n - 3) || isConsonantLe(n - 3) || std::strchr("sxzcg", before))
                return false;
            return !(before == 'h' && (at(n - 4) == 'c' || at(n - 4) == 's'));
        }
        if (endsWith(w, "ed")) {
            const char before = at(n - 3);
            if (!isConsonant(n - 3) || before == 't' || before == 'd')
                return false;
            // "hundred", "handled" keep the syllable; "called", "offered" do not.
            const bool liquidAfterConsonant = (before == 'r' || before == 'l') && isConsonant(n - 4)
                                              && at(n - 4) != before;
            return !liquidAfterConsonant;
        }
        return false;
    }

    // A silent e before a suffix: "lovely", "movement", "hopeful".
    bool hasSilentSuffixE() const
    {
        struct Suffix { const char *text; qsizetype minStem; };
        static constexpr Suffix suffixes[] = {{"ely", 3}, {"ement", 3}, {"eful", 2}, {"eness", 2}, {"eless", 2}};
        for (const Suffix &s : suffixes) {
            if (!endsWith(w, s.text))
                continue;
            const qsizetype stem = n - qsizetype(std::strlen(s.text));
            return stem >= s.minStem && isConsonant(stem - 1) && isVowel(stem - 2);
        }
        return false;
    }

    // Vowel pairs that English usually says as two syllables.
    int splitPairs() const
    {
        int extra = 0;
        for (qsizetype i = 0; i + 1 < n; ++i) {
            const char prev = at(i - 1);
            if (has(i, "ia") || has(i, "iu")) {
                // "social", "initial", "Asia", "religious": one syllable.
                if (!std::strchr("ctsgx", prev) || prev == '\0')
                    ++extra;
            } else if (has(i, "io")) {
                // "nation", "various": one; "radio", "biology", "period": two.
                if (at(i + 2) != 'n' && at(i + 2) != 'u')
                    ++extra;
            } else if (has(i, "ua")) {
                // "quality", "language": one; "actual", "situation": two.
                if (prev != 'q' && prev != 'g')
                    ++extra;
            } else if (has(i, "eo")) {
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
        if (syllables >= 2 && endsWith(w, "ea"))
            ++syllables;
        // "being", "going", "studying".
        if (endsWith(w, "ing") && isVowel(n - 4))
            ++syllables;
        // "criticism", "tourism".
        if (endsWith(w, "ism"))
            ++syllables;
        return qMax(1, syllables);
    }

private:
    const Letters &w;
    qsizetype n;
};

// The ASCII letter a character stands for ('é' -> 'e'), or 0.
char asciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= 'a' && u <= 'z') ? char(u) : (u >= 'A' && u <= 'Z') ? char(u - 'A' + 'a') : '\0';
    if (!c.isLetter())
        return '\0';
    const QString base = c.decomposition();
    return base.isEmpty() ? 'a' : asciiLetter(base.front());
}

} // namespace

int countSyllables(QStringView word)
{
    int total = 0;
    Letters part;
    auto flush = [&] {
        total += Word(part).count();
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

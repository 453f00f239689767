#pragma once

#include <QStringView>
#include <QtGlobal>

namespace Madf {

/** The features of a text the token estimate is made of (TokenCounter
 *  weighs them per tokenizer). */
struct TokenFeatures
{
    qint64 words = 0;        ///< runs of letters
    qint64 longLetters = 0;  ///< letters of a word past its 7th
    qint64 punctuation = 0;  ///< symbols and punctuation characters
    qint64 newlines = 0;
    qint64 cjk = 0;          ///< Han, kana and Hangul characters
    qint64 nonLatin = 0;     ///< letters of a non-Latin script (Cyrillic, Greek...)
    qint64 digitGroups = 0;  ///< groups of up to three digits
    qint64 extraSpaces = 0;  ///< spaces of a run past the first (indentation)
    qint64 accented = 0;     ///< words with an accented Latin letter

    friend bool operator==(const TokenFeatures &, const TokenFeatures &) = default;
    TokenFeatures &operator+=(const TokenFeatures &other);
};

namespace TokenScan {

/** The features of @p text. Plain ASCII is taken sixteen characters at a time
 *  where the processor allows (SSE2): counting the prompts' tokens was the
 *  largest single cost of the engine, and a character-by-character scan
 *  spends most of it on the branch at each word's end. */
TokenFeatures scan(QStringView text);
/** The same, one character at a time: the reference scan() is tested
 *  against. */
TokenFeatures scanScalar(QStringView text);
/** How many blanks (spaces, tabs, newlines) @p text starts and ends with. */
qsizetype blankEnds(QStringView text);
/** The features of @p text as one piece of a longer text that joins its
 *  pieces with a space: scan(), plus an extra space for each blank at its
 *  ends and for the joint. The pieces' sum is then never under the scan of
 *  the whole: only runs of blanks can join across a seam (words, digit
 *  groups and lines end at the space). */
TokenFeatures piece(QStringView text);

/** The features of texts joined by line breaks, summed from each text's
 *  own features (counted before) instead of scanning the whole: exactly
 *  what scan() gives the joined text. Line breaks end words, digit groups
 *  and lines alike, so only a run of blanks carries over a joint: each
 *  joint adds its breaks and the extra spaces of the run that one text's
 *  trailing blanks and the next one's leading blanks make together. */
class Joiner
{
public:
    /** Appends @p text, whose scan() is @p features, after @p breaks line
     *  breaks (ignored for the first text). False, with nothing added, when
     *  @p text holds nothing but blanks. */
    bool add(QStringView text, const TokenFeatures &features, int breaks);
    const TokenFeatures &features() const { return m_features; }

private:
    TokenFeatures m_features;
    /** Blanks other than line breaks after the last text's last character
     *  that is not blank; -1 before the first text. */
    qint64 m_trailing = -1;
};

} // namespace TokenScan
} // namespace Madf

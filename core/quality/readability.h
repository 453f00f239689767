#pragma once

#include "core/quality/markdownblocks.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Madf {

class JsonWriter;

/** Counts of a text's prose and the two Flesch scores made from them:
 *    FRE  = 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words)
 *    FKGL = 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59
 *  Both scores are 0 when there is no prose (see isEmpty()). Counts add up:
 *  the stats of a document are the sum of its sections' stats. */
struct ReadabilityStats
{
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    int complexWords = 0;  ///< words of three or more syllables
    double fleschReadingEase = 0.0;
    double fleschKincaidGrade = 0.0;

    /** Stats with both scores computed from the counts. */
    static ReadabilityStats fromCounts(int sentences, int words, int syllables, int complexWords);

    bool isEmpty() const { return sentences <= 0 || words <= 0; }
    double wordsPerSentence() const { return sentences > 0 ? double(words) / sentences : 0.0; }
    double syllablesPerWord() const { return words > 0 ? double(syllables) / words : 0.0; }

    /** Adds the counts and recomputes the scores. */
    ReadabilityStats &operator+=(const ReadabilityStats &other);

    /** Keys: sentences, words, syllables, complex_words, flesch_reading_ease,
     *  flesch_kincaid_grade. */
    QJsonObject toJson() const;
    void writeJson(JsonWriter &out) const;
    /** Reads the counts; the scores are recomputed from them. */
    static ReadabilityStats fromJson(const QJsonObject &json);

    bool operator==(const ReadabilityStats &other) const = default;
};

/** The prose of a Markdown text, split into plain-text sentences. */
struct ProseText
{
    QStringList sentences;
    QList<int> sentenceWords;  ///< words in each sentence, same order
    ReadabilityStats stats;
};

/** English readability measures for the Markdown that the writing agents
 *  produce. Pure functions; safe to call from any thread. */
namespace Readability {

/** Syllables in one English word by heuristic: vowel groups (y is a vowel
 *  except at the start and between vowels), less a silent final e, -es and
 *  -ed, plus the usual splits (idea, media, radio, actual, being). Parts of a
 *  hyphenated or dotted word ("well-known", "U.S.") are counted separately.
 *  Always at least 1. */
int countSyllables(QStringView word);

/** Words as Document::countWords() sees them: runs between white space that
 *  hold a letter or digit. */
int countWords(QStringView text);

/** Inline Markdown as plain text: **bold**, *italic*, `code` and ~~strike~~
 *  marks removed, [links](url) reduced to their text, images, [n]-style
 *  citations and [^n] footnotes dropped, HTML tags removed, escapes resolved,
 *  white space simplified. */
QString stripInlineMarkdown(QStringView text);

/** Sentences of plain text (one paragraph). A full stop does not end a
 *  sentence inside a number (3.14), a name or a web address (example.com),
 *  after a title (Dr., Prof., Fig.), after e.g./i.e., or before a lower-case
 *  word; after etc., initials and initialisms (U.S.) it does only when a
 *  typical sentence opening follows. An ellipsis ends a sentence only before
 *  a capital. The pieces are trimmed and keep their punctuation. */
QStringList splitSentences(QStringView plainText);

/** Sentences and stats of the prose blocks (paragraphs, quotes) only:
 *  headings, list items, tables and code are not prose sentences. */
ProseText analyzeBlocks(const QList<MarkdownBlock> &blocks);
ProseText analyze(QStringView markdown);

inline ReadabilityStats statsOf(QStringView markdown) { return analyze(markdown).stats; }

} // namespace Readability

} // namespace Madf

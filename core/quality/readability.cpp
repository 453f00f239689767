#include "core/quality/readability.h"

#include "core/model/jsonwriter.h"
#include "core/model/wordcount.h"

namespace Madf {

ReadabilityStats ReadabilityStats::fromCounts(int sentences, int words, int syllables, int complexWords)
{
    ReadabilityStats stats;
    stats.sentences = sentences;
    stats.words = words;
    stats.syllables = syllables;
    stats.complexWords = complexWords;
    if (!stats.isEmpty()) {
        const double wordsPerSentence = stats.wordsPerSentence();
        const double syllablesPerWord = stats.syllablesPerWord();
        stats.fleschReadingEase = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
        stats.fleschKincaidGrade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
    }
    return stats;
}

ReadabilityStats &ReadabilityStats::operator+=(const ReadabilityStats &other)
{
    *this = fromCounts(sentences + other.sentences, words + other.words, syllables + other.syllables,
                       complexWords + other.complexWords);
    return *this;
}

QJsonObject ReadabilityStats::toJson() const
{
    return QJsonObject {
        {QStringLiteral("sentences"), sentences},
        {QStringLiteral("words"), words},
        {QStringLiteral("syllables"), syllables},
        {QStringLiteral("complex_words"), complexWords},
        {QStringLiteral("flesch_reading_ease"), fleschReadingEase},
        {QStringLiteral("flesch_kincaid_grade"), fleschKincaidGrade},
    };
}

// Keys in sorted order, as QJsonObject writes them.
void ReadabilityStats::writeJson(JsonWriter &out) const
{
    out.beginObject();
    out.key(QLatin1StringView("complex_words")).integer(complexWords);
    out.key(QLatin1StringView("flesch_kincaid_grade")).number(fleschKincaidGrade);
    out.key(QLatin1StringView("flesch_reading_ease")).number(fleschReadingEase);
    out.key(QLatin1StringView("sentences")).integer(sentences);
    out.key(QLatin1StringView("syllables")).integer(syllables);
    out.key(QLatin1StringView("words")).integer(words);
    out.endObject();
}

ReadabilityStats ReadabilityStats::fromJson(const QJsonObject &json)
{
    return fromCounts(json.value(QLatin1String("sentences")).toInt(), json.value(QLatin1String("words")).toInt(),
                      json.value(QLatin1String("syllables")).toInt(),
                      json.value(QLatin1String("complex_words")).toInt());
}

namespace Readability {

int countWords(QStringView text)
{
    return WordCount::count(text);
}

namespace {

// Counts the words of one sentence into `stats`; returns the word count.
int measureSentence(QStringView sentence, ReadabilityStats &stats)
{
    int words = 0;
    qsizetype i = 0;
    while (i < sentence.size()) {
        while (i < sentence.size() && sentence[i].isSpace())
            ++i;
        qsizetype end = i;
        bool hasWordChar = false;
        while (end < sentence.size() && !sentence[end].isSpace()) {
            hasWordChar = hasWordChar || sentence[end].isLetterOrNumber() || sentence[end].isSurrogate();
            ++end;
        }
        if (hasWordChar) {
            ++words;
            const int syllables = countSyllables(sentence.mid(i, end - i));
            stats.syllables += syllables;
            stats.complexWords += syllables >= 3;
        }
        i = end;
    }
    stats.words += words;
    return words;
}

} // namespace

ProseText analyzeBlocks(const QList<MarkdownBlock> &blocks)
{
    ProseText prose;
    ReadabilityStats counts;
    for (const MarkdownBlock &block : blocks) {
        if (!block.isProse())
            continue;
        const QString plain = stripInlineMarkdown(block.text);
        const QStringList sentences = splitSentences(plain);
        for (const QString &sentence : sentences) {
            const int words = measureSentence(sentence, counts);
            if (words == 0)
                continue;  // a stray "—" or "..." is no sentence
            ++counts.sentences;
            prose.sentences.append(sentence);
            prose.sentenceWords.append(words);
        }
    }
    prose.stats = ReadabilityStats::fromCounts(counts.sentences, counts.words, counts.syllables, counts.complexWords);
    return prose;
}

ProseText analyze(QStringView markdown)
{
    return analyzeBlocks(parseMarkdownBlocks(markdown));
}

} // namespace Readability

} // namespace Madf

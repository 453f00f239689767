// Content dimension: readability against the audience, sentence length,
// repetition, and the model's coherence and clarity.

#include "core/quality/qualitychecks.h"
#include "core/quality/textutil.h"

#include <QHash>
#include <QSet>

#include <cmath>

namespace Madf::QualityChecks {

using QualityScan::SectionScan;

namespace {

// Flesch scores of a few sentences say little; below this much prose
// (headings, lists, code and tables are not prose) readability is not judged.
constexpr int MinProseWordsForReadability = 100;
// Sentence lengths that vary by a third of their mean or more read as
// natural prose; a quarter of sentences over 40 words halves the score.
constexpr double NaturalVariation = 0.35;
constexpr int LongSentenceWords = 40;
constexpr double WorstLongShare = 0.25;
constexpr int MinSentencesToJudge = 5;
// Repetition: short sentences ("It works.") repeat legitimately; when a
// fifth of the prose is repeated the component reaches 0.
constexpr int MinRepeatedSentenceWords = 6;
constexpr int MinRepeatedParagraphWords = 12;
constexpr double WorstRepeatedShare = 0.20;

QualityFinding finding(const QString &check, Severity severity, const QString &message, const QString &section = {})
{
    return QualityFinding {QualityDimension::Content, check, severity, message, section};
}

void checkReadability(const Context &c, CheckResult &out)
{
    const ReadabilityStats &stats = c.scan.readability;
    const QString audience = c.options.audience.isEmpty() ? c.request.audience : c.options.audience;
    const ReadabilityTarget target = QualityAssessor::readabilityTargetFor(audience);
    if (c.scan.words == 0) {
        out.measure(QStringLiteral("readability"), 0.0, tr("No text to read"));
        return;
    }
    if (stats.words < MinProseWordsForReadability) {
        out.findings.append(finding(QStringLiteral("readability"), Severity::Info,
                                    tr("Only %1 words of prose paragraphs (headings, lists, tables and code are not "
                                       "prose); readability was not judged")
                                        .arg(stats.words)));
        return;
    }
    const double score = QualityAssessor::readabilityScore(stats, target);
    const QString measured = tr("Flesch Reading Ease %1 (target %2–%3), grade %4 (target %5–%6)")
                                 .arg(formatScore(stats.fleschReadingEase))
                                 .arg(target.minReadingEase)
                                 .arg(target.maxReadingEase)
                                 .arg(formatScore(stats.fleschKincaidGrade))
                                 .arg(target.minGrade)
                                 .arg(target.maxGrade);
    out.measure(QStringLiteral("readability"), score, measured);
    if (score >= 1.0)
        return;

    const bool tooHard = stats.fleschReadingEase < target.minReadingEase || stats.fleschKincaidGrade > target.maxGrade;
    // Point at the section that pulls furthest in the wrong direction.
    const SectionScan *worst = nullptr;
    for (const SectionScan &s : c.scan.sections) {
        if (s.prose.stats.sentences < 3)
            continue;
        const double ease = s.prose.stats.fleschReadingEase;
        if (!worst || (tooHard ? ease < worst->prose.stats.fleschReadingEase : ease > worst->prose.stats.fleschReadingEase))
            worst = &s;
    }
    QString message = (tooHard ? tr("Text is too hard for %1: %2") : tr("Text is too simple for %1: %2"))
                          .arg(target.label(), measured);
    if (worst && c.scan.sections.size() > 1)
        message += tr("; %1 section: '%2' (reading ease %3)")
                       .arg(tooHard ? tr("hardest") : tr("simplest"), worst->title,
                            formatScore(worst->prose.stats.fleschReadingEase));
    out.findings.append(finding(QStringLiteral("readability"), score < 0.5 ? Severity::Major : Severity::Minor, message,
                                worst ? worst->title : QString()));
}

void checkSentenceLengths(const Context &c, CheckResult &out)
{
    QList<int> lengths;
    const SectionScan *longestSection = nullptr;
    int longest = 0;
    for (const SectionScan &s : c.scan.sections) {
        lengths += s.prose.sentenceWords;
        for (const int n : s.prose.sentenceWords) {
            if (n > longest) {
                longest = n;
                longestSection = &s;
            }
        }
    }
    if (lengths.size() < MinSentencesToJudge)
        return;

    double mean = 0.0;
    for (const int n : std::as_const(lengths))
        mean += n;
    mean /= double(lengths.size());
    double variance = 0.0;
    int longCount = 0;
    for (const int n : std::as_const(lengths)) {
        variance += (n - mean) * (n - mean);
        longCount += n > LongSentenceWords;
    }
    const double cv = std::sqrt(variance / double(lengths.size())) / mean;
    const double longShare = double(longCount) / double(lengths.size());
    const double varietyScore = qMin(1.0, cv / NaturalVariation);
    const double score = varietyScore * (1.0 - 0.5 * qMin(1.0, longShare / WorstLongShare));
    out.measure(QStringLiteral("sentence_variety"), score,
                tr("%1 sentences, %2 words on average, variation %3; %4 over %5 words")
                    .arg(lengths.size())
                    .arg(formatScore(mean))
                    .arg(formatScore(cv, 2))
                    .arg(longCount)
                    .arg(LongSentenceWords));
    if (varietyScore < 0.6) {
        out.findings.append(finding(QStringLiteral("sentence_variety"), Severity::Minor,
                                    tr("Sentences are all about the same length (%1 words on average, variation %2); "
                                       "mix short and long ones")
                                        .arg(formatScore(mean), formatScore(cv, 2))));
    }
    if (longShare > 0.10) {
        out.findings.append(finding(QStringLiteral("long_sentences"), Severity::Minor,
                                    tr("%1 of %2 sentences are longer than %3 words; the longest (%4 words) is in '%5'")
                                        .arg(longCount)
                                        .arg(lengths.size())
                                        .arg(LongSentenceWords)
                                        .arg(longest)
                                        .arg(longestSection->title),
                                    longestSection->title));
    }
}

// A text reduced to its words: letters and digits in lower case, so the
// same sentence with other punctuation or emphasis is the same sentence.
// A 64-bit FNV-1a hash stands for the text; a collision between two
// sentences of one document is not a practical concern.
struct Fingerprint
{
    quint64 hash = 14695981039346656037ull;
    int words = 0;

    bool operator==(const Fingerprint &other) const = default;
};

size_t qHash(const Fingerprint &f, size_t seed = 0)
{
    return ::qHash(f.hash, seed);
}

Fingerprint fingerprint(QStringView text)
{
    Fingerprint f;
    bool inWord = false;
    auto mix = [&f](char16_t u) {
        f.hash ^= u;
        f.hash *= 1099511628211ull;
    };
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        // ASCII decided inline: this runs over every paragraph and sentence.
        const bool letterOrNumber = u < 128 ? ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || (u >= '0' && u <= '9')
                                            : ch.isLetterOrNumber();
        if (letterOrNumber) {
            if (!inWord) {
                mix(u' ');
                ++f.words;
                inWord = true;
            }
            mix(u < 128 ? char16_t(u >= 'A' && u <= 'Z' ? u + 32 : u) : QualityText::lower(ch).unicode());
        } else {
            inWord = false;
        }
    }
    return f;
}

void checkRepetition(const Context &c, CheckResult &out)
{
    int proseWords = 0;
    int repeatedWords = 0;
    QHash<Fingerprint, const SectionScan *> paragraphsSeen;
    QHash<Fingerprint, const SectionScan *> sentencesSeen;
    QSet<Fingerprint> inRepeatedParagraphs;
    for (const SectionScan &s : c.scan.sections) {
        for (const MarkdownBlock &block : s.blocks) {
            if (!block.isProse())
                continue;
            const Fingerprint paragraph = fingerprint(block.text);
            if (paragraph.words < MinRepeatedParagraphWords)
                continue;
            const SectionScan *first = paragraphsSeen.value(paragraph);
            if (!first) {
                paragraphsSeen.insert(paragraph, &s);
                continue;
            }
            repeatedWords += paragraph.words;
            // Its sentences are reported with it, not one by one.
            for (const QString &sentence : Readability::splitSentences(Readability::stripInlineMarkdown(block.text)))
                inRepeatedParagraphs.insert(fingerprint(sentence));
            out.findings.append(finding(QStringLiteral("repetition"), Severity::Major,
                                        tr("A paragraph of section '%1' repeats one of section '%2': %3")
                                            .arg(s.title, first->title, quoted(block.text)),
                                        s.title));
        }
        proseWords += s.prose.stats.words;
        for (qsizetype i = 0; i < s.prose.sentences.size(); ++i) {
            if (s.prose.sentenceWords.at(i) < MinRepeatedSentenceWords)
                continue;
            const Fingerprint sentence = fingerprint(s.prose.sentences.at(i));
            const SectionScan *first = sentencesSeen.value(sentence);
            if (!first) {
                sentencesSeen.insert(sentence, &s);
                continue;
            }
            if (inRepeatedParagraphs.contains(sentence))
                continue;
            repeatedWords += s.prose.sentenceWords.at(i);
            out.findings.append(finding(QStringLiteral("repetition"), Severity::Minor,
                                        first == &s ? tr("Section '%1' repeats the sentence %2")
                                                          .arg(s.title, quoted(s.prose.sentences.at(i)))
                                                    : tr("Section '%1' repeats a sentence of section '%2': %3")
                                                          .arg(s.title, first->title, quoted(s.prose.sentences.at(i))),
                                        s.title));
        }
    }
    if (proseWords == 0) {
        out.measure(QStringLiteral("repetition"), 1.0, tr("No prose to compare"));
        return;
    }
    const double share = double(qMin(repeatedWords, proseWords)) / double(proseWords);
    out.measure(QStringLiteral("repetition"), 1.0 - share / WorstRepeatedShare,
                tr("%1 of %2 prose words repeat earlier text").arg(formatCount(repeatedWords), formatCount(proseWords)));
}

} // namespace

CheckResult content(const Context &context)
{
    CheckResult out;
    checkReadability(context, out);
    checkSentenceLengths(context, out);
    checkRepetition(context, out);
    if (context.rubric.coherence)
        out.measure(QStringLiteral("model_coherence"), *context.rubric.coherence,
                    tr("Coherence %1 as judged by the verification model").arg(formatScore(*context.rubric.coherence, 2)),
                    true);
    if (context.rubric.clarity)
        out.measure(QStringLiteral("model_clarity"), *context.rubric.clarity,
                    tr("Clarity %1 as judged by the verification model").arg(formatScore(*context.rubric.clarity, 2)),
                    true);
    if (context.rubric.rubric) {
        for (const QString &issue : context.rubric.rubric->issues)
            out.findings.append(finding(QStringLiteral("model_issue"), Severity::Minor, issue));
    }
    return out;
}

} // namespace Madf::QualityChecks

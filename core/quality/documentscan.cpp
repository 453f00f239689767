#include "core/quality/documentscan.h"

#include "core/quality/textutil.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace Madf::QualityScan {

namespace {

using namespace Qt::StringLiterals;

// Other ways writers name a section that a document type requires.
const QHash<QString, QStringList> &aliases()
{
    static const QHash<QString, QStringList> table {
        {u"introduction"_s, {u"introduction"_s, u"intro"_s}},
        {u"conclusion"_s,
         {u"conclusion"_s, u"concluding remark"_s, u"concluding thought"_s, u"final thought"_s,
          u"closing thought"_s, u"closing remark"_s, u"wrap up"_s}},
        {u"recommendation"_s, {u"recommendation"_s, u"next step"_s}},
        {u"executive summary"_s, {u"executive summary"_s, u"management summary"_s}},
        {u"overview"_s, {u"overview"_s, u"introduction"_s, u"about"_s}},
    };
    return table;
}

bool containsSequence(const QStringList &words, const QStringList &phrase)
{
    if (phrase.isEmpty() || phrase.size() > words.size())
        return false;
    for (qsizetype i = 0; i + phrase.size() <= words.size(); ++i) {
        if (std::equal(phrase.cbegin(), phrase.cend(), words.cbegin() + i))
            return true;
    }
    return false;
}

// Phrases as word lists, made once: kindOf() runs for every section of
// every assessment. Stemmed and without one-letter words, as a title's
// words are: "works cited" and "at a glance" never matched before.
using Phrases = QList<QStringList>;

Phrases phrases(std::initializer_list<const char16_t *> list)
{
    Phrases out;
    for (const char16_t *phrase : list)
        out.append(stemmedWords(QStringView(phrase)));
    return out;
}

bool containsAny(const QStringList &words, const Phrases &phrases)
{
    return std::any_of(phrases.cbegin(), phrases.cend(),
                       [&](const QStringList &phrase) { return containsSequence(words, phrase); });
}

bool startsWithAny(const QStringList &words, const Phrases &phrases)
{
    return std::any_of(phrases.cbegin(), phrases.cend(), [&](const QStringList &phrase) {
        return phrase.size() <= words.size() && std::equal(phrase.cbegin(), phrase.cend(), words.cbegin());
    });
}

// The names a required section may go by ("Conclusion/Recommendation"):
// each alternative's stemmed words, or those of its aliases.
Phrases requiredNames(const QString &requiredName)
{
    Phrases names;
    for (const QString &alternative : requiredName.split(u'/', Qt::SkipEmptyParts)) {
        const QString required = stemmedWords(alternative).join(u' ');
        const auto it = aliases().constFind(required);
        for (const QString &name : it == aliases().cend() ? QStringList{required} : it.value())
            names.append(name.split(u' '));
    }
    return names;
}

struct MarkerPattern
{
    QStringView text;
    bool ignoreCase;  ///< then `text` is in lower case
    bool wholeWord;
};

// Left-overs of templates and of a model speaking about itself.
constexpr MarkerPattern markerPatterns[] = {
    {u"TODO", false, true},
    {u"FIXME", false, true},
    {u"TBD", false, true},
    {u"[citation needed]", true, false},
    {u"[insert ", true, false},
    {u"lorem ipsum", true, false},
    {u"as an ai", true, true},
    {u"as a language model", true, true},
};

bool isWordBoundary(QStringView text, qsizetype i)
{
    return i < 0 || i >= text.size() || !text[i].isLetterOrNumber();
}

bool matchesAt(QStringView text, qsizetype i, const MarkerPattern &pattern)
{
    if (i + pattern.text.size() > text.size())
        return false;
    for (qsizetype k = 0; k < pattern.text.size(); ++k) {
        const QChar c = pattern.ignoreCase ? QualityText::lower(text[i + k]) : text[i + k];
        if (c != pattern.text[k])
            return false;
    }
    return !pattern.wholeWord || (isWordBoundary(text, i - 1) && isWordBoundary(text, i + pattern.text.size()));
}

// One pass over the text, trying only the patterns whose first two
// characters are there: searching for each pattern in turn, and then
// trying every pattern at each of the common letters that start one
// ('a', 't', 'l', 'f'), were each a noticeable share of assessing a document.
void findMarkers(QStringView text, QStringList &found)
{
    // Which characters start a pattern, as written (an upper-case pattern
    // only as it is, one that ignores case in either case): most
    // characters start none and cost one lookup. Every pattern starts with
    // ASCII, and no other character has an ASCII lower case that starts one.
    static const std::array<bool, 128> starts = [] {
        std::array<bool, 128> table {};
        for (const MarkerPattern &pattern : markerPatterns) {
            const QChar first = pattern.text.front();
            table[first.unicode() & 127] = true;
            if (pattern.ignoreCase)
                table[first.toUpper().unicode() & 127] = true;
        }
        return table;
    }();
    const qsizetype n = text.size();
    const QChar *s = text.data();
    for (qsizetype i = 0; i + 1 < n; ++i) {
        const char16_t u = s[i].unicode();
        if (u >= 128 || !starts[u])
            continue;
        const QChar first = QualityText::lower(s[i]);
        const QChar second = QualityText::lower(s[i + 1]);
        for (const MarkerPattern &pattern : markerPatterns) {
            if (pattern.ignoreCase ? (first != pattern.text[0] || second != pattern.text[1])
                                   : (s[i] != pattern.text[0] || s[i + 1] != pattern.text[1]))
                continue;
            if (!matchesAt(text, i, pattern))
                continue;
            const QString marker = text.mid(i, pattern.text.size()).trimmed().toString();
            if (!found.contains(marker, Qt::CaseInsensitive))
                found.append(marker);
        }
    }
}

// Skips an inline code span starting at i; returns the index after it.
qsizetype skipCodeSpan(QStringView text, qsizetype i)
{
    qsizetype ticks = 0;
    while (i + ticks < text.size() && text[i + ticks] == u'`')
        ++ticks;
    const qsizetype close = text.indexOf(QString(ticks, u'`'), i + ticks);
    return close < 0 ? i + ticks : close + ticks;
}

} // namespace

qsizetype stemInPlace(QChar *w, qsizetype n)
{
    if (n > 4 && w[n - 3] == u'i' && w[n - 2] == u'e' && w[n - 1] == u's') {
        w[n - 3] = u'y';
        return n - 2;
    }
    if (n > 3 && w[n - 1] == u's' && w[n - 2] != u's' && w[n - 2] != u'u' && w[n - 2] != u'i')
        return n - 1;
    return n;
}

QString stem(QString w)
{
    w.truncate(stemInPlace(w.data(), w.size()));
    return w;
}

QStringList stemmedWords(QStringView text)
{
    QStringList words;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && !text[i].isLetter())
            ++i;
        qsizetype end = i;
        while (end < text.size() && text[end].isLetter())
            ++end;
        if (end - i > 1)
            words.append(stem(QualityText::lowered(text.mid(i, end - i))));
        i = end;
    }
    return words;
}

bool titleMatches(const QString &title, const QString &requiredName)
{
    // A document type requires a handful of names, each matched against
    // every section's title in every assessment: their phrases are made
    // once per thread.
    thread_local QHash<QString, Phrases> known;
    auto it = known.constFind(requiredName);
    if (it == known.cend())
        it = known.insert(requiredName, requiredNames(requiredName));
    return containsAny(stemmedWords(title), *it);
}

SectionKind kindOf(const QString &title)
{
    static const Phrases back = phrases({u"reference", u"bibliography", u"works cited", u"further reading",
                                         u"appendix", u"acknowledgement", u"acknowledgment", u"glossary",
                                         u"about the author"});
    static const Phrases conclusion = requiredNames(u"Conclusion/Recommendation"_s);
    static const Phrases introduction = requiredNames(u"Introduction"_s);
    static const Phrases front = phrases({u"abstract", u"executive summary", u"management summary", u"summary",
                                          u"overview", u"key takeaway", u"tl dr", u"at a glance",
                                          u"table of content", u"preface", u"foreword"});
    const QStringList words = stemmedWords(title);
    const QString joined = words.join(u' ');
    if (containsAny(words, back) || joined == u"source" || joined == u"note" || joined == u"citation")
        return SectionKind::Back;
    if (containsAny(words, conclusion))
        return SectionKind::Conclusion;
    if (containsAny(words, introduction))
        return SectionKind::Introduction;
    // Only as the title's opening words: "Market overview" is a body section.
    if (startsWithAny(words, front) || joined == u"content")
        return SectionKind::Front;
    return SectionKind::Body;
}

QList<int> citationsIn(QStringView text)
{
    QList<int> numbers;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'`') {
            i = skipCodeSpan(text, i) - 1;
            continue;
        }
        if (text[i] != u'[')
            continue;
        qsizetype j = i + 1;
        QList<int> found;
        int current = -1;
        int rangeStart = -1;
        bool valid = true;
        for (; j < text.size() && text[j] != u']'; ++j) {
            const QChar c = text[j];
            if (c.isDigit()) {
                current = (current < 0 ? 0 : current) * 10 + c.digitValue();
                if (current > 100000)
                    valid = false;
                continue;
            }
            if (c == u' ')
                continue;
            if ((c != u',' && c != u';' && c != u'-' && c != u'\u2013') || current < 0) {
                valid = false;
                break;
            }
            if (c == u'-' || c == u'\u2013') {
                rangeStart = current;
            } else if (rangeStart >= 0) {
                // A range "[2-4]" cites each number in it; a silly one only its ends.
                for (int n = rangeStart; n <= current && current - rangeStart <= 50; ++n)
                    found.append(n);
                if (current - rangeStart > 50)
                    found << rangeStart << current;
                rangeStart = -1;
            } else {
                found.append(current);
            }
            current = -1;
        }
        if (!valid || j >= text.size() || current < 0 || (j + 1 < text.size() && text[j + 1] == u'('))
            continue;
        if (rangeStart >= 0) {
            for (int n = rangeStart; n <= current && current - rangeStart <= 50; ++n)
                found.append(n);
            if (current - rangeStart > 50)
                found << rangeStart << current;
        } else {
            found.append(current);
        }
        numbers += found;
        i = j;
    }
    return numbers;
}

DocumentScan scan(const Document &document)
{
    DocumentScan result;
    result.title = document.title;
    const QList<DocumentSection> sections = document.orderedSections();
    result.sections.reserve(sections.size());
    for (const DocumentSection &section : sections) {
        SectionScan s;
        s.title = section.title.trimmed();
        s.kind = kindOf(s.title);
        s.words = Document::countWords(section.content);
        s.blocks = parseMarkdownBlocks(section.content);
        for (const MarkdownBlock &block : std::as_const(s.blocks)) {
            if (!s.hasBody && block.kind != MarkdownBlock::Kind::Heading && block.kind != MarkdownBlock::Kind::Rule)
                s.hasBody = Readability::countWords(block.text) > 0;
            if (!block.isText())
                continue;
            s.citations += citationsIn(block.text);
            findMarkers(block.text, s.markers);
        }
        s.prose = Readability::analyzeBlocks(s.blocks);
        result.readability += s.prose.stats;
        result.words += s.words;
        result.sections.append(std::move(s));
    }
    return result;
}

} // namespace Madf::QualityScan

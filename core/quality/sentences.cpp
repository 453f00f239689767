// Readability::stripInlineMarkdown and Readability::splitSentences: from a
// Markdown paragraph to the sentences a reader sees.

#include "core/quality/readability.h"

#include "core/quality/textutil.h"

#include <QSet>

#include <array>

namespace Madf::Readability {

using namespace Qt::StringLiterals;

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// "[1]", "[1, 2]", "[2-4]", "[1; 3]": the length of the citation at i, or 0.
qsizetype citationLength(QStringView s, qsizetype i)
{
    qsizetype j = i + 1;
    bool digits = false;
    while (j < s.size()) {
        const QChar c = s[j];
        if (c.isDigit())
            digits = true;
        else if (c == u']')
            return digits ? j - i + 1 : 0;
        else if (c != u',' && c != u';' && c != u'-' && c != u'\u2013' && c != u' ')
            return 0;
        ++j;
    }
    return 0;
}

// The index of the ']' that closes the '[' at i, on the same paragraph.
qsizetype closingBracket(QStringView s, qsizetype i)
{
    int depth = 0;
    for (qsizetype j = i; j < s.size(); ++j) {
        if (s[j] == u'\\') {
            ++j;
        } else if (s[j] == u'[') {
            ++depth;
        } else if (s[j] == u']' && --depth == 0) {
            return j;
        }
    }
    return -1;
}

qsizetype closingParen(QStringView s, qsizetype i)
{
    int depth = 0;
    for (qsizetype j = i; j < s.size(); ++j) {
        if (s[j] == u'(')
            ++depth;
        else if (s[j] == u')' && --depth == 0)
            return j;
    }
    return -1;
}

// Plain text being written: white space collapses to single spaces, none
// at the start. Writes straight into a buffer, since QString::append of one
// character at a time was the hot spot of the whole assessment.
class Writer
{
public:
    explicit Writer(qsizetype capacity) : m_text(capacity, Qt::Uninitialized), m_data(m_text.data()) {}

    Q_ALWAYS_INLINE void put(QChar c)
    {
        if (c.isSpace()) {
            m_pendingSpace = m_size > 0;
            return;
        }
        if (m_pendingSpace) {
            append(u' ');
            m_pendingSpace = false;
        }
        append(c);
    }
    void put(QStringView text)
    {
        for (const QChar c : text)
            put(c);
    }
    // A dropped citation takes the space before it along: "text [1]." -> "text."
    void dropPendingSpace() { m_pendingSpace = false; }

    QString take()
    {
        m_text.truncate(m_size);
        return std::move(m_text);
    }

private:
    void append(QChar c)
    {
        if (m_size == m_text.size()) {
            m_text.resize(m_size * 2 + 16);
            m_data = m_text.data();
        }
        m_data[m_size++] = c;
    }

    QString m_text;
    QChar *m_data;
    qsizetype m_size = 0;
    bool m_pendingSpace = false;
};

bool isCloser(QChar c)
{
    return c == u'"' || c == u'\'' || c == u')' || c == u']' || c == u'\u201D' || c == u'\u2019'
           || c == u'\u00BB' || c == u'*' || c == u'_';
}

bool isOpener(QChar c)
{
    return c == u'"' || c == u'\'' || c == u'(' || c == u'[' || c == u'\u201C' || c == u'\u2018'
           || c == u'\u00AB';
}

// Abbreviations after which a full stop never ends a sentence: something
// always follows a title, a figure reference or "e.g.".
const QSet<QString> &neverFinal()
{
    static const QSet<QString> set {
        u"mr"_s,   u"mrs"_s,  u"ms"_s,   u"dr"_s,   u"prof"_s, u"st"_s,   u"gen"_s,  u"sen"_s,
        u"rep"_s,  u"gov"_s,  u"lt"_s,   u"col"_s,  u"capt"_s, u"sgt"_s,  u"rev"_s,  u"hon"_s,
        u"fig"_s,  u"figs"_s, u"eq"_s,   u"eqs"_s,  u"vol"_s,  u"vols"_s, u"ch"_s,   u"sec"_s,
        u"pp"_s,   u"vs"_s,   u"cf"_s,   u"approx"_s, u"ca"_s, u"e.g"_s,  u"i.e"_s,  u"viz"_s,
        u"dept"_s, u"univ"_s, u"jan"_s,  u"feb"_s,  u"mar"_s,  u"apr"_s,  u"jun"_s,  u"jul"_s,
        u"aug"_s,  u"sep"_s,  u"sept"_s, u"oct"_s,  u"nov"_s,  u"dec"_s,  u"mt"_s,   u"esp"_s,
        u"incl"_s, u"resp"_s, u"ed"_s,   u"eds"_s,
    };
    return set;
}

// Abbreviations that stand before a number: "No. 5", "p. 12".
const QSet<QString> &beforeNumbers()
{
    static const QSet<QString> set {u"no"_s, u"nos"_s, u"p"_s, u"art"_s, u"op"_s};
    return set;
}

// Abbreviations that often end a sentence too: "... apples, pears, etc."
const QSet<QString> &sometimesFinal()
{
    static const QSet<QString> set {u"etc"_s, u"al"_s,   u"inc"_s, u"ltd"_s, u"co"_s,  u"corp"_s,
                                    u"jr"_s,  u"sr"_s,   u"bros"_s, u"llc"_s, u"plc"_s, u"a.m"_s,
                                    u"p.m"_s};
    return set;
}

// Words that typically open an English sentence; after "etc." or "U.S."
// one of these means a new sentence, a name ("U.S. Army") does not.
const QSet<QString> &sentenceOpeners()
{
    static const QSet<QString> set {
        u"the"_s,     u"this"_s,    u"that"_s,     u"these"_s,   u"those"_s,  u"it"_s,       u"its"_s,
        u"in"_s,      u"on"_s,      u"at"_s,       u"a"_s,       u"an"_s,     u"we"_s,       u"they"_s,
        u"he"_s,      u"she"_s,     u"i"_s,        u"but"_s,     u"and"_s,    u"however"_s,  u"for"_s,
        u"as"_s,      u"if"_s,      u"when"_s,     u"there"_s,   u"our"_s,    u"their"_s,    u"his"_s,
        u"her"_s,     u"some"_s,    u"many"_s,     u"most"_s,    u"such"_s,   u"to"_s,       u"by"_s,
        u"with"_s,    u"after"_s,   u"before"_s,   u"while"_s,   u"although"_s, u"then"_s,   u"thus"_s,
        u"yet"_s,     u"so"_s,      u"one"_s,      u"each"_s,    u"all"_s,    u"no"_s,       u"not"_s,
        u"what"_s,    u"how"_s,     u"why"_s,      u"where"_s,   u"you"_s,    u"your"_s,     u"my"_s,
        u"overall"_s, u"finally"_s, u"first"_s,    u"second"_s,  u"also"_s,   u"moreover"_s, u"furthermore"_s,
        u"today"_s,   u"since"_s,   u"because"_s,  u"despite"_s, u"during"_s, u"instead"_s,  u"other"_s,
    };
    return set;
}

// The longest abbreviation in the lists above: a longer word without a dot
// is none of them, and is not looked up (hashing a word is most of what
// looking it up costs, and most sentences end on a longer word).
qsizetype longestAbbreviation()
{
    static const qsizetype longest = [] {
        qsizetype n = 0;
        for (const QSet<QString> *set : {&neverFinal(), &beforeNumbers(), &sometimesFinal()})
            for (const QString &word : *set)
                n = qMax(n, word.size());
        return n;
    }();
    return longest;
}

// The word before the full stop at `dot`, without opening marks.
QStringView tokenBefore(QStringView s, qsizetype dot)
{
    qsizetype start = dot;
    while (start > 0 && !s[start - 1].isSpace())
        --start;
    while (start < dot && !isWordChar(s[start]))
        ++start;
    return s.mid(start, dot - start);
}

QString wordAt(QStringView s, qsizetype i)
{
    qsizetype end = i;
    while (end < s.size() && s[end].isLetter())
        ++end;
    return QualityText::lowered(s.mid(i, end - i));
}

enum class Next { End, Lower, Upper, Digit, Other };

struct Lookahead
{
    Next kind = Next::End;
    qsizetype wordStart = 0;  ///< where the next word starts
};

Lookahead lookAhead(QStringView s, qsizetype from)
{
    qsizetype k = from;
    while (k < s.size() && s[k].isSpace())
        ++k;
    while (k < s.size() && isOpener(s[k]))
        ++k;
    if (k >= s.size())
        return {Next::End, k};
    const QChar c = s[k];
    if (c.isLower())
        return {Next::Lower, k};
    if (c.isUpper() || c.isLetter())
        return {Next::Upper, k};
    if (c.isDigit())
        return {Next::Digit, k};
    return {Next::Other, k};
}

// Whether the full stop at `dot` (followed by space or nothing) ends a sentence.
bool fullStopEnds(QStringView s, qsizetype dot, const Lookahead &next)
{
    if (next.kind == Next::End)
        return true;
    if (next.kind == Next::Lower)
        return false;
    const QStringView word = tokenBefore(s, dot);
    if (word.isEmpty())
        return true;
    if (word.size() > longestAbbreviation() && !word.contains(u'.'))
        return true;
    const QString token = QualityText::lowered(word);
    if (neverFinal().contains(token))
        return false;
    if (beforeNumbers().contains(token))
        return next.kind != Next::Digit;
    const bool initialism = token.contains(u'.') || (token.size() == 1 && token.front().isLetter());
    if (initialism || sometimesFinal().contains(token))
        return next.kind == Next::Upper && sentenceOpeners().contains(wordAt(s, next.wordStart));
    return true;
}

} // namespace

// The characters that can start inline Markdown; all others are copied.
constexpr std::array<bool, 128> kMarkupStart = [] {
    std::array<bool, 128> table{};
    for (const char c : {'\\', '`', '*', '~', '_', '[', '!', '<'})
        table[size_t(c)] = true;
    return table;
}();

QString stripInlineMarkdown(QStringView s)
{
    Writer out(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.unicode() >= 128 || !kMarkupStart[c.unicode()]) {
            out.put(c);  // most of the text: the branches below are for markup
            continue;
        }
        if (c == u'\\' && i + 1 < s.size() && s[i + 1].isPunct()) {
            out.put(s[++i]);
        } else if (c == u'`') {
            qsizetype ticks = 1;
            while (i + ticks < s.size() && s[i + ticks] == u'`')
                ++ticks;
            const QString fence(ticks, u'`');
            const qsizetype close = s.indexOf(fence, i + ticks);
            if (close < 0) {
                i += ticks - 1;
                continue;
            }
            out.put(s.mid(i + ticks, close - i - ticks));
            i = close + ticks - 1;
        } else if (c == u'*' || c == u'~') {
            continue;
        } else if (c == u'_' && !(i > 0 && isWordChar(s[i - 1]) && i + 1 < s.size() && isWordChar(s[i + 1]))) {
            continue;  // emphasis, not snake_case
        } else if (c == u'[' || (c == u'!' && i + 1 < s.size() && s[i + 1] == u'[')) {
            const bool image = c == u'!';
            const qsizetype open = image ? i + 1 : i;
            if (!image) {
                if (const qsizetype n = citationLength(s, i)) {
                    out.dropPendingSpace();
                    i += n - 1;
                    continue;
                }
                if (s.mid(i, 2).compare(u"[^") == 0) {
                    if (const qsizetype end = s.indexOf(u']', i); end > 0) {
                        out.dropPendingSpace();
                        i = end;
                        continue;
                    }
                }
            }
            const qsizetype close = closingBracket(s, open);
            if (close < 0) {
                out.put(c);
                continue;
            }
            qsizetype end = close;
            if (close + 1 < s.size() && s[close + 1] == u'(')
                end = closingParen(s, close + 1);
            else if (close + 1 < s.size() && s[close + 1] == u'[')
                end = s.indexOf(u']', close + 1);
            else if (!image) {
                out.put(c);  // plain brackets: "[citation needed]" stays as written
                continue;
            }
            if (end < 0) {
                out.put(c);
                continue;
            }
            if (!image)
                out.put(stripInlineMarkdown(s.mid(open + 1, close - open - 1)));
            i = end;
        } else if (c == u'<') {
            const qsizetype close = s.indexOf(u'>', i);
            const bool tag = close > i + 1 && close - i < 200
                             && (s[i + 1].isLetter() || s[i + 1] == u'/' || s[i + 1] == u'!');
            if (!tag) {
                out.put(c);
                continue;
            }
            const QStringView inside = s.mid(i + 1, close - i - 1);
            if (inside.startsWith(u"http://") || inside.startsWith(u"https://") || inside.startsWith(u"mailto:"))
                out.put(inside);  // autolink
            i = close;
        } else {
            out.put(c);
        }
    }
    return out.take();
}

QStringList splitSentences(QStringView s)
{
    QStringList sentences;
    qsizetype start = 0;
    auto cut = [&](qsizetype end) {
        const QStringView sentence = s.mid(start, end - start).trimmed();
        if (!sentence.isEmpty())
            sentences.append(sentence.toString());
        start = end;
    };

    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        if (c != u'.' && c != u'!' && c != u'?' && c != u'\u2026') {
            ++i;  // only these can end a sentence
            continue;
        }
        const bool ellipsis = c == u'\u2026' || (c == u'.' && s.mid(i, 3).compare(u"...") == 0);
        if (c == u'!' || c == u'?' || ellipsis) {
            qsizetype j = i + 1;
            while (j < s.size() && (s[j] == u'!' || s[j] == u'?' || s[j] == u'.' || s[j] == u'\u2026'))
                ++j;
            while (j < s.size() && isCloser(s[j]))
                ++j;
            const Lookahead next = lookAhead(s, j);
            const bool spaced = j >= s.size() || s[j].isSpace();
            const bool ends = ellipsis ? (next.kind == Next::End || (spaced && next.kind == Next::Upper))
                                       : (spaced && next.kind != Next::Lower);
            if (ends)
                cut(j);
            i = j;
            continue;
        }
        if (c == u'.') {
            qsizetype j = i + 1;
            while (j < s.size() && isCloser(s[j]))
                ++j;
            // "3.14", "example.com", "e.g": no space after, no sentence end.
            if (j < s.size() && !s[j].isSpace()) {
                i = j;
                continue;
            }
            if (fullStopEnds(s, i, lookAhead(s, j)))
                cut(j);
            i = j;
            continue;
        }
        ++i;
    }
    cut(s.size());
    return sentences;
}

} // namespace Madf::Readability

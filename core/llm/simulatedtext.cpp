#include "core/llm/simulatedtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Madf {

namespace {

// Plain vocabulary: dull on purpose, so nobody mistakes it for an answer.
const char *const kDeterminers[] = {"the", "each", "this", "every", "our", "a", "that", "their"};
const char *const kAdjectives[] = {"practical", "clear", "current", "broad", "specific", "reliable", "overall",
                                   "careful", "important", "common", "available", "local", "simple", "wider",
                                   "consistent", "measured", "recent", "further"};
const char *const kNouns[] = {"approach", "question", "outcome", "context", "framework", "evidence", "process",
                              "result", "decision", "factor", "analysis", "change", "impact", "example", "trend",
                              "option", "review", "practice", "standard", "response", "requirement", "measure"};
const char *const kVerbs[] = {"shapes", "supports", "reflects", "affects", "informs", "strengthens", "clarifies",
                              "highlights", "limits", "extends", "guides", "improves", "changes", "balances"};
const char *const kPrepositions[] = {"for", "within", "across", "through", "around", "beyond", "under", "with"};
const char *const kAdverbs[] = {"often", "usually", "clearly", "gradually", "largely", "generally", "still",
                                "typically", "directly", "increasingly"};
const char *const kOpeners[] = {"In practice,", "As a result,", "In most cases,", "At the same time,",
                                "For this reason,", "Over time,", "In general,", "On balance,"};
const char *const kHeadingWords[] = {"Overview", "Background", "Key Findings", "Approach", "Discussion",
                                     "Considerations", "Recommendations", "Next Steps", "Summary", "Context"};
// D determiner, A adjective, N noun, V verb, P preposition, R adverb, O opener.
const char *const kTemplates[] = {"DANVDN", "DNRVDAN", "ODNVDANPDN", "DANVDNPDAN", "PDAN,DNRVDN",
                                  "DNVDAN", "ODANRVDN", "DNVDNPDN"};

const char *const kStopWords[] = {
    "about", "above", "after", "again", "against", "also", "among", "answer", "around", "because", "before",
    "being", "below", "between", "could", "detailed", "every", "following", "format", "heading", "headings",
    "markdown", "might", "object", "other", "please", "provide", "respond", "response", "section", "sections",
    "should", "their", "there", "these", "thing", "things", "those", "through", "under", "using", "where",
    "which", "while", "within", "without", "would", "write", "words", "written", "paragraph", "paragraphs",
    "simulated", "include", "including", "return", "returns", "concise", "audience", "reader", "readers",
    // Instructions and the parts of a document, not its topic.
    "assess", "check", "review", "describe", "explain", "summarise", "summarize", "analyse", "analyze",
    "evaluate", "verify", "create", "generate", "compare", "discuss", "outline", "draft", "rewrite", "improve",
    "introduction", "conclusion", "background", "summary", "report", "document", "essay", "article", "formal",
    "detailed", "brief", "short", "clear", "based", "given", "below", "following", "focus", "style", "tone"};

template<size_t N>
QString pick(const char *const (&words)[N], int index)
{
    return QString::fromLatin1(words[index % int(N)]);
}

} // namespace

SimulatedText::SimulatedText(quint64 seed, const QStringList &topicWords)
    : m_state(seed)
    , m_topic(topicWords)
{
}

quint64 SimulatedText::fingerprint(QStringView text, quint64 seed)
{
    quint64 hash = seed;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 1099511628211ull;
    }
    return hash;
}

QStringList SimulatedText::topicWords(const QString &text, int max)
{
    static const QSet<QString> stop = [] {
        QSet<QString> s;
        for (const char *w : kStopWords)
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    QStringList words;
    QString word;
    auto flush = [&] {
        if (word.size() >= 5 && word.size() <= 20) {
            const QString lower = word.toLower();
            if (!stop.contains(lower) && !words.contains(lower))
                words.append(lower);
        }
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetter()) {
            word.append(c);
        } else {
            flush();
            if (words.size() >= max)
                break;
        }
    }
    flush();
    return words.mid(0, max);
}

quint64 SimulatedText::next()
{
    // splitmix64
    quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

QString SimulatedText::noun()
{
    if (!m_topic.isEmpty() && below(3) == 0)
        return m_topic.at(below(int(m_topic.size())));
    return pick(kNouns, below(int(std::size(kNouns))));
}

QString SimulatedText::sentence()
{
    const QString pattern = QString::fromLatin1(kTemplates[below(int(std::size(kTemplates)))]);
    QString out;
    for (const QChar slot : pattern) {
        QString word;
        switch (slot.toLatin1()) {
        case 'D': word = pick(kDeterminers, below(int(std::size(kDeterminers)))); break;
        case 'A': word = pick(kAdjectives, below(int(std::size(kAdjectives)))); break;
        case 'N': word = noun(); break;
        case 'V': word = pick(kVerbs, below(int(std::size(kVerbs)))); break;
        case 'P': word = pick(kPrepositions, below(int(std::size(kPrepositions)))); break;
        case 'R': word = pick(kAdverbs, below(int(std::size(kAdverbs)))); break;
        case 'O': word = pick(kOpeners, below(int(std::size(kOpeners)))); break;
        case ',': out.append(QLatin1Char(',')); continue;
        default: continue;
        }
        // "a" before a vowel sound reads wrong: "an".
        if ((out == QLatin1String("a") || out.endsWith(QLatin1String(" a")))
            && QStringLiteral("aeiou").contains(word.at(0).toLower())) {
            out.append(QLatin1Char('n'));
        }
        if (!out.isEmpty())
            out.append(QLatin1Char(' '));
        out.append(word);
    }
    out[0] = out.at(0).toUpper();
    // About one sentence in three carries a citation when sources are listed.
    if (!m_citable.isEmpty() && below(3) == 0)
        out += QStringLiteral(" [%1]").arg(m_citable.at(below(int(m_citable.size()))));
    out.append(QLatin1Char('.'));
    return out;
}

QString SimulatedText::prose(int words)
{
    QStringList paragraphs;
    QString paragraph;
    int total = 0;
    int inParagraph = 0;
    const int target = qMax(1, words);
    int paragraphLength = 3 + below(3);
    while (total < target) {
        const QString s = sentence();
        if (!paragraph.isEmpty())
            paragraph.append(QLatin1Char(' '));
        paragraph.append(s);
        total += int(s.count(QLatin1Char(' '))) + 1;
        if (++inParagraph >= paragraphLength) {
            paragraphs.append(paragraph);
            paragraph.clear();
            inParagraph = 0;
            paragraphLength = 3 + below(3);
        }
    }
    if (!paragraph.isEmpty())
        paragraphs.append(paragraph);
    return paragraphs.join(QStringLiteral("\n\n"));
}

QString SimulatedText::markdown(const QStringList &headings, int words)
{
    QStringList titles = headings;
    if (titles.isEmpty()) {
        const int first = below(int(std::size(kHeadingWords)));
        for (int i = 0; i < 3; ++i)
            titles.append(pick(kHeadingWords, first + 3 * i)); // 3 apart: never the same twice
    }
    const int perSection = qMax(20, words / int(titles.size()));
    QStringList parts;
    for (const QString &title : titles)
        parts.append(QStringLiteral("## ") + title + QStringLiteral("\n\n") + prose(perSection));
    return parts.join(QStringLiteral("\n\n"));
}

QString SimulatedText::heading()
{
    return pick(kHeadingWords, below(int(std::size(kHeadingWords))));
}

QString SimulatedText::jsonObject()
{
    QJsonArray points;
    for (int i = 0; i < 3; ++i)
        points.append(sentence());
    QJsonObject object;
    object.insert(QStringLiteral("summary"), QString(sentence() + QLatin1Char(' ') + sentence()));
    object.insert(QStringLiteral("key_points"), points);
    object.insert(QStringLiteral("confidence"), double(60 + below(35)) / 100.0);
    object.insert(QStringLiteral("notes"), sentence());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace Madf

#include "mocktextgenerator.h"

#include <QRegularExpression>

#include <iterator>

namespace Madf::Test {

namespace {

// A tiny grammar: sentence templates over word classes read like English.
const char *const kDeterminers[] = {"the", "each", "this", "every", "our", "that", "their", "its"};
const char *const kAdjectives[] = {"careful", "useful", "complete", "brief", "strong", "accurate", "relevant",
                                   "central", "formal", "simple", "detailed", "early", "main", "open", "shared"};
const char *const kNouns[] = {"system", "document", "agent", "review", "report", "section", "model", "process",
                              "result", "team", "plan", "design", "reader", "draft", "outline", "summary",
                              "analysis", "source", "chapter", "example", "question", "answer", "method", "goal"};
const char *const kVerbs[] = {"explains", "describes", "supports", "improves", "covers", "needs", "gives",
                              "checks", "follows", "shapes", "reaches", "offers", "builds", "keeps", "shows"};
const char *const kPrepositions[] = {"for", "with", "across", "about", "from", "within", "beyond", "through"};
const char *const kAdverbs[] = {"clearly", "often", "also", "still", "already", "quickly", "usually", "carefully"};
const char *const kConjunctions[] = {"and", "while", "because", "so", "but"};
// D determiner, A adjective, N noun, V verb, P preposition, R adverb, C conjunction, ',' comma.
const char *const kTemplates[] = {
    "DANVDN",       "DNRVDAN",       "DNVDNPDN",      "DANVDAN,CDNVDN",
    "DNRVDNPDAN",   "DNVDN,CDNRVDN", "PDAN,DNVDN",    "DANRVDANPDN",
};

template<size_t N>
const char *pick(const char *const (&words)[N], quint64 r)
{
    return words[r % N];
}

// splitmix64: tiny, well mixed, and fully determined by the seed.
struct Random
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
};

// Pieces of @p text: whitespace followed by a run of non-space characters, at
// most kMaxPiece long (never splitting a surrogate pair), so nothing is lost.
QStringList splitPieces(const QString &text)
{
    constexpr int kMaxPiece = 24;
    QStringList pieces;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const qsizetype start = i;
        while (i < n && text.at(i).isSpace())
            ++i;
        while (i < n && !text.at(i).isSpace() && i - start < kMaxPiece) {
            if (text.at(i).isHighSurrogate() && i + 1 < n)
                ++i;
            ++i;
        }
        pieces.append(text.sliced(start, i - start));
    }
    return pieces;
}

bool hasWord(QStringView piece)
{
    for (QChar c : piece) {
        if (!c.isSpace())
            return true;
    }
    return false;
}

// Takes whole pieces while the count stays within maxTokens (when > 0).
MockReply assemble(const QStringList &pieces, int maxTokens)
{
    MockReply reply;
    qint64 words = 0;
    qint64 bytes = 0;
    bool previousEndedInSpace = true;
    for (const QString &piece : pieces) {
        // A piece split off a long word continues that word: it is not a new one.
        const bool startsWord = hasWord(piece) && (previousEndedInSpace || piece.front().isSpace());
        const qint64 nextWords = words + (startsWord ? 1 : 0);
        const qint64 nextBytes = bytes + piece.toUtf8().size();
        const int nextTokens = MockTextGenerator::countTokens(nextWords, nextBytes);
        if (maxTokens > 0 && nextTokens > maxTokens) {
            reply.truncated = true;
            break;
        }
        reply.pieces.append(piece);
        reply.pieceTokens.append(nextTokens - reply.tokens);
        reply.text += piece;
        reply.tokens = nextTokens;
        words = nextWords;
        bytes = nextBytes;
        previousEndedInSpace = piece.back().isSpace();
    }
    return reply;
}

} // namespace

quint64 MockTextGenerator::fingerprint(QByteArrayView data)
{
    quint64 hash = 0xCBF29CE484222325ull;
    for (char c : data) {
        hash ^= quint8(c);
        hash *= 0x100000001B3ull;
    }
    return hash;
}

int MockTextGenerator::countTokens(qint64 words, qint64 utf8Bytes)
{
    const qint64 byWords = (words * 4 + 2) / 3;
    const qint64 byBytes = (utf8Bytes + 3) / 4;
    return int(qMax(byWords, byBytes));
}

int MockTextGenerator::countTokens(QStringView text)
{
    qint64 words = 0;
    bool inWord = false;
    for (QChar c : text) {
        const bool space = c.isSpace();
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return countTokens(words, text.toUtf8().size());
}

MockReply MockTextGenerator::generate(quint64 seed, int targetTokens, int maxTokens)
{
    // A pure function, and a benchmark asks for the same reply thousands of
    // times: the last few replies of this thread are kept.
    struct Cached
    {
        quint64 seed;
        int targetTokens;
        int maxTokens;
        MockReply reply;
    };
    thread_local QList<Cached> cache;
    for (const Cached &c : std::as_const(cache)) {
        if (c.seed == seed && c.targetTokens == targetTokens && c.maxTokens == maxTokens)
            return c.reply;
    }
    MockReply reply = generateUncached(seed, targetTokens, maxTokens);
    if (cache.size() >= 16)
        cache.removeFirst();
    cache.append({seed, targetTokens, maxTokens, reply});
    return reply;
}

MockReply MockTextGenerator::generateUncached(quint64 seed, int targetTokens, int maxTokens)
{
    Random random{seed};
    targetTokens = qMax(1, targetTokens);

    // Whole sentences from the templates, until the next word would pass the target.
    QStringList pieces;
    qint64 words = 0;
    qint64 bytes = 0;
    const char *sentence = "";
    bool startSentence = true;
    for (;;) {
        if (*sentence == '\0') {
            sentence = kTemplates[random.below(int(std::size(kTemplates)))];
            startSentence = true;
        }
        const char cls = *sentence++;
        const quint64 r = random.next();
        QString word;
        switch (cls) {
        case 'D': word = QString::fromLatin1(pick(kDeterminers, r)); break;
        case 'A': word = QString::fromLatin1(pick(kAdjectives, r)); break;
        case 'N': word = QString::fromLatin1(pick(kNouns, r)); break;
        case 'V': word = QString::fromLatin1(pick(kVerbs, r)); break;
        case 'P': word = QString::fromLatin1(pick(kPrepositions, r)); break;
        case 'R': word = QString::fromLatin1(pick(kAdverbs, r)); break;
        default: word = QString::fromLatin1(pick(kConjunctions, r)); break;
        }
        if (startSentence)
            word[0] = word[0].toUpper();
        startSentence = false;
        if (*sentence == ',') {
            word += QLatin1Char(',');
            ++sentence;
        } else if (*sentence == '\0') {
            word += QLatin1Char('.');
        }
        const QString piece = pieces.isEmpty() ? word : QLatin1Char(' ') + word;
        // One more byte for the closing full stop of a reply that ends here.
        if (!pieces.isEmpty() && countTokens(words + 1, bytes + piece.size() + 1) > targetTokens)
            break;
        pieces.append(piece);
        ++words;
        bytes += piece.size();
    }
    QString &last = pieces.last();
    if (last.endsWith(QLatin1Char(',')))
        last.chop(1);
    if (!last.endsWith(QLatin1Char('.')))
        last += QLatin1Char('.');
    return assemble(pieces, maxTokens);
}

MockReply MockTextGenerator::exact(const QString &text, int maxTokens)
{
    return assemble(splitPieces(text), maxTokens);
}

std::optional<QString> MockTextGenerator::mockReplyDirective(const QString &message)
{
    static const QRegularExpression block(QStringLiteral("^[ \\t]*MOCK_REPLY_BEGIN[ \\t]*\\r?\\n(.*?)\\r?\\n[ \\t]*MOCK_REPLY_END[ \\t]*$"),
                                          QRegularExpression::MultilineOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch blockMatch = block.match(message);
    if (blockMatch.hasMatch())
        return blockMatch.captured(1);

    static const QRegularExpression line(QStringLiteral("^[ \\t]*MOCK_REPLY: ?([^\\r\\n]*)"),
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch lineMatch = line.match(message);
    if (lineMatch.hasMatch())
        return lineMatch.captured(1);
    return std::nullopt;
}

} // namespace Madf::Test

#include "core/agents/promptbudget.h"

#include "core/agents/bm25index.h"
#include "core/llm/tokencounter.h"
#include "core/llm/tokenscan.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace Madf {

namespace {

const QString kCutMarker = QStringLiteral("[…]");
constexpr double kMinRelevance = 0.3; ///< of the best paragraph's score

// PCRE's \s as QRegularExpression has it by default (no Unicode
// properties): space, tab, and line feed to carriage return.
bool isRegexSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || (u >= 9 && u <= 13);
}

// The paragraphs between blank lines ("\n[ \t]*\n"), trimmed, none empty.
// By hand: a brief is cut for every document, and a regular expression
// cost more than the rest of the cut.
QStringList paragraphsOf(const QString &text)
{
    QStringList paragraphs;
    auto take = [&](qsizetype from, qsizetype to) {
        const QString paragraph = text.mid(from, to - from).trimmed();
        if (!paragraph.isEmpty())
            paragraphs << paragraph;
    };
    const qsizetype n = text.size();
    qsizetype start = 0;
    for (qsizetype k = 0; k < n; ++k) {
        if (text.at(k) != QLatin1Char('\n'))
            continue;
        qsizetype j = k + 1;
        while (j < n && (text.at(j) == QLatin1Char(' ') || text.at(j) == QLatin1Char('\t')))
            ++j;
        if (j < n && text.at(j) == QLatin1Char('\n')) {
            take(start, k);
            start = j + 1;
            k = j;
        }
    }
    take(start, n);
    return paragraphs;
}

// The longest prefix of `text` ending at a boundary matched by `re` that
// fits. A longer prefix never costs fewer tokens (every feature only
// grows), so the boundaries are searched by halves: counting each prefix
// in turn made one long paragraph cost seconds.
QString cutAt(const QString &text, const QRegularExpression &re, int maxTokens, const QString &model)
{
    QList<qsizetype> ends;
    for (auto it = re.globalMatch(text); it.hasNext();)
        ends << it.next().capturedEnd();
    QString best;
    qsizetype low = 0, high = ends.size();   // ends[0..low) fit, ends[high..) do not
    while (low < high) {
        const qsizetype mid = low + (high - low) / 2;
        QString prefix = text.left(ends.at(mid)).trimmed();
        if (estimateTokens(prefix, model) > maxTokens) {
            high = mid;
        } else {
            best = std::move(prefix);
            low = mid + 1;
        }
    }
    return best;
}

} // namespace

int estimateTokens(const QString &text, const QString &model)
{
    return TokenCounter::instance().countTokens(text, model);
}

namespace {

int contextWindowOf(const QString &model)
{
    const QString m = model.trimmed().toLower();
    // Vendors prefix names ("openai/gpt-4o"); only the last part names the model.
    const QString name = m.section(QLatin1Char('/'), -1);
    if (name.startsWith(QLatin1String("claude")))
        return 200000;
    if (name.startsWith(QLatin1String("gpt-4o")) || name.startsWith(QLatin1String("gpt-4.1"))
        || name.startsWith(QLatin1String("gpt-4-turbo")) || name.startsWith(QLatin1String("gpt-4-1106"))
        || name.startsWith(QLatin1String("gpt-4-0125")))
        return 128000;
    if (name.startsWith(QLatin1String("gpt-4-32k")))
        return 32768;
    if (name.startsWith(QLatin1String("gpt-4")))
        return 8192;
    if (name.startsWith(QLatin1String("gpt-3.5-turbo")))
        return 16385;
    return 8192;
}

} // namespace

int modelContextWindow(const QString &model)
{
    // Asked for each request, and again for its budget and its reply's cap.
    thread_local QString lastModel;
    thread_local int lastWindow = 0;
    if (lastWindow == 0 || model != lastModel) {
        lastModel = model;
        lastWindow = contextWindowOf(model);
    }
    return lastWindow;
}

int replyReserve(const QString &model, int maxTokens)
{
    return qBound(0, maxTokens, modelContextWindow(model) / 2);
}

int replyMargin(int window)
{
    // 5 % plus the chat framing covers the error of the estimate.
    return window / 20 + 32;
}

int inputBudget(const QString &model, int maxTokens)
{
    const int window = modelContextWindow(model);
    return qMax(0, window - replyReserve(model, maxTokens) - replyMargin(window));
}

QString fitToTokens(const QString &text, int maxTokens, const QString &model)
{
    if (maxTokens < 1)
        return {};
    if (estimateTokens(text, model) <= maxTokens)
        return text;

    const int markerTokens = estimateTokens(QStringLiteral("\n\n") + kCutMarker, model);
    const int budget = maxTokens - markerTokens;
    if (budget < 1)
        return {};

    // Each candidate is counted from the features of the paragraphs kept,
    // joined by a blank line (TokenScan::Joiner), without scanning it again
    // (which made a long draft's cut quadratic).
    const QStringList paragraphs = paragraphsOf(text);
    const TokenCounter &counter = TokenCounter::instance();
    TokenScan::Joiner joined;
    qsizetype keptCount = 0;
    for (const QString &p : paragraphs) {
        TokenScan::Joiner candidate = joined;
        if (!candidate.add(p, TokenCounter::featuresOf(p), 2) || counter.countTokens(candidate.features(), model) > budget)
            break;
        joined = candidate;
        ++keptCount;
    }
    QString kept = paragraphs.mid(0, keptCount).join(QStringLiteral("\n\n"));
    if (kept.isEmpty() && !paragraphs.isEmpty()) {
        static const QRegularExpression sentenceEndRe(QStringLiteral("[.!?][\"')\\]]?(?=\\s)"));
        static const QRegularExpression wordEndRe(QStringLiteral("\\S(?=\\s)"));
        kept = cutAt(paragraphs.first(), sentenceEndRe, budget, model);
        if (kept.isEmpty())
            kept = cutAt(paragraphs.first(), wordEndRe, budget, model);
    }
    if (kept.isEmpty())
        return {};
    return kept + QStringLiteral("\n\n") + kCutMarker;
}

namespace {

// A list item's first line: "^\s*(?:[-*+]|\d+[.)])\s+", by hand (see
// paragraphsOf()).
bool isListItem(QStringView text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n && isRegexSpace(text[i]))
        ++i;
    if (i < n && (text[i] == u'-' || text[i] == u'*' || text[i] == u'+')) {
        ++i;
    } else {
        const qsizetype digits = i;
        while (i < n && text[i] >= u'0' && text[i] <= u'9')
            ++i;
        if (i == digits || i >= n || (text[i] != u'.' && text[i] != u')'))
            return false;
        ++i;
    }
    return i < n && isRegexSpace(text[i]);
}

// A Markdown heading line: "^#{1,6}\s".
bool isHeading(QStringView line)
{
    qsizetype hashes = 0;
    while (hashes < line.size() && line[hashes] == u'#')
        ++hashes;
    return hashes >= 1 && hashes <= 6 && hashes < line.size() && isRegexSpace(line[hashes]);
}

/** A brief cut into units, with their index, their features and, per
 *  model, their tokens. */
struct BriefUnits
{
    QString brief;
    QStringList units;
    Bm25Index index;
    QList<TokenFeatures> features;   ///< TokenScan::scan() of each unit
    QString tokensModel;   ///< the model `tokens` were counted for
    QList<int> tokens;     ///< estimateTokens() of each unit

    const QList<int> &tokensFor(const QString &model)
    {
        if (tokens.size() != units.size() || tokensModel != model) {
            const TokenCounter &counter = TokenCounter::instance();
            tokens.clear();
            tokens.reserve(units.size());
            for (const TokenFeatures &f : std::as_const(features))
                tokens << counter.countTokens(f, model);
            tokensModel = model;
        }
        return tokens;
    }
};

BriefUnits cutBrief(const QString &brief)
{
    // Units: paragraphs, with each list item on its own, since a brief's key
    // facts are usually a bullet list and only some of them concern a section.
    QStringList units;
    for (const QString &paragraph : paragraphsOf(brief)) {
        QString pending;
        for (const QString &line : paragraph.split(QLatin1Char('\n'))) {
            if (isHeading(line))
                continue;
            if (isListItem(line) && !pending.isEmpty()) {
                units << pending;
                pending.clear();
            }
            pending += (pending.isEmpty() ? QString() : QStringLiteral("\n")) + line;
        }
        if (!pending.trimmed().isEmpty())
            units << pending.trimmed();
    }
    QList<SourceChunk> chunks;
    for (int i = 0; i < units.size(); ++i)
        chunks.append({0, i, units.at(i), 0});
    BriefUnits cut;
    cut.brief = brief;
    cut.units = units;
    cut.index = Bm25Index(chunks);
    cut.features.reserve(units.size());
    for (const QString &unit : std::as_const(units))
        cut.features << TokenCounter::featuresOf(unit);
    return cut;
}

// Every section of a document is compacted from the same brief, twice (its
// prompt budget, then its prompt): the units, their index and their tokens
// are made once per brief, not once per call. Several briefs are kept, for
// the documents that run side by side.
BriefUnits &unitsOf(const QString &brief)
{
    constexpr size_t kBriefs = 16;
    thread_local std::array<BriefUnits, kBriefs> cache;
    thread_local size_t next = 0;
    // A document passes its own brief around: the same buffer is found
    // without comparing the text. (An unused slot holds what an empty brief
    // is cut into.)
    for (BriefUnits &entry : cache)
        if (entry.brief.size() == brief.size()
            && (entry.brief.constData() == brief.constData() || entry.brief == brief))
            return entry;
    BriefUnits &slot = cache[next];
    next = (next + 1) % kBriefs;
    slot = cutBrief(brief);
    return slot;
}

} // namespace

QString compactForSection(const QString &brief, const OutlineSection &section, int maxTokens, const QString &model)
{
    if (maxTokens < 1)
        return {};

    BriefUnits &cut = unitsOf(brief);
    const QStringList units = cut.units;
    const Bm25Index &index = cut.index;
    if (units.isEmpty())
        return {};
    const QList<int> tokens = cut.tokensFor(model);
    const QString query = section.title + QLatin1Char(' ') + section.plan + QLatin1Char(' ')
        + section.keyPoints.join(QLatin1Char(' '));
    // Only the clearly relevant: a paragraph that merely shares the topic's
    // name with the section is not worth its tokens, however large the budget.
    QList<int> order;
    const QList<SourceChunk> hits = index.search(query, int(units.size()));
    for (const SourceChunk &hit : hits) {
        if (hit.score >= kMinRelevance * hits.first().score)
            order << hit.index;
    }
    if (order.isEmpty()) {
        for (int i = 0; i < units.size(); ++i)
            order << i;
    }

    // Best first while they fit; a long unit that does not fit leaves room
    // for shorter relevant ones after it.
    QList<int> chosen;
    int used = 0;
    for (int i : std::as_const(order)) {
        const int cost = tokens.at(i) + 1;
        if (used + cost > maxTokens)
            continue;
        chosen << i;
        used += cost;
    }
    if (chosen.isEmpty())
        return fitToTokens(units.at(order.first()), maxTokens, model);
    std::sort(chosen.begin(), chosen.end());

    QString out;
    // The excerpt's features, from its units': counting it below, and in
    // the prompt that takes it in, scans nothing again (scanning it was a
    // good part of counting a section's prompt).
    TokenScan::Joiner joined;
    bool featuresKnown = true;
    for (qsizetype k = 0; k < chosen.size(); ++k) {
        const int i = chosen.at(k);
        const QString &unit = units.at(i);
        int breaks = 0;
        if (k > 0) {
            breaks = (chosen.at(k - 1) + 1 == i && isListItem(unit)) ? 1 : 2;
            out += breaks == 1 ? QStringLiteral("\n") : QStringLiteral("\n\n");
        }
        out += unit;
        featuresKnown = featuresKnown && joined.add(unit, cut.features.at(i), breaks);
    }
    if (featuresKnown)
        TokenCounter::remember(out, joined.features());
    // The units were chosen by their own counts: trim if the joins tipped it over.
    return estimateTokens(out, model) <= maxTokens ? out : fitToTokens(out, maxTokens, model);
}

} // namespace Madf

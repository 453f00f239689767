#include "core/llm/simulatedprovider.h"

#include "core/llm/simulatedtext.h"
#include "core/llm/simulatorcpu.h"
#include "core/llm/tokencounter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Madf {

namespace {

constexpr int kDefaultWords = 150;
constexpr int kWordsPerSection = 120;
constexpr int kWordsPerParagraph = 70;
constexpr int kMaxWords = 20000;

struct NamedProfile
{
    const char *prefix;
    SimulatedProvider::LatencyProfile profile;
};

// Most specific first: the first prefix found in the model name wins.
const NamedProfile kProfiles[] = {
    {"gpt-4o-mini", {300, 110}},
    {"gpt-4o", {400, 80}},
    {"gpt-4-turbo", {600, 40}},
    {"gpt-4", {800, 30}},
    {"gpt-3.5-turbo", {300, 90}},
    {"claude-3-5-haiku", {400, 120}},
    {"claude-3-haiku", {350, 130}},
    {"claude-3-opus", {1200, 25}},
    {"claude-3-5-sonnet", {600, 60}},
    {"claude", {600, 60}},
    {"llama", {200, 40}},
};

QString promptText(const LlmRequest &request)
{
    QString all = request.system;
    for (const LlmMessage &m : request.messages) {
        all.append(QLatin1Char('\n'));
        all.append(m.content);
    }
    return all;
}

QString lastUserText(const LlmRequest &request)
{
    for (auto it = request.messages.crbegin(); it != request.messages.crend(); ++it) {
        if (it->role == QLatin1String("user"))
            return it->content;
    }
    return request.system;
}

quint64 seedOf(const LlmRequest &request)
{
    quint64 h = SimulatedText::fingerprint(request.model);
    h = SimulatedText::fingerprint(request.system, h ^ 0x1f);
    for (const LlmMessage &m : request.messages) {
        h = SimulatedText::fingerprint(m.role, h ^ 0x1e);
        h = SimulatedText::fingerprint(m.content, h ^ 0x1f);
    }
    return h;
}

std::optional<QString> jsonAfterMarker(const QString &text)
{
    static const QLatin1String marker("SIMULATED_JSON:");
    const qsizetype at = text.lastIndexOf(marker);
    if (at < 0)
        return std::nullopt;
    const QString rest = text.mid(at + marker.size());
    const qsizetype lineEnd = rest.indexOf(QLatin1Char('\n'));
    const QString line = (lineEnd < 0 ? rest : rest.left(lineEnd)).trimmed();
    QJsonParseError error;
    QJsonDocument::fromJson(line.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError || lineEnd < 0)
        return line;
    // JSON spread over several lines: everything up to where it parses.
    const QString block = rest.trimmed();
    QJsonDocument::fromJson(block.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? block : line;
}

// "[n] ..." lines at the start of a line: the numbered sources or passages
// a prompt offers for citation.
QList<int> citableSources(const QString &prompt)
{
    static const QRegularExpression re(QStringLiteral("^\\[(\\d{1,3})\\] \\S"), QRegularExpression::MultilineOption);
    QList<int> numbers;
    for (auto it = re.globalMatch(prompt); it.hasNext();) {
        const int n = it.next().captured(1).toInt();
        if (n > 0 && !numbers.contains(n))
            numbers.append(n);
    }
    return numbers;
}

bool asksForJson(const QString &prompt)
{
    return prompt.contains(QLatin1String("Respond with JSON"), Qt::CaseInsensitive)
        || prompt.contains(QLatin1String("JSON object"), Qt::CaseInsensitive);
}

bool asksForSections(const QString &prompt)
{
    static const QRegularExpression re(QStringLiteral("\\b(sections?|markdown|headings?)\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(prompt).hasMatch();
}

// Cuts @p text at a word boundary to at most @p maxTokens; true when it cut.
bool cutToTokens(QString *text, int maxTokens, const TokenCounter &counter, const QString &model)
{
    if (maxTokens <= 0 || counter.countTokens(*text, model) <= maxTokens)
        return false;
    // Binary search over the word boundaries: the longest prefix that fits.
    QList<qsizetype> ends;
    for (qsizetype i = 1; i < text->size(); ++i) {
        if (text->at(i).isSpace() && !text->at(i - 1).isSpace())
            ends.append(i);
    }
    ends.append(text->size());
    qsizetype lo = 0;
    qsizetype hi = ends.size() - 1;
    qsizetype best = -1;
    while (lo <= hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (counter.countTokens(text->left(ends.at(mid)), model) <= maxTokens) {
            best = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    text->truncate(best < 0 ? 0 : ends.at(best));
    return true;
}

} // namespace

std::optional<QString> SimulatedProvider::dictatedJson(const LlmRequest &request)
{
    for (auto it = request.messages.crbegin(); it != request.messages.crend(); ++it) {
        if (it->role != QLatin1String("assistant")) {
            if (auto json = jsonAfterMarker(it->content))
                return json;
        }
    }
    return jsonAfterMarker(request.system);
}

int SimulatedProvider::requestedWords(const QString &prompt)
{
    static const QRegularExpression range(QStringLiteral("\\b(\\d{1,5})\\s*(?:-|–|to)\\s*(\\d{1,5})[\\s-]*words?\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression words(QStringLiteral("\\b(\\d{1,5})[\\s-]*words?\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression paragraphs(QStringLiteral("\\b(\\d{1,3})\\s+paragraphs?\\b"),
                                               QRegularExpression::CaseInsensitiveOption);
    if (const auto m = range.match(prompt); m.hasMatch())
        return qBound(1, (m.captured(1).toInt() + m.captured(2).toInt()) / 2, kMaxWords);
    if (const auto m = words.match(prompt); m.hasMatch())
        return qBound(1, m.captured(1).toInt(), kMaxWords);
    if (const auto m = paragraphs.match(prompt); m.hasMatch())
        return qBound(1, m.captured(1).toInt() * kWordsPerParagraph, kMaxWords);
    return 0;
}

QStringList SimulatedProvider::requestedSections(const QString &prompt)
{
    QStringList names;
    // Listed one a line: "- Introduction", "2. Methods", "## Results".
    static const QRegularExpression item(QStringLiteral("^\\s*(?:[-*•]|\\d{1,2}[.)]|#{1,3})\\s+(.{2,60}?)\\s*:?\\s*$"),
                                         QRegularExpression::MultilineOption);
    for (auto it = item.globalMatch(prompt); it.hasNext();) {
        const QString name = it.next().captured(1).trimmed();
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    if (names.size() >= 2)
        return names.mid(0, 12);
    // In a sentence: "with the sections Introduction, Background and Conclusion, about 500 words."
    static const QRegularExpression lead(QStringLiteral("\\bsections?\\s*(?:named|called|titled)?\\s*:?\\s*"),
                                         QRegularExpression::CaseInsensitiveOption);
    names.clear();
    for (auto it = lead.globalMatch(prompt); it.hasNext() && names.size() < 2;) {
        const auto m = it.next();
        QString rest = prompt.mid(m.capturedEnd());
        static const QRegularExpression end(QStringLiteral("[.;:!?\\n]"));
        const qsizetype stop = rest.indexOf(end);
        if (stop >= 0)
            rest.truncate(stop);
        names.clear();
        static const QRegularExpression separators(QStringLiteral("\\s*(?:,\\s*and\\s+|,|\\band\\b|&)\\s*"));
        // Names are capitalised; the list ends at the first part that is not ("..., about 500 words").
        for (const QString &part : rest.split(separators, Qt::SkipEmptyParts)) {
            const QString name = part.trimmed();
            if (name.isEmpty() || !name.at(0).isUpper() || name.size() > 40)
                break;
            names.append(name);
        }
    }
    return names.size() >= 2 ? names.mid(0, 12) : QStringList();
}

SimulatedProvider::Reply SimulatedProvider::reply(const LlmRequest &request, const TokenCounter &counter)
{
    const SimulatorCpu::Scope simulator;
    Reply reply;
    const QString prompt = promptText(request);
    const QString ask = lastUserText(request);
    SimulatedText text(seedOf(request), SimulatedText::topicWords(ask));
    text.setCitable(citableSources(ask));

    if (const auto json = dictatedJson(request)) {
        reply.text = *json;
    } else if (asksForJson(prompt)) {
        reply.text = text.jsonObject();
    } else {
        int words = requestedWords(ask);
        if (words == 0)
            words = requestedWords(request.system);
        if (asksForSections(ask) || asksForSections(request.system)) {
            QStringList sections = requestedSections(ask);
            if (sections.isEmpty())
                sections = requestedSections(request.system);
            if (words == 0)
                words = kWordsPerSection * int(qMax<qsizetype>(3, sections.size()));
            reply.text = text.markdown(sections, words);
        } else {
            reply.text = text.prose(words > 0 ? words : kDefaultWords);
        }
    }
    reply.finishReason = cutToTokens(&reply.text, request.maxTokens, counter, request.model) ? QStringLiteral("length")
                                                                                             : QStringLiteral("stop");
    reply.promptTokens = counter.countPromptTokens(request);
    reply.completionTokens = counter.countTokens(reply.text, request.model);
    return reply;
}

SimulatedProvider::LatencyProfile SimulatedProvider::profile(const QString &model)
{
    for (const NamedProfile &p : kProfiles) {
        if (model.contains(QLatin1String(p.prefix), Qt::CaseInsensitive))
            return p.profile;
    }
    return {};
}

std::optional<SimulatedProvider::Fault> SimulatedProvider::fault(const QString &model)
{
    static const QLatin1String prefix("sim-fault-");
    if (!model.startsWith(prefix, Qt::CaseInsensitive))
        return std::nullopt;
    QString name = model.mid(prefix.size());
    Fault fault;
    static const QRegularExpression counted(QStringLiteral("^(.+)-(\\d+)$"));
    if (const auto m = counted.match(name); m.hasMatch()) {
        name = m.captured(1);
        fault.failingAttempts = m.captured(2).toInt();
    }
    bool ok = false;
    fault.kind = llmErrorKindFromString(name.replace(QLatin1Char('-'), QLatin1Char('_')), &ok);
    if (!ok || fault.kind == LlmErrorKind::None || fault.kind == LlmErrorKind::Cancelled) {
        fault.kind = LlmErrorKind::InvalidRequest;
        fault.failingAttempts = -1;
        fault.message = QCoreApplication::translate("Madf::SimulatedProvider",
                                                    "Unknown simulated fault '%1' (model %2).").arg(name, model);
        return fault;
    }
    fault.message = QCoreApplication::translate("Madf::SimulatedProvider", "Simulated %1 fault (model %2).")
                        .arg(toString(fault.kind), model);
    return fault;
}

QStringList SimulatedProvider::models()
{
    return {QStringLiteral("gpt-4"), QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"),
            QStringLiteral("gpt-3.5-turbo"), QStringLiteral("claude-3-5-sonnet"), QStringLiteral("claude-3-5-haiku")};
}

} // namespace Madf

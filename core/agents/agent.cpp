#include "core/agents/agent.h"

#include "core/agents/promptbudget.h"
#include "core/agents/promptlibrary.h"
#include "core/llm/tokencounter.h"
#include "core/llm/tokenscan.h"

#include <QRegularExpression>
#include <QSet>

#include <limits>
#include <optional>

namespace Madf {

namespace {

const QString kSimulatedMarker = QStringLiteral("SIMULATED_JSON:");

QString simulatedLine(const QString &json)
{
    // One line: the simulator reads the rest of the line as the reply.
    return kSimulatedMarker + QLatin1Char(' ') + QString(json).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

// At most how many tokens a rendered prompt has, from what it was made of:
// the long values it took in (a draft, a brief: counted before, and
// remembered by the counter), the rest, and a few at each seam between them
// (a word cut in two, rounding). Within a few dozen tokens of the exact
// count, without counting the whole prompt again. Nullopt when unknown.
std::optional<int> inputBound(const QString &model, const PromptTemplate::Parts &parts)
{
    if (!parts.known)
        return std::nullopt;
    constexpr int kSeamTokens = 3;
    const TokenCounter &counter = TokenCounter::instance();
    // The pieces' own blank ends are in their features already.
    qint64 bound = counter.countTokens(parts.other, model) + kSeamTokens * (parts.seams + 2);
    for (const QString &value : parts.large)
        // A run of spaces costs by its length once a word follows it, and a
        // seam can join two runs counted apart: a token for each blank at
        // the ends.
        bound += counter.countTokens(value, model) + TokenScan::blankEnds(value);
    return int(qMin<qint64>(bound, std::numeric_limits<int>::max()));
}

} // namespace

Agent::Agent(QString name, AgentConfig config, const PromptLibrary *prompts, bool simulated)
    : m_name(std::move(name))
    , m_config(std::move(config))
    , m_prompts(prompts)
    , m_simulated(simulated)
{
}

bool Agent::isJsonPrompt(const QString &prompt)
{
    static const QSet<QString> json {
        QStringLiteral("research-plan"),     QStringLiteral("outline"),
        QStringLiteral("edit-structure"),    QStringLiteral("verify-accuracy"),
        QStringLiteral("verify-completeness"), QStringLiteral("verify-quality"),
        QStringLiteral("repair-json"),
    };
    return json.contains(prompt);
}

LlmRequest Agent::baseRequest(int maxTokens) const
{
    const ModelConfig &model = m_config.modelConfig;
    LlmRequest request;
    request.provider = model.provider;
    request.model = model.model;
    request.temperature = model.temperature;
    request.maxTokens = maxTokens > 0 ? maxTokens : model.maxTokens;
    request.timeoutMs = qMax(1, m_config.timeout) * 1000;
    request.maxRetries = qMax(0, m_config.maxRetries);
    request.apiKey = model.apiKey;
    return request;
}

// The reply gets what the window has left after the input, never more than asked.
void Agent::capReply(LlmRequest *request, int inputTokens) const
{
    const int window = modelContextWindow(request->model);
    const int input = inputTokens >= 0
        ? inputTokens
        : estimateTokens(request->system, request->model)
            + estimateTokens(request->messages.isEmpty() ? QString() : request->messages.constLast().content,
                             request->model);
    const int room = window - input - replyMargin(window);
    request->maxTokens = qMax(qMin(request->maxTokens, room), qMin(request->maxTokens, 256));
}

LlmRequest Agent::makeRequest(const QString &prompt, const QVariantMap &vars, const QString &simulatedJson,
                              int maxTokens, const QString &fitVariable) const
{
    LlmRequest request = baseRequest(maxTokens);
    request.stream = !isJsonPrompt(prompt);
    const QString documentId = vars.value(QStringLiteral("document_id")).toString();
    request.tag = (documentId.isEmpty() ? QString() : documentId + QLatin1Char('/')) + m_name + QLatin1Char('/') + prompt;
    if (!m_prompts)
        return request;

    const QString marker = (m_simulated && !simulatedJson.isEmpty()) ? simulatedLine(simulatedJson) : QString();
    const TokenCounter &counter = TokenCounter::instance();
    const int window = modelContextWindow(request.model);
    // Input that leaves the whole max_tokens to the reply: the request then
    // stands as it is, and its prompt need not be counted.
    const qint64 roomy = qint64(window) - replyMargin(window) - request.maxTokens;
    // With a large window, a prompt's length alone shows that it fits (at
    // the dearest a character can cost), and nothing is counted at all. A
    // small one is counted from its parts: the long values were counted
    // before, and only the template's pieces between them are new.
    constexpr qint64 kLongPrompt = 24000;   ///< characters: a whole draft and a brief
    const bool byLength = counter.upperBound(kLongPrompt, request.model) <= roomy;
    PromptTemplate::Parts parts;
    auto render = [&](const QVariantMap &values, PromptTemplate::Parts *collect) {
        parts = {};
        request.system = m_prompts->system(prompt, values, collect);
        // Room for the marker: appending it then copies nothing.
        QString user = m_prompts->user(prompt, values, collect, marker.isEmpty() ? 0 : 2 + marker.size());
        if (!marker.isEmpty()) {
            user += QStringLiteral("\n\n");
            user += marker;
            if (collect)
                collect->other += TokenScan::piece(marker);
        }
        request.messages = {{QStringLiteral("user"), user}};
    };
    auto counted = [&] {
        return estimateTokens(request.system, request.model)
            + estimateTokens(request.messages.constLast().content, request.model);
    };
    render(vars, byLength ? nullptr : &parts);
    if (byLength) {
        // Each of the two texts' counts is within its own bound: one more
        // than the bound of their sum.
        const qint64 units = request.system.size() + request.messages.constLast().content.size();
        if (qint64(counter.upperBound(units, request.model)) + 1 <= roomy)
            return request;
    } else if (const std::optional<int> bound = inputBound(request.model, parts)) {
        // Counting a long prompt costs more than rendering it, and most
        // prompts are inside the model's window: when the bound fits, it
        // stands in for the count. The reply's cap then comes from the
        // bound, a few dozen tokens under what the count would allow at
        // most (the estimate's own error, which the margin covers, is
        // larger).
        if (*bound <= inputBudget(request.model, request.maxTokens)) {
            capReply(&request, *bound);
            return request;
        }
    }

    const int budget = inputBudget(request.model, request.maxTokens);
    int input = counted();
    if (input > budget && !fitVariable.isEmpty() && vars.contains(fitVariable)) {
        // Measure the prompt without the bulky variable, then give it what is
        // left; only such a prompt is rendered twice.
        QVariantMap without = vars;
        without.insert(fitVariable, QStringLiteral("[…]"));
        const int overhead = estimateTokens(m_prompts->system(prompt, without), request.model)
            + estimateTokens(m_prompts->user(prompt, without), request.model) + estimateTokens(marker, request.model);
        QVariantMap fitted = vars;
        fitted.insert(fitVariable, fitToTokens(vars.value(fitVariable).toString(), qMax(1, budget - overhead), request.model));
        render(fitted, nullptr);
        input = counted();
    }
    capReply(&request, input);
    return request;
}

int Agent::inputTokenBudget(int maxTokens) const
{
    const ModelConfig &model = m_config.modelConfig;
    return inputBudget(model.model, maxTokens > 0 ? maxTokens : model.maxTokens);
}

LlmRequest Agent::repairRequest(const LlmRequest &original, const QString &badReply, const QString &error) const
{
    LlmRequest request = original;
    request.stream = false;
    request.messages.clear();
    request.tag = original.tag + QStringLiteral("/repair");
    if (!m_prompts)
        return request;

    // The original system prompt states the required shape; the original
    // user message (often a whole draft) is not needed to fix the syntax.
    const int budget = inputBudget(request.model, request.maxTokens);
    QVariantMap vars {
        {QStringLiteral("instructions"), fitToTokens(original.system, budget / 3, request.model)},
        {QStringLiteral("error"), error},
        {QStringLiteral("reply"), fitToTokens(badReply, budget / 2, request.model)},
    };
    request.system = m_prompts->system(QStringLiteral("repair-json"), vars);
    QString user = m_prompts->user(QStringLiteral("repair-json"), vars);

    // Keep the simulator's instruction so that the repaired reply is valid too.
    static const QRegularExpression markerRe(QStringLiteral("^SIMULATED_JSON:[^\\n]*$"), QRegularExpression::MultilineOption);
    if (m_simulated && !original.messages.isEmpty()) {
        const QRegularExpressionMatch m = markerRe.match(original.messages.constLast().content);
        if (m.hasMatch())
            user += QStringLiteral("\n\n") + m.captured();
    }
    request.messages.append({QStringLiteral("user"), user});
    capReply(&request);
    return request;
}

} // namespace Madf

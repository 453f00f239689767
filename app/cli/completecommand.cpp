#include "cli.h"
#include "clisupport.h"
#include "commands.h"

#include "core/cost/configpricing.h"
#include "core/llm/llmclient.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

QString usageText()
{
    return tr("Usage: madf complete --provider NAME [--model M] [--stream] [--max-tokens N]\n"
              "         [--system TEXT] [--json] [--config FILE] PROMPT\n");
}
} // namespace

int completeCommand(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOptions({
        {QStringLiteral("provider"), tr("a provider of the configuration"), tr("NAME")},
        {QStringLiteral("model"), tr("the model (default: the first agent's using that provider)"), tr("MODEL")},
        {QStringLiteral("stream"), tr("print the reply as it arrives")},
        {QStringLiteral("max-tokens"), tr("reply length limit"), tr("N")},
        {QStringLiteral("system"), tr("system prompt"), tr("TEXT")},
    });
    if (const int code = parseArgs(p, args, usageText()); code >= 0)
        return code;
    const QString prompt = p.positionalArguments().join(QLatin1Char(' '));
    if (!p.isSet(QStringLiteral("provider")) || prompt.isEmpty()) {
        err() << tr("madf complete: give --provider and a PROMPT\n") << usageText();
        return ExitUsage;
    }
    const std::optional<Config> config = loadConfig(p);
    if (!config)
        return ExitUsage;
    const QString provider = p.value(QStringLiteral("provider"));
    if (!config->providers.contains(provider)) {
        err() << tr("madf complete: \"%1\" is not a provider (defined: %2)\n")
                     .arg(provider, config->providers.keys().join(QStringLiteral(", ")));
        return ExitUsage;
    }

    // The same limits an agent on this provider would have.
    AgentConfig agent;
    for (const AgentConfig &a : config->agents)
        if (a.modelConfig.provider == provider) {
            agent = a;
            break;
        }
    LlmRequest request;
    request.provider = provider;
    request.model = p.value(QStringLiteral("model"));
    if (request.model.isEmpty())
        request.model = agent.modelConfig.model;
    request.system = p.value(QStringLiteral("system"));
    request.messages = {{QStringLiteral("user"), prompt}};
    request.stream = p.isSet(QStringLiteral("stream"));
    request.timeoutMs = agent.timeout * 1000;
    request.maxRetries = agent.maxRetries;
    request.maxTokens = agent.modelConfig.maxTokens;
    request.tag = QStringLiteral("cli/complete");
    if (p.isSet(QStringLiteral("max-tokens"))) {
        bool ok = false;
        request.maxTokens = p.value(QStringLiteral("max-tokens")).toInt(&ok);
        if (!ok || request.maxTokens < 1) {
            err() << tr("--max-tokens: \"%1\" is not a positive whole number\n").arg(p.value(QStringLiteral("max-tokens")));
            return ExitUsage;
        }
    }

    const bool json = p.isSet(QStringLiteral("json"));
    LlmClient client(*config);
    QEventLoop loop;
    LlmResult result;
    LlmCall *call = client.start(request);
    if (request.stream && !json)
        QObject::connect(call, &LlmCall::textReceived, &loop, [](const QString &delta) {
            out() << delta;
            out().flush();
        });
    QObject::connect(call, &LlmCall::retrying, &loop, [](int attempt, LlmErrorKind kind, qint64 delayMs) {
        err() << tr("retry %1 after %2 in %3 ms\n").arg(attempt).arg(toString(kind)).arg(delayMs);
        err().flush();
    });
    QObject::connect(call, &LlmCall::finished, &loop, [&](const LlmResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();

    const std::optional<double> cost =
        pricingFor(*config).cost(result.model.isEmpty() ? request.model : result.model, result.usage,
                                 config->providers.value(provider).local);
    const TokenUsage &u = result.usage;
    if (json) {
        printJson({
            {QStringLiteral("ok"), result.ok()},
            {QStringLiteral("text"), result.text},
            {QStringLiteral("provider"), result.provider},
            {QStringLiteral("model"), result.model},
            {QStringLiteral("finish_reason"), result.finishReason},
            {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), u.promptTokens},
                                                  {QStringLiteral("completion_tokens"), u.completionTokens},
                                                  {QStringLiteral("estimated"), u.estimated}}},
            {QStringLiteral("cost"), cost ? QJsonValue(*cost) : QJsonValue()},
            {QStringLiteral("queued_ms"), result.timings.queuedMs},
            {QStringLiteral("ttft_ms"), result.timings.firstTokenMs},
            {QStringLiteral("total_ms"), result.timings.totalMs},
            {QStringLiteral("attempts"), result.timings.attempts},
            {QStringLiteral("error_kind"), toString(result.errorKind)},
            {QStringLiteral("error"), result.errorMessage},
            {QStringLiteral("simulated"), result.simulated},
        });
    } else {
        if (!request.stream)
            out() << result.text;
        if (!result.text.isEmpty() && !result.text.endsWith(QLatin1Char('\n')))
            out() << '\n';
        out().flush();
        err() << tr("usage: %1 prompt + %2 completion tokens%3 · cost %4\n")
                     .arg(u.promptTokens)
                     .arg(u.completionTokens)
                     .arg(u.estimated ? tr(" (estimated)") : QString(),
                          formatCost(cost) + (result.simulated ? tr(" (simulated: not paid)") : QString()))
              << tr("timings: queued %1 ms · ttft %2 · total %3 ms · attempts %4\n")
                     .arg(result.timings.queuedMs)
                     .arg(result.timings.firstTokenMs >= 0 ? tr("%1 ms").arg(result.timings.firstTokenMs) : tr("-"))
                     .arg(result.timings.totalMs)
                     .arg(result.timings.attempts);
        if (!result.ok())
            err() << tr("error: %1: %2\n%3\n")
                         .arg(toString(result.errorKind), result.errorMessage, llmErrorAdvice(result.errorKind));
    }
    return result.ok() ? ExitOk : (result.status == LlmResult::Cancelled ? ExitInterrupted : ExitFailure);
}

} // namespace Madf::Cli

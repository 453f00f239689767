#include "cli.h"
#include "clisupport.h"
#include "commands.h"

#include "core/llm/llmclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QProcessEnvironment>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

QString usageText()
{
    return tr("Usage:\n"
              "  madf providers list [--json] [--config FILE]\n"
              "  madf providers test NAME [--json] [--config FILE]\n"
              "  madf providers models NAME [--config FILE]\n");
}

QStringList agentsUsing(const Config &config, const QString &provider)
{
    QStringList names;
    for (auto it = config.agents.cbegin(); it != config.agents.cend(); ++it)
        if (it->modelConfig.provider == provider)
            names << it.key();
    return names;
}

int list(const Config &config, bool json)
{
    QJsonArray array;
    for (const ProviderConfig &pc : config.providers) {
        // Only whether a key is there: the key itself is never shown.
        const bool keySet = !config.apiKeyFor(pc.name).isEmpty();
        const QStringList agents = agentsUsing(config, pc.name);
        if (json) {
            array.append(QJsonObject{
                {QStringLiteral("name"), pc.name},
                {QStringLiteral("api"), pc.api},
                {QStringLiteral("base_urls"), QJsonArray::fromStringList(pc.baseUrls)},
                {QStringLiteral("api_key_env"), pc.apiKeyEnv},
                {QStringLiteral("key_set"), keySet},
                {QStringLiteral("local"), pc.local},
                {QStringLiteral("agents"), QJsonArray::fromStringList(agents)},
            });
            continue;
        }
        out() << pc.name << '\n'
              << tr("  api:      %1\n").arg(pc.api);
        if (!pc.baseUrls.isEmpty())
            out() << tr("  base URL: %1\n").arg(pc.baseUrls.join(QStringLiteral(", ")));
        if (!pc.apiKeyEnv.isEmpty())
            out() << tr("  key:      $%1 %2\n").arg(pc.apiKeyEnv, keySet ? tr("(set)") : tr("(not set)"));
        if (pc.local)
            out() << tr("  local:    yes\n");
        out() << tr("  agents:   %1\n").arg(agents.isEmpty() ? tr("none") : agents.join(QStringLiteral(", ")));
    }
    if (json)
        printJson({{QStringLiteral("providers"), array}});
    return ExitOk;
}

int test(const Config &config, const QString &name, bool json)
{
    LlmClient client(config);
    QEventLoop loop;
    ConnectionReport report;
    client.testConnection(name, &loop, [&](ConnectionReport r) {
        report = r;
        loop.quit();
    });
    loop.exec();
    if (json) {
        printJson({
            {QStringLiteral("provider"), report.provider},
            {QStringLiteral("base_url"), report.baseUrl},
            {QStringLiteral("reachable"), report.reachable},
            {QStringLiteral("key_accepted"), report.keyAccepted},
            {QStringLiteral("latency_ms"), report.latencyMs},
            {QStringLiteral("models"), int(report.models.size())},
            {QStringLiteral("error"), report.error},
            {QStringLiteral("error_kind"), toString(report.errorKind)},
            {QStringLiteral("ok"), report.ok()},
        });
    } else {
        out() << tr("%1 (%2)\n").arg(name, report.baseUrl.isEmpty() ? tr("no URL") : report.baseUrl)
              << tr("  reachable:    %1\n").arg(report.reachable ? tr("yes") : tr("no"))
              << tr("  key accepted: %1\n").arg(report.keyAccepted ? tr("yes") : tr("no"))
              << tr("  latency:      %1\n").arg(report.latencyMs >= 0 ? tr("%1 ms").arg(report.latencyMs) : tr("-"))
              << tr("  models:       %1\n").arg(report.models.size());
        if (!report.error.isEmpty())
            err() << tr("error (%1): %2\n").arg(toString(report.errorKind), report.error);
    }
    return report.ok() ? ExitOk : ExitFailure;
}

int models(const Config &config, const QString &name)
{
    LlmClient client(config);
    QEventLoop loop;
    QStringList found;
    QString error;
    client.listModels(name, &loop, [&](QStringList m, QString e) {
        found = m;
        error = e;
        loop.quit();
    });
    loop.exec();
    for (const QString &m : std::as_const(found))
        out() << m << '\n';
    if (!error.isEmpty()) {
        err() << error << '\n';
        return ExitFailure;
    }
    return ExitOk;
}
} // namespace

int providersCommand(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    if (const int code = parseArgs(p, args, usageText()); code >= 0)
        return code;
    const QStringList pos = p.positionalArguments();
    const QString sub = pos.value(0);
    const bool needsName = sub == QLatin1String("test") || sub == QLatin1String("models");
    if ((sub != QLatin1String("list") && !needsName) || pos.size() != (needsName ? 2 : 1)) {
        err() << (sub.isEmpty() ? tr("madf providers: give a subcommand\n")
                                : tr("madf providers: bad arguments\n"))
              << usageText();
        return ExitUsage;
    }
    const std::optional<Config> config = loadConfig(p);
    if (!config)
        return ExitUsage;
    const QString name = pos.value(1);
    if (needsName && !config->providers.contains(name)) {
        err() << tr("madf providers: \"%1\" is not a provider (defined: %2)\n")
                     .arg(name, config->providers.keys().join(QStringLiteral(", ")));
        return ExitUsage;
    }
    if (sub == QLatin1String("list"))
        return list(*config, p.isSet(QStringLiteral("json")));
    if (sub == QLatin1String("test"))
        return test(*config, name, p.isSet(QStringLiteral("json")));
    return models(*config, name);
}

} // namespace Madf::Cli

#include "providertemplates.h"

#include "core/llm/localserverdetector.h"

#include <QCoreApplication>
#include <QUrl>

namespace Madf::Ui {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Ui::ProviderTemplate", text); }

QString localUrl(const QString &kind)
{
    return QStringLiteral("http://localhost:%1/v1").arg(LocalServerDetector::defaultPort(kind));
}
} // namespace

QList<ProviderTemplate> ProviderTemplate::all()
{
    const QString openai = QStringLiteral("openai");
    return {
        {openai, tr("OpenAI"), openai, QStringLiteral("https://api.openai.com/v1"), QStringLiteral("OPENAI_API_KEY"), false},
        {QStringLiteral("openrouter"), tr("OpenRouter"), openai, QStringLiteral("https://openrouter.ai/api/v1"),
         QStringLiteral("OPENROUTER_API_KEY"), false},
        {QStringLiteral("anthropic"), tr("Anthropic"), QStringLiteral("anthropic"), QStringLiteral("https://api.anthropic.com"),
         QStringLiteral("ANTHROPIC_API_KEY"), false},
        {QStringLiteral("custom"), tr("Other OpenAI-compatible server…"), openai, QString(), QString(), false},
        {QStringLiteral("ollama"), tr("Ollama (local)"), openai, localUrl(QStringLiteral("ollama")), QString(), true},
        {QStringLiteral("llamacpp"), tr("llama.cpp server (local)"), openai, localUrl(QStringLiteral("llamacpp")), QString(), true},
        {QStringLiteral("lmstudio"), tr("LM Studio (local)"), openai, localUrl(QStringLiteral("lmstudio")), QString(), true},
        {QStringLiteral("vllm"), tr("vLLM"), openai, localUrl(QStringLiteral("vllm")), QString(), true},
    };
}

std::optional<ProviderTemplate> ProviderTemplate::find(const QString &id)
{
    for (const ProviderTemplate &t : all())
        if (t.id == id)
            return t;
    return std::nullopt;
}

ProviderConfig ProviderTemplate::make(const QString &name) const
{
    ProviderConfig p;
    p.name = name;
    p.api = api;
    if (!baseUrl.isEmpty())
        p.baseUrls = {baseUrl};
    p.apiKeyEnv = keyEnv;
    p.local = local;
    return p;
}

std::optional<ProviderTemplate> ProviderTemplate::matching(const ProviderConfig &provider)
{
    const QUrl url(provider.baseUrls.value(0));
    for (const ProviderTemplate &t : all()) {
        const QUrl known(t.baseUrl);
        if (t.baseUrl.isEmpty() || t.api != provider.api)
            continue;
        const bool sameHost = known.host() == url.host()
                              || (t.local && (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("::1")
                                              || url.host() == QLatin1String("localhost")));
        if (sameHost && known.port() == url.port())
            return t;
    }
    return std::nullopt;
}

QString ProviderTemplate::describe(const ProviderConfig &provider)
{
    if (provider.api == QLatin1String("simulated"))
        return tr("Simulated (built in)");
    if (const auto t = matching(provider))
        return LocalServerDetector::labelFor(t->id) != t->id ? LocalServerDetector::labelFor(t->id) : t->label;
    if (provider.api == QLatin1String("anthropic"))
        return tr("Anthropic-compatible");
    return provider.local ? tr("OpenAI-compatible (local)") : tr("OpenAI-compatible");
}

} // namespace Madf::Ui

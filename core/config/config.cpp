#include "config.h"

#include "configschema.h"
#include "fieldvalue.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace Madf {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Config", text); }

QString expandHome(const QString &path)
{
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

ProviderConfig provider(const QString &name, const QString &api, const QString &url,
                        const QString &keyEnv, bool local = false)
{
    ProviderConfig p;
    p.name = name;
    p.api = api;
    if (!url.isEmpty())
        p.baseUrls = {url};
    p.apiKeyEnv = keyEnv;
    p.local = local;
    return p;
}

AgentConfig agent(const QString &name, double temperature, int maxTokens, int timeout)
{
    AgentConfig a;
    a.name = name;
    a.modelConfig.temperature = temperature;
    a.modelConfig.maxTokens = maxTokens;
    a.timeout = timeout;
    return a;
}
} // namespace

Config Config::defaults()
{
    Config c;
    // The reference YAML's per-agent values.
    c.agents.insert(QStringLiteral("research"), agent(QStringLiteral("research"), 0.3, 4000, 120));
    c.agents.insert(QStringLiteral("writing"), agent(QStringLiteral("writing"), 0.7, 8000, 180));
    c.agents.insert(QStringLiteral("editing"), agent(QStringLiteral("editing"), 0.5, 8000, 120));
    c.agents.insert(QStringLiteral("verification"), agent(QStringLiteral("verification"), 0.2, 4000, 120));

    c.providers.insert(QStringLiteral("openai"),
                       provider(QStringLiteral("openai"), QStringLiteral("openai"),
                                QStringLiteral("https://api.openai.com/v1"), QStringLiteral("OPENAI_API_KEY")));
    c.providers.insert(QStringLiteral("anthropic"),
                       provider(QStringLiteral("anthropic"), QStringLiteral("anthropic"),
                                QStringLiteral("https://api.anthropic.com"), QStringLiteral("ANTHROPIC_API_KEY")));
    c.providers.insert(QStringLiteral("ollama"),
                       provider(QStringLiteral("ollama"), QStringLiteral("openai"),
                                QStringLiteral("http://localhost:11434/v1"), {}, true));
    c.providers.insert(QStringLiteral("simulated"),
                       provider(QStringLiteral("simulated"), QStringLiteral("simulated"), {}, {}));
    return c;
}

QStringList Config::standardAgents()
{
    return {QStringLiteral("research"), QStringLiteral("writing"), QStringLiteral("editing"),
            QStringLiteral("verification")};
}

QVariant Config::value(const QString &keyPath) const
{
    const auto kp = KeyPath::parse(keyPath);
    if (!kp)
        return {};
    const void *obj = kp->section->constObject(*this, kp->instance);
    return obj ? kp->field->get(obj) : QVariant();
}

ConfigIssues Config::setValue(const QString &keyPath, const QVariant &value, const ValueOrigin &origin)
{
    ConfigIssue issue;
    issue.file = origin.kind == ValueOrigin::Environment ? origin.source : tr("runtime");
    issue.keyPath = keyPath;
    issue.value = value.toString();
    const auto kp = KeyPath::parse(keyPath);
    if (!kp) {
        issue.message = tr("no such setting");
        return {issue};
    }
    QString error;
    const QVariant checked = FieldValue::check(kp->field->spec, value, &error);
    if (!error.isEmpty()) {
        issue.message = error;
        return {issue};
    }
    kp->field->set(kp->section->object(*this, kp->instance, true), checked);
    origins.insert(kp->toString(), origin);
    return {};
}

ConfigIssues Config::validate() const
{
    ConfigIssues issues;
    auto report = [&](const QString &path, const QString &value, const QString &message) {
        ConfigIssue i;
        i.keyPath = path;
        i.value = value;
        i.message = message;
        const ValueOrigin o = origin(path);
        if (o.kind == ValueOrigin::File) {
            i.file = o.source;
            i.line = o.line;
            i.column = o.column;
        } else {
            i.file = o.describe();
        }
        issues << i;
    };

    for (const AgentConfig &a : agents) {
        const QString p = a.modelConfig.provider;
        if (!providers.contains(p)) {
            const QString hint = suggestKey(p, providers.keys());
            report(joinKeyPath(QStringLiteral("agents"), a.name, QStringLiteral("provider")), p,
                   hint.isEmpty() ? tr("\"%1\" is not a provider (defined: %2)").arg(p, providers.keys().join(QStringLiteral(", ")))
                                  : tr("\"%1\" is not a provider; did you mean \"%2\"?").arg(p, hint));
        }
        if (a.modelConfig.model.trimmed().isEmpty())
            report(joinKeyPath(QStringLiteral("agents"), a.name, QStringLiteral("model")), {},
                   tr("a model name is required"));
    }
    for (const ProviderConfig &p : providers) {
        const QString urlsPath = joinKeyPath(QStringLiteral("providers"), p.name, QStringLiteral("base_urls"));
        if (p.api != QLatin1String("simulated") && p.baseUrls.isEmpty())
            report(urlsPath, {}, tr("at least one base URL is required for api \"%1\"").arg(p.api));
        for (const QString &u : p.baseUrls) {
            const QUrl url(u, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
                || url.host().isEmpty())
                report(urlsPath, u, tr("\"%1\" is not an http(s) URL with a host").arg(u));
        }
        static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!p.apiKeyEnv.isEmpty() && !envName.match(p.apiKeyEnv).hasMatch())
            report(joinKeyPath(QStringLiteral("providers"), p.name, QStringLiteral("api_key_env")), p.apiKeyEnv,
                   tr("\"%1\" is not an environment variable name (letters, digits, _)").arg(p.apiKeyEnv));
    }
    return issues;
}

QString Config::resolvedStatePath() const
{
    if (!storage.statePath.isEmpty())
        return QDir::cleanPath(expandHome(storage.statePath));
    // XDG state dir: Qt 6.4 has no StateLocation yet (it came in 6.7).
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/madf");
}

QString Config::resolvedOutputPath() const
{
    if (!storage.outputPath.isEmpty())
        return QDir::cleanPath(expandHome(storage.outputPath));
    QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (docs.isEmpty())
        docs = QDir::homePath();
    return docs + QStringLiteral("/MADF");
}

QString Config::apiKeyFor(const QString &providerName) const
{
    for (const AgentConfig &a : agents)
        if (a.modelConfig.provider == providerName && !a.modelConfig.apiKey.isEmpty())
            return a.modelConfig.apiKey;
    // A key the user stored in the keychain is the more deliberate choice.
    if (const QString stored = providerKeys.value(providerName); !stored.isEmpty())
        return stored;
    const auto it = providers.constFind(providerName);
    QString env = it != providers.constEnd() ? it->apiKeyEnv : QString();
    if (env.isEmpty() && (it == providers.constEnd() || !it->local))
        env = providerName.toUpper() + QStringLiteral("_API_KEY"); // the framework's rule
    return env.isEmpty() ? QString() : qEnvironmentVariable(env.toLocal8Bit().constData());
}

bool Config::operator==(const Config &other) const
{
    for (const SectionSchema &s : configSchema()) {
        QStringList names = s.keyed ? s.instances(*this) : QStringList{QString()};
        if (s.keyed && names != s.instances(other))
            return false;
        for (const QString &instance : names) {
            const void *a = s.constObject(*this, instance);
            const void *b = s.constObject(other, instance);
            for (const FieldBinding &f : s.fields)
                if (f.get(a) != f.get(b))
                    return false;
        }
    }
    return providerKeys == other.providerKeys; // a new key changes what the engine can do
}

} // namespace Madf

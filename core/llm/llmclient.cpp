#include "core/llm/llmclient.h"

#include "core/llm/endpointpool.h"
#include "core/llm/httpconnectionpool.h"
#include "core/llm/httpllmcall.h"
#include "core/llm/providerprobe.h"
#include "core/llm/simulatedllmcall.h"
#include "core/llm/simulatedprovider.h"
#include "core/llm/tokencounter.h"
#include "core/llm/wireformat.h"
#include "core/log/log.h"

#include <QNetworkAccessManager>

namespace Madf {

namespace {

const QLatin1String kSimulated("simulated");

/** A call that could not even start: it fails on the next event-loop turn,
 *  so the caller has connected to it by then. */
class FailedLlmCall : public LlmCall
{
public:
    FailedLlmCall(const LlmRequest &request, LlmErrorKind kind, const QString &message, QObject *parent)
        : LlmCall(request, parent)
    {
        QMetaObject::invokeMethod(
            this, [this, kind, message] { fail(LlmResult::Failed, kind, message); }, Qt::QueuedConnection);
    }

    void cancel() override { fail(LlmResult::Cancelled, LlmErrorKind::Cancelled, QString()); }

private:
    void fail(LlmResult::Status status, LlmErrorKind kind, const QString &message)
    {
        if (isFinished())
            return;
        LlmResult result;
        result.status = status;
        result.errorKind = kind;
        result.errorMessage = message;
        result.provider = m_request.provider;
        result.model = m_request.model;
        finish(result);
    }
};

} // namespace

LlmClient::LlmClient(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_counter(&TokenCounter::instance())
{
    qRegisterMetaType<Madf::LlmResult>();
    qRegisterMetaType<Madf::LlmErrorKind>();
    qRegisterMetaType<Madf::ConnectionReport>();
    applyProviders();
}

LlmClient::~LlmClient()
{
    // Running calls hear Cancelled; no call is deleted under an owner that kept it.
    const QList<LlmCall *> calls = findChildren<LlmCall *>(Qt::FindDirectChildrenOnly);
    for (LlmCall *call : calls) {
        if (!call->isFinished())
            call->cancel();
        call->setParent(nullptr);
    }
}

void LlmClient::setConfig(const Config &config)
{
    m_config = config;
    applyProviders();
}

void LlmClient::setTokenCounter(TokenCounter *counter)
{
    m_counter = counter ? counter : &TokenCounter::instance();
}

void LlmClient::applyProviders()
{
    QHash<QString, Provider> next;
    for (auto it = m_config.providers.cbegin(); it != m_config.providers.cend(); ++it) {
        Provider p;
        p.config = it.value();
        if (p.config.name.isEmpty())
            p.config.name = it.key();
        const Provider old = m_providers.value(it.key());
        if (p.config.api.compare(kSimulated, Qt::CaseInsensitive) != 0) {
            p.wire = old.wire && old.config.api == p.config.api ? old.wire
                                                                : std::shared_ptr<const WireFormat>(createWireFormat(p.config.api));
        }
        if (p.wire) {
            p.pool = old.pool;
            if (p.pool) {
                p.pool->setConfig(p.config);
            } else {
                p.pool = new EndpointPool(p.config, this);
                const QString name = it.key();
                connect(p.pool, &EndpointPool::statusChanged, this, [this, name] { Q_EMIT endpointStatusChanged(name); });
            }
        }
        next.insert(it.key(), p);
    }
    QStringList dropped;
    for (auto it = m_providers.cbegin(); it != m_providers.cend(); ++it) {
        // Gone, or no longer spoken over HTTP: its queued calls are told, running ones finish.
        if (it->pool && (!next.contains(it.key()) || next.value(it.key()).pool != it->pool)) {
            delete it->pool.data();
            dropped << it.key();
        }
    }
    m_providers = next;
    // Its endpoints are gone: whoever shows them hears it (an empty list),
    // after any report the pool sent before.
    for (const QString &name : std::as_const(dropped))
        Q_EMIT endpointStatusChanged(name);
}

QString LlmClient::resolveKey(const QString &provider, const QString &requestKey) const
{
    return requestKey.isEmpty() ? m_config.apiKeyFor(provider) : requestKey;
}

void LlmClient::registerSecret(const QString &key)
{
    if (key.size() < 4 || m_registeredSecrets.contains(key))
        return;
    m_registeredSecrets.insert(key);
    Log::registerSecret(key);
}

QString LlmClient::unusableReason(const QString &provider, const QString &apiKey) const
{
    const auto it = m_providers.constFind(provider);
    if (it == m_providers.cend()) {
        return tr("No provider named '%1' is configured: add it under `providers:` or choose another provider.")
            .arg(provider);
    }
    const ProviderConfig &config = it->config;
    if (config.api.compare(kSimulated, Qt::CaseInsensitive) == 0)
        return {};
    if (!it->wire) {
        return tr("Provider '%1' uses the API '%2', which is not supported (use openai, anthropic or simulated).")
            .arg(provider, config.api);
    }
    if (config.baseUrls.isEmpty())
        return tr("Provider '%1' has no base URL: set providers.%1.base_url.").arg(provider);
    if (!config.local && resolveKey(provider, apiKey).isEmpty()) {
        const QString env = config.apiKeyEnv.isEmpty() ? provider.toUpper() + QStringLiteral("_API_KEY") : config.apiKeyEnv;
        return tr("Provider '%1' needs an API key: set the environment variable %2 (or mark the provider local).")
            .arg(provider, env);
    }
    return {};
}

LlmCall *LlmClient::start(LlmRequest request)
{
    const auto it = m_providers.constFind(request.provider);
    if (it != m_providers.cend() && it->config.api.compare(kSimulated, Qt::CaseInsensitive) == 0) {
        auto *call = new SimulatedLlmCall(request, it->config.speed, m_counter, this);
        call->start();
        return call;
    }
    request.apiKey = resolveKey(request.provider, request.apiKey);
    const QString reason = unusableReason(request.provider, request.apiKey);
    if (!reason.isEmpty())
        return new FailedLlmCall(request, LlmErrorKind::NoProvider, reason, this);
    registerSecret(request.apiKey);
    HttpLlmCall::Setup setup;
    setup.wire = it->wire;
    setup.pool = it->pool;
    setup.provider = it->config;
    setup.counter = m_counter;
    auto *call = new HttpLlmCall(request, std::move(setup), this);
    call->start();
    return call;
}

QList<EndpointStatus> LlmClient::endpointStatus(const QString &provider) const
{
    const auto it = m_providers.constFind(provider);
    if (it == m_providers.cend() || !it->pool)
        return {};
    return it->pool->status();
}

void LlmClient::listModels(const QString &provider, QObject *context,
                           std::function<void(QStringList, QString)> done)
{
    probe(provider, context, [done = std::move(done)](const ConnectionReport &report) {
        done(report.models, report.models.isEmpty() ? report.error : QString());
    });
}

void LlmClient::testConnection(const QString &provider, QObject *context,
                               std::function<void(ConnectionReport)> done)
{
    probe(provider, context, std::move(done));
}

void LlmClient::probe(const QString &provider, QObject *context, std::function<void(ConnectionReport)> done)
{
    const QPointer<QObject> target(context ? context : this);
    auto deliver = [target, done = std::move(done)](const ConnectionReport &report) {
        if (target)
            QMetaObject::invokeMethod(target.data(), [done, report] { done(report); }, Qt::QueuedConnection);
    };
    ConnectionReport report;
    report.provider = provider;
    const auto it = m_providers.constFind(provider);
    if (it != m_providers.cend() && it->config.api.compare(kSimulated, Qt::CaseInsensitive) == 0) {
        report.reachable = true;
        report.keyAccepted = true;
        report.latencyMs = 0;
        report.baseUrl = QStringLiteral("simulated");
        report.models = SimulatedProvider::models();
        deliver(report);
        return;
    }
    const QString key = resolveKey(provider, QString());
    const QString reason = unusableReason(provider, key);
    if (it == m_providers.cend() || !it->wire || it->config.baseUrls.isEmpty()) {
        report.error = reason;
        report.errorKind = LlmErrorKind::NoProvider;
        deliver(report);
        return;
    }
    registerSecret(key);
    if (!m_discoveryManager)
        m_discoveryManager = new QNetworkAccessManager(this);
    if (!m_discoveryConnections)
        m_discoveryConnections = std::make_shared<HttpConnectionPool>();
    auto *probe = new ProviderProbe(it->config, it->wire, key, m_discoveryManager, m_discoveryConnections, this);
    connect(probe, &ProviderProbe::finished, this, [deliver, reason](ConnectionReport report) {
        // Still worth knowing the server is there; but say what to set first.
        if (!reason.isEmpty()) {
            report.keyAccepted = false;
            report.error = reason;
            report.errorKind = LlmErrorKind::NoProvider;
        }
        deliver(report);
    });
    probe->start();
}

} // namespace Madf

#pragma once

#include "core/config/config.h"
#include "core/llm/connectionreport.h"
#include "core/llm/endpointstatus.h"
#include "core/llm/llmcall.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Madf {

class EndpointPool;
class HttpConnectionPool;
class TokenCounter;
class WireFormat;

/** The gateway to the model APIs, living in the engine thread: turns an
 *  LlmRequest into an asynchronous LlmCall against the provider it names
 *  (OpenAI or Anthropic over HTTP, or the built-in simulator), with each
 *  provider's replicas pooled (EndpointPool: concurrency, rate budget,
 *  circuit breakers), plus discovery (model lists) and connection tests.
 *
 *  start() never blocks and never emits before it returns. A provider that
 *  is unknown or unusable (an HTTP API without a key that is not local, or
 *  without a base URL) gives a call that fails with NoProvider on the next
 *  event-loop turn, saying which provider and which environment variable to
 *  set. Keys come from the request, else from Config::apiKeyFor(); they are
 *  registered with the log's redactor and never formatted into a message. */
class LlmClient : public QObject
{
    Q_OBJECT

public:
    explicit LlmClient(const Config &config, QObject *parent = nullptr);
    /** Cancels the calls still running (they finish with Cancelled). */
    ~LlmClient() override;

    /** Providers and limits changed at run time: replicas that stay keep
     *  their state; calls running go on with what they had. */
    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    /** Starts a call; connect to its signals right away. */
    LlmCall *start(LlmRequest request);

    /** Load, limits and health of each replica of @p provider (empty for the
     *  simulated provider and unknown names). */
    QList<EndpointStatus> endpointStatus(const QString &provider) const;

    /** The models @p provider offers (GET /models; Ollama's /api/tags too).
     *  @p done runs in @p context's thread, unless @p context is gone by then. */
    void listModels(const QString &provider, QObject *context,
                    std::function<void(QStringList models, QString error)> done);
    /** Reachability, key, latency and models of @p provider. */
    void testConnection(const QString &provider, QObject *context,
                        std::function<void(ConnectionReport report)> done);

    /** The counter calls estimate with and calibrate (TokenCounter::instance() by default). */
    TokenCounter &tokenCounter() const { return *m_counter; }
    void setTokenCounter(TokenCounter *counter);

    /** Why @p provider cannot be used now; empty when it can. */
    QString unusableReason(const QString &provider, const QString &apiKey = QString()) const;

Q_SIGNALS:
    /** endpointStatus(@p provider) changed (coalesced: at most ten times a second),
     *  or its endpoints were dropped (a new configuration removed the provider
     *  or made it simulated): the list is then empty. */
    void endpointStatusChanged(const QString &provider);

private:
    struct Provider
    {
        ProviderConfig config;
        std::shared_ptr<const WireFormat> wire;  // null for the simulated provider
        QPointer<EndpointPool> pool;
    };

    void applyProviders();
    QString resolveKey(const QString &provider, const QString &requestKey) const;
    void registerSecret(const QString &key);
    void probe(const QString &provider, QObject *context, std::function<void(ConnectionReport)> done);

    Config m_config;
    QHash<QString, Provider> m_providers;
    QSet<QString> m_registeredSecrets;
    TokenCounter *m_counter;
    QNetworkAccessManager *m_discoveryManager = nullptr;
    std::shared_ptr<HttpConnectionPool> m_discoveryConnections;
};

} // namespace Madf

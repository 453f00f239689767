#pragma once

#include "core/config/providerconfig.h"
#include "core/llm/connectionreport.h"
#include "core/llm/httpheaders.h"

#include <QBasicTimer>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace Madf {

class HttpConnectionPool;
class HttpExchange;
class WireFormat;

/** One "is the provider there?" check: GET the model list from each replica
 *  in turn until one answers (and, on Ollama's port 11434, its /api/tags
 *  too), timing the answer and classifying a refusal of the key. Emits
 *  `finished` once and deletes itself. The key is sent, never reported.
 *  Plain http goes over @p connections, anything else through @p manager. */
class ProviderProbe : public QObject
{
    Q_OBJECT

public:
    ProviderProbe(const ProviderConfig &provider, std::shared_ptr<const WireFormat> wire, const QString &apiKey,
                  QNetworkAccessManager *manager, std::shared_ptr<HttpConnectionPool> connections,
                  QObject *parent = nullptr);
    ~ProviderProbe() override;

    void start();

Q_SIGNALS:
    void finished(const Madf::ConnectionReport &report);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void tryReplica();
    void send(const QString &url, const HttpHeaders &headers);
    void onReplyFinished();
    void dropExchange();
    void askOllama();
    void done();
    QString withoutKey(QString text) const;

    ProviderConfig m_provider;
    std::shared_ptr<const WireFormat> m_wire;
    QString m_apiKey;
    QPointer<QNetworkAccessManager> m_manager;
    std::shared_ptr<HttpConnectionPool> m_connections;
    HttpExchange *m_exchange = nullptr; // deletes itself
    QByteArray m_body;
    QBasicTimer m_timeout;
    qsizetype m_replica = -1;
    bool m_askingOllama = false;
    qint64 m_sentMs = 0;
    ConnectionReport m_report;
};

} // namespace Madf

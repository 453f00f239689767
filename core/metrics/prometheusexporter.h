#pragma once

#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace Madf {

class MetricsRegistry;
struct MetricsConfig;

/** A minimal HTTP endpoint for Prometheus: `GET /metrics` answers the
 *  registry's text exposition (format 0.0.4); every other path is 404 and
 *  every other method 405. One request per connection. Listens on
 *  127.0.0.1 unless told otherwise: metrics are for this machine's scraper,
 *  not the network. */
class PrometheusExporter : public QObject
{
    Q_OBJECT

public:
    /** `registry` must outlive the exporter. */
    explicit PrometheusExporter(MetricsRegistry *registry, QObject *parent = nullptr);
    ~PrometheusExporter() override;

    /** Starts serving; port 0 picks a free one (see port()). False, with
     *  errorString(), when the port cannot be bound. */
    bool listen(quint16 port, const QHostAddress &address = QHostAddress::LocalHost);
    /** Starts serving on `metrics.port` (MADF_METRICS_PORT) of 127.0.0.1. */
    bool listen(const MetricsConfig &config);
    void close();

    bool isListening() const;
    quint16 port() const;
    QString errorString() const { return m_error; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
                 const QByteArray &contentType, bool headOnly);

    MetricsRegistry *m_registry;
    QTcpServer *m_server;
    QString m_error;
};

} // namespace Madf

#include "prometheusexporter.h"

#include "core/config/settingsections.h"
#include "metricsregistry.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Madf {

namespace {
// A request line and a few headers; anything bigger is not a scraper.
constexpr qsizetype maxRequestBytes = 8192;
// A client that connects and says nothing is dropped after this.
constexpr int idleTimeoutMs = 10000;
} // namespace

PrometheusExporter::PrometheusExporter(MetricsRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &PrometheusExporter::onNewConnection);
}

PrometheusExporter::~PrometheusExporter() = default;

bool PrometheusExporter::listen(quint16 port, const QHostAddress &address)
{
    close();
    if (!m_server->listen(address, port)) {
        m_error = tr("Cannot serve metrics on %1:%2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(m_server->errorString());
        return false;
    }
    m_error.clear();
    return true;
}

bool PrometheusExporter::listen(const MetricsConfig &config)
{
    return listen(quint16(config.port), QHostAddress::LocalHost);
}

void PrometheusExporter::close()
{
    m_server->close();
}

bool PrometheusExporter::isListening() const
{
    return m_server->isListening();
}

quint16 PrometheusExporter::port() const
{
    return m_server->serverPort();
}

void PrometheusExporter::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(idleTimeoutMs, socket, [socket] { socket->abort(); socket->deleteLater(); });
    }
}

void PrometheusExporter::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("madf_answered").toBool()) {
        socket->readAll();
        return;
    }
    // Headers are only read up to their end; a scrape has no body.
    QByteArray buffered = socket->property("madf_buffer").toByteArray() + socket->readAll();
    const qsizetype headerEnd = buffered.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffered.size() > maxRequestBytes) {
            respond(socket, 431, "Request Header Fields Too Large", "request too large\n",
                    "text/plain; charset=utf-8", false);
        } else {
            socket->setProperty("madf_buffer", buffered);
        }
        return;
    }

    const QByteArray requestLine = buffered.left(buffered.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
        respond(socket, 400, "Bad Request", "bad request\n", "text/plain; charset=utf-8", false);
        return;
    }
    const QByteArray &method = parts.at(0);
    QByteArray path = parts.at(1);
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path.truncate(query);

    if (path != "/metrics") {
        respond(socket, 404, "Not Found", "not found: try /metrics\n", "text/plain; charset=utf-8",
                method == "HEAD");
    } else if (method != "GET" && method != "HEAD") {
        respond(socket, 405, "Method Not Allowed", "only GET\n", "text/plain; charset=utf-8", false);
    } else {
        respond(socket, 200, "OK", m_registry->render(), MetricsRegistry::contentType(), method == "HEAD");
    }
}

void PrometheusExporter::respond(QTcpSocket *socket, int status, const QByteArray &reason,
                                 const QByteArray &body, const QByteArray &contentType, bool headOnly)
{
    socket->setProperty("madf_answered", true);
    socket->setProperty("madf_buffer", QVariant());
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"
                        + "Content-Type: " + contentType + "\r\n"
                        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
                        + "Connection: close\r\n";
    if (status == 405)
        response += "Allow: GET, HEAD\r\n";
    response += "\r\n";
    if (!headOnly)
        response += body;
    socket->write(response);
    // Close once everything is written; disconnected() then deletes it.
    socket->disconnectFromHost();
}

} // namespace Madf

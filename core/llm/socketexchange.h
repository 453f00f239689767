#pragma once

#include "core/llm/httpexchange.h"
#include "core/llm/httpresponseparser.h"

#include <QAbstractSocket>
#include <QBasicTimer>

#include <memory>

class QTcpSocket;

namespace Madf {

class HttpConnectionPool;

/** An HttpExchange over our own HTTP/1.1 connection (plain http), in the
 *  calling thread: the request goes out in one write on a pooled keep-alive
 *  connection or a new one, and the response is parsed from bulk reads
 *  (HttpResponseParser), its body handed on as it arrives.
 *
 *  A connection is reused only after a complete response that allows it;
 *  an abort or any failure closes it. When a reused connection turns out to
 *  have been closed by the server before any byte of a response came back,
 *  the request could not have been processed and is sent once more on a
 *  fresh connection (as browsers and Qt do); never after response bytes.
 *  Socket errors are reported as the QNetworkReply codes QNAM would give,
 *  so the caller classifies both transports alike. */
class SocketExchange : public HttpExchange
{
    Q_OBJECT

public:
    SocketExchange(std::shared_ptr<HttpConnectionPool> pool, Request request, QObject *parent = nullptr);
    ~SocketExchange() override;

    void start() override;
    void abort() override;
    void detach(int graceMs) override;

    /** Whether the request went out on a connection that served an earlier one. */
    bool reusedConnection() const { return m_reused; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void openConnection();
    void useSocket(QTcpSocket *socket);
    void send();
    void onBytesWritten();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void resend();
    void process(const QByteArray &data);
    /** Gives the connection back to the pool when it may carry another request, else closes it. */
    void releaseSocket(bool reusable);
    void closeSocket();
    void fail(QNetworkReply::NetworkError error, const QString &message);
    void end();
    QString peer() const;

    std::weak_ptr<HttpConnectionPool> m_pool;
    Request m_request;
    QByteArray m_wire;             // the request's bytes, kept for one re-send
    QString m_host;
    quint16 m_port = 80;
    QTcpSocket *m_socket = nullptr;
    HttpResponseParser m_parser;
    QBasicTimer m_graceTimer;
    qint64 m_received = 0;         // response bytes on the current connection
    bool m_reused = false;
    bool m_resent = false;
    bool m_sent = false;
    bool m_listening = true;
    bool m_ended = false;
    bool m_starting = false;      // inside start(): failures are reported later
};

} // namespace Madf

#pragma once

#include "core/llm/httpheaders.h"

#include <QNetworkReply>
#include <QObject>
#include <QUrl>

namespace Madf {

/** One HTTP request and its response, whatever carries it: our own HTTP/1.1
 *  connections for plain `http://` (SocketExchange) or QNetworkAccessManager
 *  for everything else (QnamExchange: TLS, proxies, HTTP/2). The model calls
 *  and the provider probe see only this, so retries, timeouts, billing and
 *  streaming work the same over both.
 *
 *  Signals come in this order: requestSent (the request is on the wire),
 *  headersReceived (statusCode() and headers() are set), dataReceived for
 *  each piece of the body as it arrives, finished (error() says how it
 *  ended; NoError when the response is complete). The exchange deletes
 *  itself (later) once it has emitted finished, been aborted or, after
 *  detach(), ended: its owner then forgets the pointer. */
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method = "GET";
        QUrl url;
        HttpHeaders headers;  ///< auth included: never logged
        QByteArray body;
    };

    /** Sends the request. May emit requestSent before it returns, nothing
     *  else: a failure is reported from the event loop. */
    virtual void start() = 0;
    /** Stops at once and closes the connection (it is never reused); no
     *  signal follows. Safe inside this exchange's own signals. */
    virtual void abort() = 0;
    /** The listener has what it needs: no signal follows, but the response
     *  may end by itself within @p graceMs (so its connection can be reused)
     *  before it is cut. */
    virtual void detach(int graceMs) = 0;

    /** 0 until headersReceived. */
    int statusCode() const { return m_status; }
    /** As received (names in the server's case; use headerValue()). */
    const HttpHeaders &headers() const { return m_headers; }
    QByteArray contentType() const;
    QNetworkReply::NetworkError error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    /** Plain http on our own connections, unless a proxy is configured for
     *  @p url or setNetworkAccessManagerForced() asks for QNAM. */
    static bool usesSocketTransport(const QUrl &url);
    /** @p url is plain http and no proxy applies to it (the test hook aside). */
    static bool isDirectHttp(const QUrl &url);
    /** Test hook: every exchange created from now on goes through QNAM. */
    static void setNetworkAccessManagerForced(bool forced);
    static bool isNetworkAccessManagerForced();

Q_SIGNALS:
    void requestSent();
    void headersReceived();
    void dataReceived(const QByteArray &data);
    void finished();

protected:
    explicit HttpExchange(QObject *parent = nullptr) : QObject(parent) {}

    int m_status = 0;
    HttpHeaders m_headers;
    QNetworkReply::NetworkError m_error = QNetworkReply::NoError;
    QString m_errorString;
};

} // namespace Madf

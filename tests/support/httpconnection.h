#pragma once

#include "mockserverstate.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace Madf::Test {

/** One HTTP/1.1 request as read off the wire. Header names are lower case. */
struct HttpRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QByteArray version;
    HttpHeaders headers;
    QByteArray body;
    bool keepAlive = true;
    /** When the server read the request's last bytes, on DeadlineQueue::nowNs()'s clock. */
    qint64 receivedNs = 0;

    QByteArray header(QByteArrayView lowerCaseName) const;
    bool hasHeader(QByteArrayView lowerCaseName) const;
};

/** Server side of one keep-alive TCP connection: a small HTTP/1.1 parser
 *  (request line, headers, Content-Length body, pipelined requests answered in
 *  order) and a response writer (fixed length or chunked). Answers one request
 *  at a time: the next one is parsed once the previous response has been
 *  written out. Deletes itself when the peer goes away. */
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    explicit HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);

    /** A whole response with a Content-Length body. */
    void sendResponse(int status, const HttpHeaders &headers, const QByteArray &body);
    /** Status line and headers; @p contentLength < 0 selects chunked transfer. */
    void sendHead(int status, const HttpHeaders &headers, qint64 contentLength);
    /** Body bytes: one chunk in chunked mode, raw bytes otherwise. */
    void sendBody(QByteArrayView data);
    /** The head of a chunk of @p data and only @p sendBytes of it: a body torn mid-chunk. */
    void sendPartialChunk(QByteArrayView data, qsizetype sendBytes);
    /** Ends the current response (the last chunk in chunked mode). */
    void endResponse();
    /** Flushes what was written, then closes the connection mid-response. */
    void closeAfterFlush();
    /** Closes the connection at once without another byte. */
    void abort();

    bool isOpen() const;
    /** Closes the connection once it has been idle (between requests) this long; 0: never. */
    void setIdleTimeoutMs(int ms);

protected:
    void timerEvent(QTimerEvent *event) override;

Q_SIGNALS:
    void requestReady(const Madf::Test::HttpRequest &request);
    /** The response was written out completely, or the connection went away before. */
    void responseFinished();

private:
    void onReadyRead();
    /** The status line and headers; sets the transfer mode. */
    QByteArray head(int status, const HttpHeaders &headers, qint64 contentLength, qsizetype reserve);
    void parse();
    bool parseHead(QByteArrayView head);
    void reject(int status);
    void checkFlushed();
    void completeResponse();
    void onDisconnected();

    QTcpSocket *m_socket;
    QBasicTimer m_idleTimer;
    int m_idleTimeoutMs = 0;
    QByteArray m_buffer;
    qsizetype m_scanOffset = 0;  // bytes already searched for the end of the headers
    qsizetype m_bodyStart = -1;  // >= 0 once the headers of m_request are parsed
    qint64 m_contentLength = 0;
    qint64 m_readNs = 0;         // when the bytes being parsed were read
    HttpRequest m_request;
    bool m_busy = false;         // a request is being answered
    bool m_chunked = false;
    bool m_awaitingFlush = false;
    bool m_keepAlive = true;
    bool m_closed = false;
};

} // namespace Madf::Test

Q_DECLARE_METATYPE(Madf::Test::HttpRequest)

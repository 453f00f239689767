#pragma once

#include "core/llm/sseparser.h"
#include "mockserverstate.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

class QNetworkAccessManager;

namespace Madf::Test {

/** What a test saw of one HTTP exchange. */
struct TestHttpReply
{
    int status = 0; ///< 0 when no status line arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    HttpHeaders headers;       ///< names in lower case
    QList<SseEvent> events;    ///< the body parsed as Server-Sent Events, when it is `text/event-stream`
    bool ssePending = false;   ///< the stream ended inside an event (a cut stream)
    qint64 firstEventMs = -1;  ///< ms from sending to the first SSE event
    qint64 elapsedMs = 0;      ///< ms from sending to the end
    bool timedOut = false;     ///< the test's own deadline expired first

    QByteArray header(QByteArrayView lowerCaseName) const;
    bool hasHeader(QByteArrayView lowerCaseName) const;
    const QJsonObject json() const; // const: `json()["a"]["b"]` then reads instead of making a reference
};

/** Blocking HTTP helper for tests: sends one request through a
 *  QNetworkAccessManager, parses an event-stream body with SseParser as it
 *  arrives, and returns when the reply finishes (or @p deadlineMs passes,
 *  in which case the request is aborted). Test code only: it spins a local
 *  event loop. */
class TestHttpClient
{
public:
    explicit TestHttpClient(QNetworkAccessManager *manager = nullptr);
    ~TestHttpClient();

    TestHttpReply get(const QUrl &url, const HttpHeaders &headers = {}, int deadlineMs = 30000);
    TestHttpReply post(const QUrl &url, const QJsonObject &body, const HttpHeaders &headers = {},
                       int deadlineMs = 30000);
    /** @p transferTimeoutMs > 0 sets QNetworkRequest::setTransferTimeout. */
    TestHttpReply send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                       const HttpHeaders &headers, int deadlineMs, int transferTimeoutMs = 0);

    QNetworkAccessManager *manager() const { return m_manager; }

private:
    QNetworkAccessManager *m_manager;
    bool m_ownsManager;
};

} // namespace Madf::Test

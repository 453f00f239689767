#include "testhttpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTimer>

namespace Madf::Test {

QByteArray TestHttpReply::header(QByteArrayView lowerCaseName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerCaseName)
            return h.second;
    }
    return {};
}

bool TestHttpReply::hasHeader(QByteArrayView lowerCaseName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerCaseName)
            return true;
    }
    return false;
}

const QJsonObject TestHttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

TestHttpClient::TestHttpClient(QNetworkAccessManager *manager)
    : m_manager(manager ? manager : new QNetworkAccessManager)
    , m_ownsManager(!manager)
{
}

TestHttpClient::~TestHttpClient()
{
    if (m_ownsManager)
        delete m_manager;
}

TestHttpReply TestHttpClient::get(const QUrl &url, const HttpHeaders &headers, int deadlineMs)
{
    return send("GET", url, {}, headers, deadlineMs);
}

TestHttpReply TestHttpClient::post(const QUrl &url, const QJsonObject &body, const HttpHeaders &headers, int deadlineMs)
{
    HttpHeaders all = headers;
    all.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
    return send("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), all, deadlineMs);
}

TestHttpReply TestHttpClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                   const HttpHeaders &headers, int deadlineMs, int transferTimeoutMs)
{
    QNetworkRequest request(url);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    if (transferTimeoutMs > 0)
        request.setTransferTimeout(transferTimeoutMs);

    TestHttpReply result;
    SseParser parser;
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_manager->sendCustomRequest(request, method, body);

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        result.timedOut = true;
        reply->abort();
    });
    auto consume = [&] {
        if (!reply->isOpen())
            return;
        const QByteArray data = reply->readAll();
        result.body += data;
        if (reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QLatin1String("text/event-stream"))) {
            const QList<SseEvent> events = parser.feed(data);
            if (!events.isEmpty() && result.firstEventMs < 0)
                result.firstEventMs = clock.elapsed();
            result.events += events;
        }
    };
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, consume);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(deadlineMs);
    if (!reply->isFinished())
        loop.exec();

    consume();
    result.elapsedMs = clock.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append({pair.first.toLower(), pair.second});
    result.ssePending = parser.hasPendingData();
    reply->deleteLater();
    return result;
}

} // namespace Madf::Test

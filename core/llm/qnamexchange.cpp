#include "core/llm/qnamexchange.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace Madf {

QnamExchange::QnamExchange(QNetworkAccessManager *manager, Request request, QObject *parent)
    : HttpExchange(parent)
    , m_manager(manager)
    , m_request(std::move(request))
{
}

QnamExchange::~QnamExchange()
{
    if (m_reply) {
        m_reply->disconnect(this);
        if (!m_reply->isFinished())
            m_reply->abort();
        m_reply->deleteLater();
    }
}

void QnamExchange::start()
{
    if (!m_manager) {
        m_error = QNetworkReply::UnknownNetworkError;
        m_errorString = tr("The network manager is gone.");
        QMetaObject::invokeMethod(this, &QnamExchange::onFinished, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(m_request.url);
    for (const auto &header : std::as_const(m_request.headers))
        request.setRawHeader(header.first, header.second);
    // Our callers' timers decide; Qt's would report a bare "canceled".
    request.setTransferTimeout(0);
    if (m_request.method == "POST")
        m_reply = m_manager->post(request, m_request.body);
    else if (m_request.method == "GET")
        m_reply = m_manager->get(request);
    else
        m_reply = m_manager->sendCustomRequest(request, m_request.method, m_request.body);
    connect(m_reply, &QNetworkReply::requestSent, this, &QnamExchange::markSent);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        markSent(); // an answer proves the request went out
        readHead();
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &QnamExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &QnamExchange::onFinished);
}

void QnamExchange::markSent()
{
    if (m_sent || !m_listening)
        return;
    m_sent = true;
    Q_EMIT requestSent();
}

void QnamExchange::readHead()
{
    if (m_status != 0 || !m_reply || !m_listening)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return;
    m_status = status;
    m_headers = m_reply->rawHeaderPairs();
    Q_EMIT headersReceived();
}

void QnamExchange::onReadyRead()
{
    markSent();
    readHead();
    if (!m_listening || !m_reply)
        return;
    const QByteArray data = m_reply->readAll();
    if (!data.isEmpty())
        Q_EMIT dataReceived(data);
}

void QnamExchange::onFinished()
{
    if (!m_listening) {
        deleteLater(); // detached: it ended in its own time
        return;
    }
    if (m_reply) {
        readHead();
        if (!m_listening)
            return;
        const QByteArray rest = m_reply->readAll();
        if (!rest.isEmpty()) {
            Q_EMIT dataReceived(rest);
            if (!m_listening)
                return;
        }
        m_error = m_reply->error();
        m_errorString = m_reply->errorString();
    }
    m_listening = false;
    Q_EMIT finished();
    deleteLater();
}

void QnamExchange::abort()
{
    m_listening = false;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    deleteLater();
}

void QnamExchange::detach(int graceMs)
{
    m_listening = false;
    if (!m_reply || m_reply->isFinished()) {
        deleteLater();
        return;
    }
    QTimer::singleShot(graceMs, this, [this] {
        if (m_reply)
            m_reply->abort();
        deleteLater();
    });
}

} // namespace Madf

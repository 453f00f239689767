#pragma once

#include "core/llm/httpexchange.h"

#include <QPointer>

class QNetworkAccessManager;

namespace Madf {

/** An HttpExchange through QNetworkAccessManager: https (TLS, HTTP/2),
 *  proxies, and plain http when tests force it. Qt's own transfer timeout is
 *  off: the caller's timers decide. */
class QnamExchange : public HttpExchange
{
    Q_OBJECT

public:
    QnamExchange(QNetworkAccessManager *manager, Request request, QObject *parent = nullptr);
    ~QnamExchange() override;

    void start() override;
    void abort() override;
    void detach(int graceMs) override;

private:
    void markSent();
    void readHead();
    void onReadyRead();
    void onFinished();

    QPointer<QNetworkAccessManager> m_manager;
    Request m_request;
    QPointer<QNetworkReply> m_reply;
    bool m_sent = false;
    bool m_listening = true;
};

} // namespace Madf

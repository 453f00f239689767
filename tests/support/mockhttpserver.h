#pragma once

#include "mockserverstate.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

class QTcpServer;

namespace Madf::Test {

struct HttpRequest;
class DeadlineQueue;
class HttpConnection;

/** The network side of the mock LLM server: accepts connections, hands each
 *  complete request to MockRouter and plays the reply. Lives in one thread
 *  (the caller's, or a dedicated one) and serves every connection there
 *  asynchronously. */
class MockHttpServer : public QObject
{
    Q_OBJECT

public:
    explicit MockHttpServer(std::shared_ptr<MockServerState> state, QObject *parent = nullptr);

    /** Returns the port listened on, or 0 on failure. */
    Q_INVOKABLE quint16 listen(const QHostAddress &address, quint16 port);
    Q_INVOKABLE void close();
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void requestReceived(const Madf::Test::RecordedRequest &request);

private:
    void onNewConnection();
    void onRequest(HttpConnection *connection, const HttpRequest &request);

    std::shared_ptr<MockServerState> m_state;
    QTcpServer *m_server;
    DeadlineQueue *m_deadlines;
    QString m_errorString;
};

} // namespace Madf::Test

#pragma once

#include "responseplan.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Madf::Test {

class HttpConnection;
class MockServerState;

/** Carries out a ResponsePlan on a connection with timers (never by sleeping),
 *  and counts the exchange as concurrent from the moment the request arrived
 *  until the response is written out or the connection is gone. */
class ResponsePlayer : public QObject
{
    Q_OBJECT

public:
    ResponsePlayer(HttpConnection *connection, ResponsePlan plan, std::shared_ptr<MockServerState> state);
    ~ResponsePlayer() override;

    void start();

private:
    void sendHead();
    void pump();
    void finish();

    QPointer<HttpConnection> m_connection;
    ResponsePlan m_plan;
    std::shared_ptr<MockServerState> m_state;
    QElapsedTimer m_clock;
    QTimer m_timer;
    qsizetype m_next = 0;
    bool m_finished = false;
};

} // namespace Madf::Test

#pragma once

#include "deadlinequeue.h"
#include "responseplan.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace Madf::Test {

class HttpConnection;
class MockServerState;

/** Carries out a ResponsePlan on a connection at its times (never by
 *  sleeping), counted from when the request arrived (@p receivedNs on
 *  DeadlineQueue::nowNs()'s clock): nothing goes out before its time. Counts
 *  the exchange as concurrent from the moment the request arrived until the
 *  response is written out or the connection is gone. */
class ResponsePlayer : public QObject
{
    Q_OBJECT

public:
    ResponsePlayer(HttpConnection *connection, ResponsePlan plan, std::shared_ptr<MockServerState> state,
                   DeadlineQueue *deadlines, qint64 receivedNs);
    ~ResponsePlayer() override;

    void start();

private:
    void sendHead();
    void pump();
    void finish();
    /** Runs @p step at @p atMs after the request arrived: now if that time has come. */
    void at(qint64 atMs, void (ResponsePlayer::*step)());

    QPointer<HttpConnection> m_connection;
    ResponsePlan m_plan;
    std::shared_ptr<MockServerState> m_state;
    QPointer<DeadlineQueue> m_deadlines;
    qint64 m_receivedNs = 0;
    std::optional<DeadlineQueue::Key> m_pending;
    qsizetype m_next = 0;
    bool m_finished = false;
};

} // namespace Madf::Test

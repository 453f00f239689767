#include "responseplayer.h"

#include "httpconnection.h"
#include "mockserverstate.h"

namespace Madf::Test {

ResponsePlayer::ResponsePlayer(HttpConnection *connection, ResponsePlan plan, std::shared_ptr<MockServerState> state,
                               DeadlineQueue *deadlines, qint64 receivedNs)
    : QObject(connection)
    , m_connection(connection)
    , m_plan(std::move(plan))
    , m_state(std::move(state))
    , m_deadlines(deadlines)
    , m_receivedNs(receivedNs)
{
    m_state->exchangeStarted();
    connect(connection, &HttpConnection::responseFinished, this, &ResponsePlayer::finish);
}

ResponsePlayer::~ResponsePlayer()
{
    if (!m_finished)
        m_state->exchangeFinished();
}

void ResponsePlayer::start()
{
    at(m_plan.delayMs, &ResponsePlayer::sendHead);
}

void ResponsePlayer::at(qint64 atMs, void (ResponsePlayer::*step)())
{
    const qint64 dueNs = m_receivedNs + atMs * 1000000;
    if (atMs <= 0 || dueNs <= DeadlineQueue::nowNs()) {
        (this->*step)();
        return;
    }
    if (!m_deadlines)
        return; // the server is going away
    m_pending = m_deadlines->schedule(dueNs, this, [this, step] {
        m_pending.reset();
        (this->*step)();
    });
}

void ResponsePlayer::sendHead()
{
    if (!m_connection)
        return;
    using Ending = ResponsePlan::Ending;
    if (m_plan.ending == Ending::Drop) {
        m_connection->abort();
        return;
    }
    if (!m_plan.streamed) {
        switch (m_plan.ending) {
        case Ending::Stall:
            return; // the request stays unanswered until the client gives up
        case Ending::Cut:
            m_connection->sendHead(m_plan.status, m_plan.headers, m_plan.body.size());
            m_connection->sendBody(QByteArrayView(m_plan.body).first(qBound<qsizetype>(0, m_plan.cutAfterBytes, m_plan.body.size())));
            m_connection->closeAfterFlush();
            return;
        default:
            m_connection->sendResponse(m_plan.status, m_plan.headers, m_plan.body);
            return;
        }
    }
    m_connection->sendHead(m_plan.status, m_plan.headers, -1);
    pump();
}

void ResponsePlayer::pump()
{
    if (!m_connection)
        return;
    // Everything already due goes out in one write: a late timer must not slow the stream down.
    const qint64 elapsed = (DeadlineQueue::nowNs() - m_receivedNs) / 1000000;
    QByteArray batch;
    while (m_next < m_plan.steps.size() && m_plan.steps.at(m_next).atMs <= elapsed)
        batch += m_plan.steps.at(m_next++).data;
    if (!batch.isEmpty())
        m_connection->sendBody(batch);
    if (m_next < m_plan.steps.size()) {
        at(m_plan.steps.at(m_next).atMs, &ResponsePlayer::pump);
        return;
    }
    switch (m_plan.ending) {
    case ResponsePlan::Ending::Complete:
        m_connection->endResponse();
        break;
    case ResponsePlan::Ending::Cut:
        if (!m_plan.cutPartial.isEmpty())
            m_connection->sendPartialChunk(m_plan.cutPartial, m_plan.cutPartial.size() / 2);
        m_connection->closeAfterFlush();
        break;
    default:
        break; // Stall: silence, with the connection left open
    }
}

void ResponsePlayer::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_pending && m_deadlines)
        m_deadlines->cancel(*m_pending);
    m_pending.reset();
    m_state->exchangeFinished();
    deleteLater();
}

} // namespace Madf::Test

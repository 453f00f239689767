#include "responseplayer.h"

#include "httpconnection.h"
#include "mockserverstate.h"

namespace Madf::Test {

ResponsePlayer::ResponsePlayer(HttpConnection *connection, ResponsePlan plan, std::shared_ptr<MockServerState> state)
    : QObject(connection)
    , m_connection(connection)
    , m_plan(std::move(plan))
    , m_state(std::move(state))
{
    m_clock.start();
    m_state->exchangeStarted();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(connection, &HttpConnection::responseFinished, this, &ResponsePlayer::finish);
}

ResponsePlayer::~ResponsePlayer()
{
    if (!m_finished)
        m_state->exchangeFinished();
}

void ResponsePlayer::start()
{
    if (m_plan.delayMs <= 0) {
        sendHead();
        return;
    }
    connect(&m_timer, &QTimer::timeout, this, &ResponsePlayer::sendHead, Qt::SingleShotConnection);
    m_timer.start(int(m_plan.delayMs));
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
    connect(&m_timer, &QTimer::timeout, this, &ResponsePlayer::pump);
    pump();
}

void ResponsePlayer::pump()
{
    if (!m_connection)
        return;
    // Everything already due goes out in one write: a late timer must not slow the stream down.
    const qint64 elapsed = m_clock.elapsed();
    QByteArray batch;
    while (m_next < m_plan.steps.size() && m_plan.steps.at(m_next).atMs <= elapsed)
        batch += m_plan.steps.at(m_next++).data;
    if (!batch.isEmpty())
        m_connection->sendBody(batch);
    if (m_next < m_plan.steps.size()) {
        m_timer.start(int(m_plan.steps.at(m_next).atMs - elapsed));
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
    m_timer.stop();
    m_state->exchangeFinished();
    deleteLater();
}

} // namespace Madf::Test

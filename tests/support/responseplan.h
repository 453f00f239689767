#pragma once

#include "mockserverstate.h"

#include <QByteArray>
#include <QList>

namespace Madf::Test {

/** Bytes of a streamed body and when to send them, in ms after the request arrived. */
struct StreamStep
{
    qint64 atMs = 0;
    QByteArray data;
};

/** What the mock server will send for one request and when: built by the API
 *  handlers (pure functions, no I/O) and carried out by ResponsePlayer. */
struct ResponsePlan
{
    enum class Ending {
        Complete, ///< the response ends normally
        Cut,      ///< the TCP connection closes mid-response
        Stall,    ///< nothing more is sent; the connection stays open
        Drop,     ///< the connection closes before any byte of a response
    };

    int status = 200;
    HttpHeaders headers;
    QByteArray body;          ///< the body of a response that is not streamed
    bool streamed = false;    ///< chunked transfer: the body is `steps`
    qint64 delayMs = 0;       ///< silence before the status line
    QList<StreamStep> steps;
    Ending ending = Ending::Complete;
    qint64 cutAfterBytes = 0; ///< bytes of `body` sent before a Cut of a response that is not streamed
    QByteArray cutPartial;    ///< a streamed Cut sends half of this event (and of its HTTP chunk) last
    qint64 tokensServed = 0;  ///< prompt + completion tokens, for the rate-limit headers

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
};

} // namespace Madf::Test

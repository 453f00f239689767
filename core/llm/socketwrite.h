#pragma once

#include <QByteArrayView>

class QTcpSocket;

namespace Madf {

/** Writes @p data to @p socket, straight to the connection when nothing
 *  waits in the socket's buffer. QTcpSocket would buffer it and switch its
 *  write notifier on and off again, and with the glib event dispatcher each
 *  switch wakes the event loop once more: per request (our client) and per
 *  response (the mock server), that was a wake-up in two. What the kernel
 *  does not take at once, and any failure, go through the socket, which
 *  reports errors as usual. */
void writeToSocket(QTcpSocket *socket, QByteArrayView data);

} // namespace Madf

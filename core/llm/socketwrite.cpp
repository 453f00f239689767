#include "core/llm/socketwrite.h"

#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Madf {

void writeToSocket(QTcpSocket *socket, QByteArrayView data)
{
#ifdef Q_OS_UNIX
    if (socket->bytesToWrite() == 0 && socket->state() == QAbstractSocket::ConnectedState) {
        const auto n = ::send(int(socket->socketDescriptor()), data.constData(), size_t(data.size()),
                              MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n == data.size())
            return;
        if (n > 0)
            data = data.sliced(n);
    }
#endif
    socket->write(data.constData(), data.size());
}

} // namespace Madf

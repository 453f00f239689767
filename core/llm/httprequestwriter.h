#pragma once

#include "core/llm/httpheaders.h"

#include <QByteArray>

class QUrl;

namespace Madf {

/** The bytes of one HTTP/1.1 request, ready for a single socket write:
 *  request line (path and query of @p url), Host, the caller's headers,
 *  Content-Length, `Connection: keep-alive`, then the body. Host,
 *  Content-Length, Connection and Transfer-Encoding are always ours (the
 *  caller's are dropped); a User-Agent is added when the caller gives none. */
QByteArray httpRequestBytes(const QByteArray &method, const QUrl &url, const HttpHeaders &headers,
                            const QByteArray &body);

} // namespace Madf

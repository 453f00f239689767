#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <optional>

namespace Madf {

/** Raw HTTP header pairs, as QNetworkReply::rawHeaderPairs() returns them. */
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/** The trimmed value of header @p name (compared case-insensitively, as HTTP
 *  requires), or nullopt when the header is absent. When a header repeats,
 *  the first occurrence wins. */
std::optional<QByteArray> headerValue(const HttpHeaders &headers, QByteArrayView name);

} // namespace Madf

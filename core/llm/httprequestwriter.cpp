#include "core/llm/httprequestwriter.h"

#include <QUrl>

namespace Madf {

namespace {

bool isOneOf(QByteArrayView name, std::initializer_list<QByteArrayView> names)
{
    for (QByteArrayView n : names) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QByteArray httpRequestBytes(const QByteArray &method, const QUrl &url, const HttpHeaders &headers,
                            const QByteArray &body)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal
    const int port = url.port();
    if (port >= 0 && port != 80)
        host += ':' + QByteArray::number(port);

    qsizetype size = method.size() + target.size() + host.size() + body.size() + 128;
    for (const auto &[name, value] : headers)
        size += name.size() + value.size() + 4;
    QByteArray out;
    out.reserve(size);
    out.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
    bool userAgent = false;
    for (const auto &[name, value] : headers) {
        if (isOneOf(name, {"host", "content-length", "connection", "transfer-encoding"}))
            continue;
        userAgent = userAgent || name.compare("user-agent", Qt::CaseInsensitive) == 0;
        out.append(name).append(": ").append(value).append("\r\n");
    }
    if (!userAgent)
        out.append("User-Agent: MADF-Studio/" MADF_VERSION "\r\n");
    // A body, or a method that normally has one, states its length (0 included).
    if (!body.isEmpty() || isOneOf(method, {"POST", "PUT", "PATCH"}))
        out.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    out.append("Connection: keep-alive\r\n\r\n").append(body);
    return out;
}

} // namespace Madf

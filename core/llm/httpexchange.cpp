#include "core/llm/httpexchange.h"

#include <QNetworkProxyFactory>

#include <atomic>

namespace Madf {

namespace {
std::atomic<bool> g_qnamForced{false};
} // namespace

QByteArray HttpExchange::contentType() const
{
    return headerValue(m_headers, "content-type").value_or(QByteArray());
}

bool HttpExchange::usesSocketTransport(const QUrl &url)
{
    return !g_qnamForced.load(std::memory_order_relaxed) && isDirectHttp(url);
}

bool HttpExchange::isDirectHttp(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0 || url.host().isEmpty())
        return false;
    // A proxy set for the application or by the system (http_proxy) is QNAM's to honour.
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    for (const QNetworkProxy &proxy : proxies) {
        if (proxy.type() != QNetworkProxy::NoProxy && proxy.type() != QNetworkProxy::DefaultProxy)
            return false;
    }
    return true;
}

void HttpExchange::setNetworkAccessManagerForced(bool forced)
{
    g_qnamForced.store(forced, std::memory_order_relaxed);
}

bool HttpExchange::isNetworkAccessManagerForced()
{
    return g_qnamForced.load(std::memory_order_relaxed);
}

} // namespace Madf

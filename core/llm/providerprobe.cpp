#include "core/llm/providerprobe.h"
#include "core/llm/monotonicclock.h"

#include "core/llm/retrypolicy.h"
#include "core/llm/wireformat.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimerEvent>
#include <QUrl>

namespace Madf {

namespace {

constexpr int kOllamaPort = 11434;
constexpr int kAnswerTimeoutMs = 10000; // on top of the connect timeout: a model list is small

QString trimmedUrl(QString url)
{
    url = url.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

} // namespace

ProviderProbe::ProviderProbe(const ProviderConfig &provider, std::shared_ptr<const WireFormat> wire,
                             const QString &apiKey, QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_wire(std::move(wire))
    , m_apiKey(apiKey)
    , m_manager(manager)
{
    m_report.provider = provider.name;
}

void ProviderProbe::start()
{
    tryReplica();
}

void ProviderProbe::tryReplica()
{
    ++m_replica;
    if (m_replica >= m_provider.baseUrls.size() || !m_manager) {
        done();
        return;
    }
    m_report.baseUrl = trimmedUrl(m_provider.baseUrls.at(m_replica));
    const HttpRequestSpec spec = m_wire->modelsRequest(m_apiKey);
    HttpHeaders headers = spec.headers;
    for (auto it = m_provider.headers.cbegin(); it != m_provider.headers.cend(); ++it)
        headers.append({it.key().toLatin1(), it.value().toUtf8()});
    m_askingOllama = false;
    send(m_report.baseUrl + spec.path, headers);
}

void ProviderProbe::send(const QString &url, const HttpHeaders &headers)
{
    QNetworkRequest request{QUrl(url)};
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    m_reply = m_manager->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &ProviderProbe::onReplyFinished);
    m_sentMs = monotonicMs();
    m_timeout.start(qMax(0, m_provider.connectTimeout) * 1000 + kAnswerTimeoutMs, this);
}

void ProviderProbe::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timeout.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timeout.stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    if (m_askingOllama) {
        done();
        return;
    }
    m_report.reachable = false;
    m_report.errorKind = LlmErrorKind::Timeout;
    m_report.error = tr("%1 did not answer within %2 s.").arg(m_report.baseUrl).arg(
        (qMax(0, m_provider.connectTimeout) * 1000 + kAnswerTimeoutMs) / 1000);
    tryReplica();
}

void ProviderProbe::onReplyFinished()
{
    m_timeout.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const HttpHeaders headers = reply->rawHeaderPairs();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString netMessage = reply->errorString();
    reply->deleteLater();

    if (m_askingOllama) {
        if (status >= 200 && status < 300) {
            for (const QString &model : m_wire->parseModels(body)) {
                if (!m_report.models.contains(model))
                    m_report.models.append(model);
            }
            if (!m_report.models.isEmpty() && m_report.errorKind != LlmErrorKind::Auth) {
                m_report.error.clear();
                m_report.errorKind = LlmErrorKind::None;
                m_report.keyAccepted = true;
            }
        }
        done();
        return;
    }
    if (status == 0) {
        m_report.reachable = false;
        m_report.errorKind = RetryPolicy::networkError(netError, netMessage).kind;
        m_report.error = tr("Could not reach %1: %2").arg(m_report.baseUrl, withoutKey(netMessage));
        tryReplica();
        return;
    }
    m_report.reachable = true;
    m_report.latencyMs = monotonicMs() - m_sentMs;
    if (status >= 200 && status < 300) {
        m_report.keyAccepted = true;
        m_report.models = m_wire->parseModels(body);
        m_report.error.clear();
        m_report.errorKind = LlmErrorKind::None;
    } else {
        const ApiError error = m_wire->parseError(status, body, headers);
        m_report.keyAccepted = status != 401 && status != 403;
        m_report.errorKind = error.kind;
        m_report.error = withoutKey(error.message);
    }
    const QUrl base(m_report.baseUrl);
    if (base.port() == kOllamaPort) {
        askOllama();
        return;
    }
    done();
}

void ProviderProbe::askOllama()
{
    QUrl url(m_report.baseUrl);
    url.setPath(QStringLiteral("/api/tags"));
    m_askingOllama = true;
    send(url.toString(), {{"Accept", "application/json"}});
}

void ProviderProbe::done()
{
    Q_EMIT finished(m_report);
    deleteLater();
}

QString ProviderProbe::withoutKey(QString text) const
{
    if (m_apiKey.size() >= 4)
        text.replace(m_apiKey, QStringLiteral("***"));
    return text;
}

} // namespace Madf

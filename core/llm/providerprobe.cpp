#include "core/llm/providerprobe.h"
#include "core/llm/monotonicclock.h"

#include "core/llm/qnamexchange.h"
#include "core/llm/retrypolicy.h"
#include "core/llm/socketexchange.h"
#include "core/llm/wireformat.h"

#include <QTimerEvent>
#include <QUrl>

#include <utility>

namespace Madf {

namespace {

constexpr int kOllamaPort = 11434;
constexpr int kAnswerTimeoutMs = 10000; // on top of the connect timeout: a model list is small
constexpr qsizetype kMaxBody = 16 << 20;  // a model list, not a download

QString trimmedUrl(QString url)
{
    url = url.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

} // namespace

ProviderProbe::ProviderProbe(const ProviderConfig &provider, std::shared_ptr<const WireFormat> wire,
                             const QString &apiKey, QNetworkAccessManager *manager,
                             std::shared_ptr<HttpConnectionPool> connections, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_wire(std::move(wire))
    , m_apiKey(apiKey)
    , m_manager(manager)
    , m_connections(std::move(connections))
{
    m_report.provider = provider.name;
}

ProviderProbe::~ProviderProbe()
{
    dropExchange();
}

void ProviderProbe::dropExchange()
{
    if (!m_exchange)
        return;
    m_exchange->disconnect(this);
    m_exchange->abort();
    m_exchange = nullptr;
}

void ProviderProbe::start()
{
    tryReplica();
}

void ProviderProbe::tryReplica()
{
    ++m_replica;
    if (m_replica >= m_provider.baseUrls.size()) {
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
    HttpExchange::Request request;
    request.url = QUrl(url);
    request.headers = headers;
    if (HttpExchange::usesSocketTransport(request.url) && m_connections)
        m_exchange = new SocketExchange(m_connections, std::move(request));
    else
        m_exchange = new QnamExchange(m_manager, std::move(request));
    m_body.clear();
    connect(m_exchange, &HttpExchange::dataReceived, this, [this](const QByteArray &data) {
        if (m_body.size() < kMaxBody)
            m_body += data;
    });
    connect(m_exchange, &HttpExchange::finished, this, &ProviderProbe::onReplyFinished);
    m_exchange->start();
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
    if (!m_exchange)
        return;
    dropExchange();
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
    HttpExchange *exchange = m_exchange;
    m_exchange = nullptr; // it deletes itself
    exchange->disconnect(this);
    const int status = exchange->statusCode();
    const QByteArray body = std::exchange(m_body, QByteArray());
    const HttpHeaders headers = exchange->headers();
    const QNetworkReply::NetworkError netError = exchange->error();
    const QString netMessage = exchange->errorString();

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

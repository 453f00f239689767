#include "core/llm/localserverdetector.h"

#include "core/llm/monotonicclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QUrl>

namespace Madf {

namespace {

const QLatin1String kOllama("ollama");
const QLatin1String kLlamaCpp("llamacpp");
const QLatin1String kLmStudio("lmstudio");
const QLatin1String kVllm("vllm");
const QLatin1String kTagsPath("/api/tags");
const QLatin1String kModelsPath("/v1/models");
const QLatin1String kHealthPath("/health");


/** Ollama's `{"models": [{"name": ...}, ...]}`; nullopt when the body is not that. */
std::optional<QStringList> ollamaModels(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject() || !doc.object().value(QLatin1String("models")).isArray())
        return std::nullopt;
    QStringList models;
    for (const QJsonValue &entry : doc.object().value(QLatin1String("models")).toArray()) {
        const QJsonObject model = entry.toObject();
        QString name = model.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            name = model.value(QLatin1String("model")).toString();
        if (name.isEmpty())
            return std::nullopt;
        models << name;
    }
    return models;
}

/** The OpenAI list `{"data": [{"id": ...}, ...]}`; nullopt when the body is not that. */
std::optional<QStringList> openAiModels(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject() || !doc.object().value(QLatin1String("data")).isArray())
        return std::nullopt;
    QStringList models;
    for (const QJsonValue &entry : doc.object().value(QLatin1String("data")).toArray()) {
        const QString id = entry.toObject().value(QLatin1String("id")).toString();
        if (id.isEmpty())
            return std::nullopt;
        models << id;
    }
    return models;
}

} // namespace

QString LocalServer::label() const
{
    return LocalServerDetector::labelFor(kind);
}

LocalServerDetector::LocalServerDetector(QObject *parent)
    : QObject(parent)
    , m_candidates(defaultCandidates())
{
    qRegisterMetaType<Madf::LocalServer>();
}

LocalServerDetector::~LocalServerDetector()
{
    cancel();
}

QList<LocalServerDetector::Candidate> LocalServerDetector::defaultCandidates()
{
    return {{kOllama, 11434}, {kLmStudio, 1234}, {kLlamaCpp, 8080}, {kVllm, 8000}};
}

quint16 LocalServerDetector::defaultPort(const QString &kind)
{
    for (const Candidate &c : defaultCandidates())
        if (c.kind == kind)
            return c.port;
    return 0;
}

QString LocalServerDetector::labelFor(const QString &kind)
{
    if (kind == kOllama)
        return tr("Ollama");
    if (kind == kLlamaCpp)
        return tr("llama.cpp server");
    if (kind == kLmStudio)
        return tr("LM Studio");
    if (kind == kVllm)
        return tr("vLLM");
    return kind;
}

void LocalServerDetector::start()
{
    cancel();
    if (!m_manager) {
        m_manager = new QNetworkAccessManager(this);
        // A server on this machine is never reached through a proxy.
        m_manager->setProxy(QNetworkProxy::NoProxy);
    }
    m_found = QList<std::optional<LocalServer>>(m_candidates.size());
    for (int i = 0; i < m_candidates.size(); ++i)
        ask(i, m_candidates.at(i).kind == kOllama ? QString(kTagsPath) : QString(kModelsPath));
    if (m_pending == 0)
        Q_EMIT finished({});
}

void LocalServerDetector::cancel()
{
    const QList<QNetworkReply *> replies = std::exchange(m_replies, {});
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_pending = 0;
}

QList<LocalServer> LocalServerDetector::servers() const
{
    QList<LocalServer> list;
    for (const auto &server : m_found)
        if (server && server->port != 0)
            list << *server;
    return list;
}

void LocalServerDetector::ask(int index, const QString &path)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_host);
    url.setPort(m_candidates.at(index).port);
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_manager->get(request);
    m_replies << reply;
    ++m_pending;
    const qint64 sentMs = monotonicMs();
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, index, path, sentMs] { onReply(reply, index, path, sentMs); });
}

void LocalServerDetector::onReply(QNetworkReply *reply, int index, const QString &path, qint64 sentMs)
{
    m_replies.removeOne(reply);
    reply->deleteLater();
    --m_pending;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = status == 200 ? reply->readAll() : QByteArray();
    const Candidate &candidate = m_candidates.at(index);

    if (path == kHealthPath) {
        // 503 while the model loads; a server without /health is taken as ready.
        if (m_found[index])
            m_found[index]->ready = status != 503;
        announce(index);
    } else {
        const std::optional<QStringList> models = path == kTagsPath ? ollamaModels(body) : openAiModels(body);
        if (models) {
            LocalServer server;
            server.kind = candidate.kind;
            server.host = m_host;
            server.port = candidate.port;
            server.baseUrl = QStringLiteral("http://%1/v1").arg(server.address());
            server.models = *models;
            server.latencyMs = monotonicMs() - sentMs;
            m_found[index] = server;
            if (candidate.kind == kLlamaCpp)
                ask(index, kHealthPath);
            else
                announce(index);
        }
    }
    if (m_pending == 0)
        Q_EMIT finished(servers());
}

void LocalServerDetector::announce(int index)
{
    if (m_found.value(index))
        Q_EMIT serverFound(*m_found.at(index));
}

} // namespace Madf

#include "modelcatalog.h"

#include "core/llm/llmclient.h"

#include <QCryptographicHash>
#include <QPointer>

namespace Madf::Ui {

ModelCatalog::ModelCatalog(QObject *parent)
    : QObject(parent)
    , m_config(Config::defaults())
{
}

ModelCatalog::~ModelCatalog() = default;

void ModelCatalog::setConfig(const Config &config)
{
    m_config = config;
    if (m_client)
        m_client->setConfig(config);
    // A list fetched with other settings (URL, key) may no longer be true.
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (it->fingerprint != fingerprint(it.key()))
            it = m_cache.erase(it);
        else
            ++it;
    }
}

QString ModelCatalog::fingerprint(const QString &provider) const
{
    const auto it = m_config.providers.constFind(provider);
    if (it == m_config.providers.cend())
        return {};
    QStringList parts{it->api, it->baseUrls.join(QLatin1Char(' ')), QString::number(it->local)};
    for (auto h = it->headers.cbegin(); h != it->headers.cend(); ++h)
        parts << h.key() + QLatin1Char('=') + h.value();
    // Only a digest of the key, so the cache never holds a copy of it.
    parts << QString::fromLatin1(
        QCryptographicHash::hash(m_config.apiKeyFor(provider).toUtf8(), QCryptographicHash::Sha256).toHex());
    return parts.join(QLatin1Char('\n'));
}

void ModelCatalog::request(const QString &provider)
{
    const QString print = fingerprint(provider);
    const auto cached = m_cache.constFind(provider);
    if (cached != m_cache.cend() && cached->fingerprint == print) {
        const QStringList models = cached->models;
        QMetaObject::invokeMethod(
            this, [this, provider, models] { Q_EMIT modelsListed(provider, models, QString()); }, Qt::QueuedConnection);
        return;
    }
    if (m_listing.value(provider) == print && m_listing.contains(provider))
        return; // already on its way
    if (!m_client)
        m_client = new LlmClient(m_config, this);
    m_listing.insert(provider, print);
    Q_EMIT listingStarted(provider);
    m_client->listModels(provider, this, [this, provider, print](const QStringList &models, const QString &error) {
        if (m_listing.value(provider) == print)
            m_listing.remove(provider);
        if (print != fingerprint(provider))
            return; // fetched with settings no longer in force
        if (error.isEmpty())
            m_cache.insert(provider, Entry{print, models, QString()});
        Q_EMIT modelsListed(provider, models, error);
    });
}

} // namespace Madf::Ui

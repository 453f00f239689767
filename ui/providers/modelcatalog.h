#pragma once

#include "core/config/config.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace Madf {
class LlmClient;
}

namespace Madf::Ui {

/** The models each configured provider serves, for the Inspector's model
 *  fields: fetched in the background (LlmClient::listModels) the first time
 *  a provider is asked for, kept for the session, fetched again when the
 *  provider's settings or key change. */
class ModelCatalog : public QObject
{
    Q_OBJECT

public:
    explicit ModelCatalog(QObject *parent = nullptr);
    ~ModelCatalog() override;

    /** The providers (with their keys in Config::providerKeys). */
    void setConfig(const Config &config);

    /** modelsListed(@p provider, ...) follows, on a later event-loop turn
     *  (at once from the cache, else when the endpoint answers). */
    void request(const QString &provider);
    bool isListing(const QString &provider) const { return m_listing.contains(provider); }
    QStringList models(const QString &provider) const { return m_cache.value(provider).models; }

Q_SIGNALS:
    void listingStarted(const QString &provider);
    /** @p error is empty when the list came back (it may still be empty). */
    void modelsListed(const QString &provider, const QStringList &models, const QString &error);

private:
    struct Entry
    {
        QString fingerprint;
        QStringList models;
        QString error;
    };

    QString fingerprint(const QString &provider) const;

    Config m_config;
    LlmClient *m_client = nullptr;
    QHash<QString, Entry> m_cache;
    QHash<QString, QString> m_listing; ///< provider -> fingerprint being fetched
};

} // namespace Madf::Ui

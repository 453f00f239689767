#include "providerkeys.h"

#include "core/config/secretstore.h"
#include "core/log/log.h"

#ifdef MADF_HAVE_QTKEYCHAIN
#include "keychainsecretstore.h"
#endif

namespace Madf::Ui {

ProviderKeys::ProviderKeys(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_store->setParent(this);
}

SecretStore *ProviderKeys::createDesktopStore(QObject *parent)
{
    if (qEnvironmentVariable("MADF_SECRET_STORE") == QLatin1String("memory"))
        return new MemorySecretStore(
            tr("MADF_SECRET_STORE=memory is set, so keys you enter are kept only until MADF Studio quits."), parent);
#ifdef MADF_HAVE_QTKEYCHAIN
    return new KeychainSecretStore(parent);
#else
    return new MemorySecretStore(tr("This build of MADF Studio has no keychain support, so keys you enter are "
                                    "kept only until it quits."),
                                 parent);
#endif
}

void ProviderKeys::load(const QStringList &providers)
{
    for (const QString &provider : providers) {
        m_store->read(provider, this, [this, provider](const QString &secret, const QString &) {
            // A key set in this session while the keychain was being read wins.
            if (secret.isEmpty() || m_setThisSession.contains(provider))
                return;
            Log::registerSecret(secret);
            m_keys.insert(provider, secret);
            Q_EMIT keysChanged();
        });
    }
}

void ProviderKeys::setKey(const QString &provider, const QString &key)
{
    if (m_keys.value(provider) == key && (m_keys.contains(provider) || key.isEmpty()))
        return;
    m_setThisSession.insert(provider);
    if (key.isEmpty()) {
        m_keys.remove(provider);
        m_store->remove(provider, this, [](const QString &) {});
    } else {
        Log::registerSecret(key);
        m_keys.insert(provider, key);
        m_store->write(provider, key, this, [](const QString &) {});
    }
    Q_EMIT keysChanged();
}

void ProviderKeys::renameProvider(const QString &from, const QString &to)
{
    if (from == to || !m_keys.contains(from))
        return;
    const QString key = m_keys.value(from);
    setKey(from, QString());
    setKey(to, key);
}

Config ProviderKeys::applied(Config config) const
{
    config.providerKeys.clear();
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        if (config.providers.contains(it.key()))
            config.providerKeys.insert(it.key(), it.value());
    return config;
}

} // namespace Madf::Ui

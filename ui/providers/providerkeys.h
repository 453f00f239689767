#pragma once

#include "core/config/config.h"

#include <QMap>
#include <QObject>
#include <QSet>

namespace Madf {
class SecretStore;
}

namespace Madf::Ui {

/** The API keys the user gave MADF Studio, for this session: read from the
 *  SecretStore (the desktop keychain) at start, changed in the Providers
 *  dialog, and put into the Config handed to the engine (Config::
 *  providerKeys, memory only: never in YAML, logs or the database). Every
 *  key is registered with the log's redactor as soon as it is known. */
class ProviderKeys : public QObject
{
    Q_OBJECT

public:
    /** Takes ownership of @p store. */
    explicit ProviderKeys(SecretStore *store, QObject *parent = nullptr);

    /** The desktop keychain when MADF Studio was built with QtKeychain,
     *  else (or with MADF_SECRET_STORE=memory) a session-only store. */
    static SecretStore *createDesktopStore(QObject *parent = nullptr);

    SecretStore *store() const { return m_store; }

    /** Reads the stored keys of @p providers; keysChanged() follows for those found. */
    void load(const QStringList &providers);
    QString key(const QString &provider) const { return m_keys.value(provider); }
    bool hasKey(const QString &provider) const { return m_keys.contains(provider); }
    QStringList providers() const { return m_keys.keys(); }

    /** Uses @p key from now on and stores it; an empty key forgets it. */
    void setKey(const QString &provider, const QString &key);
    void renameProvider(const QString &from, const QString &to);

    /** @p config with the keys of this session in Config::providerKeys. */
    Config applied(Config config) const;

Q_SIGNALS:
    void keysChanged();

private:
    SecretStore *m_store;
    QMap<QString, QString> m_keys;
    QSet<QString> m_setThisSession;
};

} // namespace Madf::Ui

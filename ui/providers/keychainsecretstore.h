#pragma once

#include "core/config/secretstore.h"

namespace QKeychain {
class Job;
}

namespace Madf::Ui {

/** API keys in the desktop keychain through QtKeychain (Secret Service /
 *  KWallet on Linux, Keychain on macOS, Credential Manager on Windows),
 *  never QtKeychain's plain-text fallback. When the keychain cannot be used
 *  (no D-Bus Secret Service, as under Xvfb or in CI), keys are kept in
 *  memory for the session and notice() says so in plain words. */
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    QString backendName() const override;
    void read(const QString &account, QObject *context, ReadDone done) override;
    void write(const QString &account, const QString &secret, QObject *context, WriteDone done) override;
    void remove(const QString &account, QObject *context, WriteDone done) override;

    /** The keychain's "service": the name entries are filed under. */
    static QString serviceName();

private:
    void checkAvailability();
    /** The keychain failed with @p job's error: keys stay in memory from now on. */
    void fallBack(const QKeychain::Job *job);
    bool usesKeychain() const { return persistence() != Persistence::SessionOnly; }

    MemorySecretStore m_session;
};

} // namespace Madf::Ui

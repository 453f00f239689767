#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Madf {

/** Where API keys typed into MADF Studio are kept: the desktop keychain
 *  when one runs, else this process's memory. Keys never go to the YAML
 *  file, the log or the database; a key in an environment variable named by
 *  `providers.<name>.api_key_env` works whatever the store.
 *
 *  Every operation is asynchronous (a keychain may ask the user to unlock
 *  it): the callback runs later in @p context's thread, never before the
 *  call returns, and not at all once @p context is gone. Accounts are
 *  provider names. */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Persistence {
        Checking,     ///< not known yet (the keychain has not answered)
        Persistent,   ///< kept across sessions by the keychain
        SessionOnly,  ///< kept in memory until MADF Studio quits
    };
    Q_ENUM(Persistence)

    using ReadDone = std::function<void(QString secret, QString error)>;
    using WriteDone = std::function<void(QString error)>;

    explicit SecretStore(QObject *parent = nullptr);

    Persistence persistence() const { return m_persistence; }
    /** Why keys are only kept for this session, in plain words; empty when
     *  they are kept. */
    QString notice() const { return m_notice; }
    /** Where keys go, for a label: "the GNOME keyring", "memory"... */
    virtual QString backendName() const = 0;

    /** An empty secret with an empty error: nothing is stored for @p account. */
    virtual void read(const QString &account, QObject *context, ReadDone done) = 0;
    virtual void write(const QString &account, const QString &secret, QObject *context, WriteDone done) = 0;
    virtual void remove(const QString &account, QObject *context, WriteDone done) = 0;

    /** What to do to keep a key when the store is session-only, naming the
     *  variable that would hold it (e.g. OPENAI_API_KEY) when one is given. */
    static QString sessionOnlyHint(const QString &envVar);

Q_SIGNALS:
    void persistenceChanged(Madf::SecretStore::Persistence persistence);

protected:
    void setPersistence(Persistence persistence, const QString &notice = {});
    /** Runs @p work in @p context on the next event-loop turn (unless
     *  @p context is gone by then). */
    static void later(QObject *context, std::function<void()> work);

private:
    Persistence m_persistence = Persistence::Checking;
    QString m_notice;
};

/** Keeps keys in this process's memory only: the fallback where no keychain
 *  service runs (headless, CI, a build without QtKeychain) and the store of
 *  tests. */
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    /** @p reason says why nothing better is available; it becomes notice(). */
    explicit MemorySecretStore(const QString &reason, QObject *parent = nullptr);

    QString backendName() const override;
    void read(const QString &account, QObject *context, ReadDone done) override;
    void write(const QString &account, const QString &secret, QObject *context, WriteDone done) override;
    void remove(const QString &account, QObject *context, WriteDone done) override;

    /** Synchronous access for a store that falls back to this one. */
    QString value(const QString &account) const { return m_secrets.value(account); }
    void insert(const QString &account, const QString &secret);
    void erase(const QString &account) { m_secrets.remove(account); }
    bool contains(const QString &account) const { return m_secrets.contains(account); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace Madf

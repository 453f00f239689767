#include "secretstore.h"

#include <QPointer>

namespace Madf {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

QString SecretStore::sessionOnlyHint(const QString &envVar)
{
    if (envVar.isEmpty())
        return tr("To keep a key, put it in an environment variable and choose that variable as the key's source.");
    return tr("To keep this key, set %1 before starting MADF Studio.").arg(envVar);
}

void SecretStore::setPersistence(Persistence persistence, const QString &notice)
{
    if (persistence == m_persistence && notice == m_notice)
        return;
    m_persistence = persistence;
    m_notice = notice;
    Q_EMIT persistenceChanged(persistence);
}

void SecretStore::later(QObject *context, std::function<void()> work)
{
    QPointer<QObject> target(context);
    if (!target)
        return;
    QMetaObject::invokeMethod(
        target.data(),
        [target, work = std::move(work)] {
            if (target)
                work();
        },
        Qt::QueuedConnection);
}

MemorySecretStore::MemorySecretStore(const QString &reason, QObject *parent)
    : SecretStore(parent)
{
    setPersistence(Persistence::SessionOnly, reason);
}

QString MemorySecretStore::backendName() const
{
    return tr("memory (this session only)");
}

void MemorySecretStore::read(const QString &account, QObject *context, ReadDone done)
{
    const QString secret = m_secrets.value(account);
    later(context, [done = std::move(done), secret] { done(secret, QString()); });
}

void MemorySecretStore::write(const QString &account, const QString &secret, QObject *context, WriteDone done)
{
    insert(account, secret);
    later(context, [done = std::move(done)] { done(QString()); });
}

void MemorySecretStore::remove(const QString &account, QObject *context, WriteDone done)
{
    erase(account);
    later(context, [done = std::move(done)] { done(QString()); });
}

void MemorySecretStore::insert(const QString &account, const QString &secret)
{
    if (secret.isEmpty())
        m_secrets.remove(account);
    else
        m_secrets.insert(account, secret);
}

} // namespace Madf

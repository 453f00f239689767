#include "keychainsecretstore.h"

#include "core/log/log.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace Madf::Ui {

// The jobs have no parent on purpose: the keychain backends (libsecret)
// call back into a job when their D-Bus answer comes, so a job deleted with
// this store while waiting would be used after it was freed (a crash on
// quit). A job deletes itself once finished; the connections made with
// this store as context end with it.

namespace {
// An entry nobody writes: reading it tells whether the keychain answers at all.
const QLatin1String kProbeAccount("madf-studio-availability-check");
} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
    , m_session(QString())
{
    checkAvailability();
}

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("MADF Studio");
}

QString KeychainSecretStore::backendName() const
{
    return usesKeychain() ? tr("the desktop keychain") : m_session.backendName();
}

void KeychainSecretStore::checkAvailability()
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(kProbeAccount);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            setPersistence(Persistence::Persistent);
        else
            fallBack(j);
    });
    job->start();
}

void KeychainSecretStore::fallBack(const QKeychain::Job *job)
{
    if (!usesKeychain())
        return;
    // The user gets the plain consequence; the technical cause goes to the log.
    Log::info(QStringLiteral("keychain not usable (%1): %2").arg(int(job->error())).arg(job->errorString()));
    setPersistence(Persistence::SessionOnly,
                   job->error() == QKeychain::AccessDenied || job->error() == QKeychain::AccessDeniedByUser
                       ? tr("The keychain refused access, so keys you enter are kept only until MADF Studio quits.")
                       : tr("No keychain service is running, so keys you enter are kept only until MADF Studio "
                            "quits."));
}

void KeychainSecretStore::read(const QString &account, QObject *context, ReadDone done)
{
    if (m_session.contains(account) || !usesKeychain()) {
        const QString secret = m_session.value(account);
        later(context, [done = std::move(done), secret] { done(secret, QString()); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(account);
    job->setInsecureFallback(false);
    QPointer<QObject> target(context);
    connect(job, &QKeychain::Job::finished, this, [this, target, account, done](QKeychain::Job *j) {
        QString secret;
        if (j->error() == QKeychain::NoError)
            secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
        else if (j->error() != QKeychain::EntryNotFound)
            fallBack(j);
        if (secret.isEmpty())
            secret = m_session.value(account);
        if (target)
            later(target, [done, secret] { done(secret, QString()); });
    });
    job->start();
}

void KeychainSecretStore::write(const QString &account, const QString &secret, QObject *context, WriteDone done)
{
    // The session copy makes the key usable at once, whatever the keychain says.
    m_session.insert(account, secret);
    if (!usesKeychain()) {
        later(context, [done = std::move(done)] { done(QString()); });
        return;
    }
    QKeychain::Job *job = nullptr;
    if (secret.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(serviceName());
    } else {
        auto *writeJob = new QKeychain::WritePasswordJob(serviceName());
        writeJob->setTextData(secret);
        job = writeJob;
    }
    job->setKey(account);
    job->setInsecureFallback(false);
    QPointer<QObject> target(context);
    connect(job, &QKeychain::Job::finished, this, [this, target, done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            fallBack(j);
        if (target)
            later(target, [done] { done(QString()); });
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &account, QObject *context, WriteDone done)
{
    write(account, QString(), context, std::move(done));
}

} // namespace Madf::Ui

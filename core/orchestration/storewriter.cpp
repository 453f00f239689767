#include "storewriter.h"

#include "engineservices.h"

#include "core/log/log.h"
#include "core/storage/documentstore.h"

#include <QTimer>

namespace Madf {

StoreWriter::StoreWriter(QObject *parent)
    : QObject(parent)
    , m_commitTimer(new QTimer(this))
{
    m_commitTimer->setSingleShot(true);
    connect(m_commitTimer, &QTimer::timeout, this, &StoreWriter::flush);
}

StoreWriter::~StoreWriter()
{
    flush();
}

void StoreWriter::setStore(DocumentStore *store)
{
    flush();
    m_store = store;
}

DocumentStore *StoreWriter::forWriting()
{
    if (!m_store || !m_store->isOpen())
        return nullptr;
    if (!m_open) {
        QString error;
        if (!m_store->begin(&error)) {
            // Each write then commits on its own, as without grouping.
            Log::warning(QStringLiteral("writes are not grouped: %1").arg(error));
            return m_store;
        }
        m_open = true;
        scheduleCommit();
    }
    return m_store;
}

void StoreWriter::scheduleCommit()
{
    // Committed from the event loop, so never inside a pass: a call's
    // record and its step stay in one transaction.
    const qint64 since = m_sinceCommit.isValid() ? m_sinceCommit.elapsed() : kMinCommitIntervalMs;
    if (since >= kMinCommitIntervalMs)
        QMetaObject::invokeMethod(this, &StoreWriter::flush, Qt::QueuedConnection);
    else
        m_commitTimer->start(int(kMinCommitIntervalMs - since));
}

void StoreWriter::saveBeforeCommit(const void *owner, std::function<void()> write)
{
    if (!forWriting())
        return;
    if (!m_open) {
        write();
        return;
    }
    m_pendingSaves.insert(owner, std::move(write));
}

void StoreWriter::saveNow(const void *owner)
{
    const std::function<void()> write = m_pendingSaves.take(owner);
    if (write)
        write();
}

void StoreWriter::flush()
{
    if (!m_open)
        return;
    // A save may ask for another one: run them until none is left.
    while (!m_pendingSaves.isEmpty()) {
        const QHash<const void *, std::function<void()>> saves = std::exchange(m_pendingSaves, {});
        for (const std::function<void()> &write : saves)
            write();
    }
    m_open = false;
    m_commitTimer->stop();
    m_sinceCommit.start();
    QString error;
    if (!m_store->commit(&error))
        Log::warning(QStringLiteral("the documents database could not save the latest changes: %1").arg(error));
}

DocumentStore *EngineServices::writableStore() const
{
    return writer ? writer->forWriting() : nullptr;
}

} // namespace Madf
